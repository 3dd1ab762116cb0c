//! Why the engine refuses a command: one variant per reason, each with a machine code for the
//! API and a sentence that tells the person what to do.

use madoguchi_protocol::{CounterId, ServiceId, TicketId, Timestamp};

/// Why a command was refused. `code()` is the API's machine code; `Display` is a sentence
/// that tells the person what to do.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EngineError {
    #[error(
        "There is no site \"{0}\". Check the site id in the URL or the device's configuration."
    )]
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
    #[error(
        "All numbers of service \"{0}\" are used up today. Ask a supervisor to widen the number range."
    )]
    NumbersExhausted(ServiceId),
    #[error("Ticket {id} was already issued.")]
    DuplicateTicket { id: TicketId },
    #[error(
        "No numbers of service \"{0}\" are left to lend to a kiosk today; the kiosk sends visitors to the counter while offline."
    )]
    NoLeaseRoom(ServiceId),
    #[error(
        "Number {number} was not lent to this kiosk today (or was already uploaded as another ticket); an offline ticket can only carry a number from the kiosk's own lease."
    )]
    NotLeased { number: String },
    #[error(
        "This ticket was issued on another day; only today's offline tickets can join today's queues."
    )]
    WrongDay,
    #[error("Counter {counter} cannot take these weights: {message}.")]
    BadWeights { counter: CounterId, message: String },
    #[error(
        "This booking is for another day. Check the date on the booking confirmation; today a normal ticket can be taken."
    )]
    BookingNotToday,
    #[error(
        "The booked time has passed (more than {grace_min} minutes after the booked slot). A normal ticket can be taken instead."
    )]
    BookingLate { grace_min: u32 },
    #[error(
        "This booking was already checked in today (ticket {number}). Keep that ticket; staff at the reception can help if it is lost."
    )]
    BookingUsed { number: String },
}

impl EngineError {
    /// Machine code for the API: `unknown_site`, `unknown_service`, `unknown_counter`,
    /// `unknown_ticket`, `site_closed`, `invalid_state`, `counter_paused`, `no_current_ticket`,
    /// `numbers_exhausted`, `duplicate_ticket`, `no_lease_room`, `not_leased`, `wrong_day`, `invalid_weights`,
    /// `booking_not_today`, `booking_late`, `booking_used`.
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
            EngineError::NoLeaseRoom(_) => "no_lease_room",
            EngineError::NotLeased { .. } => "not_leased",
            EngineError::WrongDay => "wrong_day",
            EngineError::BadWeights { .. } => "invalid_weights",
            EngineError::BookingNotToday => "booking_not_today",
            EngineError::BookingLate { .. } => "booking_late",
            EngineError::BookingUsed { .. } => "booking_used",
        }
    }
}
