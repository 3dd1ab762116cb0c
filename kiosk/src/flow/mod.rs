//! The kiosk's flow as a pure state machine: `KioskState` + `KioskEvent` → [`KioskState::apply`]
//! → effects for the shells (network, printer). No bevy, egui, reqwest or clock here: time comes
//! in as `now`, the time since the kiosk started.

mod event;
mod need;
mod screen;
#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::time::Duration;

use madoguchi_protocol::{
    AssistRequest, GuidedRequest, IssueTicketRequest, Lang, Needs, QueueStatus, SiteInfo, Timestamp,
};

pub use event::{Effect, KioskEvent};
pub use need::Need;
pub use screen::{PrintStatus, Screen, StaffCall};

use crate::triage::{Node, Purpose, TriageTree};

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
    pub site: Option<SiteInfo>,
    pub queues: Vec<QueueStatus>,
    /// `Some(next_opening)` while the server says the site is closed.
    pub closed: Option<Option<Timestamp>>,
    pub online: bool,
    pub lang: Lang,
    pub large_text: bool,
    pub screen: Screen,
    pub history: Vec<Screen>,
    pub lang_picker: bool,
    pub staff: StaffCall,
    pub last_input: Duration,
    /// An issue request is on its way: a second confirm must not issue a second ticket.
    pub pending_issue: bool,
    /// The screen to return to when the server comes back.
    pub resume: Option<Box<Screen>>,
}

impl KioskState {
    pub fn new(tree: Arc<TriageTree>) -> Self {
        KioskState {
            tree,
            site: None,
            queues: Vec::new(),
            closed: None,
            online: true,
            lang: Lang::Ja,
            large_text: false,
            screen: Screen::Home,
            history: Vec::new(),
            lang_picker: false,
            staff: StaffCall::None,
            last_input: Duration::ZERO,
            pending_issue: false,
            resume: None,
        }
    }

    /// Back to the home screen with nothing of the last visitor left.
    pub fn reset(&mut self, now: Duration) {
        self.lang = Lang::Ja;
        self.large_text = false;
        self.history.clear();
        self.lang_picker = false;
        self.staff = StaffCall::None;
        self.resume = None;
        self.last_input = now;
        self.screen = match (&self.closed, self.online) {
            (_, false) => Screen::Offline,
            (Some(next), true) => Screen::Closed {
                next_opening: *next,
            },
            (None, true) => Screen::Home,
        };
    }

    /// Seconds left on the idle countdown, when it is showing.
    pub fn idle_countdown(&self, now: Duration) -> Option<u64> {
        if !self.visitor_present() || matches!(self.screen, Screen::Issuing { .. }) {
            return None;
        }
        let idle = now.saturating_sub(self.last_input);
        if idle < IDLE_AFTER {
            return None;
        }
        let left = (IDLE_AFTER + COUNTDOWN).saturating_sub(idle);
        Some(left.as_secs() + u64::from(left.subsec_nanos() > 0))
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
            || self.lang_picker
            || self.staff != StaffCall::None
    }

    /// Whether the site offers `service` at the kiosk.
    pub fn offers(&self, service: &str) -> bool {
        self.site
            .as_ref()
            .is_some_and(|s| s.services.iter().any(|x| x.id == service && x.kiosk))
    }

    /// The purposes to show: those that can end in a service the site offers, by tree index.
    pub fn purposes(&self) -> Vec<(usize, &Purpose)> {
        self.tree
            .purposes
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                self.tree
                    .services_from(&p.start)
                    .iter()
                    .any(|s| self.offers(s))
            })
            .collect()
    }

    fn go(&mut self, screen: Screen) {
        let old = std::mem::replace(&mut self.screen, screen);
        self.history.push(old);
    }

    fn enter_node(&mut self, id: &str) -> Vec<Effect> {
        let Some(node) = self.tree.nodes.get(id).cloned() else {
            return Vec::new();
        };
        match node {
            Node::Question { .. } => {
                self.go(Screen::Question {
                    node: id.to_owned(),
                });
                Vec::new()
            }
            Node::Ticket { services, note } => {
                match services.iter().find(|s| self.offers(s)) {
                    Some(service) => self.go(Screen::Confirm {
                        service: service.clone(),
                        note,
                        needs: Needs::default(),
                    }),
                    None => return self.guide("g-not-offered", "service_not_offered"),
                }
                Vec::new()
            }
            Node::Guidance { text, reason } => self.guide(&text, &reason),
        }
    }

    fn guide(&mut self, text: &str, reason: &str) -> Vec<Effect> {
        self.go(Screen::Guidance {
            text: text.to_owned(),
        });
        vec![Effect::Guided(GuidedRequest {
            reason: reason.to_owned(),
            lang: self.lang,
        })]
    }

    fn go_offline(&mut self) {
        self.online = false;
        let resume = match &self.screen {
            Screen::Offline | Screen::Ticket { .. } => return,
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
            KioskEvent::ChoosePurpose(i) => {
                if self.screen == Screen::Purpose
                    && let Some((_, p)) = self.purposes().into_iter().find(|(j, _)| *j == i)
                {
                    let start = p.start.clone();
                    return self.enter_node(&start);
                }
            }
            KioskEvent::Answer(i) => {
                if let Screen::Question { node } = &self.screen
                    && let Some(Node::Question { answers, .. }) = self.tree.nodes.get(node)
                    && let Some(a) = answers.get(i)
                {
                    let next = a.next.clone();
                    return self.enter_node(&next);
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
                    && !self.pending_issue
                {
                    let req = IssueTicketRequest {
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
                    self.pending_issue = true;
                    return vec![Effect::Issue(req)];
                }
            }
            KioskEvent::Back => match self.screen {
                Screen::Home | Screen::Issuing { .. } | Screen::Ticket { .. } => {}
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
            KioskEvent::CallStaff => {
                self.staff = StaffCall::Requested;
                return vec![Effect::Assist(AssistRequest { lang: self.lang })];
            }
            KioskEvent::ToggleLargeText => self.large_text = !self.large_text,
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
                if !matches!(self.screen, Screen::Issuing { .. }) {
                    self.go_offline();
                } else {
                    self.online = false;
                }
            }
            KioskEvent::Issued(issued) => {
                if !self.pending_issue {
                    return Vec::new();
                }
                self.pending_issue = false;
                let note = match &self.screen {
                    Screen::Issuing { note, .. } => note.clone(),
                    _ => self.resume.as_deref().and_then(|s| match s {
                        Screen::Confirm { note, .. } => note.clone(),
                        _ => None,
                    }),
                };
                self.online = true;
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
            KioskEvent::IssueClosed { next_opening } => {
                self.pending_issue = false;
                self.closed = Some(next_opening);
                self.history.clear();
                self.screen = Screen::Closed { next_opening };
            }
            KioskEvent::IssueFailed => {
                self.pending_issue = false;
                self.go_offline();
            }
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
        if let Screen::Issuing { since, .. } = self.screen
            && now.saturating_sub(since) >= NET_PATIENCE
        {
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
