//! What the kiosk shows: the screens of the flow and the state of printing and staff calls.

use std::time::Duration;

use madoguchi_protocol::{IssuedTicket, Needs, ServiceId, Timestamp};

/// What the screen shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Screen {
    Home,
    Purpose,
    Question {
        node: String,
    },
    /// No ticket: where to go instead.
    Guidance {
        text: String,
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
    Closed {
        next_opening: Option<Timestamp>,
    },
    Offline,
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
