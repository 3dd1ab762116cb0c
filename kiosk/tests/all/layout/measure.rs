//! How `layout.rs` measures a drawn kiosk screen: the windows of each layout, text rows with the
//! fill under them, clickable rectangles and the named controls, for every tour screen.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use bevy_egui::egui::{self, Color32, Pos2, Rect, Shape, epaint::ClippedShape};
use madoguchi_kiosk::i18n::Localizer;
use madoguchi_kiosk::triage::TriageTree;
use madoguchi_kiosk::ui::{draw, fonts, tour};
use madoguchi_kiosk::view;
use madoguchi_protocol::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    Portrait,
    LowReach,
    LargeText,
    Landscape,
}

pub(crate) const MODES: [Mode; 4] = [
    Mode::Portrait,
    Mode::LowReach,
    Mode::LargeText,
    Mode::Landscape,
];

/// One row of text as drawn.
pub(crate) struct TextRow {
    pub(crate) text: String,
    pub(crate) rect: Rect,
    pub(crate) color: Color32,
    pub(crate) size: f32,
    /// The fill painted last under the row's centre, and its rectangle.
    pub(crate) under: Option<(Rect, Color32)>,
}

/// One screen as drawn.
pub(crate) struct Measured {
    pub(crate) what: String,
    pub(crate) mode: Mode,
    pub(crate) window: egui::Vec2,
    pub(crate) rows: Vec<TextRow>,
    pub(crate) clickable: Vec<Rect>,
    /// Back, the primary action and Call staff, found by their labels in the accessibility tree.
    pub(crate) named: Vec<(&'static str, Rect)>,
}

pub(crate) fn window(mode: Mode) -> egui::Vec2 {
    match mode {
        Mode::Landscape => egui::vec2(1920.0, 1080.0),
        _ => egui::vec2(1080.0, 1920.0),
    }
}

pub(crate) fn flatten(shapes: Vec<ClippedShape>) -> Vec<Shape> {
    fn go(s: Shape, out: &mut Vec<Shape>) {
        match s {
            Shape::Vec(v) => v.into_iter().for_each(|s| go(s, out)),
            other => out.push(other),
        }
    }
    let mut out = Vec::new();
    for c in shapes {
        go(c.shape, &mut out);
    }
    out
}

/// Walks the painted shapes in order: opaque rectangles are backgrounds, text rows are checked
/// against the last background under them.
pub(crate) fn text_rows(shapes: Vec<Shape>) -> Vec<TextRow> {
    let mut fills: Vec<(Rect, Color32)> = Vec::new();
    let mut rows = Vec::new();
    for shape in shapes {
        match shape {
            Shape::Rect(r) if r.fill.a() == 255 => fills.push((r.rect, r.fill)),
            Shape::Text(t) => {
                let min_size = t
                    .galley
                    .job
                    .sections
                    .iter()
                    .filter(|s| !s.byte_range.is_empty())
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                for placed in &t.galley.rows {
                    let text: String = placed.row.glyphs.iter().map(|g| g.chr).collect();
                    if text.trim().is_empty() {
                        continue;
                    }
                    let rect = placed.rect().translate(t.pos.to_vec2());
                    let centre = rect.center();
                    let under = fills
                        .iter()
                        .rev()
                        .find(|(r, _)| r.contains(centre))
                        .copied();
                    let mut colors: Vec<Color32> = placed.row.visuals.mesh.vertices
                        [placed.row.visuals.glyph_vertex_range.clone()]
                    .iter()
                    .map(|v| v.color)
                    .collect();
                    colors.dedup();
                    for c in colors {
                        let color = match (t.override_text_color, c) {
                            (Some(o), _) => o,
                            (None, Color32::PLACEHOLDER) => t.fallback_color,
                            (None, c) => c,
                        };
                        rows.push(TextRow {
                            text: text.clone(),
                            rect,
                            color,
                            size: min_size,
                            under,
                        });
                    }
                }
            }
            _ => {}
        }
    }
    rows
}

/// The bounds of the accessibility node labelled `label` with a button role.
pub(crate) fn named(update: &egui::accesskit::TreeUpdate, label: &str) -> Option<Rect> {
    use egui::accesskit::Role;
    update.nodes.iter().find_map(|(_, n)| {
        let b = n.bounds()?;
        (matches!(n.role(), Role::Button) && n.label() == Some(label)).then(|| {
            Rect::from_min_max(
                Pos2::new(b.x0 as f32, b.y0 as f32),
                Pos2::new(b.x1 as f32, b.y1 as f32),
            )
        })
    })
}

pub(crate) fn input(size: egui::Vec2) -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        ..Default::default()
    }
}

/// Draws every tour screen in `langs` in `mode` and measures it.
pub(crate) fn measure(langs: &[Lang], modes: &[Mode]) -> Vec<Measured> {
    let i18n = Localizer::shipped().expect("locales");
    let tree = Arc::new(TriageTree::shipped(&i18n).expect("tree"));
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    ctx.enable_accesskit();
    let mut out = Vec::new();
    for &mode in modes {
        let size = window(mode);
        // Fonts take effect from the next pass.
        ctx.run_ui(input(size), |_| {}).textures_delta.clear();
        for &lang in langs {
            for mut step in tour::steps(&tree, lang, "") {
                step.variant = match mode {
                    Mode::LowReach => tour::Variant::LowReach,
                    Mode::LargeText => tour::Variant::LargeText,
                    _ => tour::Variant::Normal,
                };
                let k = tour::state_for(&tree, &step);
                let v = view::build(&k, &i18n, step.now.max(Duration::from_secs(1)));
                let mut full = ctx.run_ui(input(size), |ui| {
                    draw::screen(ui.ctx(), &v);
                });
                full.textures_delta.clear();
                let clickable = ctx.viewport(|vp| {
                    vp.prev_pass
                        .widgets
                        .layers()
                        .flat_map(|(_, ws)| ws.iter())
                        .filter(|w| w.sense.senses_click())
                        .map(|w| w.rect)
                        .collect::<Vec<_>>()
                });
                let update = full
                    .platform_output
                    .accesskit_update
                    .take()
                    .expect("accesskit");
                let mut found = Vec::new();
                for (name, label) in [
                    ("back", v.bar.back.as_ref().map(|b| b.label.clone())),
                    ("primary", v.primary.as_ref().map(|b| b.label.clone())),
                    ("call staff", Some(v.bar.call_staff.label.clone())),
                ] {
                    if let Some(label) = label {
                        let rect = named(&update, &label)
                            .unwrap_or_else(|| panic!("{}: no {name} button", step.file));
                        found.push((name, rect));
                    }
                }
                out.push(Measured {
                    what: format!("{} {mode:?}", step.file),
                    mode,
                    window: size,
                    rows: text_rows(flatten(full.shapes)),
                    clickable,
                    named: found,
                });
            }
        }
    }
    out
}

/// Every screen × every language × every mode, measured once for all the tests (two threads).
pub(crate) fn all() -> &'static [Measured] {
    static ALL: OnceLock<Vec<Measured>> = OnceLock::new();
    ALL.get_or_init(|| {
        std::thread::scope(|s| {
            let a = s.spawn(|| measure(&Lang::ALL, &[Mode::Portrait, Mode::LowReach]));
            let b = s.spawn(|| measure(&Lang::ALL, &[Mode::LargeText, Mode::Landscape]));
            let mut v = a.join().expect("portrait thread");
            v.extend(b.join().expect("landscape thread"));
            v
        })
    })
}
