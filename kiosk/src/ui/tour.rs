//! The screenshot tour: steps the flow through every screen in each language with fake server
//! answers (no network), saves a screenshot of each, and exits. `KIOSK_TOUR_VARIANT`
//! (`low-reach` or `large-text`) turns the bar's toggle on for every step and names the files
//! with that suffix; a landscape window adds `-landscape`. `KIOSK_TOUR_SCREENS` (names, comma
//! separated) keeps only those screens.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, ScreenshotCaptured, save_to_disk};
use madoguchi_protocol::{Lang, Needs};

use super::app::{Kiosk, base_app};
use crate::flow::{EntryKey, KioskEvent, KioskState, Need};
use crate::i18n::Localizer;
use crate::sample;
use crate::triage::TriageTree;

/// One screenshot: a file name and the events that lead to the screen from a fresh kiosk.
#[derive(Debug, Clone)]
pub struct Step {
    /// The screen's name in the tour (`purpose`, `confirm`, …).
    pub name: &'static str,
    pub file: String,
    pub events: Vec<KioskEvent>,
    /// The clock when the screenshot is taken (the idle countdown needs a late one).
    pub now: Duration,
    /// The bar's toggles, on from the start.
    pub variant: Variant,
}

/// A layout the tour shows every screen in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Variant {
    #[default]
    Normal,
    LowReach,
    LargeText,
}

impl Variant {
    /// From `KIOSK_TOUR_VARIANT`.
    pub fn from_env() -> anyhow::Result<Variant> {
        match std::env::var("KIOSK_TOUR_VARIANT").as_deref() {
            Err(_) | Ok("") | Ok("normal") => Ok(Variant::Normal),
            Ok("low-reach") => Ok(Variant::LowReach),
            Ok("large-text") => Ok(Variant::LargeText),
            Ok(other) => anyhow::bail!(
                "KIOSK_TOUR_VARIANT={other} is not known: use low-reach, large-text or leave it unset."
            ),
        }
    }

    /// The file name suffix.
    pub fn suffix(self) -> &'static str {
        match self {
            Variant::Normal => "",
            Variant::LowReach => "-low-reach",
            Variant::LargeText => "-large-text",
        }
    }
}

fn purpose(tree: &TriageTree, label: &str) -> usize {
    tree.purposes
        .iter()
        .position(|p| p.label == label)
        .unwrap_or_default()
}

/// Every screen for `lang`, named `kiosk-<lang>-<nn>-<screen>.png`.
pub fn steps(tree: &TriageTree, lang: Lang, suffix: &str) -> Vec<Step> {
    use KioskEvent::*;
    let pickup = ChoosePurpose(purpose(tree, "purpose-pickup"));
    let apply = ChoosePurpose(purpose(tree, "purpose-apply"));
    let lost = ChoosePurpose(purpose(tree, "purpose-lost"));
    // A branch office that hands out no cards: purposes name the ward office that does.
    let branch = SiteLoaded(Box::new(
        sample::site_of("dairi").unwrap_or_else(sample::site),
    ));
    let wheelchair = Needs {
        wheelchair: true,
        ..Needs::default()
    };
    let to_confirm = vec![
        ChooseLang(lang),
        pickup.clone(),
        Answer(0),
        ToggleNeed(Need::Wheelchair),
    ];
    let issued = |printed: Result<(), String>| {
        let mut e = to_confirm.clone();
        e.extend([
            Confirm,
            Issued {
                attempt: 1,
                issued: Box::new(sample::issued("pickup", lang, wheelchair)),
            },
            Printed(printed),
        ]);
        e
    };
    let mut closed = to_confirm.clone();
    closed.extend([
        Confirm,
        IssueClosed {
            attempt: 1,
            next_opening: Some(sample::time()),
        },
    ]);
    let refused = |code: &str, site: Option<&str>| {
        booking(
            lang,
            &[
                SubmitBooking,
                CheckInRefused {
                    attempt: 1,
                    code: code.into(),
                    site: site.map(str::to_owned),
                },
            ],
        )
    };
    let list: Vec<(&'static str, Vec<KioskEvent>, u64)> = vec![
        ("home", vec![], 1),
        ("purpose", vec![ChooseLang(lang)], 1),
        ("question", vec![ChooseLang(lang), pickup.clone()], 1),
        (
            "question-long",
            vec![
                ChooseLang(lang),
                apply.clone(),
                Answer(0),
                Answer(1),
                Answer(1),
            ],
            1,
        ),
        (
            "guidance",
            vec![ChooseLang(lang), apply.clone(), Answer(1)],
            1,
        ),
        ("confirm", to_confirm.clone(), 1),
        ("ticket", issued(Ok(())), 1),
        ("ticket-print-failed", issued(Err("paper out".into())), 1),
        ("offline", vec![ChooseLang(lang), ServerDown], 1),
        ("closed", closed, 1),
        ("idle-countdown", vec![ChooseLang(lang), pickup.clone()], 64),
        (
            "language-and-staff",
            vec![
                ChooseLang(lang),
                ToggleLangPicker,
                CallStaff,
                AssistResult(true),
            ],
            1,
        ),
        (
            "large-text",
            vec![ChooseLang(lang), ToggleLargeText, pickup.clone()],
            1,
        ),
        (
            "guidance-offer",
            vec![
                ChooseLang(lang),
                apply,
                Answer(0),
                Answer(0),
                Answer(0),
                Answer(1),
                Answer(1),
            ],
            1,
        ),
        ("purpose-branch", vec![branch.clone(), ChooseLang(lang)], 1),
        (
            "guidance-elsewhere",
            vec![branch, ChooseLang(lang), pickup.clone()],
            1,
        ),
        ("confirm-lost-card", vec![ChooseLang(lang), lost], 1),
        // Speech mode offers the braille-signature form before the pickup questions.
        ("braille-offer", vec![ChooseLang(lang), SpeechOn, pickup], 1),
        ("booking-entry", booking(lang, &[]), 1),
        (
            "booking-letters",
            booking(lang, &[BookingKey(EntryKey::Letters(true))]),
            1,
        ),
        (
            "booking-ticket",
            booking(
                lang,
                &[
                    SubmitBooking,
                    Issued {
                        attempt: 1,
                        issued: Box::new(sample::booked(lang)),
                    },
                    Printed(Ok(())),
                ],
            ),
            1,
        ),
        ("booking-unknown", refused("booking_unknown", None), 1),
        (
            "booking-other-site",
            refused("booking_other_site", Some("moji")),
            1,
        ),
        ("booking-late", refused("booking_late", None), 1),
        (
            "booking-offline",
            booking(lang, &[SubmitBooking, IssueFailed { attempt: 1 }]),
            1,
        ),
    ];
    list.into_iter()
        .enumerate()
        .map(|(i, (name, events, now))| Step {
            name,
            file: format!("kiosk-{}-{:02}-{name}{suffix}.png", lang.code(), i + 1),
            events,
            now: Duration::from_secs(now),
            variant: Variant::Normal,
        })
        .collect()
}

/// The reservation pad in `lang` with a reference typed on it, then `then`.
fn booking(lang: Lang, then: &[KioskEvent]) -> Vec<KioskEvent> {
    let mut events = vec![KioskEvent::ChooseLang(lang), KioskEvent::StartBooking];
    events.extend(
        "R2611-0042"
            .chars()
            .map(|c| KioskEvent::BookingKey(EntryKey::Char(c))),
    );
    events.extend_from_slice(then);
    events
}

/// A fresh kiosk with the sample site loaded, then `step`'s events applied.
pub fn state_for(tree: &Arc<TriageTree>, step: &Step) -> KioskState {
    let mut k = KioskState::new(tree.clone());
    k.apply(
        KioskEvent::SiteLoaded(Box::new(sample::site())),
        Duration::ZERO,
    );
    k.apply(
        KioskEvent::BoardLoaded {
            open: true,
            next_opening: None,
            queues: sample::queues(),
        },
        Duration::ZERO,
    );
    for e in &step.events {
        k.apply(e.clone(), Duration::ZERO);
    }
    match step.variant {
        Variant::Normal => {}
        Variant::LowReach => k.low_reach = true,
        Variant::LargeText => k.large_text = true,
    }
    k
}

#[derive(Resource)]
struct Tour {
    tree: Arc<TriageTree>,
    steps: Vec<Step>,
    out: PathBuf,
    index: usize,
    frames: u32,
    requested: bool,
    saved: Arc<AtomicUsize>,
}

/// Frames drawn before a screenshot (egui lays text out on the first, fonts load once).
const SETTLE_FRAMES: u32 = 2;

/// Runs the tour in a window of `size` and writes the PNGs into `out`.
pub fn run(
    i18n: Arc<Localizer>,
    tree: Arc<TriageTree>,
    langs: &[Lang],
    out: PathBuf,
    size: Option<(u32, u32)>,
) -> anyhow::Result<()> {
    std::fs::create_dir_all(&out)?;
    let landscape = size.is_some_and(|(w, h)| w > h);
    let variant = Variant::from_env()?;
    let suffix = format!(
        "{}{}",
        variant.suffix(),
        if landscape { "-landscape" } else { "" }
    );
    // `KIOSK_TOUR_SCREENS=purpose,confirm`: only those screens (the variants' smaller sets).
    let only = std::env::var("KIOSK_TOUR_SCREENS").unwrap_or_default();
    let only: Vec<&str> = only.split(',').filter(|s| !s.is_empty()).collect();
    let steps: Vec<Step> = langs
        .iter()
        .flat_map(|&l| steps(&tree, l, &suffix))
        .filter(|s| only.is_empty() || only.contains(&s.name))
        .map(|s| Step { variant, ..s })
        .collect();
    let mut app = base_app(size, "madoguchi kiosk tour");
    app.insert_resource(Kiosk {
        state: KioskState::new(tree.clone()),
        i18n,
        start: std::time::Instant::now(),
        net: None,
        effects: Vec::new(),
        fixed_now: Some(Duration::ZERO),
    })
    .insert_resource(Tour {
        tree,
        steps,
        out,
        index: 0,
        frames: 0,
        requested: false,
        saved: Arc::new(AtomicUsize::new(0)),
    })
    .add_systems(Update, drive);
    app.run();
    Ok(())
}

fn drive(
    mut commands: Commands,
    mut tour: ResMut<Tour>,
    mut kiosk: ResMut<Kiosk>,
    mut exit: MessageWriter<AppExit>,
) {
    let tour = &mut *tour;
    if tour.index >= tour.steps.len() {
        if tour.saved.load(Ordering::SeqCst) >= tour.steps.len() {
            exit.write(AppExit::Success);
        }
        return;
    }
    let step = tour.steps[tour.index].clone();
    if tour.frames == 0 {
        kiosk.state = state_for(&tour.tree, &step);
        kiosk.fixed_now = Some(step.now);
    }
    tour.frames += 1;
    // The first step also waits for the fonts.
    let settle = if tour.index == 0 {
        SETTLE_FRAMES * 3
    } else {
        SETTLE_FRAMES
    };
    if tour.frames == settle && !tour.requested {
        let path = tour.out.join(&step.file);
        let saved = tour.saved.clone();
        commands
            .spawn(Screenshot::primary_window())
            .observe(save_to_disk(path))
            .observe(move |_: On<ScreenshotCaptured>| {
                saved.fetch_add(1, Ordering::SeqCst);
            });
        tour.requested = true;
    }
    if tour.requested && tour.saved.load(Ordering::SeqCst) > tour.index {
        tour.index += 1;
        tour.frames = 0;
        tour.requested = false;
    }
}
