//! [`SpeechState`]: speech mode's memory (on or off, volume, rate, the screen last said, the
//! focus and the page of choices) and its two inputs, a key and the frame's view model.

use std::sync::Arc;

use super::keys::{Action, action};
use super::script::{self, Choice, Pages, Status};
use super::{Phrase, SpeechKey, SpeechOut, VOLUME_STEPS};
use crate::flow::{EntryKey, KioskEvent};
use crate::i18n::{Arg, Localizer};
use crate::view::ScreenView;

/// Volume when speech mode starts (of [`VOLUME_STEPS`]).
pub const DEFAULT_VOLUME: u8 = 6;
/// Speaking rate when speech mode starts, in percent.
pub const DEFAULT_RATE: u16 = 100;
pub const RATE_MIN: u16 = 70;
pub const RATE_MAX: u16 = 150;
pub const RATE_STEP: u16 = 10;

/// What a key or the headphones asked for: flow events to apply in order, and what to say.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SpeechStep {
    pub events: Vec<KioskEvent>,
    pub out: Vec<SpeechOut>,
}

/// On the reservation pad, what a key does: digits and − type, Enter checks in, Back deletes
/// the last character (goes back when nothing is typed); `None` for the keys that keep their
/// meaning (repeat, help, louder, arrows).
fn pad_key(key: SpeechKey, typed: &str) -> Option<Vec<KioskEvent>> {
    let k = |k| Some(vec![KioskEvent::BookingKey(k)]);
    match key {
        SpeechKey::Digit(d @ 0..=9) => k(EntryKey::Char(char::from(b'0' + d))),
        SpeechKey::Minus => k(EntryKey::Char('-')),
        SpeechKey::Enter => Some(vec![KioskEvent::SubmitBooking]),
        SpeechKey::Back | SpeechKey::Hash if typed.is_empty() => Some(vec![KioskEvent::Back]),
        SpeechKey::Back | SpeechKey::Hash => k(EntryKey::Erase),
        _ => None,
    }
}

/// Speech mode: off until a key or headphones start it, on until the kiosk's reset.
#[derive(Debug, Clone)]
pub struct SpeechState {
    i18n: Arc<Localizer>,
    active: bool,
    volume: u8,
    rate: u16,
    /// The identity of the screen last said (`script::identity`).
    said: Option<String>,
    status: Status,
    page: usize,
    focus: usize,
    /// The key guide was just said: + and − change the speed.
    speed_keys: bool,
}

impl Default for SpeechState {
    fn default() -> Self {
        Self::new()
    }
}

impl SpeechState {
    /// Speech mode with the shipped texts (compiled in; an unreadable file leaves the
    /// locale keys, which the tests catch).
    pub fn new() -> Self {
        let i18n = Localizer::shipped()
            .or_else(|_| Localizer::from_sources(std::iter::empty()))
            .expect("a localizer of no files always builds");
        Self::with_texts(Arc::new(i18n))
    }

    /// Speech mode with the kiosk's texts.
    pub fn with_texts(i18n: Arc<Localizer>) -> Self {
        SpeechState {
            i18n,
            active: false,
            volume: DEFAULT_VOLUME,
            rate: DEFAULT_RATE,
            said: None,
            status: Status::default(),
            page: 0,
            focus: 0,
            speed_keys: false,
        }
    }

    pub fn active(&self) -> bool {
        self.active
    }

    pub fn volume(&self) -> u8 {
        self.volume
    }

    pub fn rate(&self) -> u16 {
        self.rate
    }

    /// The index of the choice in focus.
    pub fn focus(&self) -> usize {
        self.focus
    }

    /// Headphones plugged in (or the first key): speech mode starts, says the prompt in
    /// Japanese and English, then the screen.
    pub fn start(&mut self, view: &ScreenView) -> SpeechStep {
        self.active = true;
        self.speed_keys = false;
        let mut phrases: Vec<Phrase> = [madoguchi_protocol::Lang::Ja, madoguchi_protocol::Lang::En]
            .into_iter()
            .map(|lang| Phrase {
                lang,
                text: self.i18n.t(lang, "speech-start"),
            })
            .collect();
        phrases.extend(self.new_screen(view));
        SpeechStep {
            events: vec![KioskEvent::SpeechOn],
            out: vec![
                SpeechOut::Stop,
                SpeechOut::Volume(self.volume),
                SpeechOut::Rate(self.rate),
                SpeechOut::Say(phrases),
            ],
        }
    }

    /// The kiosk went back home after a visitor: speech mode ends, volume and rate go back to
    /// their defaults. The shell calls it when the flow's `speech` turns false.
    pub fn reset(&mut self) {
        let i18n = self.i18n.clone();
        *self = Self::with_texts(i18n);
    }

    /// Every frame, after the view is built: a new screen is said whole, a changed status
    /// (staff banner, print result, idle countdown) alone.
    pub fn observe(&mut self, view: &ScreenView) -> Vec<SpeechOut> {
        if !self.active {
            return Vec::new();
        }
        if self.said.as_deref() != Some(script::identity(view).as_str()) {
            return vec![SpeechOut::Say(self.new_screen(view))];
        }
        let now = Status::of(view);
        let phrases = self.status.changes(&now, &self.i18n, view);
        self.status = now;
        if phrases.is_empty() {
            Vec::new()
        } else {
            vec![SpeechOut::Say(phrases)]
        }
    }

    /// A key was pressed: flow events to apply in order, and what to say. Speech mode off, any
    /// key starts it (and does nothing else).
    pub fn key(&mut self, key: SpeechKey, view: &ScreenView) -> SpeechStep {
        if !self.active {
            return self.start(view);
        }
        if let Some(typed) = &view.entry
            && let Some(events) = pad_key(key, typed)
        {
            // The reservation pad: the keypad types; `observe` echoes what changed.
            return SpeechStep {
                events,
                out: vec![SpeechOut::Stop],
            };
        }
        let choices = script::choices(view);
        if self.said.as_deref() != Some(script::identity(view).as_str()) {
            // A key on a screen not said yet (`observe` will say it): its keys reach its
            // choices.
            self.first_focus(&choices);
        }
        let Some(action) = action(key, self.speed_keys) else {
            return self.say(vec![]);
        };
        self.speed_keys = matches!(action, Action::Help | Action::Faster | Action::Slower);
        let mut step = self.act(action, view, &choices);
        // A key is the visitor's answer to the idle countdown, whatever it does.
        if view.countdown.is_some() && step.events.is_empty() {
            step.events.push(KioskEvent::StillHere);
        }
        step
    }

    fn act(&mut self, action: Action, view: &ScreenView, choices: &[Choice]) -> SpeechStep {
        let pages = Pages {
            choices: choices.len(),
        };
        let lang = view.lang;
        match action {
            Action::Choose(9) if pages.count() > 1 => {
                self.page = (self.page + 1) % pages.count();
                self.focus = self.page * pages.per_page();
                let mut s = script::Script::new(&self.i18n);
                script::page_of(&mut s, view, choices, self.page);
                if let Some(c) = choices.get(self.focus) {
                    s.focus(c);
                }
                self.say(s.phrases)
            }
            Action::Choose(d) => match pages.index(self.page, d) {
                Some(i) => self.choose(i, view, choices),
                None => self.say_key(lang, "speech-no-choice", &[("key", Arg::Num(i64::from(d)))]),
            },
            Action::Select if !choices.is_empty() => {
                self.choose(self.focus.min(choices.len() - 1), view, choices)
            }
            Action::Previous | Action::Next if !choices.is_empty() => {
                let n = choices.len();
                self.focus = if action == Action::Next {
                    (self.focus + 1) % n
                } else {
                    (self.focus + n - 1) % n
                };
                let (page, digit) = pages.key_of(self.focus);
                self.page = page;
                let mut s = script::Script::new(&self.i18n);
                s.choice(view, &choices[self.focus], digit);
                self.say(s.phrases)
            }
            Action::Select | Action::Previous | Action::Next => {
                self.say_key(lang, "speech-nothing-to-choose", &[])
            }
            Action::Back if view.bar.back.is_some() => SpeechStep {
                events: vec![KioskEvent::Back],
                out: vec![SpeechOut::Stop],
            },
            Action::Back => self.say_key(lang, "speech-no-back", &[]),
            Action::Repeat => {
                let phrases = script::screen(&self.i18n, view, choices, self.page, self.focus);
                self.say(phrases)
            }
            Action::CallStaff => SpeechStep {
                events: vec![KioskEvent::CallStaff],
                // The banner that follows is said by `observe`; one already shown is said now.
                out: vec![match &view.banner {
                    Some(b) => SpeechOut::Say(vec![Phrase {
                        lang,
                        text: b.clone(),
                    }]),
                    None => SpeechOut::Stop,
                }],
            },
            Action::Louder | Action::Quieter => {
                self.volume = if action == Action::Louder {
                    (self.volume + 1).min(VOLUME_STEPS)
                } else {
                    self.volume.saturating_sub(1).max(1)
                };
                let mut step = self.say_key(
                    lang,
                    "speech-volume",
                    &[("level", Arg::Num(i64::from(self.volume)))],
                );
                step.out.insert(1, SpeechOut::Volume(self.volume));
                step
            }
            Action::Faster | Action::Slower => {
                self.rate = if action == Action::Faster {
                    (self.rate + RATE_STEP).min(RATE_MAX)
                } else {
                    self.rate.saturating_sub(RATE_STEP).max(RATE_MIN)
                };
                let mut step = self.say_key(
                    lang,
                    "speech-rate",
                    &[("percent", Arg::Num(i64::from(self.rate)))],
                );
                step.out.insert(1, SpeechOut::Rate(self.rate));
                step
            }
            Action::Help => self.say_key(lang, "speech-help", &[]),
        }
    }

    /// Choice `i` chosen: its event; a need toggle says its new state, anything else is
    /// followed by a new screen (said by `observe`).
    fn choose(&mut self, i: usize, view: &ScreenView, choices: &[Choice]) -> SpeechStep {
        let c = &choices[i];
        self.focus = i;
        let out = match c.selected {
            Some(on) => {
                let mut s = script::Script::new(&self.i18n);
                let toggled = Choice {
                    selected: Some(!on),
                    first_toggle: false,
                    ..c.clone()
                };
                let (_, digit) = Pages {
                    choices: choices.len(),
                }
                .key_of(i);
                s.choice(view, &toggled, digit);
                SpeechOut::Say(s.phrases)
            }
            None => SpeechOut::Stop,
        };
        SpeechStep {
            events: vec![c.event.clone()],
            out: vec![out],
        }
    }

    /// Remembers `view` as said, puts the focus on its first choice (on the confirm screen:
    /// "get my ticket") and returns its script.
    fn new_screen(&mut self, view: &ScreenView) -> Vec<Phrase> {
        let choices = script::choices(view);
        self.first_focus(&choices);
        self.said = Some(script::identity(view));
        self.status = Status::of(view);
        script::screen(&self.i18n, view, &choices, self.page, self.focus)
    }

    /// The focus on a screen's first choice, or on "get my ticket" when it has one.
    fn first_focus(&mut self, choices: &[Choice]) {
        self.focus = choices
            .iter()
            .position(|c| c.event == KioskEvent::Confirm)
            .unwrap_or(0);
        self.page = Pages {
            choices: choices.len(),
        }
        .key_of(self.focus)
        .0;
    }

    fn say(&self, phrases: Vec<Phrase>) -> SpeechStep {
        SpeechStep {
            events: Vec::new(),
            out: vec![if phrases.is_empty() {
                SpeechOut::Stop
            } else {
                SpeechOut::Say(phrases)
            }],
        }
    }

    fn say_key(
        &self,
        lang: madoguchi_protocol::Lang,
        key: &str,
        args: &[(&str, Arg)],
    ) -> SpeechStep {
        let mut s = script::Script::new(&self.i18n);
        s.key(lang, key, args);
        let mut step = self.say(s.phrases);
        if let Some(SpeechOut::Say(_)) = step.out.first() {
            step.out.insert(0, SpeechOut::Stop);
        }
        step
    }
}
