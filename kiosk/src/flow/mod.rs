//! The kiosk's flow as a pure state machine: `KioskState` + `KioskEvent` → [`KioskState::apply`]
//! → effects for the shells (network, printer). No bevy, egui, reqwest or clock here: time comes
//! in as `now`, the time since the kiosk started.

mod booking;
mod braille;
mod elsewhere;
mod event;
mod guide;
mod need;
mod progress;
mod screen;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_booking;
#[cfg(test)]
mod tests_late;
#[cfg(test)]
mod tests_offline;
#[cfg(test)]
mod tests_paths;

use std::sync::Arc;
use std::time::Duration;

use madoguchi_protocol::{
    AssistRequest, IssueTicketRequest, Lang, QueueStatus, SiteInfo, Timestamp,
};

pub use booking::{BOOKED_QUEUE, EntryKey, MAX_REFERENCE, Refusal};
pub use braille::BRAILLE_QUEUES;
pub use elsewhere::{Directory, Office};
pub use event::{Effect, KioskEvent};
pub use need::Need;
pub use progress::Progress;
pub use screen::{Elsewhere, Offer, PrintStatus, Screen, StaffCall};

use crate::triage::{Node, Purpose, TriageTree};

/// The service of the question ticket every guidance screen offers.
pub const QUESTIONS: &str = "inquiry";

/// Idle time before the countdown starts.
pub const IDLE_AFTER: Duration = Duration::from_secs(60);
/// Length of the countdown before the kiosk goes back home.
pub const COUNTDOWN: Duration = Duration::from_secs(10);
/// How long a visitor waits for the server before the offline screen.
pub const NET_PATIENCE: Duration = Duration::from_secs(2);

/// Everything the kiosk knows; one visitor's part is wiped by [`KioskState::reset`].
#[derive(Debug, Clone)]
pub struct KioskState {
    pub tree: Arc<TriageTree>,
    /// The city's offices, to name the one that does what this one does not.
    pub directory: Arc<Directory>,
    pub site: Option<SiteInfo>,
    pub queues: Vec<QueueStatus>,
    /// `Some(next_opening)` while the server says the site is closed.
    pub closed: Option<Option<Timestamp>>,
    pub online: bool,
    pub lang: Lang,
    pub large_text: bool,
    /// Every control below mid-height (the bar's toggle, for visitors seated or short).
    pub low_reach: bool,
    pub screen: Screen,
    pub history: Vec<Screen>,
    pub lang_picker: bool,
    pub staff: StaffCall,
    pub last_input: Duration,
    /// Speech and keypad mode is on (`speech::SpeechState` started it): purposes that may need
    /// the braille-signature form offer it first.
    pub speech: bool,
    /// The visitor asked for the braille-signature form (speech mode's offer): new confirm
    /// screens start with it set.
    pub braille_form: bool,
    /// The attempt id of the issue request on its way (a second confirm must not issue a second
    /// ticket). Cleared when the kiosk gives up or the visitor leaves: a later answer is dropped.
    pub pending_issue: Option<u64>,
    /// The last attempt id handed out.
    pub attempts: u64,
    /// The screen to return to when the server comes back.
    pub resume: Option<Box<Screen>>,
    /// The network shell holds unused numbers of today's lease: while the server is down the
    /// kiosk keeps issuing from them instead of showing the offline screen.
    pub offline_issuing: bool,
    /// This visitor's service has no lease numbers left: the offline screen says so.
    pub lease_out: bool,
}

impl KioskState {
    pub fn new(tree: Arc<TriageTree>) -> Self {
        KioskState {
            tree,
            directory: Directory::shipped(),
            site: None,
            queues: Vec::new(),
            closed: None,
            online: true,
            lang: Lang::Ja,
            large_text: false,
            low_reach: false,
            screen: Screen::Home,
            history: Vec::new(),
            lang_picker: false,
            staff: StaffCall::None,
            last_input: Duration::ZERO,
            speech: false,
            braille_form: false,
            pending_issue: None,
            attempts: 0,
            resume: None,
            offline_issuing: false,
            lease_out: false,
        }
    }

    /// Back to the home screen with nothing of the last visitor left.
    pub fn reset(&mut self, now: Duration) {
        self.lang = Lang::Ja;
        self.large_text = false;
        self.low_reach = false;
        self.history.clear();
        self.lang_picker = false;
        self.staff = StaffCall::None;
        self.resume = None;
        self.pending_issue = None;
        self.lease_out = false;
        self.speech = false;
        self.braille_form = false;
        self.last_input = now;
        self.screen = match (&self.closed, self.online) {
            (_, false) if !self.offline_issuing => Screen::Offline,
            (_, false) => Screen::Home,
            (Some(next), true) => Screen::Closed {
                next_opening: *next,
            },
            (None, true) => Screen::Home,
        };
    }

    /// Seconds left on the idle countdown, when it is showing.
    pub fn idle_countdown(&self, now: Duration) -> Option<u64> {
        if !self.visitor_present() || self.waiting_for_server() {
            return None;
        }
        let idle = now.saturating_sub(self.last_input);
        if idle < IDLE_AFTER {
            return None;
        }
        let left = (IDLE_AFTER + COUNTDOWN).saturating_sub(idle);
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
    }

    /// Whether the visitor waits for the server's answer to an issue or a check-in.
    fn waiting_for_server(&self) -> bool {
        matches!(
            self.screen,
            Screen::Issuing { .. } | Screen::CheckingIn { .. }
        )
    }

    /// Whether anything of a visitor is on screen or in memory (the idle timer then runs).
    pub fn visitor_present(&self) -> bool {
        let idle_screen = match self.screen {
            Screen::Home | Screen::Closed { .. } => true,
            Screen::Offline => self.resume.is_none(),
            _ => false,
        };
        !idle_screen
            || self.lang != Lang::Ja
            || self.large_text
            || self.low_reach
            || self.lang_picker
            || self.speech
            || self.staff != StaffCall::None
    }

    /// Whether the site offers `service` at the kiosk.
    pub fn offers(&self, service: &str) -> bool {
        self.site
            .as_ref()
            .is_some_and(|s| s.services.iter().any(|x| x.id == service && x.kiosk))
    }

    /// The purposes to show, by tree index: all of them. One this office does not do leads to
    /// the office that does (see [`KioskState::elsewhere_for`]).
    pub fn purposes(&self) -> Vec<(usize, &Purpose)> {
        self.tree.purposes.iter().enumerate().collect()
    }

    pub(crate) fn go(&mut self, screen: Screen) {
        let old = std::mem::replace(&mut self.screen, screen);
        self.history.push(old);
    }

    fn go_offline(&mut self) {
        self.online = false;
        if self.offline_issuing && !self.waiting_for_server() {
            // The lease lets this kiosk keep issuing: the visitor carries on.
            return;
        }
        let resume = match &self.screen {
            Screen::Offline | Screen::Ticket { .. } => return,
            Screen::CheckingIn { .. } => {
                self.check_in_failed();
                return;
            }
            Screen::Issuing {
                service,
                note,
                needs,
                ..
            } => Screen::Confirm {
                service: service.clone(),
                note: note.clone(),
                needs: *needs,
            },
            Screen::Closed { .. } => Screen::Home,
            other => other.clone(),
        };
        self.resume = Some(Box::new(resume));
        self.screen = Screen::Offline;
    }

    fn back_online(&mut self) {
        self.online = true;
        self.lease_out = false;
        if self.screen == Screen::Offline {
            self.screen = self.resume.take().map_or(Screen::Home, |s| *s);
        }
    }

    /// Applies one event at time `now`; returns what the shells must do.
    pub fn apply(&mut self, event: KioskEvent, now: Duration) -> Vec<Effect> {
        if event.is_input() {
            self.last_input = now;
        }
        match event {
            KioskEvent::ChooseLang(lang) => {
                self.lang = lang;
                if self.screen == Screen::Home {
                    self.go(Screen::Purpose);
                }
            }
            KioskEvent::SwitchLang(lang) => {
                self.lang = lang;
                self.lang_picker = false;
            }
            KioskEvent::ToggleLangPicker => self.lang_picker = !self.lang_picker,
            KioskEvent::ChoosePurpose(i) => return self.choose_purpose(i),
            KioskEvent::BrailleForm(yes) => return self.answer_braille(yes),
            KioskEvent::SpeechOn => self.speech = true,
            KioskEvent::StartBooking => self.start_booking(),
            KioskEvent::BookingKey(key) => self.booking_key(key),
            KioskEvent::SubmitBooking => return self.submit_booking(now),
            KioskEvent::Retype => self.retype_booking(),
            KioskEvent::NormalTicket => return self.normal_ticket(),
            KioskEvent::CheckInRefused {
                attempt,
                code,
                site,
            } => self.check_in_refused(attempt, &code, site.as_deref()),
            KioskEvent::Answer(i) => {
                if let Screen::Question { node } = &self.screen
                    && let Some(Node::Question { answers, .. }) = self.tree.nodes.get(node)
                    && let Some(a) = answers.get(i)
                {
                    let next = a.next.clone();
                    return self.enter_node(&next);
                }
            }
            KioskEvent::TakeOffer(i) => {
                if let Screen::Guidance { offers, .. } = &self.screen
                    && let Some(offer) = offers.get(i).cloned()
                {
                    self.go(Screen::Confirm {
                        service: offer.service,
                        note: offer.note,
                        needs: self.first_needs(),
                    });
                }
            }
            KioskEvent::ToggleNeed(need) => {
                if let Screen::Confirm { needs, .. } = &mut self.screen {
                    need.toggle(needs);
                }
            }
            KioskEvent::Confirm => {
                if let Screen::Confirm {
                    service,
                    note,
                    needs,
                } = &self.screen
                    && self.pending_issue.is_none()
                {
                    let request = IssueTicketRequest {
                        service: service.clone(),
                        lang: self.lang,
                        needs: *needs,
                    };
                    let issuing = Screen::Issuing {
                        service: service.clone(),
                        note: note.clone(),
                        needs: *needs,
                        since: now,
                    };
                    self.go(issuing);
                    self.attempts += 1;
                    self.pending_issue = Some(self.attempts);
                    return vec![Effect::Issue {
                        attempt: self.attempts,
                        request,
                    }];
                }
            }
            KioskEvent::Back => match self.screen {
                Screen::Home
                | Screen::Issuing { .. }
                | Screen::CheckingIn { .. }
                | Screen::Ticket { .. } => {}
                Screen::Offline | Screen::Closed { .. } => self.reset(now),
                _ => {
                    self.lang_picker = false;
                    match self.history.pop() {
                        Some(prev) => self.screen = prev,
                        None => self.reset(now),
                    }
                }
            },
            KioskEvent::Finish => self.reset(now),
            KioskEvent::CallStaff if self.screen == Screen::Offline => {
                // Nobody can be reached: say so at once instead of pretending to call.
                self.staff = StaffCall::Failed;
            }
            KioskEvent::CallStaff => {
                self.staff = StaffCall::Requested;
                return vec![Effect::Assist(AssistRequest { lang: self.lang })];
            }
            KioskEvent::ToggleLargeText => self.large_text = !self.large_text,
            KioskEvent::ToggleLowReach => self.low_reach = !self.low_reach,
            KioskEvent::StillHere => {}
            KioskEvent::Tick => self.tick(now),
            KioskEvent::SiteLoaded(site) => {
                self.site = Some(*site);
                self.back_online();
            }
            KioskEvent::BoardLoaded {
                open,
                next_opening,
                queues,
            } => {
                self.queues = queues;
                self.closed = if open { None } else { Some(next_opening) };
                self.back_online();
                match (&self.screen, open) {
                    (Screen::Home, false) if self.history.is_empty() => {
                        self.screen = Screen::Closed { next_opening };
                    }
                    (Screen::Closed { .. }, true) => self.reset(now),
                    _ => {}
                }
            }
            KioskEvent::ServerDown => {
                if !self.waiting_for_server() {
                    self.go_offline();
                } else {
                    self.online = false;
                }
            }
            KioskEvent::Issued { attempt, issued } => {
                if self.pending_issue != Some(attempt) {
                    return vec![Effect::Abandon { issued }];
                }
                self.pending_issue = None;
                let note = match &self.screen {
                    Screen::Issuing { note, .. } => note.clone(),
                    _ => self.resume.as_deref().and_then(|s| match s {
                        Screen::Confirm { note, .. } => note.clone(),
                        _ => None,
                    }),
                };
                // A ticket from the lease says nothing about the server being back.
                self.online = self.online || !issued.ticket.offline;
                self.resume = None;
                self.history.clear();
                self.lang_picker = false;
                self.last_input = now;
                self.screen = Screen::Ticket {
                    issued: issued.clone(),
                    note,
                    print: PrintStatus::Printing,
                };
                return vec![Effect::Print {
                    issued,
                    lang: self.lang,
                }];
            }
            KioskEvent::IssueClosed {
                attempt,
                next_opening,
            } => {
                if self.pending_issue != Some(attempt) {
                    return Vec::new();
                }
                self.pending_issue = None;
                self.closed = Some(next_opening);
                self.history.clear();
                self.screen = Screen::Closed { next_opening };
            }
            KioskEvent::IssueFailed { attempt } => {
                if self.pending_issue == Some(attempt)
                    && matches!(self.screen, Screen::CheckingIn { .. })
                {
                    self.check_in_failed();
                } else if self.pending_issue == Some(attempt) {
                    self.pending_issue = None;
                    self.go_offline();
                }
            }
            KioskEvent::LeaseUsedUp { attempt } => {
                if self.pending_issue == Some(attempt) {
                    self.pending_issue = None;
                    self.lease_out = true;
                    let held = std::mem::replace(&mut self.offline_issuing, false);
                    self.go_offline();
                    self.offline_issuing = held;
                }
            }
            KioskEvent::LeaseHeld(held) => self.offline_issuing = held,
            KioskEvent::AssistResult(ok) => {
                if self.staff == StaffCall::Requested {
                    self.staff = if ok {
                        StaffCall::Coming
                    } else {
                        StaffCall::Failed
                    };
                }
            }
            KioskEvent::Printed(result) => {
                if let Screen::Ticket { print, .. } = &mut self.screen {
                    *print = match result {
                        Ok(()) => PrintStatus::Printed,
                        Err(reason) => PrintStatus::Failed(reason),
                    };
                }
            }
        }
        Vec::new()
    }

    fn tick(&mut self, now: Duration) {
        if let Screen::CheckingIn { since, .. } = self.screen
            && now.saturating_sub(since) >= NET_PATIENCE
        {
            // As for an issue: an answer that comes later is dropped.
            self.check_in_failed();
            return;
        }
        if let Screen::Issuing { since, .. } = self.screen
            && now.saturating_sub(since) >= NET_PATIENCE
        {
            // The kiosk gives up on this attempt: its answer, if it ever comes, is dropped.
            self.pending_issue = None;
            self.go_offline();
            return;
        }
        if self.idle_countdown(now).is_some()
            && now.saturating_sub(self.last_input) >= IDLE_AFTER + COUNTDOWN
        {
            self.reset(now);
        }
    }
}
