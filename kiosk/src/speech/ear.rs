//! Screen texts written for the ear: what a synthesizer of the visitor's language can say.
//! The screen shows Japanese words beside the translation (the visitor may show them to staff:
//! `Notice postcard (交付通知書)`, `Card handover / 交付窓口`); an English or Vietnamese voice
//! cannot read them, so they are left out there. Separators become pauses, a range of minutes
//! `10–20` is said "10 to 20", the screen's short `min` becomes a word, `4F` becomes the floor
//! as the language says it, and a ticket number `A-023` is said as a letter and a number.

use madoguchi_protocol::Lang;

use crate::i18n::Localizer;

/// Whether the voice of `lang` reads Chinese characters (kana are Japanese only).
fn reads_han(lang: Lang) -> bool {
    matches!(lang, Lang::Ja | Lang::JaEasy | Lang::ZhHans | Lang::ZhHant)
}

fn is_kana(c: char) -> bool {
    ('\u{3040}'..='\u{30ff}').contains(&c)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// Whether the voice of `lang` cannot say `s` (Japanese it does not read).
fn unreadable(lang: Lang, s: &str) -> bool {
    match lang {
        Lang::Ja => false,
        // やさしい日本語 writes the reading first and the kanji in brackets after it.
        Lang::JaEasy => s.chars().any(is_han),
        Lang::ZhHans | Lang::ZhHant => s.chars().any(is_kana),
        _ => s.chars().any(|c| is_kana(c) || is_han(c)),
    }
}

/// The short forms the screens use, and the word to say (word boundaries only).
const SHORT: [(Lang, &str, &str); 2] = [(Lang::En, "min", "minutes"), (Lang::Pt, "min", "minutos")];

/// `text` as the voice of `lang` should say it; `None` when nothing sayable is left.
pub fn for_ear(i18n: &Localizer, lang: Lang, text: &str) -> Option<String> {
    let mut s = ranges(i18n, lang, &brackets(lang, text));
    // "local / 日本語": the Japanese half of a place name.
    if s.contains(" / ") {
        let parts: Vec<&str> = s.split(" / ").collect();
        let kept: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| !unreadable(lang, p))
            .collect();
        let pause = if reads_han(lang) { "、" } else { ", " };
        s = if kept.is_empty() { parts } else { kept }.join(pause);
    }
    let mut dropped = false;
    if !reads_han(lang) || lang == Lang::JaEasy {
        // Japanese left outside brackets (an address): the voice would spell it out.
        s = s
            .chars()
            .map(|c| {
                if unreadable(lang, &c.to_string()) {
                    dropped = true;
                    ' '
                } else {
                    c
                }
            })
            .collect();
    }
    let pause = if reads_han(lang) { "、" } else { ", " };
    s = s
        .replace(" · ", pause)
        .replace(['·', '・'], pause)
        .replace('…', "");
    let words: Vec<String> = s.split_whitespace().map(|w| word(i18n, lang, w)).collect();
    let s = words
        .join(" ")
        .replace(" ,", ",")
        .replace(" .", ".")
        .replace(" 、", "、")
        .replace(" 。", "。");
    let s = s.trim().trim_end_matches([',', '、']).trim();
    // "Address: 3" is what is left of a Japanese address: nothing to say.
    let value = s.rsplit([':', '：']).next().unwrap_or(s);
    let sayable = s.chars().any(char::is_alphanumeric)
        && !s.ends_with([':', '：'])
        && (!dropped || value.chars().any(char::is_alphabetic));
    sayable.then(|| s.to_owned())
}

/// One word: a short form spelled out, a floor (`4F`) as the language says it.
fn word(i18n: &Localizer, lang: Lang, w: &str) -> String {
    let core = w.trim_end_matches([',', '.', ')']);
    let tail = &w[core.len()..];
    if let Some((_, _, long)) = SHORT
        .iter()
        .find(|(l, short, _)| *l == lang && *short == core)
    {
        return format!("{long}{tail}");
    }
    if let Some(n) = core.strip_suffix('F').filter(|n| !n.is_empty())
        && n.chars().all(|c| c.is_ascii_digit())
    {
        let floor = i18n.t_args(lang, "speech-floor", &[("floor", n.to_owned().into())]);
        return format!("{floor}{tail}");
    }
    w.to_owned()
}

/// The dashes of a range of minutes (`10–20`, `10〜20`, `10~20`) between digits: voices say
/// nothing or "wave dash" for them, so the range is said in words ("10 to 20", `10から20`).
fn ranges(i18n: &Localizer, lang: Lang, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let start = i;
            while i < chars.len() && chars[i].is_ascii_digit() {
                i += 1;
            }
            let low: String = chars[start..i].iter().collect();
            let dash = chars
                .get(i)
                .is_some_and(|c| matches!(c, '–' | '〜' | '~' | '～'));
            let high_end = chars[(i + 1).min(chars.len())..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            if dash && high_end > 0 {
                let high: String = chars[i + 1..i + 1 + high_end].iter().collect();
                out.push_str(&i18n.t_args(
                    lang,
                    "speech-range",
                    &[("low", low.into()), ("high", high.into())],
                ));
                i += 1 + high_end;
            } else {
                out.push_str(&low);
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Brackets `( )` / `（ ）` with Japanese the voice cannot read: those items left out, and the
/// brackets too when nothing is left.
fn brackets(lang: Lang, text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find(['(', '（']) {
        let open_len = rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = rest[open..].find([')', '）']) else {
            break;
        };
        let close = open + close;
        let close_len = rest[close..].chars().next().map_or(1, char::len_utf8);
        let inner = &rest[open + open_len..close];
        out.push_str(&rest[..open]);
        let items: Vec<&str> = inner
            .split([',', '、', '，'])
            .map(str::trim)
            .filter(|i| !i.is_empty() && !unreadable(lang, i))
            .collect();
        if items.len() == inner.split([',', '、', '，']).count() {
            out.push_str(&rest[open..close + close_len]);
        } else if !items.is_empty() {
            let sep = if reads_han(lang) { "、" } else { ", " };
            out.push_str(&rest[open..open + open_len]);
            out.push_str(&items.join(sep));
            out.push_str(&rest[close..close + close_len]);
        }
        rest = &rest[close + close_len..];
    }
    out.push_str(rest);
    out
}

/// A ticket number `A-023` as a letter and a number, in `lang`.
pub fn ticket_number(i18n: &Localizer, lang: Lang, number: &str) -> String {
    let letters: String = number.chars().take_while(|c| c.is_alphabetic()).collect();
    let digits: String = number.chars().filter(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) if !letters.is_empty() => i18n.t_args(
            lang,
            "speech-ticket-number",
            &[("letter", letters.into()), ("number", n.into())],
        ),
        Ok(n) => i18n.t_args(lang, "speech-ticket-number-only", &[("number", n.into())]),
        Err(_) => i18n.t_args(
            lang,
            "speech-ticket-number-only",
            &[("number", number.to_owned().into())],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn japanese_beside_a_translation_is_left_to_voices_that_read_it() {
        let i18n = Localizer::shipped().unwrap();
        let ear = |lang, s: &str| for_ear(&i18n, lang, s);
        assert_eq!(
            ear(Lang::En, "Notice postcard (交付通知書)").as_deref(),
            Some("Notice postcard")
        );
        assert_eq!(
            ear(Lang::Vi, "Giấy báo nhận thẻ (bưu thiếp, 交付通知書)").as_deref(),
            Some("Giấy báo nhận thẻ (bưu thiếp)")
        );
        assert_eq!(
            ear(Lang::Ja, "交付通知書(はがき)").as_deref(),
            Some("交付通知書(はがき)")
        );
        assert_eq!(
            ear(Lang::JaEasy, "こうふつうちしょ（交付通知書）の はがき").as_deref(),
            Some("こうふつうちしょの はがき")
        );
        assert_eq!(ear(Lang::En, "Address: 北九州市八幡西区黒崎3丁目"), None);
        assert_eq!(
            ear(Lang::En, "3 waiting · about 12 min").as_deref(),
            Some("3 waiting, about 12 minutes")
        );
        assert_eq!(
            ear(Lang::Ja, "待っている人 3人・約12分").as_deref(),
            Some("待っている人 3人、約12分")
        );
    }

    #[test]
    fn a_range_of_minutes_is_said_in_words() {
        let i18n = Localizer::shipped().unwrap();
        let ear = |lang, s: &str| for_ear(&i18n, lang, s);
        assert_eq!(
            ear(Lang::En, "3 waiting · about 10–20 min").as_deref(),
            Some("3 waiting, about 10 to 20 minutes")
        );
        assert_eq!(ear(Lang::Ja, "約10〜20分").as_deref(), Some("約10から20分"));
        assert_eq!(
            ear(Lang::Ko, "약 10~20분").as_deref(),
            Some("약 10에서 20분")
        );
        // A ticket number's hyphen is not a range.
        assert_eq!(ear(Lang::En, "A-023").as_deref(), Some("A-023"));
    }

    #[test]
    fn a_floor_and_a_place_with_its_japanese_name() {
        let i18n = Localizer::shipped().unwrap();
        let en = for_ear(&i18n, Lang::En, "4F Card handover / 交付窓口").unwrap();
        assert_eq!(
            en,
            format!(
                "{} Card handover",
                i18n.t_args(Lang::En, "speech-floor", &[("floor", "4".into())])
            )
        );
        let ja = for_ear(&i18n, Lang::Ja, "4F 交付窓口").unwrap();
        assert!(ja.starts_with("4階"), "{ja}");
    }

    #[test]
    fn ticket_numbers_are_a_letter_and_a_number() {
        let i18n = Localizer::shipped().unwrap();
        let en = ticket_number(&i18n, Lang::En, "A-023");
        assert!(
            en.contains("A") && en.contains("23") && !en.contains("023"),
            "{en}"
        );
        let ja = ticket_number(&i18n, Lang::Ja, "B-105");
        assert!(ja.contains("B") && ja.contains("105"), "{ja}");
    }
}
