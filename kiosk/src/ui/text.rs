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

/// Space between items.
pub const GAP: f32 = 16.0;
/// Padding inside a touch target.
pub const PAD: f32 = 20.0;
/// Margin around the whole screen.
pub const MARGIN: f32 = 24.0;
/// Inner margin of a notice frame.
pub const NOTICE_MARGIN: f32 = 16.0;
/// Side of the ticket's QR code in portrait.
pub const QR_SIDE: f32 = 330.0;

/// The width of each of `cols` cells across `width`.
pub fn cell_width(width: f32, cols: usize) -> f32 {
    let cols = cols.max(1);
    (width - GAP * (cols as f32 - 1.0)) / cols as f32
}

/// The width a button's text wraps at in a button `width` wide.
pub fn button_text_width(width: f32) -> f32 {
    (width - 2.0 * PAD).max(10.0)
}

/// One piece of a [`LayoutJob`]: its text, size and colour (`None`: the default colour).
pub struct Piece<'a> {
    pub text: &'a str,
    pub size: f32,
    pub line_height: f32,
    pub color: Color32,
}

/// Lays out `pieces` (e.g. a button's label and its smaller sub-line) one below the other
/// in `lang`'s font, `width` wide: Japanese by phrase, other languages by egui.
pub fn layout(ctx: &egui::Context, lang: Lang, pieces: &[Piece<'_>], width: f32) -> Arc<Galley> {
    let family = fonts::family(lang);
    let rules = Rules::for_lang(lang.code());
    let mut job = LayoutJob::default();
    for (i, piece) in pieces.iter().enumerate() {
        let format = egui::TextFormat {
            font_id: FontId::new(piece.size, family.clone()),
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

/// Every (wrap width, font size) the screens set text at in a window of `window` points,
/// as `draw` computes them: bar and grid buttons at each column count, body text, notices,
/// the ticket's columns. Tests lay every string out at each of them.
pub fn text_boxes(window: Vec2, large: bool) -> Vec<(f32, f32)> {
    let s = sizes(large);
    let width = window.x - 2.0 * MARGIN;
    let mut boxes = vec![
        (width, s.title),
        (width, s.text),
        (width, s.text * 0.85),
        // Notices: inner margin and a stroke of 2 to 5 points on each side.
        (width - 2.0 * (NOTICE_MARGIN + 5.0), s.text),
        (button_text_width(width), s.button * 1.15),
    ];
    for cols in 1..=4 {
        let cell = button_text_width(cell_width(width, cols));
        boxes.extend([(cell, s.bar), (cell, s.button), (cell, s.button * 0.72)]);
    }
    // The ticket: two columns in landscape; number beside the QR code in portrait.
    let ticket_cols = if window.x > window.y {
        let col = cell_width(width, 2);
        vec![col, col - 2.0 * (NOTICE_MARGIN + 5.0)]
    } else {
        vec![width - QR_SIDE - GAP, QR_SIDE]
    };
    for col in ticket_cols {
        for size in [s.text, s.title, s.text * 0.85, s.text * 0.7] {
            boxes.push((col, size));
        }
    }
    boxes
}
