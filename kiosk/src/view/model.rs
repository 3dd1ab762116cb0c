//! The view model's types: what one frame of the kiosk shows, as plain data.

use madoguchi_protocol::Lang;

use super::{Pictogram, TopBar};
use crate::flow::KioskEvent;

/// A piece of text and the language it is in (the font follows the language).
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    pub text: String,
    pub lang: Lang,
}

/// A touch target and the event it sends.
#[derive(Debug, Clone, PartialEq)]
pub struct Button {
    pub label: String,
    /// A second, smaller line (e.g. the waiting count).
    pub sub: Option<String>,
    pub lang: Lang,
    pub event: KioskEvent,
    /// `Some` for toggles.
    pub selected: Option<bool>,
    /// The pictogram drawn beside the label.
    pub icon: Option<Pictogram>,
    /// The queue behind a purpose, shown apart from the label so it reads at a glance.
    pub wait: Option<Wait>,
}

/// How many wait and for how long, each a short text of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Wait {
    pub count: String,
    pub eta: String,
    /// The estimate in minutes (its colour band, as on the waiting-room display).
    pub eta_min: u32,
}

/// "Step 2 of 4" in the visitor's language, and the numbers for the dots.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressView {
    pub text: String,
    pub step: u32,
    pub total: u32,
}

/// The ticket as the visitor sees it on screen.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketPanel {
    pub title: String,
    pub number: String,
    pub service: String,
    /// Where the visitor will be called (floor and counter area), as the ticket prints it.
    pub place: String,
    pub ahead: String,
    pub eta: String,
    pub qr_url: String,
    pub qr_caption: String,
    pub bring_title: String,
    pub documents: Vec<String>,
    pub needs: Vec<String>,
    pub print_message: String,
    pub print_failed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Countdown {
    pub title: String,
    pub body: String,
    pub button: Button,
}

/// Everything one frame of the kiosk shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ScreenView {
    /// A stable name of the screen (`home`, `purpose`, …), for screenshots and tests.
    pub name: &'static str,
    pub lang: Lang,
    pub large_text: bool,
    /// Every control below mid-height.
    pub low_reach: bool,
    /// Where the visitor is (purpose, questions, confirm).
    pub progress: Option<ProgressView>,
    pub bar: TopBar,
    pub banner: Option<String>,
    pub title: Vec<Text>,
    pub paragraphs: Vec<Text>,
    pub buttons: Vec<Button>,
    /// Heading of the toggles (the needs on the confirm screen).
    pub toggles_title: Option<String>,
    pub toggles: Vec<Button>,
    pub ticket: Option<TicketPanel>,
    /// The booking reference typed so far (the reservation pad shows it in a box).
    pub entry: Option<String>,
    /// The big button at the bottom (confirm, finish, I understand; on the purpose screen "I
    /// have a reservation", drawn as a choice, not as the one thing to do).
    pub primary: Option<Button>,
    /// Open language picker.
    pub lang_picker: Vec<Button>,
    pub countdown: Option<Countdown>,
}
