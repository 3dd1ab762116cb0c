//! One site's queues for one day: tickets, counters, and the commands that change them.

use chrono::NaiveDate;
use madoguchi_protocol::{
    Board, Call, CounterId, CounterStatus, EventBody, Lang, Needs, QueueStatus, ServiceId,
    Ticket, TicketId, Timestamp,
};
use serde::{Deserialize, Serialize};

use crate::{Config, Policy};

/// Everything that can change a site's queues. Persisted as JSON by the server and applied
/// again, in order and with the same `now`, to rebuild the state after a restart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Command {
    /// `id` is chosen by the caller (the server's database id), unique across days and sites.
    Issue {
        id: TicketId,
        service: ServiceId,
        lang: Lang,
        needs: Needs,
        kiosk: Option<String>,
    },
    CallNext { counter: CounterId },
    /// Call the counter's current ticket again (or `ticket`, e.g. a skipped one).
    Recall { counter: CounterId, ticket: Option<TicketId> },
    Start { counter: CounterId },
    Done { counter: CounterId },
    NoShow { counter: CounterId },
    /// Put the counter's called ticket back in its queue, keeping its place.
    Skip { counter: CounterId },
    /// Put a no-show back in its queue during the grace period.
    Requeue { ticket: TicketId },
    Cancel { ticket: TicketId },
    Transfer {
        ticket: TicketId,
        to_service: Option<ServiceId>,
        to_counter: Option<CounterId>,
    },
    Pause { counter: CounterId },
    Reopen { counter: CounterId },
    MarkPrinted { ticket: TicketId, printed: bool },
}

/// What a command did: the ticket it touched and the event to broadcast.
#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub ticket: Option<Ticket>,
    /// `None` for a command that changes nothing visible (e.g. `CallNext` on empty queues).
    pub event: Option<EventBody>,
}

/// Why a command was refused. `code()` is the API's machine code; `Display` is a sentence
/// that tells the person what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error("There is no site \"{0}\". Check the site id in the URL or the device's configuration.")]
    UnknownSite(String),
    #[error("This site has no service \"{0}\". Choose one of the site's services.")]
    UnknownService(String),
    #[error("This site has no counter \"{0}\". Choose one of the site's counters.")]
    UnknownCounter(String),
    #[error("There is no ticket {0} at this site today.")]
    UnknownTicket(TicketId),
    #[error("The office is closed now; tickets can be taken from the next opening time.")]
    Closed { next_opening: Option<Timestamp> },
    #[error("Ticket {number} is {state}; \"{action}\" is not possible now.")]
    InvalidState {
        number: String,
        state: String,
        action: String,
    },
    #[error("Counter {0} is paused. Reopen it first.")]
    CounterPaused(CounterId),
    #[error("Counter {0} has no current ticket. Call one first.")]
    NoCurrentTicket(CounterId),
    #[error("All numbers of service \"{0}\" are used up today. Ask a supervisor to widen the number range.")]
    NumbersExhausted(ServiceId),
    #[error("Ticket {id} was already issued.")]
    DuplicateTicket { id: TicketId },
}

impl EngineError {
    /// Machine code for the API: `unknown_site`, `unknown_service`, `unknown_counter`,
    /// `unknown_ticket`, `site_closed`, `invalid_state`, `counter_paused`, `no_current_ticket`,
    /// `numbers_exhausted`, `duplicate_ticket`.
    pub fn code(&self) -> &'static str {
        match self {
            EngineError::UnknownSite(_) => "unknown_site",
            EngineError::UnknownService(_) => "unknown_service",
            EngineError::UnknownCounter(_) => "unknown_counter",
            EngineError::UnknownTicket(_) => "unknown_ticket",
            EngineError::Closed { .. } => "site_closed",
            EngineError::InvalidState { .. } => "invalid_state",
            EngineError::CounterPaused(_) => "counter_paused",
            EngineError::NoCurrentTicket(_) => "no_current_ticket",
            EngineError::NumbersExhausted(_) => "numbers_exhausted",
            EngineError::DuplicateTicket { .. } => "duplicate_ticket",
        }
    }
}

/// The queues of one site on one day.
#[derive(Debug, Clone)]
pub struct SiteQueue {
    // Filled in by the engine implementation.
}

impl SiteQueue {
    /// An empty day at `site` on `date`, with the madoguchi policy.
    pub fn new(config: &Config, site: &str, date: NaiveDate) -> Result<SiteQueue, EngineError> {
        let _ = (config, site, date);
        todo!("engine")
    }

    /// The same with another call-next policy (the simulator compares them).
    pub fn with_policy(mut self, policy: Policy) -> SiteQueue {
        let _ = &mut self;
        let _ = policy;
        todo!("engine")
    }

    pub fn site(&self) -> &str {
        todo!("engine")
    }

    pub fn date(&self) -> NaiveDate {
        todo!("engine")
    }

    /// Applies one command at time `now`. Deterministic: the same state, command and `now`
    /// always give the same result. On error the state is unchanged.
    pub fn apply(&mut self, command: &Command, now: Timestamp) -> Result<Outcome, EngineError> {
        let _ = (command, now);
        todo!("engine")
    }

    /// Whether tickets can be issued at `now`; `Err(next_opening)` when closed.
    pub fn check_open(&self, now: Timestamp) -> Result<(), Option<Timestamp>> {
        let _ = now;
        todo!("engine")
    }

    pub fn ticket(&self, id: TicketId) -> Option<&Ticket> {
        let _ = id;
        todo!("engine")
    }

    /// Every ticket of the day, in issue order.
    pub fn tickets(&self) -> &[Ticket] {
        todo!("engine")
    }

    /// `(people_ahead, eta_min)` of a waiting ticket; `(0, 0)` once called or finished.
    pub fn position(&self, id: TicketId, now: Timestamp) -> Option<(u32, u32)> {
        let _ = (id, now);
        todo!("engine")
    }

    /// Waiting count and estimated wait per service, in the site's service order.
    pub fn queues(&self, now: Timestamp) -> Vec<QueueStatus> {
        let _ = now;
        todo!("engine")
    }

    pub fn counters(&self) -> Vec<CounterStatus> {
        todo!("engine")
    }

    /// The latest calls, newest first, at most `limit`.
    pub fn calls(&self, limit: usize) -> Vec<Call> {
        let _ = limit;
        todo!("engine")
    }

    /// The display's board at `now`.
    pub fn board(&self, now: Timestamp, notice: &str, last_event_id: u64) -> Board {
        let _ = (now, notice, last_event_id);
        todo!("engine")
    }
}
