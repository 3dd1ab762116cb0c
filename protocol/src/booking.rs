//! Booked card pickups (マイナンバーカード交付予約): what the city's reservation system tells the
//! server, what a kiosk sends to check a booking in, and the mark a checked-in ticket carries.
//!
//! A booking is a reference, a service and a slot: no name, birth date, address or card
//! number (the importer drops such columns before anything is stored).

use serde::{Deserialize, Serialize};

use crate::{Lang, Needs, ServiceId, SiteId, Timestamp};

/// One booking of a site's day, as imported (CSV) or pushed
/// (`POST /api/sites/{site}/reservations`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Booking {
    /// The reservation system's booking reference, as printed on the visitor's confirmation
    /// (letters, digits and `-`; compared without case, spaces or hyphens).
    pub reference: String,
    pub site: SiteId,
    pub service: ServiceId,
    pub slot_start: Timestamp,
    pub slot_end: Timestamp,
}

/// `POST /api/sites/{site}/check-in`: a kiosk checks a booking in by its reference and gets a
/// ticket for the booked service (answer: `IssuedTicket`, its ticket carrying a `BookedSlot`).
///
/// Refusals (`ApiError.code`), each with a sentence saying what to do: `booking_unknown`
/// (404: no such reference today), `booking_used` (409: already checked in),
/// `booking_other_site` (409: the booking is for another office, named by
/// `ApiError.site`), `booking_late` (409: later than the grace after the slot; the kiosk
/// offers a normal ticket), `booking_not_today` (409: the booking is for another day).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct CheckInRequest {
    pub reference: String,
    pub lang: Lang,
    #[serde(default)]
    pub needs: Needs,
}

/// The booking a ticket was issued for: its slot, and from when it may be called ahead of
/// walk-ins of its service (the calling window's start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BookedSlot {
    pub slot_start: Timestamp,
    pub slot_end: Timestamp,
    /// The earliest time the ticket is called (slot start minus the window, e.g. 5 min).
    pub call_from: Timestamp,
}

/// The answer to an import (`POST /api/sites/{site}/reservations`, `bookings import`): how
/// many bookings were stored and which columns of the file were not.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BookingImport {
    /// Bookings stored (new or updated; a booking already checked in is left as it is).
    pub imported: u32,
    /// Columns the importer does not use, in file order (e.g. `remarks`).
    #[serde(default)]
    pub ignored_columns: Vec<String>,
    /// Columns that look like personal data (name, birth date, address, card number…),
    /// dropped before anything was stored, in file order.
    #[serde(default)]
    pub dropped_personal_columns: Vec<String>,
}
