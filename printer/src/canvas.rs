//! A white, fixed-width grayscale canvas that grows downwards as a ticket is laid out, with
//! the few drawing operations a ticket needs: blend a glyph's coverage, fill rectangles,
//! draw rules.

use image::GrayImage;

/// Ink colour for [`Canvas::blend`]: black ink on white paper, or white on an inverted band.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ink {
    Black,
    White,
}

/// Pixels row by row, 0 = black, 255 = white.
#[derive(Debug, Clone)]
pub struct Canvas {
    width: u32,
    pixels: Vec<u8>,
}

impl Canvas {
    pub fn new(width: u32) -> Self {
        Self {
            width,
            pixels: Vec::new(),
        }
    }

    pub fn width(&self) -> u32 {
        self.width
    }

    pub fn height(&self) -> u32 {
        (self.pixels.len() / self.width.max(1) as usize) as u32
    }

    /// Makes the canvas at least `height` rows high, new rows white.
    pub fn grow_to(&mut self, height: u32) {
        let len = height as usize * self.width as usize;
        if len > self.pixels.len() {
            self.pixels.resize(len, 255);
        }
    }

    /// Blends ink with coverage `alpha` (0–255) into one pixel; outside the canvas is ignored.
    pub fn blend(&mut self, x: i32, y: i32, alpha: u8, ink: Ink) {
        if x < 0 || y < 0 || x as u32 >= self.width {
            return;
        }
        self.grow_to(y as u32 + 1);
        let i = y as usize * self.width as usize + x as usize;
        let old = u32::from(self.pixels[i]);
        let a = u32::from(alpha);
        let new = match ink {
            Ink::Black => old * (255 - a) / 255,
            Ink::White => old + (255 - old) * a / 255,
        };
        self.pixels[i] = new as u8;
    }

    /// Fills a rectangle with a flat value (0 black, 255 white), clipped to the width.
    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32, value: u8) {
        if h == 0 || w == 0 {
            return;
        }
        self.grow_to(y + h);
        let x_end = (x + w).min(self.width);
        for row in y..y + h {
            let start = row as usize * self.width as usize;
            for col in x.min(x_end)..x_end {
                self.pixels[start + col as usize] = value;
            }
        }
    }

    /// A horizontal black line `thickness` high from `x0` to `x1`.
    pub fn hline(&mut self, x0: u32, x1: u32, y: u32, thickness: u32) {
        self.fill(x0, y, x1.saturating_sub(x0), thickness, 0);
    }

    pub fn into_image(self) -> GrayImage {
        let (w, h) = (self.width, self.height());
        // Length is exactly w * h by construction.
        GrayImage::from_raw(w, h, self.pixels).unwrap_or_else(|| GrayImage::new(w, 0))
    }
}
