//! Where a line of Japanese may break, for the kiosk screen and the printed ticket alike.
//! Japanese is written without spaces, and the Unicode line-breaking algorithm allows a break
//! between any two kanji (交付申請/書); BudouX (a small model of Japanese phrases, compiled in)
//! proposes breaks between phrases instead. やさしい日本語 is written with spaces between
//! words (分かち書き), so it breaks at spaces. Kinsoku rules then remove any break that would
//! start a line with a small kana, ー or a closing bracket, or end one with an opening
//! bracket, and keep a short bracketed group such as （お持ちの方） on one line. Other
//! languages keep their renderer's own wrapping. Pure: no fonts, no I/O; the
//! caller measures text (see [`wrap`]).

mod kinsoku;
mod wrap;

pub use kinsoku::{allows, is_closing_bracket, is_small_kana, no_line_end, no_line_start};
pub use wrap::wrap;

// `emergency_opportunities` and `loose_opportunities` are the fallbacks `wrap` uses.

use std::sync::OnceLock;

use budoux_phf_rs::Parser;

/// Which line-breaking rules a text follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Rules {
    /// Japanese: breaks between BudouX phrases and at spaces, with kinsoku.
    Japanese,
    /// やさしい日本語: breaks at spaces and after 、。!? only, with kinsoku.
    SpacedJapanese,
    /// Any other language: the renderer's own wrapping (UAX #14 in cosmic-text, egui's rules).
    Renderer,
}

impl Rules {
    /// The rules of a language code (`ja`, `ja-easy`, `en`, …; case-insensitive).
    pub fn for_lang(code: &str) -> Rules {
        let code = code.to_ascii_lowercase();
        if code == "ja-easy" {
            Rules::SpacedJapanese
        } else if code == "ja" || code.starts_with("ja-") || code.starts_with("ja_") {
            Rules::Japanese
        } else {
            Rules::Renderer
        }
    }
}

fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(Parser::japanese_parser)
}

/// The BudouX phrases of `text` (Japanese), as slices of it, before any kinsoku rule.
pub fn phrases(text: &str) -> Vec<&str> {
    parser().parse(text)
}

/// The byte offsets at which a new line may start, in increasing order, never 0 nor
/// `text.len()`. A `'\n'` is a forced break and is not listed. Empty for
/// [`Rules::Renderer`]: those languages keep their renderer's rules.
pub fn opportunities(text: &str, rules: Rules) -> Vec<usize> {
    breaks(text, rules, true)
}

/// Like [`opportunities`] but short bracketed groups may break too: the second choice for
/// a group too wide for a line, before [`emergency_opportunities`].
pub fn loose_opportunities(text: &str, rules: Rules) -> Vec<usize> {
    breaks(text, rules, false)
}

fn breaks(text: &str, rules: Rules, keep_groups: bool) -> Vec<usize> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        let proposed = match rules {
            Rules::Japanese => japanese(line),
            Rules::SpacedJapanese => spaced(line),
            Rules::Renderer => Vec::new(),
        };
        let groups = if keep_groups {
            short_groups(line)
        } else {
            Vec::new()
        };
        out.extend(
            proposed
                .into_iter()
                .filter(|&i| i > 0 && i < line.len() && allowed(line, i, rules))
                .filter(|&i| !groups.iter().any(|&(open, close)| open < i && i <= close))
                .map(|i| start + i),
        );
        start += line.len() + 1;
    }
    out.dedup();
    out
}

/// Where a word wider than the whole line may be split as a last resort: between any two
/// characters that kinsoku allows (never before a space or inside a run of Latin letters or
/// digits when a better place exists, but a line must end somewhere).
pub fn emergency_opportunities(text: &str) -> Vec<usize> {
    text.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i > 0 && break_ok(text, i))
        .collect()
}

/// Phrase starts proposed by BudouX, the first character after each run of spaces, and
/// punctuation BudouX may keep inside a phrase: before an opening bracket, after 、。?!.
fn japanese(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = 0;
    for phrase in phrases(line) {
        out.push(at);
        at += phrase.len();
    }
    out.extend(after_spaces(line));
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if no_line_end(c) || prev.is_some_and(ends_clause) {
            out.push(i);
        }
        prev = Some(c);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// A bracketed group this short stays on one line: a break inside （お持ちの方） would leave
/// 「方）」 alone on the next.
const SHORT_GROUP: usize = 8;

/// The byte ranges (after the opening bracket, up to the closing one) of bracketed groups of
/// at most [`SHORT_GROUP`] characters.
fn short_groups(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, c) in line.char_indices() {
        if no_line_end(c) {
            open = Some((i + c.len_utf8(), 0));
        } else if let Some((start, count)) = open {
            if is_closing_bracket(c) {
                if count <= SHORT_GROUP {
                    out.push((start, i));
                }
                open = None;
            } else {
                open = Some((start, count + 1));
            }
        }
    }
    out
}

/// Punctuation that ends a clause: a line may break after it.
fn ends_clause(c: char) -> bool {
    matches!(c, '、' | '。' | '，' | '！' | '？' | '!' | '?')
}

/// After each run of spaces, and after a Japanese comma, full stop, ? or !.
fn spaced(line: &str) -> Vec<usize> {
    let mut out = after_spaces(line);
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if prev.is_some_and(ends_clause) {
            out.push(i);
        }
        prev = Some(c);
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn after_spaces(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut prev_space = false;
    for (i, c) in line.char_indices() {
        let space = c.is_whitespace();
        if prev_space && !space {
            out.push(i);
        }
        prev_space = space;
    }
    out
}

/// Whether the break BudouX or a space proposed at `i` survives: not before a space, not
/// inside a Latin word or a number, and allowed by kinsoku.
fn allowed(line: &str, i: usize, rules: Rules) -> bool {
    let (Some(before), Some(after)) = (line[..i].chars().next_back(), line[i..].chars().next())
    else {
        return false;
    };
    let inside_latin = rules == Rules::Japanese
        && is_narrow(before)
        && is_narrow(after)
        && (before.is_alphanumeric() || after.is_alphanumeric());
    !inside_latin && break_ok(line, i)
}

fn break_ok(line: &str, i: usize) -> bool {
    match (line[..i].chars().next_back(), line[i..].chars().next()) {
        (Some(before), Some(after)) => {
            !after.is_whitespace() && before != '\n' && after != '\n' && allows(before, after)
        }
        _ => false,
    }
}

/// Letters, digits and signs of scripts written with spaces (Latin and the like); a break
/// between two of them is inside a word or a number unless punctuation ends one (`?(`).
fn is_narrow(c: char) -> bool {
    (c as u32) < 0x2E80 && !c.is_whitespace()
}

#[cfg(test)]
mod tests;
