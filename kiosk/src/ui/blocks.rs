//! The text column of a screen as blocks laid out before they are painted: progress, titles,
//! paragraphs, notices and the ticket. Laying out first lets `draw` measure the column at
//! several text scales and keep the largest that fits, so nothing is cut and nothing scrolls.

use std::sync::Arc;

use bevy_egui::egui::{
    self, Color32, FontId, Galley, Rect, Stroke, StrokeKind, Ui, Vec2, pos2, vec2,
};
use madoguchi_protocol::Lang;

use super::fonts;
use super::layout::{GAP, MIN_TEXT_PX};
use super::palette::{ALERT, DARK, DIM, HIGHLIGHT, NOTICE, PANEL, WHITE};
use super::text::{self, Piece, Sizes};
use crate::view::{ProgressView, TicketPanel};

/// Padding inside a notice or the ticket card.
pub const INSET: f32 = 20.0;
/// Side of the ticket's QR code at scale 1.
pub const QR_SIDE: f32 = 300.0;
/// The ticket number's size at scale 1.
pub const NUMBER_PX: f32 = 170.0;

/// One thing painted at an offset from its block's top left corner.
pub enum Part {
    Text(Vec2, Arc<Galley>),
    Fill(Rect, Color32, Stroke),
    Qr(Rect, String),
    /// A progress dot: done or not.
    Dot(Vec2, f32, bool),
}

/// A laid-out block: its size and what it paints.
pub struct Block {
    pub size: Vec2,
    pub parts: Vec<Part>,
    /// Stands in the middle of a wider column (the ticket).
    pub centred: bool,
}

/// A font size scaled, never below the smallest legible one.
pub fn scaled(size: f32, scale: f32) -> f32 {
    (size * scale).max(MIN_TEXT_PX)
}

/// Text in `lang` at `size`, wrapped to `width`.
pub fn galley(
    ctx: &egui::Context,
    lang: Lang,
    text: &str,
    size: f32,
    bold: bool,
    color: Color32,
    width: f32,
) -> Arc<Galley> {
    let piece = Piece {
        text,
        bold,
        size,
        line_height: size * 1.3,
        color,
    };
    text::layout(ctx, lang, &[piece], width)
}

impl Block {
    pub fn text(g: Arc<Galley>) -> Block {
        Block {
            size: g.size(),
            parts: vec![Part::Text(Vec2::ZERO, g)],
            centred: false,
        }
    }

    /// "Step 2 of 4" with a row of dots.
    pub fn progress(ctx: &egui::Context, lang: Lang, p: &ProgressView, s: &Sizes, k: f32) -> Block {
        let g = galley(
            ctx,
            lang,
            &p.text,
            scaled(s.bar, k),
            false,
            DIM,
            f32::INFINITY,
        );
        let r = scaled(s.bar, k) * 0.3;
        let h = g.size().y.max(2.0 * r);
        let mut parts = Vec::new();
        for i in 0..p.total.min(12) {
            let c = vec2(r + i as f32 * r * 3.0, h / 2.0);
            parts.push(Part::Dot(c, r, i < p.step));
        }
        let x = p.total.min(12) as f32 * r * 3.0 + GAP;
        parts.push(Part::Text(vec2(x, (h - g.size().y) / 2.0), g.clone()));
        Block {
            size: vec2(x + g.size().x, h),
            parts,
            centred: false,
        }
    }

    /// Text on a coloured panel: a notice (yellow), or an alert (red) when `alert`.
    pub fn notice(
        ctx: &egui::Context,
        lang: Lang,
        text: &str,
        size: f32,
        width: f32,
        alert: bool,
    ) -> Block {
        let (fill, ink) = if alert {
            (ALERT, WHITE)
        } else {
            (NOTICE, DARK)
        };
        let g = galley(ctx, lang, text, size, false, ink, width - 2.0 * INSET);
        let size = vec2(width, g.size().y + 2.0 * INSET);
        Block {
            size,
            parts: vec![
                Part::Fill(
                    Rect::from_min_size(pos2(0.0, 0.0), size),
                    fill,
                    Stroke::new(3.0, if alert { WHITE } else { DARK }),
                ),
                Part::Text(vec2(INSET, INSET), g),
            ],
            centred: false,
        }
    }

    /// The ticket as a white card like the printed one: number, what it is for and where it
    /// will be called, the QR code beside them, what to bring, and whether it printed (a
    /// failure first, in red).
    pub fn ticket(
        ctx: &egui::Context,
        lang: Lang,
        t: &TicketPanel,
        s: &Sizes,
        k: f32,
        width: f32,
    ) -> Block {
        let mut parts = Vec::new();
        let mut y = 0.0;
        let print = |ctx: &egui::Context| {
            Block::notice(
                ctx,
                lang,
                &t.print_message,
                scaled(s.text, k),
                width,
                t.print_failed,
            )
        };
        if t.print_failed {
            let b = print(ctx);
            y = b.size.y + GAP;
            parts.extend(b.parts);
        }
        let card_top = y;
        let side = (QR_SIDE * k).clamp(200.0, width * 0.4);
        let left_w = width - 3.0 * INSET - side;
        let mut ly = card_top + INSET;
        let mut put = |parts: &mut Vec<Part>, g: Arc<Galley>| {
            let h = g.size().y;
            parts.push(Part::Text(vec2(INSET, ly), g));
            ly += h + GAP / 2.0;
        };
        let text =
            |text: &str, size: f32, bold: bool| galley(ctx, lang, text, size, bold, DARK, left_w);
        put(&mut parts, text(&t.title, scaled(s.text, k), false));
        let number = ctx.fonts_mut(|f| {
            f.layout_no_wrap(
                t.number.clone(),
                FontId::new(NUMBER_PX * k.max(0.6), fonts::bold()),
                DARK,
            )
        });
        put(&mut parts, number);
        put(&mut parts, text(&t.service, scaled(s.title, k), true));
        // Where the number will be called, as the ticket prints it: the floor and counter area.
        if !t.place.is_empty() {
            put(&mut parts, text(&t.place, scaled(s.text, k), true));
        }
        put(&mut parts, text(&t.ahead, scaled(s.text, k), false));
        if !t.eta.is_empty() {
            put(&mut parts, text(&t.eta, scaled(s.text, k), false));
        }
        if !t.needs.is_empty() {
            put(
                &mut parts,
                text(&t.needs.join(" / "), scaled(s.text * 0.85, k), false),
            );
        }
        let qx = width - INSET - side;
        let mut ry = card_top + INSET;
        parts.push(Part::Qr(
            Rect::from_min_size(pos2(qx, ry), Vec2::splat(side)),
            t.qr_url.clone(),
        ));
        ry += side + GAP / 2.0;
        let cap = galley(
            ctx,
            lang,
            &t.qr_caption,
            scaled(s.text * 0.7, k),
            false,
            DARK,
            side,
        );
        let ch = cap.size().y;
        parts.push(Part::Text(vec2(qx, ry), cap));
        ry += ch + GAP / 2.0;
        let mut y2 = ly.max(ry);
        if !t.documents.is_empty() {
            let wide = width - 2.0 * INSET;
            let g = galley(
                ctx,
                lang,
                &t.bring_title,
                scaled(s.text, k),
                true,
                DARK,
                wide,
            );
            y2 += GAP / 2.0;
            let h = g.size().y;
            parts.push(Part::Text(vec2(INSET, y2), g));
            y2 += h + GAP / 2.0;
            for d in &t.documents {
                let g = galley(
                    ctx,
                    lang,
                    &format!("・{d}"),
                    scaled(s.text * 0.85, k),
                    false,
                    DARK,
                    wide,
                );
                let h = g.size().y;
                parts.push(Part::Text(vec2(INSET, y2), g));
                y2 += h + GAP / 4.0;
            }
        }
        let card_bottom = y2 + INSET;
        parts.insert(
            0,
            Part::Fill(
                Rect::from_min_max(pos2(0.0, card_top), pos2(width, card_bottom)),
                WHITE,
                Stroke::new(3.0, HIGHLIGHT),
            ),
        );
        let mut h = card_bottom;
        if !t.print_failed {
            let b = print(ctx);
            let top = h + GAP;
            parts.extend(b.parts.into_iter().map(|p| p.moved(vec2(0.0, top))));
            h = top + b.size.y;
        }
        Block {
            size: vec2(width, h),
            parts,
            centred: true,
        }
    }

    /// Paints the block with its top left corner at `at`.
    pub fn paint(&self, ui: &mut Ui, at: egui::Pos2) {
        for part in &self.parts {
            match part.moved(at.to_vec2()) {
                Part::Text(p, g) => {
                    // A label in the accessibility tree too (screen readers, tests).
                    let rect = Rect::from_min_size(p.to_pos2(), g.size());
                    let text = g.text().to_owned();
                    ui.allocate_rect(rect, egui::Sense::hover())
                        .widget_info(|| {
                            egui::WidgetInfo::labeled(egui::WidgetType::Label, true, &text)
                        });
                    ui.painter().galley(p.to_pos2(), g, DARK);
                }
                Part::Fill(r, fill, stroke) => {
                    ui.painter().rect(r, 14.0, fill, stroke, StrokeKind::Inside);
                }
                Part::Qr(r, url) => qr(ui, &url, r),
                Part::Dot(c, r, done) => {
                    let c = c.to_pos2();
                    if done {
                        ui.painter().circle_filled(c, r, HIGHLIGHT);
                    } else {
                        ui.painter().circle(c, r, PANEL, Stroke::new(2.0, DIM));
                    }
                }
            }
        }
    }
}

impl Part {
    fn moved(&self, by: Vec2) -> Part {
        match self {
            Part::Text(p, g) => Part::Text(*p + by, g.clone()),
            Part::Fill(r, f, s) => Part::Fill(r.translate(by), *f, *s),
            Part::Qr(r, u) => Part::Qr(r.translate(by), u.clone()),
            Part::Dot(c, r, d) => Part::Dot(*c + by, *r, *d),
        }
    }
}

/// Draws the QR code of `url` as dark squares on white in `rect`, with its quiet zone.
fn qr(ui: &mut Ui, url: &str, rect: Rect) {
    let Ok(code) = qrcode::QrCode::new(url.as_bytes()) else {
        return;
    };
    let resp = ui.allocate_rect(rect, egui::Sense::hover());
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::Image, true, url));
    let n = code.width();
    let quiet = 4;
    let module = rect.width() / (n + 2 * quiet) as f32;
    let painter = ui.painter();
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    for (i, c) in code.to_colors().iter().enumerate() {
        if *c == qrcode::Color::Dark {
            let (x, y) = ((i % n + quiet) as f32, (i / n + quiet) as f32);
            let min = rect.min + vec2(x * module, y * module);
            painter.rect_filled(
                Rect::from_min_size(min, Vec2::splat(module.ceil())),
                0.0,
                DARK,
            );
        }
    }
}
