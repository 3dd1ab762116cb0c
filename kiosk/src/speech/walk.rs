//! The kiosk without a window, driven by keys alone: the flow, the view models and speech mode
//! as the shell runs them each frame, with the network's and the printer's answers fed as they
//! would come. [`every_path`] walks every path of the triage tree by keys and keeps what is
//! said; the `speech-script` subcommand prints it and the tests check it.

use std::sync::Arc;
use std::time::Duration;

use madoguchi_protocol::{Lang, SiteInfo};

use super::script::{self, Pages};
use super::{Phrase, SpeechKey, SpeechOut, SpeechState};
use crate::flow::{Effect, KioskEvent, KioskState};
use crate::i18n::Localizer;
use crate::sample;
use crate::triage::TriageTree;
use crate::view::{self, ScreenView};

/// The kiosk of one visitor, one frame per key.
#[derive(Debug, Clone)]
pub struct Headless {
    pub kiosk: KioskState,
    pub speech: SpeechState,
    pub i18n: Arc<Localizer>,
    pub now: Duration,
    /// Requests the network and printer shells have not answered yet.
    pub pending: Vec<Effect>,
    /// Every effect so far.
    pub effects: Vec<Effect>,
}

impl Headless {
    /// An idle kiosk at `site`, open, speech mode off.
    pub fn new(tree: Arc<TriageTree>, i18n: Arc<Localizer>, site: SiteInfo) -> Self {
        let mut kiosk = KioskState::new(tree);
        let queues = sample::queues_of(&site);
        kiosk.apply(KioskEvent::SiteLoaded(Box::new(site)), Duration::ZERO);
        kiosk.apply(
            KioskEvent::BoardLoaded {
                open: true,
                next_opening: None,
                queues,
            },
            Duration::ZERO,
        );
        Headless {
            kiosk,
            speech: SpeechState::with_texts(i18n.clone()),
            i18n,
            now: Duration::ZERO,
            pending: Vec::new(),
            effects: Vec::new(),
        }
    }

    pub fn view(&self) -> ScreenView {
        view::build(&self.kiosk, &self.i18n, self.now)
    }

    /// One key, one second after the last: what speech mode says, then what the next frame
    /// says.
    pub fn press(&mut self, key: SpeechKey) -> Vec<SpeechOut> {
        self.now += Duration::from_secs(1);
        let step = self.speech.key(key, &self.view());
        for event in step.events {
            self.flow(event);
        }
        let mut out = step.out;
        out.extend(self.frame());
        out
    }

    /// An answer from the network or the printer, then the next frame.
    pub fn answer(&mut self, event: KioskEvent) -> Vec<SpeechOut> {
        self.flow(event);
        self.frame()
    }

    /// Answers the oldest request as the shells would when all goes well: a ticket for an issue
    /// request, a printed ticket, staff on their way.
    pub fn answer_next(&mut self) -> Option<Vec<SpeechOut>> {
        if self.pending.is_empty() {
            return None;
        }
        let event = match self.pending.remove(0) {
            Effect::Issue { attempt, request } => {
                let site = self.kiosk.site.clone().unwrap_or_else(sample::site);
                let issued =
                    sample::issued_at(&site, &request.service, request.lang, request.needs);
                KioskEvent::Issued {
                    attempt,
                    issued: Box::new(issued),
                }
            }
            Effect::CheckIn { attempt, request } => KioskEvent::Issued {
                attempt,
                issued: Box::new(sample::booked(request.lang)),
            },
            Effect::Print { .. } => KioskEvent::Printed(Ok(())),
            Effect::Assist(_) => KioskEvent::AssistResult(true),
            Effect::Guided(_) | Effect::Abandon { .. } => return Some(Vec::new()),
        };
        Some(self.answer(event))
    }

    fn flow(&mut self, event: KioskEvent) {
        let effects = self.kiosk.apply(event, self.now);
        self.pending.extend(effects.iter().cloned());
        self.effects.extend(effects);
    }

    /// The shell's frame: speech mode ends with the kiosk's reset, then observes the view.
    fn frame(&mut self) -> Vec<SpeechOut> {
        if self.speech.active() && !self.kiosk.speech {
            self.speech.reset();
        }
        let v = self.view();
        self.speech.observe(&v)
    }

    /// The keys that reach choice `index` of the current screen (9 for each page before).
    pub fn keys_to(&self, index: usize) -> Vec<SpeechKey> {
        let choices = script::choices(&self.view());
        let pages = Pages {
            choices: choices.len(),
        };
        let (page, digit) = pages.key_of(index);
        let here = self.speech_page();
        let turns = (page + pages.count() - here) % pages.count();
        let mut keys = vec![SpeechKey::Digit(9); turns];
        keys.push(SpeechKey::Digit(digit));
        keys
    }

    fn speech_page(&self) -> usize {
        let choices = script::choices(&self.view());
        Pages {
            choices: choices.len(),
        }
        .key_of(self.speech.focus())
        .0
    }
}

/// Something said on the way: the keys pressed since home, the screen, the phrases.
#[derive(Debug, Clone, PartialEq)]
pub struct Heard {
    pub keys: Vec<SpeechKey>,
    pub screen: &'static str,
    pub phrases: Vec<Phrase>,
    /// The view when it was said.
    pub view: ScreenView,
    /// A screen said whole (a new screen, or speech mode starting), not a key's echo or a
    /// status line.
    pub whole: bool,
}

/// The key as the keypad labels it.
pub fn key_label(key: SpeechKey) -> String {
    match key {
        SpeechKey::Digit(d) => d.to_string(),
        SpeechKey::Enter => "Enter".into(),
        SpeechKey::Back => ".".into(),
        SpeechKey::Up => "↑".into(),
        SpeechKey::Down => "↓".into(),
        SpeechKey::Plus => "+".into(),
        SpeechKey::Minus => "-".into(),
        SpeechKey::Star => "*".into(),
        SpeechKey::Slash => "/".into(),
        SpeechKey::Hash => "#".into(),
    }
}

/// Walks every path of the tree in `lang` by keys: a key starts speech mode, the language's
/// key, then every purpose, braille answer, triage answer and ticket offer; each path ends
/// with Enter on "get my ticket", the ticket issued and printed; "I have a reservation" types a
/// reference and checks it in. Everything said, in order.
pub fn every_path(mut h: Headless, lang: Lang) -> Vec<Heard> {
    let mut heard = Vec::new();
    let mut keys = Vec::new();
    press(&mut h, &mut keys, SpeechKey::Digit(5), &mut heard);
    let index = script::choices(&h.view())
        .iter()
        .position(|c| c.event == KioskEvent::ChooseLang(lang));
    if let Some(index) = index {
        for key in h.keys_to(index) {
            press(&mut h, &mut keys, key, &mut heard);
        }
        walk(&h, &keys, &mut heard);
    }
    heard
}

fn press(h: &mut Headless, keys: &mut Vec<SpeechKey>, key: SpeechKey, heard: &mut Vec<Heard>) {
    keys.push(key);
    let before = script::identity(&h.view());
    let started = !h.speech.active();
    let out = h.press(key);
    let whole = started || before != script::identity(&h.view());
    record(h, keys, out, whole, heard);
}

fn record(
    h: &Headless,
    keys: &[SpeechKey],
    out: Vec<SpeechOut>,
    whole: bool,
    heard: &mut Vec<Heard>,
) {
    let view = h.view();
    for o in out {
        if let SpeechOut::Say(phrases) = o {
            heard.push(Heard {
                keys: keys.to_vec(),
                screen: view.name,
                phrases,
                view: view.clone(),
                whole,
            });
        }
    }
}

/// Every choice of the current screen that leads on (not back, not finish).
fn walk(h: &Headless, keys: &[SpeechKey], heard: &mut Vec<Heard>) {
    let choices = script::choices(&h.view());
    for (i, c) in choices.iter().enumerate() {
        let leads_on = matches!(
            c.event,
            KioskEvent::ChoosePurpose(_)
                | KioskEvent::Answer(_)
                | KioskEvent::BrailleForm(_)
                | KioskEvent::TakeOffer(_)
                | KioskEvent::Confirm
        );
        if c.event == KioskEvent::StartBooking {
            booking(h, keys, i, heard);
            continue;
        }
        if !leads_on {
            continue;
        }
        let mut next = h.clone();
        let mut path = keys.to_vec();
        for key in next.keys_to(i) {
            press(&mut next, &mut path, key, heard);
        }
        if c.event == KioskEvent::Confirm {
            loop {
                let before = script::identity(&next.view());
                let Some(out) = next.answer_next() else {
                    break;
                };
                let whole = before != script::identity(&next.view());
                record(&next, &path, out, whole, heard);
            }
            continue;
        }
        walk(&next, &path, heard);
    }
}

/// "I have a reservation" (choice `index`): a reference typed on the keypad, Enter, the
/// booked ticket checked in and printed.
fn booking(h: &Headless, keys: &[SpeechKey], index: usize, heard: &mut Vec<Heard>) {
    let mut next = h.clone();
    let mut path = keys.to_vec();
    for key in next.keys_to(index) {
        press(&mut next, &mut path, key, heard);
    }
    for key in [1, 2, 0, 4].map(SpeechKey::Digit) {
        press(&mut next, &mut path, key, heard);
    }
    press(&mut next, &mut path, SpeechKey::Enter, heard);
    loop {
        let before = script::identity(&next.view());
        let Some(out) = next.answer_next() else {
            break;
        };
        let whole = before != script::identity(&next.view());
        record(&next, &path, out, whole, heard);
    }
}
