//! The kiosk's colours: the waiting-room display's board palette (`display/src/ui/parts.rs`,
//! the same sRGB values), so the lobby's two screens look like one system, and the WCAG 2.x
//! contrast formula (JIS X 8341-3 adopts it) that the layout tests measure the screens with.

use bevy_egui::egui::Color32;

/// `Color::srgb(r, g, b)` of the display, as egui's 8-bit colour.
const fn srgb(r: f32, g: f32, b: f32) -> Color32 {
    Color32::from_rgb(
        (r * 255.0 + 0.5) as u8,
        (g * 255.0 + 0.5) as u8,
        (b * 255.0 + 0.5) as u8,
    )
}

/// The screen's background (display `BG`).
pub const BG: Color32 = srgb(0.04, 0.11, 0.22);
/// The header strip (display `HEADER`).
pub const HEADER: Color32 = srgb(0.07, 0.20, 0.37);
/// Back, language and toggles when off (display `PANEL`).
pub const PANEL: Color32 = srgb(0.09, 0.24, 0.44);
/// Choices (display `ROW`).
pub const ROW: Color32 = srgb(0.11, 0.29, 0.52);
/// The one thing to do now, a toggle that is on (display `HIGHLIGHT`, the fresh call).
pub const HIGHLIGHT: Color32 = srgb(1.0, 0.87, 0.25);
pub const WHITE: Color32 = Color32::WHITE;
/// Secondary text on blue; also the outline of every touch target (3:1 against `BG` and
/// `ROW`, as WCAG 1.4.11 asks of a control's edge).
pub const DIM: Color32 = srgb(0.75, 0.82, 0.92);
/// Text on yellow and on white (display `DARK`).
pub const DARK: Color32 = srgb(0.05, 0.07, 0.12);
/// Notices (display `NOTICE`).
pub const NOTICE: Color32 = srgb(1.0, 0.84, 0.31);
/// The print failure (display `OFFLINE`).
pub const ALERT: Color32 = srgb(0.72, 0.0, 0.13);
/// A pressed choice.
pub const PRESSED: Color32 = HEADER;

/// Fill and text colour of an estimated wait, in the display's bands: under 20 minutes green,
/// up to 60 amber, longer red (always with the words too).
pub fn wait_colors(eta_min: u32) -> (Color32, Color32) {
    match eta_min {
        0..20 => (srgb(0.18, 0.49, 0.20), WHITE),
        20..=60 => (srgb(0.98, 0.66, 0.15), DARK),
        _ => (srgb(0.78, 0.16, 0.16), WHITE),
    }
}

/// WCAG 2.x relative luminance of an sRGB colour (alpha ignored).
pub fn luminance(c: Color32) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
}

/// WCAG contrast ratio of two colours, 1 to 21.
pub fn contrast(a: Color32, b: Color32) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}
