//! Greedy line filling at the break opportunities: each line takes as many phrases (or
//! words) as fit. The caller measures, so the same code serves egui on the kiosk screen and
//! cosmic-text on the ticket, each with its real fonts.

use crate::{Rules, emergency_opportunities, loose_opportunities, opportunities};

/// The lines of `text` when set `max_width` wide, where `width` measures a piece of text
/// (no line break inside it) in the caller's font and units. Lines break only at the
/// opportunities of `rules`; a unit wider than a whole line (a short bracketed group kept
/// together) breaks at its phrases, and a word wider than a line where kinsoku allows.
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
            let unit = &paragraph[start..word_end];
            start + split_word(unit, rules, max_width, width)
        });
        lines.push(paragraph[start..end].trim_end().to_owned());
        start = end;
    }
}

/// Where to cut a unit too wide for a line: the furthest phrase boundary that fits, else
/// the furthest place kinsoku allows that fits, else the first such place (the line
/// overflows rather than loops), else the whole unit.
fn split_word(
    word: &str,
    rules: Rules,
    max_width: f32,
    width: &mut impl FnMut(&str) -> f32,
) -> usize {
    let furthest = |cuts: &[usize], width: &mut dyn FnMut(&str) -> f32| {
        cuts.iter()
            .copied()
            .take_while(|&cut| width(word[..cut].trim_end()) <= max_width)
            .last()
    };
    if let Some(cut) = furthest(&loose_opportunities(word, rules), width) {
        return cut;
    }
    let cuts = emergency_opportunities(word);
    furthest(&cuts, width)
        .or(cuts.first().copied())
        .unwrap_or(word.len())
}
