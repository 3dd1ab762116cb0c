//! Kinsoku shori (禁則処理): the characters a Japanese line may not start or end with, after
//! JIS X 4051 and the W3C "Requirements for Japanese Text Layout" (cl-02 to cl-07, cl-10,
//! cl-11, cl-19). A break opportunity next to one of them is removed, whatever proposed it.

/// Characters that may not start a line: closing brackets, 、。 and other stops, the
/// long-vowel mark, small kana, iteration marks, dashes and leaders that belong to the
/// character before them.
pub fn no_line_start(c: char) -> bool {
    matches!(
        c,
        // Commas and full stops (cl-06, cl-07), middle dots, colons (cl-05).
        '、' | '。' | '，' | '．' | ',' | '.' | '､' | '｡' | '・' | '･' | '：' | '；' | ':' | ';'
        // Question and exclamation marks (cl-04).
        | '？' | '！' | '?' | '!' | '‼' | '⁇' | '⁈' | '⁉'
        // Prolonged sound mark, iteration marks (cl-10).
        | 'ー' | 'ｰ' | 'ヽ' | 'ヾ' | 'ゝ' | 'ゞ' | '々' | '〻'
        // Hyphens and wave dashes (cl-03), leaders that must not be split (cl-08).
        | '‐' | '゠' | '–' | '〜' | '～' | '…' | '‥'
        // Units that follow a number.
        | '%' | '％' | '℃' | '°'
    ) || is_closing_bracket(c)
        || is_small_kana(c)
        || is_combining(c)
}

/// Closing brackets and quotes (cl-02).
pub fn is_closing_bracket(c: char) -> bool {
    matches!(
        c,
        ')' | ']'
            | '}'
            | '）'
            | '］'
            | '｝'
            | '〕'
            | '〉'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〙'
            | '〗'
            | '〟'
            | '’'
            | '”'
            | '｠'
            | '»'
    )
}

/// Characters that may not end a line: opening brackets and quotes (cl-01).
pub fn no_line_end(c: char) -> bool {
    matches!(
        c,
        '(' | '['
            | '{'
            | '（'
            | '［'
            | '｛'
            | '〔'
            | '〈'
            | '《'
            | '「'
            | '『'
            | '【'
            | '〘'
            | '〖'
            | '〝'
            | '‘'
            | '“'
            | '｟'
            | '«'
    )
}

/// Small hiragana and katakana (cl-11), full and half width.
pub fn is_small_kana(c: char) -> bool {
    matches!(
        c,
        'ぁ' | 'ぃ'
            | 'ぅ'
            | 'ぇ'
            | 'ぉ'
            | 'っ'
            | 'ゃ'
            | 'ゅ'
            | 'ょ'
            | 'ゎ'
            | 'ゕ'
            | 'ゖ'
            | 'ァ'
            | 'ィ'
            | 'ゥ'
            | 'ェ'
            | 'ォ'
            | 'ッ'
            | 'ャ'
            | 'ュ'
            | 'ョ'
            | 'ヮ'
            | 'ヵ'
            | 'ヶ'
            | '\u{31F0}'..='\u{31FF}'
            | 'ｧ'..='ｯ'
    )
}

/// Marks that attach to the character before them: combining voiced marks, variation
/// selectors, joiners.
fn is_combining(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{3099}'..='\u{309C}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{E0100}'..='\u{E01EF}'
            | '\u{200C}'..='\u{200D}'
            | '\u{2060}'
            | '\u{FF9E}'..='\u{FF9F}'
    )
}

/// Whether a line may break between `before` and `after` as far as kinsoku is concerned.
pub fn allows(before: char, after: char) -> bool {
    !no_line_end(before) && !no_line_start(after) && before != '\u{2060}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_kana_long_vowel_closing_brackets_and_stops_never_start_a_line() {
        for c in "ょゃゅっァッョーヶ」』）)】。、？！?!…・々".chars() {
            assert!(no_line_start(c), "{c}");
        }
        for c in "よやゆつアツヨカ「（窓書QR1".chars() {
            assert!(!no_line_start(c), "{c}");
        }
    }

    #[test]
    fn opening_brackets_never_end_a_line() {
        for c in "「『（(【〔".chars() {
            assert!(no_line_end(c), "{c}");
        }
        for c in "」』）)。、窓".chars() {
            assert!(!no_line_end(c), "{c}");
        }
    }

    #[test]
    fn allows_reads_both_sides() {
        assert!(allows('を', '確'));
        assert!(!allows('し', 'ょ'));
        assert!(!allows('「', '個'));
        assert!(!allows('ト', '」'));
        assert!(!allows('ド', '\u{3099}'));
    }
}
