//! What the kiosk shows: the screens of the flow and the state of printing and staff calls.

use std::time::Duration;

use madoguchi_protocol::{IssuedTicket, Needs, ServiceId, Timestamp};

use super::{Office, Refusal};

/// What the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Purpose,
    Question {
        node: String,
    },
    /// Speech mode, before a pickup or application path: the braille-signature form, yes or
    /// no (`purpose` indexes the tree's purposes).
    BrailleOffer {
        purpose: usize,
    },
    /// No ticket for what was asked: where to go instead, and the tickets that still help here.
    Guidance {
        text: String,
        /// Tickets the visitor can take from this screen (never empty when the site takes
        /// questions: the question ticket is always last).
        offers: Vec<Offer>,
        /// The office that does the errand, when this one does not.
        elsewhere: Option<Elsewhere>,
    },
    /// The errand, its documents, the needs toggles and the "get my ticket" button.
    Confirm {
        service: ServiceId,
        note: Option<String>,
        needs: Needs,
    },
    /// Waiting for the server's answer (at most [`super::NET_PATIENCE`]).
    Issuing {
        service: ServiceId,
        note: Option<String>,
        needs: Needs,
        since: Duration,
    },
    Ticket {
        issued: Box<IssuedTicket>,
        note: Option<String>,
        print: PrintStatus,
    },
    /// "I have a reservation": the reference typed so far, and whether the pad shows its
    /// letters page.
    BookingEntry {
        text: String,
        letters: bool,
    },
    /// Waiting for the server's answer to a check-in (at most [`super::NET_PATIENCE`]).
    CheckingIn {
        reference: String,
        since: Duration,
    },
    /// The booking was not checked in: why, and the way on.
    BookingRefused {
        refusal: Refusal,
        reference: String,
    },
    Closed {
        next_opening: Option<Timestamp>,
    },
    Offline,
}

/// A ticket a guidance screen offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offer {
    pub service: ServiceId,
    /// Locale key of the note shown with the ticket.
    pub note: Option<String>,
}

/// An errand this office does not do, and the office that does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Elsewhere {
    pub service: ServiceId,
    pub office: Office,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrintStatus {
    Printing,
    Printed,
    /// The reason, for staff (the visitor sees a fixed sentence).
    Failed(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffCall {
    None,
    Requested,
    Coming,
    Failed,
}
