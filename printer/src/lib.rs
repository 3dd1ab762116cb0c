//! Ticket printing for madoguchi: lay a ticket out, render it to a bitmap with cosmic-text
//! (so every language prints on every ESC/POS printer), encode it as ESC/POS raster bands,
//! and send it to the printer named by a printer spec.
//!
//! PUBLIC API CONTRACT: the kiosk is written against the items below. Keep every signature;
//! add new items freely. The strings of a [`TicketLayout`] arrive already localized: this
//! crate knows nothing of locales.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};

mod canvas;
pub mod decode;
mod driver;
pub mod encode;
pub mod fonts;
pub mod sample;
mod spec;
pub mod status;
pub mod text;
mod ticket;

pub use driver::{PrintReport, find_usblp};
pub use encode::{MAX_BAND_HEIGHT, threshold};
pub use status::PrinterStatus;
pub use text::Typesetter;

/// What goes on a ticket, top to bottom, every string already in its language.
#[derive(Debug, Clone, PartialEq)]
pub struct TicketLayout {
    /// BCP 47 code of the visitor's language (`ja`, `vi`, `ne`, `zh-Hans`…): picks the font
    /// for Han characters (Japanese forms for `ja`, Chinese for `zh-*`).
    pub lang: String,
    /// e.g. `八幡西区役所 市民課` (Japanese always, for staff and visitor alike).
    pub site_name: String,
    /// Counter area / floor, e.g. `4F マイナンバーカード窓口`.
    pub area: String,
    /// The number, printed very large, e.g. `A-023`.
    pub number: String,
    /// Service in the visitor's language, e.g. `Nhận thẻ`.
    pub service_local: String,
    /// Service in Japanese, for staff, e.g. `カード受け取り`.
    pub service_ja: String,
    /// e.g. `2026-11-25 09:41` (already formatted).
    pub issued_at: String,
    /// e.g. `Người đang chờ trước bạn: 4`.
    pub people_ahead: String,
    /// e.g. `Thời gian chờ dự kiến: khoảng 15 phút`.
    pub eta: String,
    /// Heading of the documents list, e.g. `Hãy chuẩn bị sẵn:`.
    pub documents_title: String,
    pub documents: Vec<String>,
    /// Needs marks in words, e.g. `♿ 車いす / Xe lăn` (empty: no needs section).
    pub needs: Vec<String>,
    /// The ticket's status page; encoded in the QR code.
    pub qr_url: String,
    /// Caption beside the QR code, e.g. `Scan to see your place in the queue`.
    pub qr_caption: String,
    pub footer: String,
}

/// Where a ticket goes, parsed from `tcp:HOST:PORT`, `usb:VID:PID`, `file:PATH`, `png:PATH`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PrinterSpec {
    Tcp {
        host: String,
        port: u16,
    },
    Usb {
        vendor_id: u16,
        product_id: u16,
    },
    /// A serial port, e.g. `serial:/dev/ttyUSB0:9600`.
    Serial {
        path: String,
        baud: u32,
    },
    File(PathBuf),
    Png(PathBuf),
}

/// Why a ticket did not print. `Display` is a sentence for staff.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error(
        "Unknown printer spec \"{0}\": use tcp:HOST:PORT, usb:VID:PID, serial:DEVICE:BAUD, file:PATH or png:PATH."
    )]
    BadSpec(String),
    #[error("The printer is offline or unreachable: {0}")]
    Offline(String),
    #[error("The printer is out of paper.")]
    PaperOut,
    #[error("The printer's cover is open.")]
    CoverOpen,
    #[error("Could not render the ticket: {0}")]
    Render(String),
    #[error("Printing failed: {0}")]
    Io(String),
}

impl std::str::FromStr for PrinterSpec {
    type Err = PrintError;
    fn from_str(spec: &str) -> Result<Self, Self::Err> {
        spec::parse(spec)
    }
}

/// Renders tickets, holding the font system that costs time to build: keep one and reuse it.
/// The free functions [`render`] and [`print`] share one behind a lock.
pub struct Renderer {
    typesetter: Typesetter,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    pub fn new() -> Self {
        Self {
            typesetter: Typesetter::new(),
        }
    }

    /// See [`render`].
    pub fn render(
        &mut self,
        layout: &TicketLayout,
        width_dots: u32,
    ) -> Result<image::GrayImage, PrintError> {
        ticket::render_ticket(&mut self.typesetter, layout, width_dots)
    }

    /// Like [`Renderer::render`], also returning every block of text drawn with the lines
    /// cosmic-text laid it out in, so tests can check where lines broke.
    pub fn render_lines(
        &mut self,
        layout: &TicketLayout,
        width_dots: u32,
    ) -> Result<(image::GrayImage, Vec<text::DrawnText>), PrintError> {
        self.typesetter.record();
        let image = ticket::render_ticket(&mut self.typesetter, layout, width_dots);
        let drawn = self.typesetter.take_recorded();
        Ok((image?, drawn))
    }

    /// Characters of `text` no embedded font can draw in the font chosen for `lang`.
    pub fn missing_glyphs(&mut self, lang: &str, text: &str) -> Vec<char> {
        self.typesetter
            .missing_glyphs(text, fonts::family_for(lang))
    }

    /// Each shaped cluster of `text` in `lang` with the family name of the face that drew it.
    pub fn faces_used(&mut self, lang: &str, text: &str) -> Vec<(String, String)> {
        self.typesetter.faces_used(text, fonts::family_for(lang))
    }
}

/// Paper width of an 80 mm printer at 203 dpi.
pub const WIDTH_80MM: u32 = 576;
/// Paper width of a 58 mm printer at 203 dpi.
pub const WIDTH_58MM: u32 = 384;

static SHARED: OnceLock<Mutex<Renderer>> = OnceLock::new();

/// Runs `f` with the process-wide renderer, building it on first use.
pub fn with_renderer<R>(f: impl FnOnce(&mut Renderer) -> R) -> R {
    let lock = SHARED.get_or_init(|| Mutex::new(Renderer::new()));
    // A panic while rendering leaves no broken invariant in the font cache: carry on.
    let mut renderer = lock
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    f(&mut renderer)
}

/// Builds the shared renderer now (loading the fonts) and renders a few sample tickets to
/// fill the glyph cache (the big digits cost most), so the first visitor's ticket prints
/// fast. Call it at kiosk start-up, e.g. on a background thread.
pub fn warm_up() {
    with_renderer(|r| {
        for lang in ["ja", "en"] {
            if let Some(layout) = sample::ticket(lang) {
                let mut layout = layout;
                layout.number = "A-0123456789".to_owned();
                // Only the cache matters here; a failure shows again on the real ticket.
                let _ = r.render(&layout, WIDTH_80MM);
            }
        }
    });
}

/// Asks the printer for its real-time status (every transport but `png:`; `None` for a
/// printer that does not answer).
pub fn status(spec: &PrinterSpec) -> Result<Option<PrinterStatus>, PrintError> {
    if matches!(spec, PrinterSpec::Png(_)) {
        return Ok(None);
    }
    let driver = driver::open(spec)?;
    let status = driver::query_status(driver.as_ref(), &spec.to_string());
    Ok(status.answered().then_some(status))
}

/// Sends already-encoded ESC/POS bytes to a printer, reading its status before and after
/// (`png:` is refused: it needs a bitmap).
pub fn send(spec: &PrinterSpec, bytes: &[u8]) -> Result<PrintReport, PrintError> {
    let driver = driver::open(spec)?;
    driver::send_via(driver.as_ref(), &spec.to_string(), bytes)
}

/// Renders the ticket to a 1-bit-ready grayscale bitmap `width_dots` wide (576 for 80 mm paper,
/// 384 for 58 mm). Black is 0, white is 255.
pub fn render(layout: &TicketLayout, width_dots: u32) -> Result<image::GrayImage, PrintError> {
    with_renderer(|r| r.render(layout, width_dots))
}

/// The ESC/POS bytes for a rendered ticket: initialize, raster image in GS v 0 bands, feed, cut.
/// Gray values under 128 print black (see [`threshold`]).
pub fn encode(image: &image::GrayImage) -> Vec<u8> {
    encode::encode(image)
}

/// Renders, encodes and sends a ticket to the printer (for `png:` it writes the bitmap).
/// Tickets are 576 dots wide (80 mm paper). See [`print_with_report`] for the status.
pub fn print(spec: &PrinterSpec, layout: &TicketLayout) -> Result<(), PrintError> {
    print_with_report(spec, layout).map(|_| ())
}

/// [`print`], answering what the printer said before and after the ticket (paper near end).
pub fn print_with_report(
    spec: &PrinterSpec,
    layout: &TicketLayout,
) -> Result<PrintReport, PrintError> {
    let image = render(layout, WIDTH_80MM)?;
    match spec {
        PrinterSpec::Png(path) => image.save(path).map(|()| PrintReport::default()).map_err(|e| {
            PrintError::Io(format!(
                "could not write the preview {} ({e}); check that the folder exists and is writable.",
                path.display()
            ))
        }),
        _ => send(spec, &encode(&image)),
    }
}
