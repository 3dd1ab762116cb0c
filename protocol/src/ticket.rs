//! Tickets as the outside world sees them: number, service, state, needs — never a person.

use serde::{Deserialize, Serialize};

use crate::{BookedSlot, CounterId, Lang, ServiceId, SiteId, TicketId, Timestamp};

/// Where a ticket is in its life.
///
/// `Waiting → Called → Serving → Done`; `NoShow` (can be put back to `Waiting` within the
/// grace period); `Cancelled`; `Expired` when the day ended before the ticket was finished
/// (closed by the server at the day change). A transfer puts a ticket back to `Waiting` in another queue
/// with the same number; it is not a state of its own but shows in `Ticket::transfers`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TicketState {
    Waiting,
    Called,
    Serving,
    Done,
    NoShow,
    Cancelled,
    Expired,
}

impl TicketState {
    /// Terminal states end a ticket's life (a no-show can still be put back during its grace).
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            TicketState::Done | TicketState::NoShow | TicketState::Cancelled | TicketState::Expired
        )
    }
}

/// What a visitor asked the staff to know. Carried on the ticket, shown to staff, printed as marks.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema,
)]
#[serde(default)]
pub struct Needs {
    /// 点字記名用の交付申請書: the braille-signature application form.
    pub braille_form: bool,
    pub wheelchair: bool,
    /// 筆談: communication in writing.
    pub written: bool,
    /// An interpreter (or staff coordination for the language).
    pub interpreter: bool,
    /// "Please help me": staff come to the visitor.
    pub help: bool,
    /// Some other need the visitor will explain at the counter (no free text is stored).
    pub other: bool,
}

impl Needs {
    /// Whether staff go to the visitor in the waiting area instead of waiting for them at the
    /// counter: a visitor who asked for the braille-signature form may not see the board.
    pub fn staff_go_to_visitor(&self) -> bool {
        self.braille_form
    }

    pub fn any(&self) -> bool {
        self.braille_form
            || self.wheelchair
            || self.written
            || self.interpreter
            || self.help
            || self.other
    }
}

/// A ticket as staff and devices see it. The number is what is printed and called, e.g. `A-023`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Ticket {
    pub id: TicketId,
    pub site: SiteId,
    /// The service the ticket currently waits for or is served in.
    pub service: ServiceId,
    /// The printed number, prefix and zero-padded sequence, e.g. `A-023`.
    pub number: String,
    pub lang: Lang,
    pub needs: Needs,
    pub state: TicketState,
    /// The counter that called it (set from `Called` on).
    pub counter: Option<CounterId>,
    pub issued_at: Timestamp,
    pub called_at: Option<Timestamp>,
    pub served_at: Option<Timestamp>,
    pub finished_at: Option<Timestamp>,
    /// How many times it has been transferred; a transferred ticket keeps its number.
    pub transfers: u32,
    /// How many times it has been recalled.
    pub recalls: u32,
    /// The kiosk (device name) that issued it, or `None` when staff issued it by hand.
    pub kiosk: Option<String>,
    /// Whether the kiosk reported the paper ticket as printed (`None`: not reported yet).
    pub printed: Option<bool>,
    /// Issued by a kiosk from its lease while the server was unreachable, uploaded later.
    #[serde(default)]
    pub offline: bool,
    /// Checked in for a booking (`POST /api/sites/{site}/check-in`): the booked slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking: Option<BookedSlot>,
}

/// What the ticket's public status page (the QR code's target) may know: this ticket only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TicketStatus {
    pub number: String,
    pub site: SiteId,
    pub site_name: String,
    pub service: ServiceId,
    /// Locale key of the service name, e.g. `service-pickup`.
    pub service_name_key: String,
    /// The service's Japanese name, for visitors and for staff.
    pub service_name_ja: String,
    pub lang: Lang,
    pub state: TicketState,
    /// Tickets ahead of this one in its queue (0 when called or finished).
    pub people_ahead: u32,
    /// Estimated minutes until it is called (0 when called or finished).
    pub eta_min: u32,
    /// The estimate as a range (`0–0` when called or finished).
    #[serde(default)]
    pub eta_range: crate::WaitRange,
    /// The counter to go to, once called.
    pub counter: Option<CounterId>,
    pub counter_name: Option<String>,
    pub issued_at: Timestamp,
    pub called_at: Option<Timestamp>,
}
