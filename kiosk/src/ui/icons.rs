//! The pictograms, drawn with egui's painter from lines, circles and polygons in a unit square
//! (no image files, nothing to load). Each says its purpose or need beside the words, never
//! instead of them; they use the text's colour, so they keep its contrast.

use bevy_egui::egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, vec2};

use crate::view::Pictogram;

/// A pen over a square `rect`: unit coordinates (0–1, y down) to screen points.
struct Pen<'a> {
    painter: &'a Painter,
    rect: Rect,
    color: Color32,
    width: f32,
}

impl Pen<'_> {
    fn p(&self, x: f32, y: f32) -> Pos2 {
        self.rect.min + vec2(x, y) * self.rect.width()
    }
    fn len(&self, l: f32) -> f32 {
        l * self.rect.width()
    }
    fn stroke(&self) -> Stroke {
        Stroke::new(self.width, self.color)
    }
    fn line(&self, pts: &[(f32, f32)]) {
        let pts: Vec<Pos2> = pts.iter().map(|&(x, y)| self.p(x, y)).collect();
        self.painter.add(Shape::line(pts, self.stroke()));
    }
    fn poly(&self, pts: &[(f32, f32)]) {
        let pts: Vec<Pos2> = pts.iter().map(|&(x, y)| self.p(x, y)).collect();
        self.painter
            .add(Shape::convex_polygon(pts, self.color, Stroke::NONE));
    }
    fn boxed(&self, x0: f32, y0: f32, x1: f32, y1: f32, radius: f32) {
        let r = Rect::from_min_max(self.p(x0, y0), self.p(x1, y1));
        self.painter
            .rect_stroke(r, self.len(radius), self.stroke(), StrokeKind::Middle);
    }
    fn ring(&self, x: f32, y: f32, r: f32) {
        self.painter
            .circle_stroke(self.p(x, y), self.len(r), self.stroke());
    }
    fn dot(&self, x: f32, y: f32, r: f32) {
        self.painter
            .circle_filled(self.p(x, y), self.len(r), self.color);
    }
    /// An ID card: a rounded box with a face and two lines.
    fn card(&self, x0: f32, y0: f32, x1: f32, y1: f32) {
        self.boxed(x0, y0, x1, y1, 0.05);
        let (w, h) = (x1 - x0, y1 - y0);
        self.ring(x0 + w * 0.27, y0 + h * 0.45, h * 0.18);
        self.line(&[
            (x0 + w * 0.52, y0 + h * 0.35),
            (x0 + w * 0.85, y0 + h * 0.35),
        ]);
        self.line(&[(x0 + w * 0.52, y0 + h * 0.6), (x0 + w * 0.78, y0 + h * 0.6)]);
    }
    /// A speech bubble with its tail at the bottom left.
    fn bubble(&self, x0: f32, y0: f32, x1: f32, y1: f32) {
        self.boxed(x0, y0, x1, y1, 0.1);
        let w = x1 - x0;
        self.line(&[
            (x0 + w * 0.2, y1),
            (x0 + w * 0.12, y1 + 0.14),
            (x0 + w * 0.42, y1),
        ]);
    }
    /// A pencil from (x0, y0) to its point at (x1, y1).
    fn pencil(&self, x0: f32, y0: f32, x1: f32, y1: f32) {
        let w = self.width;
        let s = Stroke::new(w * 2.2, self.color);
        self.painter
            .line_segment([self.p(x0, y0), self.p(x1, y1)], s);
        self.dot(x1, y1, 0.035);
    }
}

/// Draws `icon` in the square `rect` in `color`.
pub fn draw(painter: &Painter, icon: Pictogram, rect: Rect, color: Color32) {
    let pen = Pen {
        painter,
        rect,
        color,
        width: (rect.width() / 16.0).max(2.0),
    };
    use Pictogram::*;
    match icon {
        Pickup => {
            pen.card(0.1, 0.12, 0.78, 0.56);
            // An arrow towards the visitor: the card is handed over.
            pen.line(&[(0.62, 0.62), (0.62, 0.9)]);
            pen.poly(&[(0.48, 0.78), (0.76, 0.78), (0.62, 0.96)]);
        }
        Apply => {
            pen.boxed(0.18, 0.08, 0.7, 0.9, 0.04);
            for y in [0.3, 0.45, 0.6] {
                pen.line(&[(0.28, y), (0.58, y)]);
            }
            pen.pencil(0.92, 0.42, 0.62, 0.86);
        }
        Express => pen.poly_bolt(),
        Certificate => {
            pen.ring(0.3, 0.5, 0.18);
            pen.line(&[(0.48, 0.5), (0.9, 0.5), (0.9, 0.66)]);
            pen.line(&[(0.74, 0.5), (0.74, 0.64)]);
        }
        CardUpdate => {
            pen.card(0.06, 0.18, 0.74, 0.62);
            pen.pencil(0.94, 0.36, 0.6, 0.9);
        }
        Reservation => {
            pen.boxed(0.1, 0.16, 0.9, 0.9, 0.08);
            pen.line(&[(0.1, 0.36), (0.9, 0.36)]);
            pen.line(&[(0.32, 0.06), (0.32, 0.24)]);
            pen.line(&[(0.68, 0.06), (0.68, 0.24)]);
            pen.line(&[(0.3, 0.62), (0.45, 0.76), (0.72, 0.48)]);
        }
        Pin => {
            pen.boxed(0.14, 0.06, 0.86, 0.94, 0.08);
            for row in 0..3 {
                for col in 0..3 {
                    pen.dot(0.32 + col as f32 * 0.18, 0.3 + row as f32 * 0.2, 0.05);
                }
            }
            pen.dot(0.5, 0.84, 0.05);
        }
        Overseas => {
            pen.ring(0.5, 0.5, 0.4);
            pen.line(&[(0.1, 0.5), (0.9, 0.5)]);
            pen.line(&[(0.5, 0.1), (0.5, 0.9)]);
            let e = Rect::from_center_size(pen.p(0.5, 0.5), vec2(pen.len(0.4), pen.len(0.8)));
            painter.add(Shape::ellipse_stroke(
                e.center(),
                e.size() / 2.0,
                pen.stroke(),
            ));
            pen.line(&[(0.18, 0.3), (0.82, 0.3)]);
            pen.line(&[(0.18, 0.7), (0.82, 0.7)]);
        }
        Lost => {
            pen.card(0.04, 0.08, 0.6, 0.46);
            pen.ring(0.58, 0.58, 0.2);
            let s = Stroke::new(pen.width * 2.0, color);
            painter.line_segment([pen.p(0.72, 0.72), pen.p(0.94, 0.94)], s);
        }
        Question => {
            pen.bubble(0.08, 0.08, 0.92, 0.76);
            pen.line(&[
                (0.38, 0.3),
                (0.42, 0.22),
                (0.5, 0.19),
                (0.58, 0.22),
                (0.62, 0.3),
                (0.58, 0.38),
                (0.5, 0.44),
                (0.5, 0.52),
            ]);
            pen.dot(0.5, 0.64, 0.045);
        }
        Braille => {
            for (i, filled) in [true, false, true, true, false, true]
                .into_iter()
                .enumerate()
            {
                let (x, y) = (0.32 + (i / 3) as f32 * 0.36, 0.2 + (i % 3) as f32 * 0.3);
                if filled {
                    pen.dot(x, y, 0.1);
                } else {
                    pen.ring(x, y, 0.08);
                }
            }
        }
        Wheelchair => {
            pen.dot(0.42, 0.12, 0.09);
            pen.line(&[
                (0.4, 0.26),
                (0.4, 0.56),
                (0.68, 0.56),
                (0.8, 0.84),
                (0.92, 0.8),
            ]);
            pen.line(&[(0.4, 0.4), (0.62, 0.4)]);
            let c = pen.p(0.4, 0.68);
            painter.add(Shape::circle_stroke(c, pen.len(0.24), pen.stroke()));
        }
        Writing => {
            pen.boxed(0.08, 0.14, 0.66, 0.9, 0.04);
            for y in [0.34, 0.5, 0.66] {
                pen.line(&[(0.18, y), (0.5, y)]);
            }
            pen.pencil(0.94, 0.1, 0.58, 0.7);
        }
        Interpreter => {
            pen.bubble(0.04, 0.08, 0.58, 0.48);
            pen.boxed(0.42, 0.46, 0.96, 0.84, 0.1);
            pen.line(&[(0.8, 0.84), (0.88, 0.98), (0.62, 0.84)]);
        }
        Help => {
            // A raised open hand.
            pen.boxed(0.3, 0.42, 0.72, 0.94, 0.12);
            for (x, top) in [(0.36, 0.2), (0.48, 0.08), (0.6, 0.12)] {
                pen.line(&[(x, 0.44), (x, top)]);
            }
            pen.line(&[(0.72, 0.6), (0.86, 0.36)]);
        }
        Other => {
            pen.bubble(0.06, 0.14, 0.94, 0.78);
            for x in [0.3, 0.5, 0.7] {
                pen.dot(x, 0.46, 0.06);
            }
        }
        Back => {
            pen.line(&[(0.86, 0.5), (0.2, 0.5)]);
            pen.line(&[(0.46, 0.22), (0.16, 0.5), (0.46, 0.78)]);
        }
        Language => {
            pen.bubble(0.06, 0.08, 0.62, 0.5);
            pen.boxed(0.42, 0.44, 0.94, 0.86, 0.1);
            pen.line(&[(0.2, 0.29), (0.48, 0.29)]);
            pen.line(&[(0.56, 0.65), (0.82, 0.65)]);
        }
        LargeText => {
            // A small and a large "A".
            pen.line(&[(0.06, 0.86), (0.22, 0.46), (0.38, 0.86)]);
            pen.line(&[(0.12, 0.72), (0.32, 0.72)]);
            pen.line(&[(0.42, 0.9), (0.68, 0.1), (0.94, 0.9)]);
            pen.line(&[(0.52, 0.62), (0.84, 0.62)]);
        }
        LowReach => {
            // Controls moving down to a line.
            pen.boxed(0.2, 0.06, 0.8, 0.3, 0.06);
            pen.line(&[(0.5, 0.36), (0.5, 0.7)]);
            pen.poly(&[(0.32, 0.62), (0.68, 0.62), (0.5, 0.82)]);
            pen.line(&[(0.1, 0.92), (0.9, 0.92)]);
        }
        CallStaff => {
            // A bell.
            pen.poly(&[
                (0.5, 0.12),
                (0.72, 0.3),
                (0.78, 0.7),
                (0.22, 0.7),
                (0.28, 0.3),
            ]);
            pen.line(&[(0.1, 0.74), (0.9, 0.74)]);
            pen.dot(0.5, 0.84, 0.08);
            pen.dot(0.5, 0.1, 0.05);
        }
    }
}

impl Pen<'_> {
    fn poly_bolt(&self) {
        // Two convex halves of a lightning bolt.
        self.poly(&[(0.58, 0.04), (0.2, 0.56), (0.48, 0.56), (0.62, 0.3)]);
        self.poly(&[(0.52, 0.44), (0.8, 0.44), (0.38, 0.96), (0.46, 0.62)]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bevy_egui::egui::{self, pos2};

    #[test]
    fn every_pictogram_draws_inside_its_square() {
        let ctx = egui::Context::default();
        let rect = Rect::from_min_size(pos2(100.0, 100.0), vec2(80.0, 80.0));
        let all = Pictogram::ALL;
        for icon in all {
            let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
                draw(ui.painter(), icon, rect, Color32::WHITE);
            });
            out.textures_delta.clear();
            let shapes: Vec<_> = out
                .shapes
                .iter()
                .map(|c| c.shape.visual_bounding_rect())
                .collect();
            assert!(shapes.len() >= 2, "{icon:?}: {} shapes", shapes.len());
            for b in shapes {
                assert!(
                    rect.expand(8.0).contains_rect(b),
                    "{icon:?}: {b:?} outside {rect:?}"
                );
            }
        }
    }
}
