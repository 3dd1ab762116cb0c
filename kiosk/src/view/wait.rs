//! How an estimated wait reads: a range of minutes ("about 10–20 min", `約10〜20分`) in the
//! language's way of writing one, never a single number the visitor would take as a promise.

use madoguchi_protocol::{Lang, WaitRange};

use crate::i18n::Localizer;

/// The range as `lang` writes it (`10–20`, `10〜20`); one number when both ends are equal.
pub fn range_text(i18n: &Localizer, lang: Lang, range: WaitRange) -> String {
    if range.low_min >= range.high_min {
        return range.high_min.to_string();
    }
    i18n.t_args(
        lang,
        "wait-range",
        &[
            ("low", range.low_min.into()),
            ("high", range.high_min.into()),
        ],
    )
}

/// `key`'s sentence with the range as its `$range`, or `next_key`'s when nobody is ahead (`0–0`).
pub fn wait_text(
    i18n: &Localizer,
    lang: Lang,
    key: &str,
    next_key: &str,
    range: WaitRange,
) -> String {
    if range.high_min == 0 {
        return i18n.t(lang, next_key);
    }
    i18n.t_args(
        lang,
        key,
        &[("range", range_text(i18n, lang, range).into())],
    )
}
