//! Draws a [`ScreenView`] with egui and returns the events of the buttons touched. Knows
//! nothing of the flow: everything it shows comes from the view model. The screen is split by
//! `layout` (text above, choices below and pushed down, the dock within reach), the text laid
//! out as `blocks`, the touch targets as `cards`, the bottom row by `dock`; when the text and
//! choices do not fit, both are set a step smaller until they do (never below 20 px).

use bevy_egui::egui::{self, Ui, UiBuilder, pos2};

use super::blocks::{Block, galley, scaled};
use super::cards::{self, Group, Style};
use super::dock::Dock;
use super::layout::{self, GAP, MARGIN};
use super::palette::{BG, WHITE};
use super::text::{Sizes, sizes};
use crate::flow::KioskEvent;
use crate::view::ScreenView;

/// The ticket card is no wider than this (a landscape window): number and QR code stay close.
const TICKET_MAX_W: f32 = 1200.0;

/// Larger text scales tried when the text column has room to spare: normal text grows less
/// than large text, so large text stays the larger.
const GROW: [f32; 2] = [1.3, 1.15];
const GROW_NORMAL: [f32; 1] = [1.15];

/// Text scales tried, largest first.
pub const SCALES: [f32; 6] = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5];

/// Draws the view over the whole window of `ctx`.
pub fn screen(ctx: &egui::Context, view: &ScreenView) -> Vec<KioskEvent> {
    let mut ui = Ui::new(
        ctx.clone(),
        "kiosk".into(),
        UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    );
    draw(&mut ui, view)
}

/// Draws the view in `ui`.
pub fn draw(ui: &mut Ui, view: &ScreenView) -> Vec<KioskEvent> {
    ui.style_mut().interaction.selectable_labels = false;
    let mut out = Vec::new();
    let s = sizes(view.large_text);
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0.0, BG);
    let ctx = ui.ctx().clone();
    let inner_w = full.width() - 2.0 * MARGIN;
    let landscape = full.width() > full.height();
    // The dock stays inside the reach band (and a landscape window's bottom third).
    let band = if landscape {
        full.height() / 3.0
    } else {
        full.height() - layout::reach_top(full.height())
    };
    let dock = Dock::fitted(&ctx, view, inner_w, &s, band - MARGIN);
    let groups = groups(view, landscape);
    let has_controls = groups.iter().any(|g| !g.buttons.is_empty());
    let text_w = if landscape && has_controls {
        (inner_w - GAP) * 0.4
    } else {
        inner_w
    };
    let low = view.low_reach && !landscape;
    let mut chosen = None;
    // The ticket is the last thing the visitor reads: larger when there is room.
    let mut scales: Vec<f32> = if view.ticket.is_some() {
        vec![1.3, 1.15, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5]
    } else {
        SCALES.to_vec()
    };
    if view.large_text {
        // Large text shrinks to the normal size before anything else gives way.
        let normal = sizes(false).button / s.button;
        scales.push(normal);
        scales.sort_by(|a, b| b.total_cmp(a));
    }
    let scales = &scales;
    for (i, &k) in scales.iter().enumerate() {
        let last = i + 1 == scales.len();
        let blocks = text_blocks(&ctx, view, text_w, &s, k);
        let text_h = stacked_height(&blocks);
        let zones = layout::zones(full, dock.height(), text_h, has_controls, low);
        if text_h > zones.text.height() + 0.5 && !last {
            continue;
        }
        let font = scaled(s.button, k);
        let heading = scaled(s.text, k);
        let placed = match cards::fit(&ctx, &groups, font, heading, zones.controls, !last) {
            Some(p) => p,
            None if has_controls => continue,
            None => cards::Placed::default(),
        };
        chosen = Some((blocks, zones, placed, k));
        break;
    }
    let Some((mut blocks, zones, placed, k)) = chosen else {
        return out;
    };
    if !landscape && view.ticket.is_none() {
        // Room left above the choices: the words grow into it (what to do now, big).
        let limit = if low || placed.cards.is_empty() {
            zones.text.bottom() + GAP
        } else {
            f32::INFINITY
        };
        let top = placed.cards.iter().map(|c| c.0.top()).fold(limit, f32::min);
        let room = top - GAP - zones.text.top();
        // Low reach leaves the top half to the words: they may grow as far as large text's.
        let grow: &[f32] = if view.large_text || low {
            &GROW
        } else {
            &GROW_NORMAL
        };
        if let Some(bigger) = grow
            .iter()
            .filter(|&&g| g > k)
            .map(|&g| text_blocks(&ctx, view, text_w, &s, g))
            .find(|b| stacked_height(b) <= room)
        {
            blocks = bigger;
        }
    }
    let text_h = stacked_height(&blocks);
    let mut y = zones.text.top();
    let room = (zones.text.height() - text_h).max(0.0);
    if view.ticket.is_some() {
        // The ticket stands in the middle of the screen.
        y += room / 2.0;
    } else if low && has_controls {
        // Low reach: the text sits just above the controls, nearer a seated visitor's eyes.
        y += room;
    }
    for b in &blocks {
        // Blocks narrower than the column (the ticket in landscape) stand in its middle.
        let x = if b.centred {
            zones.text.left() + ((zones.text.width() - b.size.x) / 2.0).max(0.0)
        } else {
            zones.text.left()
        };
        b.paint(ui, pos2(x, y));
        y += b.size.y + GAP;
    }
    cards::paint(ui, placed, &mut out);
    dock.paint(ui, zones.dock, &mut out);
    out
}

fn stacked_height(blocks: &[Block]) -> f32 {
    blocks.iter().map(|b| b.size.y + GAP).sum::<f32>() - GAP
}

/// The touch targets above the dock: the countdown's button, or the language picker, or the
/// screen's choices and toggles.
fn groups(view: &ScreenView, landscape: bool) -> Vec<Group<'_>> {
    if let Some(c) = &view.countdown {
        return vec![Group {
            heading: None,
            buttons: std::slice::from_ref(&c.button),
            style: Style::Primary,
            cols: &[1],
        }];
    }
    if !view.lang_picker.is_empty() {
        return vec![Group {
            heading: None,
            buttons: &view.lang_picker,
            style: Style::Tool,
            cols: &[2, 3, 4],
        }];
    }
    let choice_cols: &[usize] = match (view.name, landscape) {
        ("home", _) => &[2, 3, 4],
        // The reservation pad: its letters page, or its digits as on a phone.
        ("booking-entry", _) if view.buttons.len() > 12 => &[7, 9, 10],
        ("booking-entry", _) => &[3, 4, 6],
        (_, false) => &[1, 2, 3],
        (_, true) => &[1, 2, 3],
    };
    vec![
        Group {
            heading: None,
            buttons: &view.buttons,
            style: Style::Choice,
            cols: choice_cols,
        },
        Group {
            heading: view.toggles_title.as_deref().map(|t| (t, view.lang)),
            buttons: &view.toggles,
            style: Style::Tool,
            cols: if landscape { &[2, 3] } else { &[2] },
        },
    ]
}

/// The text column at scale `k`: the countdown or staff notice, progress, title, paragraphs,
/// the ticket.
fn text_blocks(
    ctx: &egui::Context,
    view: &ScreenView,
    width: f32,
    s: &Sizes,
    k: f32,
) -> Vec<Block> {
    let lang = view.lang;
    let mut blocks = Vec::new();
    if let Some(c) = &view.countdown {
        let text = format!("{}\n{}", c.title, c.body);
        blocks.push(Block::notice(
            ctx,
            lang,
            &text,
            scaled(s.title, k),
            width,
            false,
        ));
    }
    if let Some(b) = &view.banner {
        blocks.push(Block::notice(ctx, lang, b, scaled(s.text, k), width, false));
    }
    if let Some(p) = &view.progress {
        blocks.push(Block::progress(ctx, lang, p, s, k));
    }
    for t in &view.title {
        let g = galley(ctx, t.lang, &t.text, scaled(s.title, k), true, WHITE, width);
        blocks.push(Block::text(g));
    }
    for p in &view.paragraphs {
        let g = galley(ctx, p.lang, &p.text, scaled(s.text, k), false, WHITE, width);
        blocks.push(Block::text(g));
    }
    if let Some(typed) = &view.entry {
        // The reference as typed, large, in a box like a form field, the cursor at its end.
        let text = format!("{typed}{}", crate::view::CURSOR);
        blocks.push(Block::notice(
            ctx,
            lang,
            &text,
            scaled(s.title, k) * 1.25,
            width,
            false,
        ));
    }
    if let Some(t) = &view.ticket {
        blocks.push(Block::ticket(ctx, lang, t, s, k, width.min(TICKET_MAX_W)));
    }
    blocks
}
