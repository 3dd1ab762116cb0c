//! Where things go on the kiosk's screen, from the panel's geometry. The numbers are those of
//! the lobby stand (21.5" 1080×1920 portrait, its top edge ~1,600 mm above the floor); the
//! layout tests measure the rendered screens against the same constants.
//!
//! Portrait: text at the top, the choices below it as large as the space allows and pushed
//! down, and a dock at the very bottom (primary action, Back, language, large text, low reach,
//! Call staff) inside the zone a seated visitor reaches (ADA 2010 §308.2.1: high forward reach
//! 1,220 mm). Low reach: every control below mid-height, the text above it. Landscape: text
//! on the left, choices on the right, the same dock at the bottom.

use bevy_egui::egui::{Rect, pos2};

/// Millimetres per pixel of a 21.5" 1920×1080 panel (476.6 mm × 268.1 mm).
pub const MM_PER_PX: f32 = 0.2479;
/// Height of the portrait panel in pixels.
pub const PANEL_H_PX: f32 = 1920.0;
/// Height of the screen's top edge above the floor on the lobby stand.
pub const STAND_TOP_MM: f32 = 1600.0;
/// Height of the screen's bottom edge: 1,600 − 1,920 × 0.2479 ≈ 1,124 mm.
pub const BOTTOM_EDGE_MM: f32 = STAND_TOP_MM - PANEL_H_PX * MM_PER_PX;
/// ADA 2010 §308.2.1 / §308.3.1: the highest point a seated visitor reaches forward or sideways.
pub const HIGH_REACH_MM: f32 = 1220.0;
/// The bottom band of the portrait panel within reach: (1,220 − 1,124) / 0.2479 ≈ 387 px.
pub const REACH_PX: f32 = (HIGH_REACH_MM - BOTTOM_EDGE_MM) / MM_PER_PX;
/// Smallest text: 4.8 mm (JIS Z 8071 / the city's guideline for public screens) ≈ 19.4 px.
pub const MIN_TEXT_PX: f32 = 20.0;
/// Smallest touch target: 20 mm in both directions (JIS X 8341-3 guidance for kiosks at arm's
/// length; ISO 9241-9 gives 19–22 mm for public touch screens) ≈ 80.7 px.
pub const MIN_TARGET_PX: f32 = 81.0;

// The pixel minimums are at least the millimetres they stand for.
const _: () = assert!(MIN_TEXT_PX * MM_PER_PX >= 4.8);
const _: () = assert!(MIN_TARGET_PX * MM_PER_PX >= 20.0);

/// Margin around the whole screen.
pub const MARGIN: f32 = 24.0;
/// Space between items.
pub const GAP: f32 = 16.0;
/// Height of the dock's row with Back and the primary action.
pub const ACT_H: f32 = 128.0;
/// Height of the dock's row with language, large text, low reach and Call staff.
pub const UTIL_H: f32 = 96.0;
/// Tallest choice: beyond this a card is only empty space.
pub const MAX_CARD_H: f32 = 220.0;

/// The y from which a control is within a seated visitor's reach, in a window `height` tall
/// (the band scales with the window so a smaller test window keeps the same proportions).
pub fn reach_top(height: f32) -> f32 {
    height - REACH_PX * height / PANEL_H_PX
}

/// Mid-height: low reach puts every control below it.
pub fn low_reach_top(height: f32) -> f32 {
    height / 2.0
}

/// The regions of one screen.
#[derive(Debug, Clone, Copy)]
pub struct Zones {
    /// Title, paragraphs, notices, the ticket.
    pub text: Rect,
    /// Choices, toggles, the language picker, the countdown's button.
    pub controls: Rect,
    /// The dock at the bottom.
    pub dock: Rect,
}

/// Splits a window `full` for a dock `dock_h` tall, text needing `text_h` and controls needing
/// at least `controls_min`; `has_controls` false gives the text the whole body.
pub fn zones(full: Rect, dock_h: f32, text_h: f32, has_controls: bool, low_reach: bool) -> Zones {
    let inner = full.shrink(MARGIN);
    let dock = Rect::from_min_max(pos2(inner.left(), inner.bottom() - dock_h), inner.max);
    let body = Rect::from_min_max(inner.min, pos2(inner.right(), dock.top() - GAP));
    if !has_controls {
        let empty = Rect::from_min_max(body.left_bottom(), body.right_bottom());
        return Zones {
            text: body,
            controls: empty,
            dock,
        };
    }
    if full.width() > full.height() {
        // Landscape: text on the left, controls on the right.
        let split = body.left() + (body.width() - GAP) * 0.4;
        return Zones {
            text: Rect::from_min_max(body.min, pos2(split, body.bottom())),
            controls: Rect::from_min_max(pos2(split + GAP, body.top()), body.max),
            dock,
        };
    }
    let mut top = body.top() + text_h + GAP;
    if low_reach {
        top = top.max(full.top() + low_reach_top(full.height()));
    }
    let top = top.min(body.bottom());
    Zones {
        text: Rect::from_min_max(body.min, pos2(body.right(), top - GAP)),
        controls: Rect::from_min_max(pos2(body.left(), top), body.max),
        dock,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reach_band_is_the_bottom_387_px_of_the_portrait_panel() {
        assert!((BOTTOM_EDGE_MM - 1124.0).abs() < 1.0, "{BOTTOM_EDGE_MM}");
        assert!((REACH_PX - 387.0).abs() < 1.0, "{REACH_PX}");
        assert!((reach_top(1920.0) - 1533.0).abs() < 1.0);
    }
}
