//! The ticket's layout: turns a [`TicketLayout`] into a grayscale bitmap, section by section
//! from top to bottom (header, the big number, service, times, documents, needs band, QR
//! code, footer), with a rule between sections.

use image::GrayImage;
use qrcode::{Color as QrColor, EcLevel, QrCode};

use madoguchi_linebreak::Rules;

use crate::canvas::{Canvas, Ink};
use crate::fonts::{self, family_for};
use crate::text::{TextStyle, Typesetter};
use crate::{PrintError, TicketLayout};

/// Font size the number is set in when it fits; it shrinks to fit narrower paper.
const NUMBER_SIZE: f32 = 200.0;
/// Smallest QR module accepted; a phone camera reads 4 dots (0.5 mm) reliably.
const MIN_QR_MODULE: u32 = 4;
const QR_QUIET_MODULES: u32 = 4;

/// Sizes scaled from the 576-dot (80 mm) design so 384-dot paper keeps the proportions.
struct Geometry {
    width: u32,
    margin: u32,
    gap: u32,
    scale: f32,
}

impl Geometry {
    fn new(width: u32) -> Self {
        let ratio = (width as f32 / 576.0).clamp(0.5, 2.0);
        Self {
            width,
            margin: (16.0 * ratio).round() as u32,
            gap: (14.0 * ratio).round() as u32,
            // Text shrinks less than the paper so 58 mm tickets stay readable.
            scale: 0.5 + ratio / 2.0,
        }
    }

    fn inner(&self) -> u32 {
        self.width - 2 * self.margin
    }

    fn size(&self, dots: f32) -> f32 {
        (dots * self.scale).round()
    }
}

/// Lays out and draws a whole ticket.
pub fn render_ticket(
    ts: &mut Typesetter,
    layout: &TicketLayout,
    width: u32,
) -> Result<GrayImage, PrintError> {
    if !(128..=4096).contains(&width) {
        return Err(PrintError::Render(format!(
            "a ticket must be 128 to 4096 dots wide, not {width}; use 576 for 80 mm paper or 384 for 58 mm."
        )));
    }
    let g = Geometry::new(width);
    let mut c = Canvas::new(width);
    let ja = fonts::JAPANESE;
    let local = family_for(&layout.lang);
    // Where lines break: Japanese by phrase, やさしい日本語 at its spaces (see `text`).
    let rules = Rules::for_lang(&layout.lang);
    let japanese = Rules::Japanese;
    let mut y = g.gap;

    // Header: site and area, Japanese always.
    y += text(
        ts,
        &mut c,
        &g,
        &layout.site_name,
        TextStyle::new(ja, g.size(30.0))
            .bold()
            .centered()
            .breaks(japanese),
        y,
    );
    y += text(
        ts,
        &mut c,
        &g,
        &layout.area,
        TextStyle::new(ja, g.size(24.0)).centered().breaks(rules),
        y,
    );
    y = rule(&mut c, &g, y);

    // The number, as large as fits.
    y += number(ts, &mut c, &g, &layout.number, y);

    // Service, visitor's language first, Japanese smaller for staff.
    y += text(
        ts,
        &mut c,
        &g,
        &layout.service_local,
        TextStyle::new(local, g.size(36.0))
            .bold()
            .centered()
            .breaks(rules),
        y,
    );
    if layout.service_ja != layout.service_local {
        y += text(
            ts,
            &mut c,
            &g,
            &layout.service_ja,
            TextStyle::new(ja, g.size(24.0)).centered().breaks(japanese),
            y,
        );
    }
    y = rule(&mut c, &g, y);

    // Time issued, people ahead, estimated wait.
    let body = TextStyle::new(local, g.size(26.0)).breaks(rules);
    for line in [&layout.issued_at, &layout.people_ahead, &layout.eta] {
        y += text(ts, &mut c, &g, line, body, y);
    }

    // Documents to have ready.
    if !layout.documents.is_empty() {
        y = rule(&mut c, &g, y);
        y += text(ts, &mut c, &g, &layout.documents_title, body.bold(), y);
        for doc in &layout.documents {
            y += bullet(ts, &mut c, &g, doc, body.size(g.size(24.0)), y);
        }
    }

    // Needs, white on a black band so staff see them at a glance.
    if !layout.needs.is_empty() {
        y += g.gap;
        y = needs_band(ts, &mut c, &g, &layout.needs, body, y);
    }

    // QR code to the status page, caption beside it (or below on narrow paper).
    if !layout.qr_url.is_empty() {
        y = rule(&mut c, &g, y);
        y = qr_section(ts, &mut c, &g, layout, body, y)?;
    }

    if !layout.footer.is_empty() {
        y = rule(&mut c, &g, y);
        y += text(
            ts,
            &mut c,
            &g,
            &layout.footer,
            body.size(g.size(20.0)).centered(),
            y,
        );
    }
    c.grow_to(y + g.gap);
    Ok(c.into_image())
}

/// Draws one wrapped paragraph across the inner width; empty strings take no space.
fn text(
    ts: &mut Typesetter,
    c: &mut Canvas,
    g: &Geometry,
    s: &str,
    style: TextStyle,
    y: u32,
) -> u32 {
    if s.trim().is_empty() {
        return 0;
    }
    ts.draw(c, s, &style, (g.margin, y), g.inner())
}

/// A rule line with a gap above and below; returns the new y.
fn rule(c: &mut Canvas, g: &Geometry, y: u32) -> u32 {
    let y = y + g.gap;
    let thickness = (2.0 * g.scale).round().max(1.0) as u32;
    c.hline(g.margin, g.width - g.margin, y, thickness);
    y + thickness + g.gap
}

fn number(ts: &mut Typesetter, c: &mut Canvas, g: &Geometry, number: &str, y: u32) -> u32 {
    let mut style = TextStyle::new(fonts::JAPANESE, g.size(NUMBER_SIZE))
        .bold()
        .centered()
        .leading(1.05);
    let w = ts.measure_width(number, &style);
    let inner = g.inner() as f32;
    if w > inner {
        style.size = (style.size * inner / w).floor().max(8.0);
    }
    ts.draw(c, number, &style, (g.margin, y), g.inner())
}

/// One list item with a hanging bullet: wrapped lines align with the first line's text.
fn bullet(
    ts: &mut Typesetter,
    c: &mut Canvas,
    g: &Geometry,
    item: &str,
    style: TextStyle,
    y: u32,
) -> u32 {
    let indent = (style.size * 1.2).round() as u32;
    let mark = TextStyle::new(fonts::LATIN, style.size).bold();
    ts.draw(c, "•", &mark, (g.margin + indent / 4, y), indent);
    ts.draw(c, item, &style, (g.margin + indent, y), g.inner() - indent)
}

fn needs_band(
    ts: &mut Typesetter,
    c: &mut Canvas,
    g: &Geometry,
    needs: &[String],
    body: TextStyle,
    y: u32,
) -> u32 {
    let pad = g.gap;
    let style = body.size(g.size(28.0)).bold().ink(Ink::White);
    let width = g.inner() - 2 * pad;
    let heights: Vec<u32> = needs
        .iter()
        .map(|n| ts.measure_height(n, &style, width))
        .collect();
    let band = heights.iter().sum::<u32>() + 2 * pad;
    c.fill(g.margin, y, g.inner(), band, 0);
    let mut line_y = y + pad;
    for (need, h) in needs.iter().zip(heights) {
        ts.draw(c, need, &style, (g.margin + pad, line_y), width);
        line_y += h;
    }
    y + band
}

fn qr_section(
    ts: &mut Typesetter,
    c: &mut Canvas,
    g: &Geometry,
    layout: &TicketLayout,
    body: TextStyle,
    y: u32,
) -> Result<u32, PrintError> {
    let code =
        QrCode::with_error_correction_level(layout.qr_url.as_bytes(), EcLevel::M).map_err(|e| {
            PrintError::Render(format!(
                "the status URL does not fit in a QR code ({e}); shorten it."
            ))
        })?;
    let modules = code.width() as u32 + 2 * QR_QUIET_MODULES;
    // About 45 % of the paper width, never under the minimum module size.
    let module = ((g.width * 45 / 100) / modules).clamp(MIN_QR_MODULE, 8);
    let side = modules * module;
    if side > g.inner() {
        return Err(PrintError::Render(
            "the status URL makes a QR code wider than the paper; shorten it.".to_owned(),
        ));
    }
    let caption = body.size(g.size(24.0));
    let beside = g.inner().saturating_sub(side + g.gap);
    let (qr_x, bottom) = if beside >= 160 {
        let text_h = ts.measure_height(&layout.qr_caption, &caption, beside);
        let text_y = y + side.saturating_sub(text_h) / 2;
        if !layout.qr_caption.is_empty() {
            ts.draw(
                c,
                &layout.qr_caption,
                &caption,
                (g.margin + side + g.gap, text_y),
                beside,
            );
        }
        (g.margin, y + side.max(text_h))
    } else {
        let h = text(ts, c, g, &layout.qr_caption, caption.centered(), y + side);
        ((g.width - side) / 2, y + side + h)
    };
    draw_qr(c, &code, qr_x, y, module);
    Ok(bottom)
}

fn draw_qr(c: &mut Canvas, code: &QrCode, x: u32, y: u32, module: u32) {
    let n = code.width();
    let quiet = QR_QUIET_MODULES * module;
    c.fill(
        x,
        y,
        (n as u32) * module + 2 * quiet,
        (n as u32) * module + 2 * quiet,
        255,
    );
    for (i, color) in code.to_colors().into_iter().enumerate() {
        if color == QrColor::Dark {
            let (mx, my) = ((i % n) as u32, (i / n) as u32);
            c.fill(
                x + quiet + mx * module,
                y + quiet + my * module,
                module,
                module,
                0,
            );
        }
    }
}
