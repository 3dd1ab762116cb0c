//! What speech mode says for a screen, from its view model: the title, the staff banner, the
//! paragraphs, the ticket, each choice with its key (and its waiting count, or on/off for a
//! need), the idle countdown and the focus. Texts are the screen's own, written for the ear
//! (`ear`), so what is heard is what is shown.

use madoguchi_protocol::Lang;

use super::Phrase;
use super::ear::{for_ear, ticket_number};
use crate::flow::KioskEvent;
use crate::i18n::{Arg, Localizer};
use crate::view::{Button, ScreenView, Text, TicketPanel};

/// One thing the visitor can choose by key: a button, a need toggle or the primary action.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    pub label: String,
    pub sub: Option<String>,
    pub lang: Lang,
    pub event: KioskEvent,
    /// `Some(on)` for a need toggle.
    pub selected: Option<bool>,
    /// The first need toggle (the toggles' heading is said before it).
    pub first_toggle: bool,
}

impl Choice {
    fn from(b: &Button) -> Self {
        Choice {
            label: b.label.clone(),
            sub: b.sub.clone(),
            lang: b.lang,
            event: b.event.clone(),
            selected: b.selected,
            first_toggle: false,
        }
    }

    /// A language: said in that language.
    fn is_language(&self) -> bool {
        matches!(
            self.event,
            KioskEvent::ChooseLang(_) | KioskEvent::SwitchLang(_)
        )
    }
}

/// The choices of a screen, in key order: an open language picker's languages; else the
/// buttons, the need toggles and the primary action.
pub fn choices(view: &ScreenView) -> Vec<Choice> {
    if !view.lang_picker.is_empty() {
        return view.lang_picker.iter().map(Choice::from).collect();
    }
    let toggles = view.toggles.iter().enumerate().map(|(i, b)| Choice {
        first_toggle: i == 0,
        ..Choice::from(b)
    });
    view.buttons
        .iter()
        .map(Choice::from)
        .chain(toggles)
        .chain(view.primary.iter().map(Choice::from))
        .collect()
}

/// Nine keys: up to 9 choices on one page, else 8 a page and 9 for the next page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pages {
    pub choices: usize,
}

impl Pages {
    pub fn per_page(self) -> usize {
        if self.choices <= 9 { 9 } else { 8 }
    }

    pub fn count(self) -> usize {
        self.choices.div_ceil(self.per_page()).max(1)
    }

    /// The page a choice is on and its key there.
    pub fn key_of(self, index: usize) -> (usize, u8) {
        let per = self.per_page();
        (index / per, (index % per) as u8 + 1)
    }

    /// The choice key `digit` chooses on `page`.
    pub fn index(self, page: usize, digit: u8) -> Option<usize> {
        let per = self.per_page();
        let d = usize::from(digit);
        let i = page * per + d.checked_sub(1)?;
        (d >= 1 && d <= per && i < self.choices).then_some(i)
    }
}

/// Texts of the visitor's language (a screen that also shows Japanese or every language for
/// staff and the next visitor says only the visitor's).
fn own<'a>(view: &ScreenView, texts: &'a [Text]) -> Vec<&'a Text> {
    let mine: Vec<&Text> = texts.iter().filter(|t| t.lang == view.lang).collect();
    if view.name == "home" || mine.is_empty() {
        texts.iter().collect()
    } else {
        mine
    }
}

/// Builds phrases, dropping what the ear cannot use.
pub struct Script<'a> {
    i18n: &'a Localizer,
    pub phrases: Vec<Phrase>,
}

impl<'a> Script<'a> {
    pub fn new(i18n: &'a Localizer) -> Self {
        Script {
            i18n,
            phrases: Vec::new(),
        }
    }

    /// Says `text` in `lang`, written for the ear.
    pub fn say(&mut self, lang: Lang, text: &str) {
        if let Some(text) = for_ear(self.i18n, lang, text) {
            self.phrases.push(Phrase { lang, text });
        }
    }

    /// Says the locale text `key` in `lang`.
    pub fn key(&mut self, lang: Lang, key: &str, args: &[(&str, Arg)]) {
        let text = self.i18n.t_args(lang, key, args);
        self.say(lang, &text);
    }

    /// The choice at `index` with its key.
    pub fn choice(&mut self, view: &ScreenView, c: &Choice, digit: u8) {
        let key = Arg::Num(i64::from(digit));
        let label = for_ear(self.i18n, c.lang, &c.label).unwrap_or_else(|| c.label.clone());
        if c.is_language() {
            self.key(
                c.lang,
                "speech-lang-choice",
                &[("key", key), ("lang", label.into())],
            );
            return;
        }
        let detail = match (c.selected, &c.sub) {
            (Some(on), _) => Some(self.i18n.t(view.lang, on_off(on))),
            (None, Some(sub)) => for_ear(self.i18n, c.lang, sub),
            (None, None) => None,
        };
        match detail {
            Some(detail) => self.key(
                c.lang,
                "speech-choice-detail",
                &[
                    ("key", key),
                    ("label", label.into()),
                    ("detail", detail.into()),
                ],
            ),
            None => self.key(
                c.lang,
                "speech-choice",
                &[("key", key), ("label", label.into())],
            ),
        }
    }

    /// "Enter chooses …".
    pub fn focus(&mut self, c: &Choice) {
        let label = for_ear(self.i18n, c.lang, &c.label).unwrap_or_else(|| c.label.clone());
        self.key(c.lang, "speech-focus", &[("label", label.into())]);
    }

    /// The ticket: number, service, where, people ahead, wait, documents, needs.
    pub fn ticket(&mut self, lang: Lang, t: &TicketPanel, full: bool) {
        let number = ticket_number(self.i18n, lang, &t.number);
        self.say(lang, &number);
        self.say(lang, &t.service);
        self.place(lang, &t.place);
        self.say(lang, &t.ahead);
        self.say(lang, &t.eta);
        if !full {
            return;
        }
        let list = |items: &[String], i18n: &Localizer| {
            items
                .iter()
                .filter_map(|d| for_ear(i18n, lang, d))
                .collect::<Vec<_>>()
        };
        let docs = list(&t.documents, self.i18n);
        if !docs.is_empty() {
            self.key(
                lang,
                "speech-list",
                &[
                    ("title", t.bring_title.clone().into()),
                    ("items", docs.join(separator(lang)).into()),
                ],
            );
        }
        let needs = list(&t.needs, self.i18n);
        if !needs.is_empty() {
            self.key(
                lang,
                "speech-list",
                &[
                    ("title", self.i18n.t(lang, "ticket-needs").into()),
                    ("items", needs.join(separator(lang)).into()),
                ],
            );
        }
    }

    /// Where the visitor will be called: `4F 交付窓口` is said as the area on the 4th floor.
    fn place(&mut self, lang: Lang, place: &str) {
        let (floor, area) = match place.split_once(' ') {
            Some((f, rest))
                if f.len() > 1
                    && f.ends_with('F')
                    && f[..f.len() - 1].chars().all(|c| c.is_ascii_digit()) =>
            {
                (Some(&f[..f.len() - 1]), rest)
            }
            _ => (None, place),
        };
        // `交付窓口` beside the translation is for the signs and the staff, not the ear.
        let area = match lang {
            Lang::Ja | Lang::JaEasy => area,
            _ => area.split(" / ").next().unwrap_or(area),
        };
        let Some(area) = for_ear(self.i18n, lang, area) else {
            return;
        };
        match floor {
            Some(n) => {
                let floor = self
                    .i18n
                    .t_args(lang, "speech-floor", &[("floor", n.into())]);
                self.key(
                    lang,
                    "speech-ticket-place-floor",
                    &[("place", area.into()), ("floor", floor.into())],
                );
            }
            None => self.key(lang, "speech-ticket-place", &[("place", area.into())]),
        }
    }

    /// The reference typed so far, character by character ("Typed so far: R 2 6").
    pub fn typed(&mut self, lang: Lang, typed: &str) {
        if !typed.is_empty() {
            let spelled = spell(self.i18n, lang, typed);
            self.key(lang, "speech-booking-now", &[("typed", spelled.into())]);
        }
    }

    /// What changed on the reservation pad: the character typed, or what is left.
    fn echo(&mut self, lang: Lang, before: &str, now: &str) {
        match now.strip_prefix(before).map(|c| c.chars().count()) {
            Some(1) => {
                let spelled = spell(self.i18n, lang, &now[before.len()..]);
                self.say(lang, &spelled);
            }
            _ if now.is_empty() => self.key(lang, "speech-booking-empty", &[]),
            _ => self.typed(lang, now),
        }
    }

    /// "Are you still there? … Press any key."
    pub fn countdown(&mut self, view: &ScreenView) {
        if let Some(c) = &view.countdown {
            self.say(view.lang, &c.title);
            self.say(view.lang, &c.body);
            self.key(view.lang, "speech-any-key", &[]);
        }
    }
}

/// A reference said one character at a time (`-` as its word).
fn spell(i18n: &Localizer, lang: Lang, text: &str) -> String {
    let hyphen = i18n.t(lang, "speech-hyphen");
    text.chars()
        .map(|c| {
            if c == '-' {
                hyphen.clone()
            } else {
                c.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The pause between list items.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja | Lang::JaEasy | Lang::ZhHans | Lang::ZhHant => "、",
        _ => ", ",
    }
}

fn on_off(on: bool) -> &'static str {
    if on { "speech-on" } else { "speech-off" }
}

/// The whole screen: title, banner, paragraphs, ticket, the choices of `page`, the countdown,
/// the focus.
pub fn screen(
    i18n: &Localizer,
    view: &ScreenView,
    choices: &[Choice],
    page: usize,
    focus: usize,
) -> Vec<Phrase> {
    let mut s = Script::new(i18n);
    let lang = view.lang;
    for t in own(view, &view.title) {
        s.say(t.lang, &t.text);
    }
    if let Some(typed) = &view.entry {
        // The reservation pad: its keys type, so they are not said as choices.
        if let Some(b) = &view.banner {
            s.say(lang, b);
        }
        s.key(lang, "speech-booking", &[]);
        s.typed(lang, typed);
        s.countdown(view);
        return s.phrases;
    }
    if let Some(b) = &view.banner {
        s.say(lang, b);
    }
    for t in own(view, &view.paragraphs) {
        // The home screen's "press any key for speech" is for those who read it.
        if view.name == "home" && t.text == s.i18n.t(t.lang, crate::view::HOME_SPEECH) {
            continue;
        }
        s.say(t.lang, &t.text);
    }
    if let Some(t) = &view.ticket {
        s.ticket(lang, t, true);
        s.say(lang, &t.print_message);
    }
    page_of(&mut s, view, choices, page);
    s.countdown(view);
    if let Some(c) = choices.get(focus) {
        s.focus(c);
    }
    s.phrases
}

/// The choices of one page with their keys, and 9 for the next page.
pub fn page_of(s: &mut Script<'_>, view: &ScreenView, choices: &[Choice], page: usize) {
    let pages = Pages {
        choices: choices.len(),
    };
    for (i, c) in choices.iter().enumerate() {
        let (p, digit) = pages.key_of(i);
        if p != page {
            continue;
        }
        if c.first_toggle
            && let Some(title) = &view.toggles_title
        {
            s.say(view.lang, title);
        }
        s.choice(view, c, digit);
    }
    if pages.count() > 1 {
        let key = if page + 1 < pages.count() {
            "speech-more"
        } else {
            "speech-first-page"
        };
        // The languages of the home screen: the way on in Japanese and English.
        let langs: &[Lang] = if choices.iter().all(Choice::is_language) {
            &[Lang::Ja, Lang::En]
        } else {
            std::slice::from_ref(&view.lang)
        };
        for &l in langs {
            s.key(l, key, &[("key", Arg::Num(9))]);
        }
    }
}

/// The status lines a frame can change without changing the screen.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Status {
    pub banner: Option<String>,
    pub print: Option<String>,
    pub countdown: bool,
    /// The reservation pad's reference.
    pub entry: Option<String>,
}

impl Status {
    pub fn of(view: &ScreenView) -> Self {
        Status {
            banner: view.banner.clone(),
            print: view.ticket.as_ref().map(|t| t.print_message.clone()),
            countdown: view.countdown.is_some(),
            entry: view.entry.clone(),
        }
    }

    /// What to say about the changes from `self` to `now`: a new staff banner, the print
    /// result (then the ticket again, which it interrupts), the idle countdown.
    pub fn changes(&self, now: &Status, i18n: &Localizer, view: &ScreenView) -> Vec<Phrase> {
        let mut s = Script::new(i18n);
        if now.banner != self.banner
            && let Some(b) = &now.banner
        {
            s.say(view.lang, b);
        }
        if now.print != self.print
            && let (Some(p), Some(t)) = (&now.print, &view.ticket)
        {
            s.say(view.lang, p);
            s.ticket(view.lang, t, false);
        }
        if let (Some(before), Some(typed)) = (&self.entry, &now.entry)
            && before != typed
        {
            s.echo(view.lang, before, typed);
        }
        if now.countdown && !self.countdown {
            s.countdown(view);
        }
        s.phrases
    }
}

/// A screen's identity for speech: what changes it enough to be said again (not the waiting
/// counts, the needs' on/off or the status lines).
pub fn identity(view: &ScreenView) -> String {
    let mut id = format!("{}|{}", view.name, view.lang.code());
    for t in view.title.iter().chain(&view.paragraphs) {
        id.push('|');
        id.push_str(&t.text);
    }
    for c in choices(view) {
        id.push('|');
        id.push_str(&c.label);
    }
    if let Some(t) = &view.ticket {
        id.push('|');
        id.push_str(&t.number);
    }
    id
}
