//! The kiosk's screens measured as drawn: every screen of the tour × every language × portrait,
//! low reach, large text and landscape, drawn by the real `draw::screen` on a headless egui
//! context with the kiosk's fonts, from the shipped sample site. The output shapes are walked:
//! each text row's colour against the fill painted under it (WCAG contrast), its font size,
//! whether it lies inside that fill (nothing cut), and every clickable widget's rectangle from
//! egui's own widget registry, with the accessibility tree naming Back, the primary action and
//! Call staff. Nothing here is asserted from the layout code's own numbers but the limits.

mod measure;

use std::sync::Arc;
use std::time::Duration;

use bevy_egui::egui::{self, Color32, Pos2, Rect};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::ui::layout::{MIN_TARGET_PX, MIN_TEXT_PX, low_reach_top, reach_top};
use madoguchi_kiosk::ui::palette::contrast;
use madoguchi_kiosk::ui::{fonts, tour};
use madoguchi_kiosk::view;
use madoguchi_protocol::Lang;

use measure::*;

#[test]
fn every_screen_in_every_language_and_layout_is_measured() {
    let all = all();
    let screens = tour::steps(
        &TriageTree::shipped(&Localizer::shipped().unwrap()).unwrap(),
        Lang::Ja,
        "",
    )
    .len();
    assert_eq!(all.len(), screens * Lang::ALL.len() * MODES.len());
    assert!(
        all.iter()
            .all(|m| !m.rows.is_empty() && !m.clickable.is_empty())
    );
}

#[test]
fn every_text_row_has_a_contrast_of_at_least_4_5_against_the_fill_under_it() {
    let mut worst = f64::INFINITY;
    let mut bad = Vec::new();
    for m in all() {
        for r in &m.rows {
            let Some((_, bg)) = r.under else {
                bad.push(format!("{}: {:?} has nothing under it", m.what, r.text));
                continue;
            };
            let c = contrast(r.color, bg);
            worst = worst.min(c);
            if c < 4.5 {
                bad.push(format!(
                    "{}: {:?} {:?} on {:?} = {c:.2}",
                    m.what, r.text, r.color, bg
                ));
            }
        }
    }
    println!("lowest contrast of any text row: {worst:.2}:1");
    assert!(bad.is_empty(), "{} rows:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn every_text_row_lies_inside_the_fill_it_is_drawn_on_and_the_window() {
    let mut bad = Vec::new();
    for m in all() {
        let screen = Rect::from_min_size(Pos2::ZERO, m.window);
        for r in &m.rows {
            let inside = r
                .under
                .is_some_and(|(f, _)| f.expand(1.0).contains_rect(r.rect));
            if !inside || !screen.contains_rect(r.rect) {
                bad.push(format!(
                    "{}: {:?} at {:?} under {:?}",
                    m.what, r.text, r.rect, r.under
                ));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "{} rows cut:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn every_text_row_is_inside_a_touch_target_or_clear_of_all_of_them() {
    let mut bad = Vec::new();
    for m in all() {
        for r in &m.rows {
            let row = r.rect.shrink(1.0);
            for t in &m.clickable {
                if t.intersects(row) && !t.contains_rect(row) {
                    bad.push(format!(
                        "{}: {:?} at {:?} overlaps {t:?}",
                        m.what, r.text, r.rect
                    ));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{} rows:\n{}", bad.len(), bad.join("\n"));
}

#[test]
fn every_text_is_at_least_20_px_and_large_text_is_larger() {
    let min = |mode: Mode| {
        all()
            .iter()
            .filter(|m| m.mode == mode)
            .flat_map(|m| {
                m.rows
                    .iter()
                    .map(move |r| (r.size, m.what.as_str(), r.text.as_str()))
            })
            .fold(
                (f32::INFINITY, "", ""),
                |a, b| if b.0 < a.0 { b } else { a },
            )
    };
    for mode in MODES {
        let (size, what, text) = min(mode);
        println!("{mode:?}: smallest text {size} px ({what}: {text:?})");
        assert!(size >= MIN_TEXT_PX, "{what}: {text:?} is {size} px");
    }
    // Large text: on every screen the text is at least as large as in normal portrait (the
    // mean size per character: the same words, however they wrap), and across the screens 15 %
    // larger at least (a screen full of choices shrinks to fit).
    let median = |m: &Measured| {
        let chars = |r: &TextRow| r.text.chars().count() as f32;
        let total: f32 = m.rows.iter().map(chars).sum();
        m.rows.iter().map(|r| r.size * chars(r)).sum::<f32>() / total
    };
    let screen = |m: &Measured| m.what.split(' ').next().unwrap_or_default().to_owned();
    let mut ratios = Vec::new();
    for large in all().iter().filter(|m| m.mode == Mode::LargeText) {
        let normal = all()
            .iter()
            .find(|m| m.mode == Mode::Portrait && screen(m) == screen(large))
            .expect("the same screen in normal portrait");
        let (n, l) = (median(normal), median(large));
        assert!(
            l >= n,
            "{}: {l} px in large text, {n} px normally",
            large.what
        );
        ratios.push(l / n);
    }
    let mean = ratios.iter().sum::<f32>() / ratios.len() as f32;
    println!("large text: {mean:.2} times the normal size per character on average");
    assert!(mean >= 1.15, "{mean}");
}

#[test]
fn every_touch_target_is_at_least_81_px_both_ways() {
    let mut smallest = f32::INFINITY;
    let mut bad = Vec::new();
    for m in all() {
        for r in &m.clickable {
            smallest = smallest.min(r.width().min(r.height()));
            if r.width() < MIN_TARGET_PX || r.height() < MIN_TARGET_PX {
                bad.push(format!("{}: {r:?}", m.what));
            }
        }
    }
    println!("smallest touch target side: {smallest} px");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn in_portrait_back_the_primary_action_and_call_staff_are_within_a_seated_reach() {
    let mut highest = f32::INFINITY;
    for m in all().iter().filter(|m| m.mode != Mode::Landscape) {
        let band = reach_top(m.window.y);
        assert!(
            m.named.iter().any(|(n, _)| *n == "call staff"),
            "{}: no call staff",
            m.what
        );
        for (name, r) in &m.named {
            highest = highest.min(r.top());
            assert!(
                r.top() >= band,
                "{}: {name} at {r:?}, reach starts at {band}",
                m.what
            );
        }
    }
    println!(
        "highest dock control top: y = {highest} (reach band from {})",
        reach_top(1920.0)
    );
}

#[test]
fn in_low_reach_every_control_is_below_mid_height() {
    let mut highest = f32::INFINITY;
    for m in all().iter().filter(|m| m.mode == Mode::LowReach) {
        for r in &m.clickable {
            highest = highest.min(r.top());
            assert!(r.top() >= low_reach_top(m.window.y), "{}: {r:?}", m.what);
        }
    }
    println!("low reach: highest control top y = {highest}");
}

#[test]
fn every_purpose_of_the_shipped_tree_and_every_need_shows_a_pictogram() {
    use madoguchi_kiosk::flow::{KioskEvent, KioskState, Need};
    let i18n = Localizer::shipped().expect("locales");
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let steps = tour::steps(&tree, Lang::En, "");
    for name in ["purpose", "confirm"] {
        let step = steps.iter().find(|s| s.name == name).expect("tour step");
        let v = view::build(&tour::state_for(&tree, step), &i18n, Duration::from_secs(1));
        let buttons = if name == "purpose" {
            &v.buttons
        } else {
            &v.toggles
        };
        let expected = if name == "purpose" {
            tree.purposes.len()
        } else {
            Need::ALL.len()
        };
        assert_eq!(buttons.len(), expected, "{name}");
        for b in buttons {
            assert!(b.icon.is_some(), "{name}: {} has no pictogram", b.label);
        }
        let icons: std::collections::HashSet<_> = buttons.iter().filter_map(|b| b.icon).collect();
        assert_eq!(
            icons.len(),
            buttons.len(),
            "{name}: two buttons share a pictogram"
        );
    }
    // The waiting count and estimate of every purpose this office does.
    let mut k = KioskState::new(tree.clone());
    k.apply(
        KioskEvent::SiteLoaded(Box::new(madoguchi_kiosk::sample::site())),
        Duration::ZERO,
    );
    k.apply(
        KioskEvent::BoardLoaded {
            open: true,
            next_opening: None,
            queues: madoguchi_kiosk::sample::queues(),
        },
        Duration::ZERO,
    );
    k.apply(KioskEvent::ChooseLang(Lang::Vi), Duration::ZERO);
    let v = view::build(&k, &i18n, Duration::ZERO);
    assert!(
        v.buttons.iter().all(|b| b.wait.is_some()),
        "{:?}",
        v.buttons
    );
}

/// A hand-made frame (the shipped screens have none of these faults): the walk finds grey text
/// on grey, text running out of its fill, and a target smaller than 81 px.
#[test]
fn the_measure_catches_low_contrast_cut_text_and_a_small_target() {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let size = egui::vec2(400.0, 400.0);
    ctx.run_ui(input(size), |_| {}).textures_delta.clear();
    let mut full = ctx.run_ui(input(size), |ui| {
        let fill = Rect::from_min_size(Pos2::new(10.0, 10.0), egui::vec2(200.0, 40.0));
        ui.painter().rect_filled(fill, 0.0, Color32::from_gray(120));
        let g = ui.painter().layout_no_wrap(
            "grey on grey, too long".into(),
            egui::FontId::new(24.0, fonts::family(Lang::En)),
            Color32::from_gray(150),
        );
        ui.painter().galley(fill.min, g, Color32::from_gray(150));
        let small = Rect::from_min_size(Pos2::new(10.0, 200.0), egui::vec2(60.0, 60.0));
        let _ = ui.interact(small, ui.id().with("small"), egui::Sense::click());
    });
    full.textures_delta.clear();
    let rows = text_rows(flatten(full.shapes));
    let (fill, bg) = rows[0].under.expect("a fill under the text");
    assert!(contrast(rows[0].color, bg) < 4.5);
    assert!(!fill.contains_rect(rows[0].rect));
    let small = ctx.viewport(|vp| {
        vp.prev_pass
            .widgets
            .layers()
            .flat_map(|(_, ws)| ws.iter())
            .any(|w| w.sense.senses_click() && w.rect.width() < MIN_TARGET_PX)
    });
    assert!(small);
}
