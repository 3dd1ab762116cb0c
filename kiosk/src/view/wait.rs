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

/// The range to show for an estimate of `eta_min` with `ahead` people before the visitor: the
/// server's range, or its one number from a server without ranges (`0–0` though people wait).
pub fn shown_range(range: WaitRange, eta_min: u32, ahead: u32) -> WaitRange {
    if range.high_min == 0 && ahead > 0 {
        let n = eta_min.max(1);
        WaitRange {
            low_min: n,
            high_min: n,
        }
    } else {
        range
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_without_ranges_still_gives_its_one_number_not_next() {
        let i18n = Localizer::shipped().unwrap();
        let text = |range, eta, ahead| {
            let r = shown_range(range, eta, ahead);
            wait_text(&i18n, Lang::En, "ticket-eta", "ticket-eta-next", r)
        };
        assert_eq!(
            text(WaitRange::default(), 15, 4),
            "Estimated wait: about 15 min"
        );
        assert_eq!(text(WaitRange::default(), 0, 0), "You are next.");
        let r = WaitRange {
            low_min: 10,
            high_min: 20,
        };
        assert_eq!(text(r, 15, 4), "Estimated wait: about 10–20 min");
    }
}
