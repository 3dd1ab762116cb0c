//! The kiosk's other subcommands: `decode-ticket`, `bench`, `tour` and `speech-script`.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use anyhow::Context;
use madoguchi_printer::PrinterSpec;
use madoguchi_protocol::{Lang, Needs};

use crate::config::{Command, Settings};
use crate::flow::{Effect, KioskEvent, KioskState};
use crate::i18n::Localizer;
use crate::speech::walk;
use crate::triage::TriageTree;
use crate::{sample, ticket, ui, view};

/// Runs one subcommand.
pub fn run(
    command: Command,
    settings: &Settings,
    i18n: Arc<Localizer>,
    tree: Arc<TriageTree>,
) -> anyhow::Result<()> {
    match command {
        Command::TestPrint { .. } => anyhow::bail!("test-print is handled by main"),
        Command::SpeechBench { .. } => anyhow::bail!("speech-bench is handled by main"),
        Command::DecodeTicket { file, png } => decode_ticket(&file, &png),
        Command::Bench { iterations } => bench(&i18n, &tree, iterations.max(1)),
        Command::ShrinkPngs { files, scale } => shrink_pngs(&files, scale),
        Command::SpeechScript { lang } => {
            let lang = parse_lang(&lang)?;
            print_all(&speech_script(i18n, tree, &settings.site, lang)?)
        }
        Command::Tour { out, langs } => {
            let langs = parse_langs(&langs)?;
            ui::tour::run(i18n, tree, &langs, out, settings.window)
        }
    }
}

/// Resizes PNGs in place by `scale` (screenshots kept in the repository stay small).
fn shrink_pngs(files: &[std::path::PathBuf], scale: f32) -> anyhow::Result<()> {
    anyhow::ensure!(
        scale > 0.0 && scale <= 1.0,
        "The scale must be between 0 and 1, e.g. 0.5."
    );
    for f in files {
        let img = image::open(f)
            .with_context(|| format!("Could not read {} as an image.", f.display()))?
            .to_rgb8();
        let (w, h) = img.dimensions();
        let (nw, nh) = (
            ((w as f32 * scale).round() as u32).max(1),
            ((h as f32 * scale).round() as u32).max(1),
        );
        image::imageops::resize(&img, nw, nh, image::imageops::FilterType::Triangle)
            .save(f)
            .with_context(|| format!("Could not write {}.", f.display()))?;
    }
    Ok(())
}

/// Parses one language code.
pub fn parse_lang(code: &str) -> anyhow::Result<Lang> {
    Lang::from_code(code.trim()).with_context(|| {
        format!(
            "Unknown language \"{code}\": use one of {}.",
            Lang::ALL.map(Lang::code).join(", ")
        )
    })
}

/// What speech mode says along every path of the tree at `site` in `lang`: a header line per
/// screen (the keys pressed since the kiosk was idle, the screen), then one phrase per line
/// (a phrase in another language than `lang` starts with its code).
pub fn speech_script(
    i18n: Arc<Localizer>,
    tree: Arc<TriageTree>,
    site: &str,
    lang: Lang,
) -> anyhow::Result<String> {
    let config = madoguchi_engine::Config::shipped();
    let info = sample::site_of(site).with_context(|| {
        format!(
            "Unknown site \"{site}\": use one of {}.",
            config.site_ids().join(", ")
        )
    })?;
    let name = info.name_ja.clone();
    let heard = walk::every_path(walk::Headless::new(tree, i18n, info), lang);
    let mut out = format!(
        "# What speech mode says in {} at {name} ({site}), along every path of the triage tree\n",
        lang.native_name()
    );
    for h in heard {
        let keys: Vec<String> = h.keys.iter().map(|k| walk::key_label(*k)).collect();
        out.push_str(&format!("\n## [{}] {}\n", keys.join(" "), h.screen));
        for p in h.phrases {
            let code = if p.lang == lang {
                String::new()
            } else {
                format!("({}) ", p.lang.code())
            };
            out.push_str(&format!("{code}{}\n", p.text));
        }
    }
    Ok(out)
}

/// Writes `text` to stdout; a reader that stops early (`| head`) is not an error.
fn print_all(text: &str) -> anyhow::Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Parses `ja,en,…` (or `all`).
pub fn parse_langs(list: &str) -> anyhow::Result<Vec<Lang>> {
    if list == "all" {
        return Ok(Lang::ALL.to_vec());
    }
    list.split(',')
        .map(|c| {
            Lang::from_code(c.trim()).with_context(|| {
                format!(
                    "Unknown language \"{c}\": use some of {} (comma-separated) or all.",
                    Lang::ALL.map(Lang::code).join(", ")
                )
            })
        })
        .collect()
}

/// Decodes what a `file:` printer received back into the printed image.
pub fn decode_ticket(file: &Path, png: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file)
        .with_context(|| format!("Could not read {}: check the path.", file.display()))?;
    let commands = madoguchi_printer::decode::decode(&bytes).with_context(|| {
        format!(
            "{} is not an ESC/POS ticket this kiosk printed",
            file.display()
        )
    })?;
    let image = madoguchi_printer::decode::raster_image(&commands)?
        .with_context(|| format!("{} holds no raster image", file.display()))?;
    image
        .save(png)
        .with_context(|| format!("Could not write {}: check the folder.", png.display()))?;
    println!(
        "Decoded {} ({} commands) to {} ({}×{} dots).",
        file.display(),
        commands.len(),
        png.display(),
        image.width(),
        image.height()
    );
    Ok(())
}

/// The process's peak resident memory in MB (VmHWM), where /proc tells it.
pub fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb.div_ceil(1024))
}

/// Confirm tap → stubbed server answer → layout → render → encode → last byte written to a
/// `file:` printer, per language; plus one egui frame of the ticket screen with every font.
fn bench(i18n: &Localizer, tree: &Arc<TriageTree>, iterations: u32) -> anyhow::Result<()> {
    let dir = std::env::temp_dir().join(format!("madoguchi-kiosk-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let spec = PrinterSpec::File(dir.join("ticket.bin"));
    let pickup = tree
        .purposes
        .iter()
        .position(|p| p.label == "purpose-pickup")
        .context("the triage tree has no purpose-pickup")?;
    // The UI's memory: an egui context with every font, drawing the ticket screen.
    let ctx = bevy_egui::egui::Context::default();
    ui::fonts::install(&ctx);
    println!(
        "{:<10} {:>8} {:>8} {:>8}",
        "lang", "min_ms", "median", "max_ms"
    );
    let mut worst_median = 0.0f64;
    for lang in Lang::ALL {
        let mut times = Vec::new();
        for _ in 0..iterations {
            let mut k = KioskState::new(tree.clone());
            k.apply(
                KioskEvent::SiteLoaded(Box::new(sample::site())),
                Duration::ZERO,
            );
            for e in [
                KioskEvent::ChooseLang(lang),
                KioskEvent::ChoosePurpose(pickup),
                KioskEvent::Answer(0),
            ] {
                k.apply(e, Duration::ZERO);
            }
            let start = Instant::now();
            let effects = k.apply(KioskEvent::Confirm, Duration::ZERO);
            anyhow::ensure!(
                matches!(effects.as_slice(), [Effect::Issue { .. }]),
                "confirm did not issue"
            );
            let issued = sample::issued("pickup", lang, Needs::default());
            let effects = k.apply(
                KioskEvent::Issued {
                    attempt: k.attempts,
                    issued: Box::new(issued),
                },
                Duration::ZERO,
            );
            let Some(Effect::Print { issued, lang }) = effects.into_iter().next() else {
                anyhow::bail!("the issued ticket was not sent to the printer");
            };
            let layout = ticket::layout(i18n, lang, &issued, Some(&sample::site()));
            madoguchi_printer::print(&spec, &layout)?;
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            let v = view::build(&k, i18n, Duration::ZERO);
            let mut out = ctx.run_ui(ui_input(), |ui| {
                ui::draw::draw(ui, &v);
            });
            out.textures_delta.clear();
        }
        times.sort_by(f64::total_cmp);
        let median = times[times.len() / 2];
        worst_median = worst_median.max(median);
        println!(
            "{:<10} {:>8.1} {:>8.1} {:>8.1}",
            lang.code(),
            times[0],
            median,
            times[times.len() - 1]
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
    let rss = peak_rss_mb().unwrap_or(0);
    println!(
        "(median of {iterations} runs per language; the first run includes loading the fonts)"
    );
    println!(
        "summary: confirm_to_printer_ms={} rss_mb={rss}",
        worst_median.ceil() as u64
    );
    Ok(())
}

fn ui_input() -> bevy_egui::egui::RawInput {
    bevy_egui::egui::RawInput {
        screen_rect: Some(bevy_egui::egui::Rect::from_min_size(
            Default::default(),
            bevy_egui::egui::vec2(1080.0, 1920.0),
        )),
        ..Default::default()
    }
}
