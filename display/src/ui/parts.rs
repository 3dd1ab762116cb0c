//! Colours and small building blocks of the board. Sizes are in viewport-min units (vmin) so
//! the same layout reads the same at 1920×1080 and 3840×2160.

use bevy::prelude::*;
use bevy::text::{FontSize, FontSource};

use crate::board::WaitBand;

pub const BG: Color = Color::srgb(0.04, 0.11, 0.22);
pub const HEADER: Color = Color::srgb(0.07, 0.20, 0.37);
pub const PANEL: Color = Color::srgb(0.09, 0.24, 0.44);
pub const ROW: Color = Color::srgb(0.11, 0.29, 0.52);
pub const HIGHLIGHT: Color = Color::srgb(1.0, 0.87, 0.25);
pub const WHITE: Color = Color::srgb(1.0, 1.0, 1.0);
pub const DIM: Color = Color::srgb(0.75, 0.82, 0.92);
pub const DARK: Color = Color::srgb(0.05, 0.07, 0.12);
pub const NOTICE: Color = Color::srgb(1.0, 0.84, 0.31);
pub const OFFLINE: Color = Color::srgb(0.72, 0.0, 0.13);
pub const MISSED: Color = Color::srgb(0.55, 0.2, 0.1);

/// Background and text colours of a wait band: green, amber, red (always with words).
pub fn band_colors(band: WaitBand) -> (Color, Color) {
    match band {
        WaitBand::Short => (Color::srgb(0.18, 0.49, 0.20), WHITE),
        WaitBand::Medium => (Color::srgb(0.98, 0.66, 0.15), DARK),
        WaitBand::Long => (Color::srgb(0.78, 0.16, 0.16), WHITE),
    }
}

/// A text node: font, size in vh, colour.
pub fn text(s: impl Into<String>, font: FontSource, vh: f32, color: Color) -> impl Bundle {
    (
        Text::new(s),
        TextFont {
            font,
            font_size: FontSize::VMin(vh),
            ..default()
        },
        TextColor(color),
    )
}

/// A flex row with a gap, centred vertically.
pub fn row(gap_vh: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        align_items: AlignItems::Center,
        column_gap: Val::VMin(gap_vh),
        ..default()
    }
}

/// A flex column with a gap.
pub fn column(gap_vh: f32) -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: Val::VMin(gap_vh),
        ..default()
    }
}

/// A padded box.
pub fn padded(mut node: Node, pad_vh: f32) -> Node {
    node.padding = UiRect::all(Val::VMin(pad_vh));
    node
}
