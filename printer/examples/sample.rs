//! Writes a sample ticket as a PNG preview (and the ESC/POS bytes beside it) so the layout
//! can be looked at: `cargo run -p madoguchi-printer --example sample -- <lang> <out.png> [width_dots]`.

use std::process::ExitCode;
use std::time::Instant;

use madoguchi_printer::{PrinterSpec, encode, render, sample, send};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let lang = args.first().map_or("ja", String::as_str);
    let out = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| format!("target/ticket-samples/{lang}.png"));
    let width: u32 = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(576);
    let Some(layout) = sample::ticket(lang) else {
        eprintln!(
            "No sample for \"{lang}\": use one of {}.",
            sample::LANGUAGES.join(", ")
        );
        return ExitCode::FAILURE;
    };
    if let Some(dir) = std::path::Path::new(&out).parent() {
        let _ = std::fs::create_dir_all(dir);
    }
    let started = Instant::now();
    let result = render(&layout, width).and_then(|image| {
        let first = started.elapsed();
        let again = Instant::now();
        let image2 = render(&layout, width)?;
        let bytes = encode(&image2);
        let second = again.elapsed();
        image.save(&out).map_err(|e| madoguchi_printer::PrintError::Io(e.to_string()))?;
        send(&PrinterSpec::File(format!("{out}.escpos").into()), &bytes)?;
        println!(
            "{out}: {}x{} dots, {} bytes; first render {} ms (fonts loaded), next render+encode {} ms",
            image.width(),
            image.height(),
            bytes.len(),
            first.as_millis(),
            second.as_millis()
        );
        Ok(())
    });
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
