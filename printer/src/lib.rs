//! Ticket printing for madoguchi: lay a ticket out, render it to a bitmap with cosmic-text
//! (so every language prints on every ESC/POS printer), encode it as ESC/POS raster bands,
//! and send it to the printer named by a printer spec.
//!
//! PUBLIC API CONTRACT: the kiosk is written against the items below. Keep every signature;
//! add new items freely. The strings of a [`TicketLayout`] arrive already localized: this
//! crate knows nothing of locales.

use std::path::PathBuf;

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
    Tcp { host: String, port: u16 },
    Usb { vendor_id: u16, product_id: u16 },
    File(PathBuf),
    Png(PathBuf),
}

/// Why a ticket did not print. `Display` is a sentence for staff.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("Unknown printer spec \"{0}\": use tcp:HOST:PORT, usb:VID:PID, file:PATH or png:PATH.")]
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
        let _ = spec;
        todo!("printer")
    }
}

/// Renders the ticket to a 1-bit-ready grayscale bitmap `width_dots` wide (576 for 80 mm paper,
/// 384 for 58 mm). Black is 0, white is 255.
pub fn render(layout: &TicketLayout, width_dots: u32) -> Result<image::GrayImage, PrintError> {
    let _ = (layout, width_dots);
    todo!("printer")
}

/// The ESC/POS bytes for a rendered ticket: initialize, raster image in GS v 0 bands, feed, cut.
pub fn encode(image: &image::GrayImage) -> Vec<u8> {
    let _ = image;
    todo!("printer")
}

/// Renders, encodes and sends a ticket to the printer (for `png:` it writes the bitmap).
/// Reads the printer's status first where the connection allows it.
pub fn print(spec: &PrinterSpec, layout: &TicketLayout) -> Result<(), PrintError> {
    let _ = (spec, layout);
    todo!("printer")
}
