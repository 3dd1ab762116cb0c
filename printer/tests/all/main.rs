//! Integration tests of the printer crate, in one binary so the embedded fonts are linked once.

mod encode_decode;
mod fake_printer;
mod glyphs;
mod japanese_lines;
mod spec;
mod tcp;
mod usb_file_png;

use madoguchi_printer::{TicketLayout, sample};

/// The sample ticket for `lang`; every language in `sample::LANGUAGES` has one.
fn ticket(lang: &str) -> TicketLayout {
    sample::ticket(lang).unwrap_or_else(|| panic!("no sample ticket for {lang}"))
}

/// A fresh scratch directory under cargo's per-test temp dir.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("printer-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}
