//! The date as each caption language writes it (`11月25日(水)`, `Wed 25 Nov`, `Thứ Tư, 25/11`),
//! from the locale's `display-date`, `display-weekdays` and `display-months`.

use chrono::Datelike;
use madoguchi_protocol::{Lang, Timestamp};

use crate::i18n::Texts;

/// The date of `at` (in its own offset, JST on the board) in `lang`.
pub fn date_line(texts: &Texts, lang: Lang, at: Timestamp) -> String {
    let weekday = nth(
        texts,
        lang,
        "display-weekdays",
        at.weekday().num_days_from_monday(),
    );
    let monthname = nth(texts, lang, "display-months", at.month0());
    texts.args(
        lang,
        "display-date",
        &[
            ("weekday", weekday),
            ("day", at.day().to_string()),
            ("month", at.month().to_string()),
            ("monthname", monthname),
        ],
    )
}

/// Item `i` of a comma-separated list caption, or the number itself when the list is short.
fn nth(texts: &Texts, lang: Lang, key: &str, i: u32) -> String {
    let list = texts.get(lang, key);
    list.split(',')
        .nth(i as usize)
        .map(|s| s.trim().to_string())
        .unwrap_or_else(|| (i + 1).to_string())
}
