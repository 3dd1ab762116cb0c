//! Japanese line breaks as a visitor sees them (issue 10): on every printed ticket of the
//! shipped 八幡西 site and for every kiosk text at every width the screens use, no line in
//! ja or ja-easy starts with a small kana, a long-vowel mark, a closing bracket or 、。, no
//! line ends with an opening bracket, and no line breaks inside a word: a BudouX phrase for
//! Japanese (the model is asked directly here), a space-delimited word for やさしい日本語. A
//! word wider than the whole line is the one exception, and only with the rules above.

use std::collections::BTreeSet;

use bevy_egui::egui;
use madoguchi_kiosk::i18n::{Arg, Localizer, source};
use madoguchi_kiosk::ui::{fonts, text};
use madoguchi_kiosk::{sample, ticket};
use madoguchi_linebreak::Rules;
use madoguchi_printer::text::{TextStyle, Typesetter};
use madoguchi_printer::{Renderer, WIDTH_58MM, WIDTH_80MM};
use madoguchi_protocol::{Lang, Needs};

/// Small kana, the long-vowel mark, closing brackets and stops: never at a line start.
/// Written out here rather than taken from the code under test.
const NO_START: &str = "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶー」』）)】〕〉》］]｝}、。，．,.！？!?…‥・：:；;";
/// Opening brackets: never at a line end.
const NO_END: &str = "「『（(【〔〈《［[｛{";

/// Where a line may break without splitting a word: after a space or a clause's 、。!?;
/// for Japanese also before an opening bracket and at a BudouX phrase boundary.
fn word_boundaries(text: &str, lang: Lang) -> BTreeSet<usize> {
    let mut out = BTreeSet::new();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        if prev.is_some_and(|p| p.is_whitespace() || "、。，！？!?".contains(p))
            || (lang == Lang::Ja && NO_END.contains(c))
        {
            out.insert(i);
        }
        prev = Some(c);
    }
    if lang == Lang::Ja {
        let parser = budoux_phf_rs::Parser::japanese_parser();
        let mut start = 0;
        for paragraph in text.split('\n') {
            let mut at = start;
            for phrase in parser.parse(paragraph) {
                out.insert(at);
                at += phrase.len();
            }
            start += paragraph.len() + 1;
        }
    }
    out
}

/// The word around `at`: between the boundaries either side of it, where a boundary that
/// kinsoku forbids (before a closing bracket, a small kana…; after an opening bracket)
/// does not count, since the characters either side must stay on one line.
fn word_around(text: &str, lang: Lang, at: usize) -> &str {
    let usable = |b: usize| {
        let before = text[..b].chars().next_back();
        let after = text[b..].chars().next();
        !after.is_some_and(|c| NO_START.contains(c)) && !before.is_some_and(|c| NO_END.contains(c))
    };
    let bounds = word_boundaries(text, lang);
    let start = bounds
        .range(..at)
        .rev()
        .copied()
        .find(|&b| usable(b))
        .unwrap_or(0);
    let end = bounds
        .range(at + 1..)
        .copied()
        .find(|&b| usable(b))
        .unwrap_or(text.len());
    text[start..end].trim()
}

/// Checks the lines a renderer produced for `text`; `too_wide` says whether a word is wider
/// than the line by itself. Returns the failures as sentences.
fn check(
    what: &str,
    text: &str,
    lang: Lang,
    lines: &[String],
    mut too_wide: impl FnMut(&str) -> bool,
) -> Vec<String> {
    let mut failures = Vec::new();
    let bounds = word_boundaries(text, lang);
    let mut at = 0;
    for (i, line) in lines.iter().enumerate() {
        let skipped_from = at;
        while let Some(c) = text[at..].chars().next().filter(|c| c.is_whitespace()) {
            at += c.len_utf8();
        }
        let forced = text[skipped_from..at].contains('\n');
        if !text[at..].starts_with(line.as_str()) {
            failures.push(format!(
                "{what}: line {line:?} is not the text at {at} of {text:?}"
            ));
            return failures;
        }
        let first = line.chars().next();
        let last = line.chars().next_back();
        if i > 0 && !forced {
            if first.is_some_and(|c| NO_START.contains(c)) {
                failures.push(format!("{what}: line {i} starts with {first:?}: {lines:?}"));
            }
            if !bounds.contains(&at) && !too_wide(word_around(text, lang, at)) {
                failures.push(format!(
                    "{what}: breaks inside the word {:?}: {lines:?}",
                    word_around(text, lang, at)
                ));
            }
        }
        if i + 1 < lines.len() && last.is_some_and(|c| NO_END.contains(c)) {
            failures.push(format!("{what}: line {i} ends with {last:?}: {lines:?}"));
        }
        at += line.len();
    }
    failures
}

#[test]
fn every_line_of_every_japanese_ticket_at_yahatanishi_breaks_between_words() {
    let i18n = Localizer::shipped().expect("locales");
    let site = sample::site_of(sample::DEFAULT_SITE).expect("shipped site");
    assert_eq!(site.name_ja, "八幡西区役所");
    let every_need = Needs {
        braille_form: true,
        wheelchair: true,
        written: true,
        interpreter: true,
        help: true,
        other: true,
    };
    let mut renderer = Renderer::new();
    let mut measure = Typesetter::new();
    let mut failures = Vec::new();
    let mut lines_checked = 0;
    let services: Vec<_> = site.services.iter().filter(|s| s.kiosk).collect();
    assert!(services.len() >= 8, "{services:?}");
    for service in services {
        for lang in [Lang::Ja, Lang::JaEasy] {
            for needs in [Needs::default(), every_need] {
                let issued = sample::issued_at(&site, &service.id, lang, needs);
                let layout = ticket::layout(&i18n, lang, &issued, Some(&site));
                for width in [WIDTH_80MM, WIDTH_58MM] {
                    let (_, drawn) = renderer.render_lines(&layout, width).expect("render");
                    for block in drawn {
                        let what = format!("{} {} {width} dots", service.id, lang.code());
                        lines_checked += block.lines.len();
                        let rules_lang = match block.style.breaks {
                            Rules::Japanese => Lang::Ja,
                            Rules::SpacedJapanese => Lang::JaEasy,
                            Rules::Renderer => {
                                // The number and the bullet: nothing the renderer may wrap.
                                assert_eq!(block.lines.len(), 1, "{what}: {block:?}");
                                continue;
                            }
                        };
                        let style: TextStyle = block.style;
                        let too_wide =
                            |word: &str| measure.measure_width(word, &style) > block.width as f32;
                        failures.extend(check(
                            &what,
                            &block.text,
                            rules_lang,
                            &block.lines,
                            too_wide,
                        ));
                    }
                }
            }
        }
    }
    assert!(lines_checked > 500, "{lines_checked}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Sample values for the Fluent variables a text uses (found in the shipped sources).
fn sample_args(lang: Lang) -> Vec<(String, Arg)> {
    let mut names = BTreeSet::new();
    for part in source(lang).split("{ $").skip(1) {
        let name: String = part
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '_')
            .collect();
        names.insert(name);
    }
    names
        .into_iter()
        .map(|name| {
            let value = match name.as_str() {
                "count" | "minutes" | "seconds" | "number" | "n" => Arg::Num(12),
                _ => Arg::Str("八幡西区役所".to_owned()),
            };
            (name, value)
        })
        .collect()
}

#[test]
fn every_japanese_kiosk_text_breaks_between_words_at_every_screen_width() {
    let i18n = Localizer::shipped().expect("locales");
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let mut failures = Vec::new();
    let mut rows_checked = 0;
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        let ctx = ui.ctx();
        for lang in [Lang::Ja, Lang::JaEasy] {
            let args = sample_args(lang);
            let args: Vec<(&str, Arg)> =
                args.iter().map(|(n, v)| (n.as_str(), v.clone())).collect();
            let keys = i18n.keys(lang);
            assert!(keys.len() > 100, "{lang:?}: {}", keys.len());
            let mut boxes: Vec<(u32, u32)> = Vec::new();
            for window in [egui::vec2(1080.0, 1920.0), egui::vec2(1920.0, 1080.0)] {
                for large in [false, true] {
                    for (w, size) in text::text_boxes(window, large) {
                        boxes.push((w.round() as u32, (size * 4.0).round() as u32));
                    }
                }
            }
            boxes.sort_unstable();
            boxes.dedup();
            for key in &keys {
                let s = i18n.t_args(lang, key, &args);
                for &(w, size4) in &boxes {
                    let (width, size) = (w as f32, size4 as f32 / 4.0);
                    let galley = text::paragraph(
                        ctx,
                        lang,
                        &s,
                        size,
                        size * 1.3,
                        egui::Color32::BLACK,
                        width,
                    );
                    let rows = text::rows(&galley);
                    rows_checked += rows.len();
                    for row in &galley.rows {
                        if row.row.size.x > width + 0.5 && row.row.glyphs.len() > 1 {
                            failures.push(format!("{key} ({lang:?}) overflows {width}: {rows:?}"));
                        }
                    }
                    let format = egui::TextFormat::simple(
                        egui::FontId::new(size, fonts::family(lang)),
                        egui::Color32::BLACK,
                    );
                    let too_wide = |word: &str| {
                        let job =
                            egui::text::LayoutJob::single_section(word.to_owned(), format.clone());
                        ctx.fonts_mut(|f| f.layout_job(job)).size().x > width
                    };
                    let what = format!("{key} ({}) at {width} × {size}", lang.code());
                    failures.extend(check(&what, &s, lang, &rows, too_wide));
                }
            }
        }
    });
    output.textures_delta.clear();
    assert!(rows_checked > 10_000, "{rows_checked}");
    failures.dedup();
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
