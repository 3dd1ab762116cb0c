//! Greedy line filling at the break opportunities: each line takes as many phrases (or
//! words) as fit. The caller measures, so the same code serves egui on the kiosk screen and
//! cosmic-text on the ticket, each with its real fonts.

use crate::{Rules, emergency_opportunities, opportunities};

/// The lines of `text` when set `max_width` wide, where `width` measures a piece of text
/// (no line break inside it) in the caller's font and units. Lines break only at the
/// opportunities of `rules`; a word wider than a whole line is split where kinsoku allows.
/// Spaces at the end of a line are dropped; `'\n'` always breaks. With
/// [`Rules::Renderer`] the paragraphs come back unwrapped: the renderer wraps them.
pub fn wrap(
    text: &str,
    rules: Rules,
    max_width: f32,
    mut width: impl FnMut(&str) -> f32,
) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        if rules == Rules::Renderer {
            lines.push(paragraph.to_owned());
            continue;
        }
        fill(paragraph, rules, max_width, &mut width, &mut lines);
    }
    lines
}

fn fill(
    paragraph: &str,
    rules: Rules,
    max_width: f32,
    width: &mut impl FnMut(&str) -> f32,
    lines: &mut Vec<String>,
) {
    let breaks = opportunities(paragraph, rules);
    let mut start = 0;
    loop {
        let rest = &paragraph[start..];
        if start > 0 && rest.trim_end().is_empty() {
            return;
        }
        if rest.trim_end().is_empty() || width(rest.trim_end()) <= max_width {
            lines.push(rest.trim_end().to_owned());
            return;
        }
        let mut end = None;
        for &b in breaks.iter().filter(|&&b| b > start) {
            if width(paragraph[start..b].trim_end()) <= max_width {
                end = Some(b);
            } else {
                break;
            }
        }
        let end = end.unwrap_or_else(|| {
            let word_end = breaks
                .iter()
                .copied()
                .find(|&b| b > start)
                .unwrap_or(paragraph.len());
            start + split_word(&paragraph[start..word_end], max_width, width)
        });
        lines.push(paragraph[start..end].trim_end().to_owned());
        start = end;
    }
}

/// Where to cut a word too wide for a line: the furthest place kinsoku allows that still
/// fits, or the first one (the line overflows rather than loops), or the whole word.
fn split_word(word: &str, max_width: f32, width: &mut impl FnMut(&str) -> f32) -> usize {
    let cuts = emergency_opportunities(word);
    let mut fit = None;
    for &cut in &cuts {
        if width(word[..cut].trim_end()) <= max_width {
            fit = Some(cut);
        } else {
            break;
        }
    }
    fit.or(cuts.first().copied()).unwrap_or(word.len())
}
