//! Text laid out for the kiosk's screens. egui wraps CJK between any two characters, even
//! before a small kana (くやくし/ょ), so Japanese and やさしい日本語 are broken into lines
//! here first, at the opportunities of `madoguchi_linebreak` (BudouX phrases or spaces, with
//! kinsoku) measured with egui's own fonts, and egui sets the lines as given. Other languages
//! keep egui's wrapping. Also lists the widths and sizes the screens set text at, so tests
//! can lay out every string at each of them.

use std::sync::Arc;

use bevy_egui::egui::{self, Color32, FontId, Galley, Vec2, text::LayoutJob};
use madoguchi_linebreak::Rules;
use madoguchi_protocol::Lang;

use super::fonts;

/// The font sizes of one text-size setting.
pub struct Sizes {
    pub text: f32,
    pub title: f32,
    pub button: f32,
    pub bar: f32,
}

/// Normal or large text (the bar's toggle).
pub fn sizes(large: bool) -> Sizes {
    if large {
        Sizes {
            text: 46.0,
            title: 62.0,
            button: 50.0,
            bar: 34.0,
        }
    } else {
        Sizes {
            text: 34.0,
            title: 48.0,
            button: 38.0,
            bar: 28.0,
        }
    }
}

/// One piece of a [`LayoutJob`]: its text, size and colour (`None`: the default colour).
pub struct Piece<'a> {
    pub text: &'a str,
    /// Set in [`fonts::heading`] instead of the regular family.
    pub bold: bool,
    pub size: f32,
    pub line_height: f32,
    pub color: Color32,
}

/// Lays out `pieces` (e.g. a button's label and its smaller sub-line) one below the other
/// in `lang`'s font, `width` wide: Japanese by phrase, other languages by egui.
pub fn layout(ctx: &egui::Context, lang: Lang, pieces: &[Piece<'_>], width: f32) -> Arc<Galley> {
    let rules = Rules::for_lang(lang.code());
    let mut job = LayoutJob::default();
    for (i, piece) in pieces.iter().enumerate() {
        let family = if piece.bold {
            fonts::heading(lang)
        } else {
            fonts::family(lang)
        };
        let format = egui::TextFormat {
            font_id: FontId::new(piece.size, family),
            color: piece.color,
            line_height: Some(piece.line_height),
            ..Default::default()
        };
        let text = if rules == Rules::Renderer {
            piece.text.to_owned()
        } else {
            let lines =
                madoguchi_linebreak::wrap(piece.text, rules, width, |s| measure(ctx, s, &format));
            lines.join("\n")
        };
        let sep = if i == 0 { "" } else { "\n" };
        job.append(&format!("{sep}{text}"), 0.0, format);
    }
    job.wrap.max_width = if rules == Rules::Renderer {
        width
    } else {
        // Broken above already: egui must not break again (a sub-pixel overflow is harmless).
        f32::INFINITY
    };
    ctx.fonts_mut(|f| f.layout_job(job))
}

/// One paragraph in one size: see [`layout`].
pub fn paragraph(
    ctx: &egui::Context,
    lang: Lang,
    text: &str,
    size: f32,
    line_height: f32,
    color: Color32,
    width: f32,
) -> Arc<Galley> {
    let piece = Piece {
        text,
        bold: false,
        size,
        line_height,
        color,
    };
    layout(ctx, lang, &[piece], width)
}

fn measure(ctx: &egui::Context, text: &str, format: &egui::TextFormat) -> f32 {
    let job = LayoutJob::single_section(text.to_owned(), format.clone());
    ctx.fonts_mut(|f| f.layout_job(job)).size().x
}

/// The rows of a galley as text, for tests: what each drawn line shows.
pub fn rows(galley: &Galley) -> Vec<String> {
    galley
        .rows
        .iter()
        .map(|r| r.row.glyphs.iter().map(|g| g.chr).collect())
        .collect()
}

/// Every (wrap width, font size) the screens set text at in a window of `window` points, as
/// `draw` computes them at each text scale: the text column, notices, the ticket's columns,
/// a card's label beside its pictogram and check box at each column count, the dock's buttons.
/// Tests lay every string out at each of them.
pub fn text_boxes(window: Vec2, large: bool) -> Vec<(f32, f32)> {
    use super::blocks::{INSET, QR_SIDE, scaled};
    use super::cards::PAD;
    use super::draw::SCALES;
    use super::layout::{GAP, MARGIN};
    let s = sizes(large);
    let inner = window.x - 2.0 * MARGIN;
    let landscape = window.x > window.y;
    let cell = |width: f32, cols: f32| (width - GAP * (cols - 1.0)) / cols;
    let mut boxes = Vec::new();
    for k in SCALES {
        let (font, bar) = (scaled(s.button, k), scaled(s.bar, k));
        let icon = |f: f32| (f * 1.6).round() + GAP;
        let check = |f: f32| (f * 0.9).round() + GAP;
        let toggle_icon = |f: f32| (f * 1.2).round() + GAP;
        let columns = if landscape {
            vec![inner, (inner - GAP) * 0.4]
        } else {
            vec![inner]
        };
        for width in columns {
            boxes.extend([
                (width, scaled(s.title, k)),
                (width, scaled(s.text, k)),
                (width - 2.0 * INSET, scaled(s.text, k)),
                (width - 3.0 * INSET - QR_SIDE * k, scaled(s.title, k)),
                (width - 3.0 * INSET - QR_SIDE * k, scaled(s.text, k)),
            ]);
        }
        let cards = if landscape {
            (inner - GAP) * 0.6
        } else {
            inner
        };
        // Choices with a pictogram in 1–3 columns, toggles with a check box too in 2–3,
        // languages (a check box, no pictogram) in 2–4.
        for cols in 1..=4 {
            let c = cell(cards, cols as f32) - 2.0 * PAD;
            // (The language picker's fourth column holds one word, a language's name.)
            if (2..4).contains(&cols) {
                boxes.push((c - check(font), font));
            }
            if cols < 4 {
                boxes.push((c - icon(font), font));
            }
            if cols == 2 || (landscape && cols == 3) {
                boxes.push((c - toggle_icon(font) - check(font), font));
            }
        }
        let third = (inner - GAP) / 3.0;
        let util = cell(inner, 4.0) - 2.0 * PAD;
        boxes.extend([
            (third - 2.0 * PAD - icon(font), font),
            (inner - third - GAP - 2.0 * PAD, font),
            (util - check(bar), bar),
        ]);
    }
    boxes
}
