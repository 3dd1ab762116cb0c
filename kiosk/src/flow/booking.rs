//! "I have a reservation": the visitor types the booking reference (on the screen's pad, a
//! keyboard, or a barcode scanner that types like one and ends with Enter), the kiosk checks it
//! in with the server and shows and prints the ticket of the booked service (prefix `R`). A
//! refusal gets its own sentence and the way on: type again, or take a normal ticket. Without
//! the server nothing can be checked (the kiosk holds no booking data): it says so and offers a
//! normal ticket.

use std::time::Duration;

use madoguchi_protocol::CheckInRequest;

use super::{Effect, KioskState, Office, Screen};

/// The longest reference the pad takes (the city's are far shorter: `R2611-0042`).
pub const MAX_REFERENCE: usize = 20;

/// The errand a booking is for; "take a normal ticket" starts its purpose.
pub const BOOKED_QUEUE: &str = "pickup";

/// A key of the reference pad (or of a keyboard or scanner).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKey {
    /// A letter, digit or `-` (lower case is taken as upper; anything else is ignored).
    Char(char),
    /// Deletes the last character.
    Erase,
    /// Deletes everything typed.
    Clear,
    /// Shows the letters page (`true`) or the digits page.
    Letters(bool),
}

/// Why a booking was not checked in, as the visitor is told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// `booking_unknown`: no such reference today (often a typing slip).
    Unknown,
    /// `booking_used`: a ticket was already taken for it.
    Used,
    /// `booking_other_site`: the office the booking is for (`None` when this kiosk does not
    /// know it).
    OtherSite(Option<Office>),
    /// `booking_late`: past the grace after the slot.
    Late,
    /// `booking_not_today`: the booking is for another day.
    NotToday,
    /// The server could not be reached: bookings cannot be checked.
    Offline,
}

impl Refusal {
    /// Locale key of the sentence that says what happened and what to do.
    pub fn key(&self) -> &'static str {
        match self {
            Refusal::Unknown => "booking-unknown",
            Refusal::Used => "booking-used",
            Refusal::OtherSite(Some(_)) => "booking-other-site",
            Refusal::OtherSite(None) => "booking-other-site-unnamed",
            Refusal::Late => "booking-late",
            Refusal::NotToday => "booking-not-today",
            Refusal::Offline => "booking-offline",
        }
    }

    /// Whether typing the reference again may help.
    pub fn retype(&self) -> bool {
        matches!(self, Refusal::Unknown | Refusal::NotToday)
    }
}

/// `text` with `key` applied; `None` when the key changes nothing.
fn typed(text: &str, key: EntryKey) -> Option<String> {
    match key {
        EntryKey::Char(c) => {
            let c = c.to_ascii_uppercase();
            let ok = c.is_ascii_alphanumeric() || c == '-';
            (ok && text.chars().count() < MAX_REFERENCE).then(|| format!("{text}{c}"))
        }
        EntryKey::Erase => {
            let mut t = text.to_owned();
            t.pop().map(|_| t)
        }
        EntryKey::Clear => (!text.is_empty()).then(String::new),
        EntryKey::Letters(_) => None,
    }
}

impl KioskState {
    /// "I have a reservation" on the purpose screen.
    pub(crate) fn start_booking(&mut self) {
        if self.screen != Screen::Purpose {
            return;
        }
        if !self.online {
            // Issuing from the lease: bookings still need the server.
            self.go(Screen::BookingRefused {
                refusal: Refusal::Offline,
                reference: String::new(),
            });
            return;
        }
        self.go(Screen::BookingEntry {
            text: String::new(),
            letters: false,
        });
    }

    pub(crate) fn booking_key(&mut self, key: EntryKey) {
        let Screen::BookingEntry { text, letters } = &mut self.screen else {
            return;
        };
        match key {
            EntryKey::Letters(on) => *letters = on,
            key => {
                if let Some(t) = typed(text, key) {
                    *text = t;
                }
            }
        }
    }

    /// OK on the pad, or Enter from a keyboard or scanner: the check-in request.
    pub(crate) fn submit_booking(&mut self, now: Duration) -> Vec<Effect> {
        let Screen::BookingEntry { text, .. } = &self.screen else {
            return Vec::new();
        };
        let reference = text.trim_matches('-').to_owned();
        if reference.is_empty() || self.pending_issue.is_some() {
            return Vec::new();
        }
        if !self.online {
            self.go(Screen::BookingRefused {
                refusal: Refusal::Offline,
                reference,
            });
            return Vec::new();
        }
        let request = CheckInRequest {
            reference: reference.clone(),
            lang: self.lang,
            needs: self.first_needs(),
        };
        self.go(Screen::CheckingIn {
            reference,
            since: now,
        });
        self.attempts += 1;
        self.pending_issue = Some(self.attempts);
        vec![Effect::CheckIn {
            attempt: self.attempts,
            request,
        }]
    }

    /// The server refused check-in attempt `attempt` with `code` (`site`: the office the
    /// booking is for).
    pub(crate) fn check_in_refused(&mut self, attempt: u64, code: &str, site: Option<&str>) {
        if self.pending_issue != Some(attempt) {
            return;
        }
        self.pending_issue = None;
        let refusal = match code {
            "booking_used" => Refusal::Used,
            "booking_other_site" => {
                Refusal::OtherSite(site.and_then(|id| self.directory.office(id)).cloned())
            }
            "booking_late" => Refusal::Late,
            "booking_not_today" => Refusal::NotToday,
            _ => Refusal::Unknown,
        };
        self.refuse(refusal);
    }

    /// The check-in on its way gave no answer (unreachable, timed out, or the kiosk gave up).
    pub(crate) fn check_in_failed(&mut self) {
        self.pending_issue = None;
        self.refuse(Refusal::Offline);
    }

    /// The refusal screen in place of the waiting one (Back goes to the reference as typed).
    fn refuse(&mut self, refusal: Refusal) {
        if let Screen::CheckingIn { reference, .. } = &self.screen {
            let reference = reference.clone();
            self.screen = Screen::BookingRefused { refusal, reference };
        }
    }

    /// "Type it again": the pad with the reference as it was typed.
    pub(crate) fn retype_booking(&mut self) {
        if !matches!(self.screen, Screen::BookingRefused { .. }) {
            return;
        }
        match self.history.last() {
            Some(Screen::BookingEntry { .. }) => {
                self.screen = self.history.pop().unwrap_or(Screen::Purpose);
            }
            _ => {
                self.screen = Screen::BookingEntry {
                    text: String::new(),
                    letters: false,
                }
            }
        }
    }

    /// "Take a normal ticket": the card pickup's questions, as if chosen on the purpose screen.
    pub(crate) fn normal_ticket(&mut self) -> Vec<Effect> {
        if !matches!(self.screen, Screen::BookingRefused { .. }) {
            return Vec::new();
        }
        match self.booked_purpose() {
            Some(i) => self.start_purpose(i),
            None => Vec::new(),
        }
    }

    /// The tree's purpose of the booked errand.
    pub fn booked_purpose(&self) -> Option<usize> {
        self.tree
            .purposes
            .iter()
            .position(|p| p.queue.as_deref() == Some(BOOKED_QUEUE))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pad_takes_letters_digits_and_hyphens_up_to_the_longest_reference() {
        assert_eq!(typed("R2", EntryKey::Char('a')).as_deref(), Some("R2A"));
        assert_eq!(typed("R2", EntryKey::Char('-')).as_deref(), Some("R2-"));
        assert_eq!(typed("R2", EntryKey::Char(' ')), None);
        assert_eq!(typed("R2", EntryKey::Char('ä')), None);
        assert_eq!(typed("R2", EntryKey::Erase).as_deref(), Some("R"));
        assert_eq!(typed("", EntryKey::Erase), None);
        assert_eq!(typed("R2", EntryKey::Clear).as_deref(), Some(""));
        let full = "1".repeat(MAX_REFERENCE);
        assert_eq!(typed(&full, EntryKey::Char('2')), None);
    }
}
