//! View models: what each kiosk screen shows, as plain data built from the state and the texts
//! (the types in `model`, the bar in `bar`, pictograms named in `pictogram`). `ui::draw` paints
//! them; tests check them without a window.

use std::time::Duration;

use madoguchi_protocol::Lang;

use crate::flow::{KioskEvent, KioskState, Need, PrintStatus, QUESTIONS, Screen, StaffCall};
use crate::i18n::{Arg, Localizer};
use crate::triage::Node;

mod bar;
mod booking;
mod model;
mod names;
mod pictogram;
mod wait;

pub use bar::TopBar;
pub use booking::{CURSOR, DIGITS_KEY, LETTERS_KEY, slot_lines};
pub use model::{Button, Countdown, ProgressView, ScreenView, Text, TicketPanel, Wait};
pub use names::{documents, help_place, office_name, service_name};
pub use pictogram::Pictogram;
pub use wait::{range_text, shown_range, wait_text};

fn button(label: String, lang: Lang, event: KioskEvent) -> Button {
    Button {
        label,
        sub: None,
        lang,
        event,
        selected: None,
        icon: None,
        wait: None,
    }
}

fn with_icon(icon: Option<Pictogram>, b: Button) -> Button {
    Button { icon, ..b }
}

/// Locale key of the home screen's line saying how speech mode starts (not said in speech mode:
/// it is on by then).
pub const HOME_SPEECH: &str = "home-speech";

/// Builds the view of the current screen.
pub fn build(state: &KioskState, i18n: &Localizer, now: Duration) -> ScreenView {
    let lang = state.lang;
    let t = |key: &str| i18n.t(lang, key);
    let txt = |key: &str| Text {
        text: i18n.t(lang, key),
        lang,
    };
    let info = |id: &str| {
        state
            .site
            .as_ref()
            .and_then(|s| s.services.iter().find(|x| x.id == id))
    };
    let bar = bar::bar(state, i18n);
    let banner = match state.staff {
        StaffCall::None => None,
        StaffCall::Requested | StaffCall::Coming => Some(t("staff-coming")),
        StaffCall::Failed => Some(t("staff-call-failed")),
    };
    let mut v = ScreenView {
        name: "home",
        lang,
        large_text: state.large_text,
        low_reach: state.low_reach,
        progress: state.progress().map(|p| ProgressView {
            text: i18n.t_args(
                lang,
                "progress-step",
                &[("step", p.step.into()), ("total", p.total.into())],
            ),
            step: p.step,
            total: p.total,
        }),
        bar,
        banner,
        title: Vec::new(),
        paragraphs: Vec::new(),
        buttons: Vec::new(),
        toggles_title: None,
        toggles: Vec::new(),
        ticket: None,
        entry: None,
        primary: None,
        lang_picker: Vec::new(),
        countdown: None,
    };
    match &state.screen {
        Screen::Home => {
            v.title = vec![Text {
                text: i18n.t(Lang::Ja, "home-title"),
                lang: Lang::Ja,
            }];
            // How to choose, then where speech mode starts (for whoever stands with the
            // visitor, and for staff), in Japanese and English.
            v.paragraphs = ["home-choose", HOME_SPEECH]
                .into_iter()
                .flat_map(|key| [Lang::Ja, Lang::En].map(|l| (key, l)))
                .map(|(key, l)| Text {
                    text: i18n.t(l, key),
                    lang: l,
                })
                .collect();
            v.buttons = Lang::ALL
                .into_iter()
                .map(|l| button(l.native_name().to_owned(), l, KioskEvent::ChooseLang(l)))
                .collect();
        }
        Screen::Purpose => {
            v.name = "purpose";
            v.title = vec![txt("purpose-title")];
            if state.site.is_none() {
                v.paragraphs = vec![txt("loading")];
            } else {
                v.buttons = state
                    .purposes()
                    .into_iter()
                    .map(|(i, p)| {
                        if let Some(e) = state.elsewhere_for(p) {
                            let office = office_name(i18n, lang, &e.office);
                            return Button {
                                sub: Some(i18n.t_args(
                                    lang,
                                    "purpose-elsewhere",
                                    &[("office", office.into())],
                                )),
                                icon: Pictogram::of_purpose(&p.label),
                                ..button(t(&p.label), lang, KioskEvent::ChoosePurpose(i))
                            };
                        }
                        let sub = p.queue.as_ref().and_then(|q| {
                            state
                                .queues
                                .iter()
                                .find(|s| &s.service == q && state.offers(q))
                        });
                        Button {
                            sub: sub.map(|q| {
                                let r = shown_range(q.eta_range, q.eta_min, q.waiting);
                                if r.high_min == 0 {
                                    i18n.t_args(
                                        lang,
                                        "purpose-wait-count",
                                        &[("count", q.waiting.into())],
                                    )
                                } else {
                                    let range = range_text(i18n, lang, r);
                                    i18n.t_args(
                                        lang,
                                        "purpose-waiting",
                                        &[("count", q.waiting.into()), ("range", range.into())],
                                    )
                                }
                            }),
                            wait: sub.map(|q| Wait {
                                count: i18n.t_args(
                                    lang,
                                    "purpose-wait-count",
                                    &[("count", q.waiting.into())],
                                ),
                                eta: wait_text(
                                    i18n,
                                    lang,
                                    "purpose-wait-eta",
                                    "purpose-wait-none",
                                    shown_range(q.eta_range, q.eta_min, q.waiting),
                                ),
                                eta_min: q.eta_min,
                            }),
                            icon: Pictogram::of_purpose(&p.label),
                            ..button(t(&p.label), lang, KioskEvent::ChoosePurpose(i))
                        }
                    })
                    .collect();
                if v.buttons.is_empty() {
                    v.paragraphs = vec![txt("purpose-none")];
                } else {
                    // Beside Back in the dock (within reach, and ten purpose cards would not
                    // fit low reach); the last choice in speech mode.
                    v.primary = Some(booking::purpose_button(i18n, lang));
                }
            }
        }
        Screen::Question { node } => {
            v.name = "question";
            if let Some(Node::Question { text, answers }) = state.tree.nodes.get(node) {
                v.title = vec![txt(text)];
                v.buttons = answers
                    .iter()
                    .enumerate()
                    .map(|(i, a)| button(t(&a.label), lang, KioskEvent::Answer(i)))
                    .collect();
            }
        }
        Screen::BrailleOffer { .. } => {
            v.name = "braille-offer";
            v.title = vec![txt("braille-title")];
            v.paragraphs = vec![txt("braille-body")];
            v.buttons = vec![
                with_icon(
                    Some(Pictogram::Braille),
                    button(t("braille-yes"), lang, KioskEvent::BrailleForm(true)),
                ),
                button(t("braille-no"), lang, KioskEvent::BrailleForm(false)),
            ];
        }
        Screen::Guidance {
            text,
            offers,
            elsewhere,
        } => {
            v.name = "guidance";
            v.title = vec![txt("guidance-title")];
            match elsewhere {
                Some(e) => {
                    let service = service_name(i18n, lang, &e.service, None);
                    let office = office_name(i18n, lang, &e.office);
                    v.paragraphs.push(Text {
                        text: i18n.t_args(
                            lang,
                            text,
                            &[("service", service.into()), ("office", office.into())],
                        ),
                        lang,
                    });
                    v.paragraphs.push(Text {
                        text: i18n.t_args(
                            lang,
                            "office-address",
                            &[("address", e.office.address.clone().into())],
                        ),
                        lang,
                    });
                }
                None if text == "g-not-offered" => v.paragraphs.push(txt("g-not-offered-nowhere")),
                None => v.paragraphs.push(txt(text)),
            }
            v.buttons = offers
                .iter()
                .enumerate()
                .map(|(i, o)| {
                    let label = if o.service == QUESTIONS {
                        t("offer-question")
                    } else {
                        let name = service_name(i18n, lang, &o.service, info(&o.service));
                        i18n.t_args(lang, "offer-ticket", &[("service", name.into())])
                    };
                    with_icon(
                        Pictogram::of_service(&o.service),
                        button(label, lang, KioskEvent::TakeOffer(i)),
                    )
                })
                .collect();
            v.primary = Some(button(t("guidance-ok"), lang, KioskEvent::Finish));
        }
        Screen::Confirm {
            service,
            note,
            needs,
        } => {
            v.name = "confirm";
            v.title = vec![txt("confirm-title")];
            let name = service_name(i18n, lang, service, info(service));
            v.paragraphs.push(Text {
                text: i18n.t_args(lang, "confirm-service", &[("service", name.into())]),
                lang,
            });
            v.paragraphs.extend(note.iter().map(|n| txt(n)));
            let docs = documents(i18n, lang, info(service));
            if !docs.is_empty() {
                v.paragraphs.push(Text {
                    text: format!("{}: {}", t("ticket-bring"), docs.join(" / ")),
                    lang,
                });
            }
            v.toggles_title = Some(t("needs-title"));
            v.toggles = Need::ALL
                .into_iter()
                .map(|n| Button {
                    selected: Some(n.is_set(needs)),
                    icon: Some(Pictogram::of_need(n)),
                    ..button(t(n.key()), lang, KioskEvent::ToggleNeed(n))
                })
                .collect();
            v.primary = Some(button(t("confirm-button"), lang, KioskEvent::Confirm));
        }
        Screen::Issuing { .. } => {
            v.name = "issuing";
            v.title = vec![txt("issuing")];
        }
        Screen::BookingEntry { text, letters } => {
            booking::entry(&mut v, i18n, lang, text, *letters);
        }
        Screen::CheckingIn { .. } => {
            v.name = "checking-in";
            v.title = vec![txt("booking-checking")];
        }
        Screen::BookingRefused { refusal, reference } => {
            booking::refused(&mut v, state, i18n, refusal, reference);
        }
        Screen::Ticket {
            issued,
            note,
            print,
        } => {
            v.name = "ticket";
            let service = &issued.ticket.service;
            let needs: Vec<String> = Need::ALL
                .into_iter()
                .filter(|n| n.is_set(&issued.ticket.needs))
                .map(|n| t(n.key()))
                .collect();
            v.paragraphs.extend(note.iter().map(|n| txt(n)));
            let offline = issued.ticket.offline;
            // A booking: its slot instead of the people ahead, its calling time when early.
            let slot = issued
                .ticket
                .booking
                .as_ref()
                .map(|b| slot_lines(i18n, lang, issued, b));
            if offline {
                // Issued from the lease: say plainly that the counter knows, in the visitor's
                // language and in Japanese for the staff the visitor may show it to.
                v.paragraphs
                    .extend(both(i18n, lang, "ticket-offline-known"));
            }
            v.ticket = Some(TicketPanel {
                title: t("ticket-title"),
                number: issued.ticket.number.clone(),
                service: service_name(i18n, lang, service, info(service)),
                place: state
                    .site
                    .as_ref()
                    .map(|s| crate::ticket::place(i18n, lang, s, info(service)))
                    .unwrap_or_default(),
                ahead: if let Some((reserved, _)) = &slot {
                    reserved.clone()
                } else if offline {
                    t("ticket-wait-unknown")
                } else {
                    i18n.t_args(
                        lang,
                        "ticket-ahead",
                        &[("count", issued.people_ahead.into())],
                    )
                },
                eta: if let Some((_, Some(call))) = &slot {
                    call.clone()
                } else if offline {
                    String::new()
                } else {
                    wait_text(
                        i18n,
                        lang,
                        "ticket-eta",
                        "ticket-eta-next",
                        shown_range(issued.eta_range, issued.eta_min, issued.people_ahead),
                    )
                },
                qr_url: issued.status_url.clone(),
                qr_caption: t("ticket-qr"),
                bring_title: t("ticket-bring"),
                documents: documents(i18n, lang, info(service)),
                needs,
                print_message: match print {
                    PrintStatus::Printing => t("ticket-printing"),
                    PrintStatus::Printed => t("ticket-printed"),
                    PrintStatus::Failed(_) => t("ticket-print-failed"),
                },
                print_failed: matches!(print, PrintStatus::Failed(_)),
            });
            v.primary = Some(button(t("ticket-done"), lang, KioskEvent::Finish));
        }
        Screen::Closed { next_opening } => {
            v.name = "closed";
            v.title = both(i18n, lang, "closed-title");
            let when = next_opening.map(|t| t.format("%Y-%m-%d %H:%M").to_string());
            for l in langs_with_ja(lang) {
                v.paragraphs.push(Text {
                    text: match &when {
                        Some(w) => i18n.t_args(l, "closed-next", &[("when", w.clone().into())]),
                        None => i18n.t(l, "closed-unknown"),
                    },
                    lang: l,
                });
            }
        }
        Screen::Offline => {
            // The next visitor may read any language: every one of them, the current first.
            v.name = "offline";
            v.title = both(i18n, lang, "offline-title");
            v.paragraphs = std::iter::once(lang)
                .chain(Lang::ALL.into_iter().filter(|l| *l != lang))
                .map(|l| Text {
                    text: i18n.t_args(
                        l,
                        if state.lease_out {
                            "offline-lease-out"
                        } else {
                            "offline-body"
                        },
                        &[("place", help_place(i18n, l, state).into())],
                    ),
                    lang: l,
                })
                .collect();
        }
    }
    if state.lang_picker {
        v.lang_picker = Lang::ALL
            .into_iter()
            .map(|l| Button {
                selected: Some(l == lang),
                ..button(l.native_name().to_owned(), l, KioskEvent::SwitchLang(l))
            })
            .collect();
    }
    v.countdown = state.idle_countdown(now).map(|secs| Countdown {
        title: t("idle-title"),
        body: i18n.t_args(lang, "idle-body", &[("seconds", Arg::Num(secs as i64))]),
        button: button(t("idle-continue"), lang, KioskEvent::StillHere),
    });
    v
}

/// The visitor's language, then Japanese when it is another one.
fn langs_with_ja(lang: Lang) -> Vec<Lang> {
    if lang == Lang::Ja {
        vec![Lang::Ja]
    } else {
        vec![lang, Lang::Ja]
    }
}

fn both(i18n: &Localizer, lang: Lang, key: &str) -> Vec<Text> {
    langs_with_ja(lang)
        .into_iter()
        .map(|l| Text {
            text: i18n.t(l, key),
            lang: l,
        })
        .collect()
}
