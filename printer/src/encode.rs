//! ESC/POS encoding of a rendered ticket: threshold to 1 bit, then `ESC @`, a line feed (so
//! nothing half-printed shares the image's first line), the image as `GS v 0` raster bands of
//! at most [`MAX_BAND_HEIGHT`] rows, a feed and a partial cut.

use image::GrayImage;

/// Tallest raster block sent at once; many printers cap one `GS v 0` block near 2,300 dots.
pub const MAX_BAND_HEIGHT: u32 = 2048;
/// Gray values below this print black.
pub const THRESHOLD: u8 = 128;
/// Lines fed after the image so the last text clears the cutter.
pub const FEED_LINES: u8 = 4;

pub const ESC: u8 = 0x1B;
pub const GS: u8 = 0x1D;
pub const DLE: u8 = 0x10;
pub const EOT: u8 = 0x04;
pub const LF: u8 = 0x0A;

/// What the printer will print: every pixel 0 (black) or 255 (white).
pub fn threshold(image: &GrayImage) -> GrayImage {
    let mut out = image.clone();
    for p in out.pixels_mut() {
        p.0[0] = if p.0[0] < THRESHOLD { 0 } else { 255 };
    }
    out
}

/// The whole ticket as ESC/POS bytes.
pub fn encode(image: &GrayImage) -> Vec<u8> {
    let width_bytes = image.width().div_ceil(8);
    let mut out = Vec::with_capacity((width_bytes * image.height()) as usize + 64);
    out.extend_from_slice(&[ESC, b'@']);
    out.push(LF);
    let mut top = 0;
    while top < image.height() {
        let rows = (image.height() - top).min(MAX_BAND_HEIGHT);
        push_band(&mut out, image, top, rows);
        top += rows;
    }
    out.extend_from_slice(&[ESC, b'd', FEED_LINES]);
    // GS V 66 n: feed to the cutting position (+ n dots) and cut partially.
    out.extend_from_slice(&[GS, b'V', 66, 0]);
    out
}

/// `GS v 0 m xL xH yL yH d1…dk`, one bit per dot, most significant bit leftmost, 1 = black.
fn push_band(out: &mut Vec<u8>, image: &GrayImage, top: u32, rows: u32) {
    let width_bytes = image.width().div_ceil(8);
    out.extend_from_slice(&[GS, b'v', b'0', 0]);
    out.extend_from_slice(&(width_bytes as u16).to_le_bytes());
    out.extend_from_slice(&(rows as u16).to_le_bytes());
    for y in top..top + rows {
        for xb in 0..width_bytes {
            let mut byte = 0u8;
            for bit in 0..8 {
                let x = xb * 8 + bit;
                if x < image.width() && image.get_pixel(x, y).0[0] < THRESHOLD {
                    byte |= 0x80 >> bit;
                }
            }
            out.push(byte);
        }
    }
}
