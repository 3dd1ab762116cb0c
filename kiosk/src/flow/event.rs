//! What moves the flow: events in (taps, time, answers from the server and the printer) and
//! effects out (requests for the network and the printer shells).
//!
//! Each issue request carries an attempt id that the network shell echoes on its answer, so an
//! answer for a visitor the kiosk has already given up on is never shown to the next one.

use madoguchi_protocol::{
    AssistRequest, CheckInRequest, GuidedRequest, IssueTicketRequest, IssuedTicket, Lang,
    QueueStatus, SiteInfo, Timestamp,
};

use super::{EntryKey, Need};

/// Something that happened: a tap, time passing, or an answer from the server or printer.
#[derive(Debug, Clone, PartialEq)]
pub enum KioskEvent {
    /// A language button on the home screen.
    ChooseLang(Lang),
    /// The language switch on any other screen.
    SwitchLang(Lang),
    ToggleLangPicker,
    /// Index into the tree's purposes.
    ChoosePurpose(usize),
    /// Index into the current question's answers.
    Answer(usize),
    /// Yes or no to the braille-signature form (speech mode's offer).
    BrailleForm(bool),
    /// Speech and keypad mode started (a key or headphones): ended by the reset.
    SpeechOn,
    ToggleNeed(Need),
    /// Index into the guidance screen's ticket offers.
    TakeOffer(usize),
    Confirm,
    /// "I have a reservation" on the purpose screen.
    StartBooking,
    /// A key of the reference pad, a keyboard or a scanner.
    BookingKey(EntryKey),
    /// OK on the pad, or Enter.
    SubmitBooking,
    /// "Type it again" after a refusal.
    Retype,
    /// "Take a normal ticket" after a refusal: the card pickup's questions.
    NormalTicket,
    Back,
    /// "Finish" on the ticket screen, "I understand" on guidance.
    Finish,
    CallStaff,
    ToggleLargeText,
    /// The bar's low-reach layout: every control below mid-height.
    ToggleLowReach,
    /// Dismisses the idle countdown.
    StillHere,
    /// Time passed (sent every frame).
    Tick,
    SiteLoaded(Box<SiteInfo>),
    BoardLoaded {
        open: bool,
        next_opening: Option<Timestamp>,
        queues: Vec<QueueStatus>,
    },
    /// The server did not answer in time or could not be reached.
    ServerDown,
    /// The server's ticket for issue attempt `attempt`, or one the kiosk issued from its lease
    /// because the server could not be reached (`issued.ticket.offline`).
    Issued {
        attempt: u64,
        issued: Box<IssuedTicket>,
    },
    /// 409 `site_closed` for issue attempt `attempt`.
    IssueClosed {
        attempt: u64,
        next_opening: Option<Timestamp>,
    },
    /// The server refused check-in attempt `attempt`: `code` is the `ApiError` code
    /// (`booking_unknown`, `booking_used`, …), `site` the office of a booking for another one.
    CheckInRefused {
        attempt: u64,
        code: String,
        site: Option<String>,
    },
    /// Any other failure to issue or check in (unreachable, timeout, refused).
    IssueFailed {
        attempt: u64,
    },
    /// The server could not be reached and this service's lease has no number left for
    /// attempt `attempt`: nothing was issued or printed.
    LeaseUsedUp {
        attempt: u64,
    },
    /// Whether the network shell holds unused lease numbers of today (sent on every change).
    LeaseHeld(bool),
    AssistResult(bool),
    Printed(Result<(), String>),
}

impl KioskEvent {
    /// Whether the event is the visitor touching the screen (resets the idle timer).
    pub fn is_input(&self) -> bool {
        matches!(
            self,
            KioskEvent::ChooseLang(_)
                | KioskEvent::SwitchLang(_)
                | KioskEvent::ToggleLangPicker
                | KioskEvent::ChoosePurpose(_)
                | KioskEvent::Answer(_)
                | KioskEvent::BrailleForm(_)
                | KioskEvent::SpeechOn
                | KioskEvent::ToggleNeed(_)
                | KioskEvent::TakeOffer(_)
                | KioskEvent::Confirm
                | KioskEvent::StartBooking
                | KioskEvent::BookingKey(_)
                | KioskEvent::SubmitBooking
                | KioskEvent::Retype
                | KioskEvent::NormalTicket
                | KioskEvent::Back
                | KioskEvent::Finish
                | KioskEvent::CallStaff
                | KioskEvent::ToggleLargeText
                | KioskEvent::ToggleLowReach
                | KioskEvent::StillHere
        )
    }
}

/// What the shells must do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Ask the server for a ticket; its answer must come back tagged with `attempt`.
    Issue {
        attempt: u64,
        request: IssueTicketRequest,
    },
    /// Check a booking in; the answer (`Issued`, `CheckInRefused` or `IssueFailed`) comes
    /// back tagged with `attempt`.
    CheckIn {
        attempt: u64,
        request: CheckInRequest,
    },
    Assist(AssistRequest),
    Guided(GuidedRequest),
    /// Print the ticket in `lang` and report the result to the server.
    Print {
        issued: Box<IssuedTicket>,
        lang: Lang,
    },
    /// A ticket that came after the kiosk gave up on its visitor: not shown, not printed. The
    /// server is told it was not printed, so staff see it and can cancel it.
    Abandon {
        issued: Box<IssuedTicket>,
    },
}
