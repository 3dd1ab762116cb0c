//! Server-sent events of a site: the stream that keeps displays and staff consoles live.
//!
//! Each event has an `id` that increases by one per site; the SSE `id:` field carries it, so a
//! client that reconnects with `Last-Event-ID` gets every event it missed. The SSE `event:`
//! field is `SiteEvent::kind()`, the `data:` field is the JSON of the whole `SiteEvent`.

use serde::{Deserialize, Serialize};

use crate::{Call, CounterId, Lang, QueueStatus, ServiceId, SiteId, Ticket, Timestamp};

/// One numbered event of a site's stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct SiteEvent {
    pub id: u64,
    pub site: SiteId,
    pub at: Timestamp,
    #[serde(flatten)]
    pub body: EventBody,
}

impl SiteEvent {
    /// The SSE `event:` name, e.g. `called`.
    pub fn kind(&self) -> &'static str {
        self.body.kind()
    }
}

/// What happened. Every variant that changes a queue carries the queues after the change,
/// so a display can update its waiting counts without a second request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum EventBody {
    Issued {
        ticket: Ticket,
        queues: Vec<QueueStatus>,
    },
    /// A ticket was called to a counter (also sent for a recall, with `call.recalls > 0`).
    Called {
        call: Call,
        ticket: Ticket,
        queues: Vec<QueueStatus>,
    },
    /// Service started at the counter.
    Started {
        ticket: Ticket,
    },
    Done {
        ticket: Ticket,
        queues: Vec<QueueStatus>,
    },
    NoShow {
        ticket: Ticket,
        queues: Vec<QueueStatus>,
    },
    /// A no-show or a skipped ticket was put back in its queue.
    Requeued {
        ticket: Ticket,
        queues: Vec<QueueStatus>,
    },
    Cancelled {
        ticket: Ticket,
        queues: Vec<QueueStatus>,
    },
    /// Same number, new queue (and maybe a named counter), ahead of new arrivals.
    Transferred {
        ticket: Ticket,
        from_service: ServiceId,
        to_counter: Option<CounterId>,
        queues: Vec<QueueStatus>,
    },
    CounterPaused {
        counter: CounterId,
        queues: Vec<QueueStatus>,
    },
    CounterOpened {
        counter: CounterId,
        queues: Vec<QueueStatus>,
    },
    /// A supervisor changed a counter's weights for today (the configuration's again tomorrow).
    CounterWeights {
        counter: CounterId,
        weights: std::collections::BTreeMap<ServiceId, u32>,
        queues: Vec<QueueStatus>,
    },
    /// The supervisor changed the display's notice line.
    Notice {
        text: String,
    },
    /// A visitor pressed "call staff" at a kiosk.
    AssistRequested {
        alert_id: i64,
        kiosk: String,
        lang: Lang,
    },
    /// A kiosk could not print a ticket; staff can reprint it.
    PrintFailed {
        alert_id: i64,
        ticket: Ticket,
        reason: String,
    },
    AlertAcknowledged {
        alert_id: i64,
        by: String,
    },
    /// A device reported a problem of its own: a display whose sound fails (`display_sound`),
    /// a kiosk printer whose paper is nearly used up (`printer_warning`). Staff must look.
    DisplayAlert {
        alert_id: i64,
        /// Serialized as `alert_kind`: `kind` is the event's own tag.
        #[serde(rename = "alert_kind")]
        kind: String,
        detail: String,
    },
    /// The day changed or the site opened/closed: reload the board.
    DayChanged,
}

impl EventBody {
    pub fn kind(&self) -> &'static str {
        match self {
            EventBody::Issued { .. } => "issued",
            EventBody::Called { .. } => "called",
            EventBody::Started { .. } => "started",
            EventBody::Done { .. } => "done",
            EventBody::NoShow { .. } => "no_show",
            EventBody::Requeued { .. } => "requeued",
            EventBody::Cancelled { .. } => "cancelled",
            EventBody::Transferred { .. } => "transferred",
            EventBody::CounterPaused { .. } => "counter_paused",
            EventBody::CounterOpened { .. } => "counter_opened",
            EventBody::CounterWeights { .. } => "counter_weights",
            EventBody::Notice { .. } => "notice",
            EventBody::AssistRequested { .. } => "assist_requested",
            EventBody::PrintFailed { .. } => "print_failed",
            EventBody::AlertAcknowledged { .. } => "alert_acknowledged",
            EventBody::DisplayAlert { .. } => "display_alert",
            EventBody::DayChanged => "day_changed",
        }
    }

    /// The queues after this event, where the event carries them.
    pub fn queues(&self) -> Option<&[QueueStatus]> {
        match self {
            EventBody::Issued { queues, .. }
            | EventBody::Called { queues, .. }
            | EventBody::Done { queues, .. }
            | EventBody::NoShow { queues, .. }
            | EventBody::Requeued { queues, .. }
            | EventBody::Cancelled { queues, .. }
            | EventBody::Transferred { queues, .. }
            | EventBody::CounterPaused { queues, .. }
            | EventBody::CounterOpened { queues, .. }
            | EventBody::CounterWeights { queues, .. } => Some(queues),
            _ => None,
        }
    }
}
