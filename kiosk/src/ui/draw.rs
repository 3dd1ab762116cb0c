//! Draws a [`ScreenView`] with egui and returns the events of the buttons touched. Knows
//! nothing of the flow: everything it shows comes from the view model. Text is laid out by
//! `text` (Japanese broken by phrase).

use bevy_egui::egui::{
    self, Align, Color32, FontId, Layout, Rect, RichText, Sense, Stroke, StrokeKind, Ui, UiBuilder,
    Vec2, WidgetInfo, WidgetType, vec2,
};
use madoguchi_protocol::Lang;

use std::sync::Arc;

use bevy_egui::egui::Galley;

use super::fonts;
use super::text::{self, GAP, PAD, Piece, Sizes, button_text_width, cell_width, sizes};
use crate::flow::KioskEvent;
use crate::view::{Button, ScreenView, TicketPanel};

/// Minimum height of a touch target: 15 mm on a 24–32" 1080×1920 panel is about 90 px.
pub const TARGET_H: f32 = 96.0;

const BG: Color32 = Color32::WHITE;
const INK: Color32 = Color32::from_rgb(0x11, 0x11, 0x11);
/// Dark blue: 10:1 against white text.
const ACTION: Color32 = Color32::from_rgb(0x0B, 0x3D, 0x91);
const ACTION_DOWN: Color32 = Color32::from_rgb(0x06, 0x25, 0x5A);
const ON: Color32 = Color32::from_rgb(0xFF, 0xD4, 0x00);
const NOTICE: Color32 = Color32::from_rgb(0xFF, 0xF0, 0xB3);
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
    let mut out = Vec::new();
    let s = sizes(view.large_text);
    let full = ui.max_rect();
    ui.painter().rect_filled(full, 0.0, BG);
    let landscape = full.width() > full.height();
    let inner = full.shrink(24.0);
    let mut ui = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .layout(Layout::top_down(Align::Min)),
    );
    ui.spacing_mut().item_spacing = vec2(GAP, GAP);
    let width = inner.width();

    // Bar: back · language · large text · call staff.
    let bar: Vec<&Button> = [view.bar.back.as_ref(), view.bar.language.as_ref()]
        .into_iter()
        .flatten()
        .chain([&view.bar.large_text, &view.bar.call_staff])
        .collect();
    let bw = cell_width(width, bar.len());
    let bh = bar
        .iter()
        .map(|b| button_height(&ui, b, bw, s.bar))
        .fold(TARGET_H, f32::max);
    ui.horizontal(|ui| {
        for b in &bar {
            if touch_h(ui, b, bw, bh, s.bar) {
                out.push(b.event.clone());
            }
        }
    });
    if let Some(c) = &view.countdown {
        notice(&mut ui, &format!("{}\n{}", c.title, c.body), view, s.text);
        if touch(&mut ui, &c.button, width, s.button) {
            out.push(c.button.event.clone());
        }
    }
    if let Some(b) = &view.banner {
        notice(&mut ui, b, view, s.text);
    }
    if !view.lang_picker.is_empty() {
        grid(
            &mut ui,
            &view.lang_picker,
            if landscape { 4 } else { 3 },
            width,
            s.bar,
            &mut out,
        );
    }

    // The primary button sits at the bottom; the rest scrolls above it.
    let primary_h = if view.primary.is_some() {
        TARGET_H * 1.3 + GAP
    } else {
        0.0
    };
    let body_h = (ui.available_height() - primary_h).max(TARGET_H);
    egui::ScrollArea::vertical()
        .max_height(body_h)
        .auto_shrink([false, true])
        .show(&mut ui, |ui| {
            ui.set_width(width);
            for t in &view.title {
                label(ui, t.lang, &t.text, s.title, 1.25);
            }
            for p in &view.paragraphs {
                label(ui, p.lang, &p.text, s.text, 1.35);
            }
            if let Some(t) = &view.ticket {
                ticket(ui, t, view, landscape, &s);
            }
            let cols = match (view.name, landscape) {
                ("home", true) => 3,
                ("home", false) | (_, true) => 2,
                _ => 1,
            };
            grid(ui, &view.buttons, cols, width, s.button, &mut out);
            if let Some(title) = &view.toggles_title {
                ui.add_space(GAP);
                label(ui, view.lang, title, s.text, 1.35);
                grid(
                    ui,
                    &view.toggles,
                    if landscape { 3 } else { 2 },
                    width,
                    s.button,
                    &mut out,
                );
            }
        });
    if let Some(p) = &view.primary {
        ui.add_space(GAP);
        if touch(&mut ui, p, width, s.button * 1.15) {
            out.push(p.event.clone());
        }
    }
    out
}

fn notice(ui: &mut Ui, text: &str, view: &ScreenView, size: f32) {
    egui::Frame::NONE
        .fill(NOTICE)
        .stroke(Stroke::new(3.0, INK))
        .inner_margin(16)
        .corner_radius(12)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            label(ui, view.lang, text, size, 1.35);
        });
}

/// A paragraph in `lang`, `size` points, `line` times as high, wrapped to the space left.
fn label(ui: &mut Ui, lang: Lang, text: &str, size: f32, line: f32) {
    let width = ui.available_width();
    ui.label(text::paragraph(
        ui.ctx(),
        lang,
        text,
        size,
        size * line,
        INK,
        width,
    ));
}

fn grid(
    ui: &mut Ui,
    buttons: &[Button],
    cols: usize,
    width: f32,
    size: f32,
    out: &mut Vec<KioskEvent>,
) {
    let w = cell_width(width, cols);
    for row in buttons.chunks(cols) {
        let h = row
            .iter()
            .map(|b| button_height(ui, b, w, size))
            .fold(TARGET_H, f32::max);
        ui.horizontal(|ui| {
            for b in row {
                if touch_h(ui, b, w, h, size) {
                    out.push(b.event.clone());
                }
            }
        });
    }
}

/// The button's text laid out for `width`, and its fill and text colours.
fn button_text(ui: &Ui, b: &Button, width: f32, size: f32) -> (Arc<Galley>, Color32, Color32) {
    let (fill, color) = match b.selected {
        Some(true) => (ON, INK),
        Some(false) => (BG, INK),
        None => (ACTION, Color32::WHITE),
    };
    let label = match b.selected {
        Some(true) => format!("● {}", b.label),
        Some(false) => format!("○ {}", b.label),
        None => b.label.clone(),
    };
    let piece = |text, size: f32| Piece {
        text,
        size,
        line_height: size * 1.3,
        color,
    };
    let mut pieces = vec![piece(&label, size)];
    if let Some(sub) = &b.sub {
        pieces.push(piece(sub, size * 0.72));
    }
    let galley = text::layout(ui.ctx(), b.lang, &pieces, button_text_width(width));
    (galley, fill, color)
}

/// The height a button needs at `width`.
fn button_height(ui: &Ui, b: &Button, width: f32, size: f32) -> f32 {
    (button_text(ui, b, width, size).0.size().y + 2.0 * PAD).max(TARGET_H)
}

/// A large touch target with wrapped text; toggles show ● / ○ as well as colour.
fn touch(ui: &mut Ui, b: &Button, width: f32, size: f32) -> bool {
    let h = button_height(ui, b, width, size);
    touch_h(ui, b, width, h, size)
}

/// Like [`touch`] with a given height (buttons of a row share the tallest one's).
fn touch_h(ui: &mut Ui, b: &Button, width: f32, h: f32, size: f32) -> bool {
    let (galley, fill, color) = button_text(ui, b, width, size);
    let (rect, resp) = ui.allocate_exact_size(vec2(width, h), Sense::click());
    let text = b.label.clone();
    match b.selected {
        Some(sel) => {
            resp.widget_info(|| WidgetInfo::selected(WidgetType::Checkbox, true, sel, &text))
        }
        None => resp.widget_info(|| WidgetInfo::labeled(WidgetType::Button, true, &text)),
    }
    if ui.is_rect_visible(rect) {
        let fill = if resp.is_pointer_button_down_on() && b.selected.is_none() {
            ACTION_DOWN
        } else {
            fill
        };
        ui.painter()
            .rect(rect, 14.0, fill, Stroke::new(3.0, INK), StrokeKind::Inside);
        let pos = rect.left_top() + vec2(PAD, (h - galley.size().y) / 2.0);
        ui.painter().galley(pos, galley, color);
    }
    resp.clicked()
}

fn ticket(ui: &mut Ui, t: &TicketPanel, view: &ScreenView, landscape: bool, s: &Sizes) {
    let label = |ui: &mut Ui, text: &str, size: f32| label(ui, view.lang, text, size, 1.3);
    // A failed print comes first: the visitor must show this screen at the counter.
    let message = |ui: &mut Ui| {
        egui::Frame::NONE
            .fill(if t.print_failed { ON } else { NOTICE })
            .stroke(Stroke::new(if t.print_failed { 5.0 } else { 2.0 }, INK))
            .inner_margin(16)
            .corner_radius(12)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                label(ui, &t.print_message, s.text);
            });
    };
    if t.print_failed {
        message(ui);
    }
    let number = |ui: &mut Ui| {
        label(ui, &t.title, s.text);
        ui.label(
            RichText::new(&t.number)
                .font(FontId::new(200.0, fonts::bold()))
                .color(INK),
        );
        label(ui, &t.service, s.title);
        label(ui, &t.ahead, s.text);
        label(ui, &t.eta, s.text);
        if !t.needs.is_empty() {
            label(ui, &t.needs.join(" / "), s.text * 0.85);
        }
    };
    let code = |ui: &mut Ui, side: f32| {
        qr(ui, &t.qr_url, side);
        label(ui, &t.qr_caption, s.text * 0.7);
    };
    let documents = |ui: &mut Ui| {
        if !t.documents.is_empty() {
            label(ui, &t.bring_title, s.text);
            for d in &t.documents {
                label(ui, &format!("・{d}"), s.text * 0.85);
            }
        }
    };
    if landscape {
        ui.columns(2, |c| {
            number(&mut c[0]);
            code(&mut c[1], 300.0);
            documents(&mut c[1]);
        });
    } else {
        let side = text::QR_SIDE;
        ui.horizontal_top(|ui| {
            let left = ui.available_width() - side - GAP;
            ui.allocate_ui_with_layout(vec2(left, 0.0), Layout::top_down(Align::Min), |ui| {
                ui.set_width(left);
                number(ui);
            });
            ui.allocate_ui_with_layout(vec2(side, 0.0), Layout::top_down(Align::Min), |ui| {
                ui.set_width(side);
                code(ui, side);
            });
        });
        documents(ui);
    }
    if !t.print_failed {
        message(ui);
    }
}

/// Draws the QR code of `url` as dark squares on white, `side` pixels wide.
fn qr(ui: &mut Ui, url: &str, side: f32) {
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        return;
    };
    let n = code.width();
    let quiet = 4;
    let module = side / (n + 2 * quiet) as f32;
    let (rect, resp) = ui.allocate_exact_size(Vec2::splat(side), Sense::hover());
    resp.widget_info(|| WidgetInfo::labeled(WidgetType::Image, true, url));
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (x, y) = ((i % n + quiet) as f32, (i / n + quiet) as f32);
            let min = rect.min + vec2(x * module, y * module);
            painter.rect_filled(
                Rect::from_min_size(min, Vec2::splat(module.ceil())),
                0.0,
                INK,
            );
        }
    }
}
