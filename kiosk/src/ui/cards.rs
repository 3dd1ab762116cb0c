//! Touch targets: a card with an optional pictogram, its label (and sub-line), the wait as a
//! coloured chip, a check box for toggles; and groups of cards fitted into a region (as many
//! columns and as large a font as fit, rows grown up to [`MAX_CARD_H`] and pushed down).

use std::sync::Arc;

use bevy_egui::egui::{
    self, Color32, Galley, Id, Rect, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, WidgetType,
    pos2, vec2,
};

use super::blocks::scaled;
use super::icons;
use super::layout::{GAP, MAX_CARD_H};
use super::palette::{DARK, DIM, HIGHLIGHT, NOTICE, PANEL, PRESSED, ROW, WHITE, wait_colors};
use super::text::{self, Piece};
use crate::flow::KioskEvent;
use crate::view::Button;

/// Padding inside a card.
pub const PAD: f32 = 20.0;
/// The smallest card (above the 81 px minimum, with room for a 2-line label).
pub const CARD_MIN_H: f32 = 96.0;

/// How a card looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// A choice (purpose, answer, offer, language): blue.
    Choice,
    /// The one thing to do now: yellow, text centred.
    Primary,
    /// Back, language and the toggles of the dock.
    Tool,
    /// Call staff: white, so it is found at once.
    Staff,
}

/// Fill, text and outline colours of a card.
fn colors(style: Style, b: &Button, pressed: bool) -> (Color32, Color32, Stroke) {
    match (style, b.selected) {
        (_, Some(true)) => (HIGHLIGHT, DARK, Stroke::new(3.0, WHITE)),
        (Style::Primary, _) if pressed => (NOTICE, DARK, Stroke::new(3.0, WHITE)),
        (Style::Primary, _) => (HIGHLIGHT, DARK, Stroke::new(3.0, WHITE)),
        (Style::Staff, _) if pressed => (DIM, DARK, Stroke::new(3.0, HIGHLIGHT)),
        (Style::Staff, _) => (WHITE, DARK, Stroke::new(3.0, HIGHLIGHT)),
        (_, _) if pressed => (PRESSED, WHITE, Stroke::new(2.0, DIM)),
        (Style::Choice, _) => (ROW, WHITE, Stroke::new(2.0, DIM)),
        (Style::Tool, _) => (PANEL, WHITE, Stroke::new(2.0, DIM)),
    }
}

/// A card's content laid out for a width.
struct Laid {
    icon: f32,
    check: f32,
    text: Arc<Galley>,
    chip: Option<(Arc<Galley>, Color32, Vec2)>,
    /// The chip sits under the label (a narrow card), not at the right.
    chip_below: bool,
    height: f32,
}

/// Cards narrower than this put the wait under the label.
const CHIP_BESIDE_MIN_W: f32 = 600.0;

fn lay(
    ctx: &egui::Context,
    b: &Button,
    style: Style,
    font: f32,
    width: f32,
    pressed: bool,
) -> Laid {
    let (_, ink, _) = colors(style, b, pressed);
    // A toggle's pictogram is smaller: its check box comes first.
    let icon = match (b.icon, b.selected) {
        (None, _) => 0.0,
        (Some(_), None) => (font * 1.6).round(),
        (Some(_), Some(_)) => (font * 1.2).round(),
    };
    let check = if b.selected.is_some() {
        (font * 0.9).round()
    } else {
        0.0
    };
    let sub_font = scaled(font, 0.72);
    let used = |w: f32| if w > 0.0 { w + GAP } else { 0.0 };
    let beside_w = width - 2.0 * PAD - used(icon) - used(check);
    let chip_below = width < CHIP_BESIDE_MIN_W;
    let chip = b.wait.as_ref().map(|w| {
        let (fill, chip_ink) = wait_colors(w.eta_min);
        let piece = |t, bold, size: f32| Piece {
            text: t,
            bold,
            size,
            line_height: size * 1.25,
            color: chip_ink,
        };
        let size = scaled(font, 0.8);
        let pieces = [piece(&w.count, true, size), piece(&w.eta, false, size)];
        let chip_w = if chip_below { beside_w } else { width * 0.34 };
        let g = text::layout(ctx, b.lang, &pieces, chip_w - 40.0);
        let sz = g.size() + vec2(40.0, 20.0);
        (g, fill, sz)
    });
    let chip_w = match &chip {
        Some(c) if !chip_below => c.2.x + GAP,
        _ => 0.0,
    };
    let text_w = (beside_w - chip_w).max(40.0);
    let sub_ink = if ink == WHITE { DIM } else { ink };
    let mut pieces = vec![Piece {
        text: &b.label,
        bold: style == Style::Primary,
        size: font,
        line_height: font * 1.25,
        color: ink,
    }];
    if let Some(sub) = &b.sub
        && b.wait.is_none()
    {
        pieces.push(Piece {
            text: sub,
            bold: false,
            size: sub_font,
            line_height: sub_font * 1.3,
            color: sub_ink,
        });
    }
    let text = text::layout(ctx, b.lang, &pieces, text_w);
    let chip_h = chip.as_ref().map_or(0.0, |c| c.2.y);
    let column = if chip_below && chip.is_some() {
        text.size().y + GAP / 2.0 + chip_h
    } else {
        text.size().y.max(chip_h)
    };
    let content = column.max(icon).max(check);
    Laid {
        icon,
        check,
        text,
        chip,
        chip_below,
        height: (content + 2.0 * PAD).max(CARD_MIN_H),
    }
}

/// The height a card needs at `width`.
pub fn height(ctx: &egui::Context, b: &Button, style: Style, font: f32, width: f32) -> f32 {
    lay(ctx, b, style, font, width, false).height
}

/// Paints a card in `rect` and returns whether it was tapped.
pub fn card(ui: &mut Ui, id: Id, rect: Rect, b: &Button, style: Style, font: f32) -> bool {
    let resp = ui.interact(rect, id, Sense::click());
    let label = b.label.clone();
    match b.selected {
        Some(sel) => {
            resp.widget_info(|| WidgetInfo::selected(WidgetType::Checkbox, true, sel, &label))
        }
        None => resp.widget_info(|| WidgetInfo::labeled(WidgetType::Button, true, &label)),
    }
    let pressed = resp.is_pointer_button_down_on();
    let (fill, ink, stroke) = colors(style, b, pressed);
    let laid = lay(ui.ctx(), b, style, font, rect.width(), pressed);
    let painter = ui.painter();
    painter.rect(rect, 16.0, fill, stroke, StrokeKind::Inside);
    let mid = rect.center().y;
    let mut x = rect.left() + PAD;
    let plain = b.icon.is_none() && b.selected.is_none() && b.wait.is_none();
    if style == Style::Primary || (style == Style::Choice && plain) {
        // The primary action, a language or an answer: the words centred.
        let w = laid.text.size().x
            + if laid.icon > 0.0 {
                laid.icon + GAP
            } else {
                0.0
            };
        x = (rect.center().x - w / 2.0).max(x);
    }
    if laid.check > 0.0 {
        let r = Rect::from_center_size(pos2(x + laid.check / 2.0, mid), Vec2::splat(laid.check));
        let on = b.selected == Some(true);
        painter.rect(
            r,
            6.0,
            if on { DARK } else { WHITE },
            Stroke::new(3.0, ink),
            StrokeKind::Inside,
        );
        if on {
            let p = |u: f32, v: f32| r.min + vec2(u, v) * r.width();
            let tick = vec![p(0.2, 0.52), p(0.42, 0.74), p(0.8, 0.28)];
            painter.add(egui::Shape::line(
                tick,
                Stroke::new(r.width() / 7.0, HIGHLIGHT),
            ));
        }
        x += laid.check + GAP;
    }
    if let Some(icon) = b.icon {
        let r = Rect::from_center_size(pos2(x + laid.icon / 2.0, mid), Vec2::splat(laid.icon));
        icons::draw(painter, icon, r, ink);
        x += laid.icon + GAP;
    }
    let below = laid
        .chip
        .as_ref()
        .filter(|_| laid.chip_below)
        .map_or(0.0, |c| c.2.y + GAP / 2.0);
    let ty = mid - (laid.text.size().y + below) / 2.0;
    painter.galley(pos2(x, ty), laid.text.clone(), ink);
    if let Some((g, chip_fill, size)) = laid.chip {
        let at = if laid.chip_below {
            pos2(x, ty + laid.text.size().y + GAP / 2.0)
        } else {
            pos2(rect.right() - PAD - size.x, mid - size.y / 2.0)
        };
        let r = Rect::from_min_size(at, size);
        painter.rect(r, 12.0, chip_fill, Stroke::NONE, StrokeKind::Inside);
        painter.galley(r.min + vec2(18.0, 10.0), g, ink);
    }
    resp.clicked()
}

/// Cards of one kind with an optional heading above them.
pub struct Group<'a> {
    pub heading: Option<(&'a str, madoguchi_protocol::Lang)>,
    pub buttons: &'a [Button],
    pub style: Style,
    /// Column counts to try, fewest first.
    pub cols: &'a [usize],
}

/// Groups placed in a region: each card's rectangle and font, the headings' galleys.
#[derive(Default)]
pub struct Placed<'a> {
    pub cards: Vec<(Rect, &'a Button, Style, f32)>,
    pub headings: Vec<(egui::Pos2, Arc<Galley>)>,
}

fn cell_width(width: f32, cols: usize) -> f32 {
    (width - GAP * (cols as f32 - 1.0)) / cols as f32
}

/// Fits `groups` into `area` at font `font` (or `None` when they do not fit): for each group
/// the fewest columns whose rows fit, then every row grown evenly up to [`MAX_CARD_H`] and the
/// whole pushed to the bottom of `area`, nearest the visitor's hand. Not `strict`: the most
/// columns, from the top of `area`, even if they run past its bottom (the last resort).
pub fn fit<'a>(
    ctx: &egui::Context,
    groups: &[Group<'a>],
    font: f32,
    heading_font: f32,
    area: Rect,
    strict: bool,
) -> Option<Placed<'a>> {
    let width = area.width();
    let mut plan = Vec::new();
    for cols in 0..4 {
        plan.clear();
        let mut total = 0.0;
        for g in groups.iter().filter(|g| !g.buttons.is_empty()) {
            let c = g.cols[cols.min(g.cols.len() - 1)];
            let w = cell_width(width, c);
            let heading = g.heading.map(|(t, lang)| {
                super::blocks::galley(ctx, lang, t, heading_font, true, WHITE, width)
            });
            let rows: Vec<f32> = g
                .buttons
                .chunks(c)
                .map(|row| {
                    row.iter()
                        .map(|b| height(ctx, b, g.style, font, w))
                        .fold(CARD_MIN_H, f32::max)
                })
                .collect();
            total += heading.as_ref().map_or(0.0, |h| h.size().y + GAP)
                + rows.iter().sum::<f32>()
                + GAP * rows.len() as f32;
            plan.push((g, c, w, heading, rows));
        }
        total -= GAP;
        if total <= area.height() + 0.5 || (!strict && cols == 3) {
            let n: usize = plan.iter().map(|p| p.4.len()).sum();
            let mut extra = (area.height() - total).max(0.0);
            if plan.is_empty() {
                return None;
            }
            let grow = if n > 0 { extra / n as f32 } else { 0.0 };
            let mut placed = Placed {
                cards: Vec::new(),
                headings: Vec::new(),
            };
            for p in &mut plan {
                for h in &mut p.4 {
                    let add = grow.min((MAX_CARD_H - *h).max(0.0));
                    *h += add;
                    extra -= add;
                }
            }
            let mut y = area.top() + extra;
            for (g, c, w, heading, rows) in plan {
                if let Some(h) = heading {
                    let hh = h.size().y;
                    placed.headings.push((pos2(area.left(), y), h));
                    y += hh + GAP;
                }
                for (row, h) in g.buttons.chunks(c).zip(rows) {
                    for (i, b) in row.iter().enumerate() {
                        let x = area.left() + i as f32 * (w + GAP);
                        let r = Rect::from_min_size(pos2(x, y), vec2(w, h));
                        placed.cards.push((r, b, g.style, font));
                    }
                    y += h + GAP;
                }
            }
            return Some(placed);
        }
    }
    None
}

/// Paints placed cards; returns the events of those tapped.
pub fn paint(ui: &mut Ui, placed: Placed<'_>, out: &mut Vec<KioskEvent>) {
    for (pos, g) in placed.headings {
        ui.painter().galley(pos, g, WHITE);
    }
    for (i, (rect, b, style, font)) in placed.cards.into_iter().enumerate() {
        if card(ui, ui.id().with(("card", i)), rect, b, style, font) {
            out.push(b.event.clone());
        }
    }
}
