//! ESC/POS real-time status (`DLE EOT n`): the requests, and the pure decoding of the
//! printer's one-byte answers into a [`PrinterStatus`] and, when printing would fail, a
//! [`PrintError`].

use crate::PrintError;
use crate::encode::{DLE, EOT};

/// `DLE EOT 1`: printer status (bit 3 offline).
pub const PRINTER: u8 = 1;
/// `DLE EOT 2`: offline cause (bit 2 cover open, bit 5 stopped at paper end, bit 6 error).
pub const OFFLINE_CAUSE: u8 = 2;
/// `DLE EOT 4`: roll paper sensor (bits 2–3 near end, bits 5–6 paper end).
pub const PAPER: u8 = 4;

/// The request bytes for one status kind.
pub fn request(kind: u8) -> [u8; 3] {
    [DLE, EOT, kind]
}

/// A real-time status byte always has bit 1 and bit 4 set and bits 0 and 7 clear; anything
/// else is not an answer to our request.
pub fn is_status_byte(b: u8) -> bool {
    b & 0b1001_0011 == 0b0001_0010
}

/// What the printer told us; `None` where it did not answer.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrinterStatus {
    pub printer: Option<u8>,
    pub offline_cause: Option<u8>,
    pub paper: Option<u8>,
}

impl PrinterStatus {
    /// Records the answer to `kind`, ignoring bytes that are not status bytes.
    pub fn record(&mut self, kind: u8, answer: u8) {
        if !is_status_byte(answer) {
            return;
        }
        match kind {
            PRINTER => self.printer = Some(answer),
            OFFLINE_CAUSE => self.offline_cause = Some(answer),
            PAPER => self.paper = Some(answer),
            _ => {}
        }
    }

    /// True if the printer answered at all.
    pub fn answered(&self) -> bool {
        self.printer.is_some() || self.offline_cause.is_some() || self.paper.is_some()
    }

    pub fn cover_open(&self) -> bool {
        self.offline_cause.is_some_and(|b| b & 0x04 != 0)
    }

    pub fn paper_out(&self) -> bool {
        self.paper.is_some_and(|b| b & 0x60 != 0)
            || self.offline_cause.is_some_and(|b| b & 0x20 != 0)
    }

    pub fn paper_near_end(&self) -> bool {
        self.paper.is_some_and(|b| b & 0x0C != 0)
    }

    pub fn offline(&self) -> bool {
        self.printer.is_some_and(|b| b & 0x08 != 0)
    }

    pub fn error(&self) -> bool {
        self.offline_cause.is_some_and(|b| b & 0x40 != 0)
    }

    /// `Ok` if a ticket can be printed now (or the printer did not say), else why not.
    /// Cover open wins over paper out because an open cover also reads as "no paper".
    pub fn check(&self) -> Result<(), PrintError> {
        if self.cover_open() {
            Err(PrintError::CoverOpen)
        } else if self.paper_out() {
            Err(PrintError::PaperOut)
        } else if self.error() {
            Err(PrintError::Offline(
                "it reports an error (a paper jam or cutter fault): open it, clear the paper and close it."
                    .to_owned(),
            ))
        } else if self.offline() {
            Err(PrintError::Offline(
                "it reports being offline: check that it is switched on and its cover is shut."
                    .to_owned(),
            ))
        } else {
            Ok(())
        }
    }
}
