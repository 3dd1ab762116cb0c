use super::*;

/// `text` cut at its opportunities, to read the tests as data.
fn pieces(text: &str, rules: Rules) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for end in opportunities(text, rules).into_iter().chain([text.len()]) {
        out.push(&text[start..end]);
        start = end;
    }
    out
}

/// Wraps with every character one unit wide (a full-width font, roughly).
fn wrap_chars(text: &str, rules: Rules, width: usize) -> Vec<String> {
    wrap(text, rules, width as f32, |s| s.chars().count() as f32)
}

#[test]
fn japanese_breaks_between_phrases_not_inside_words() {
    assert_eq!(
        pieces("QRコードで順番を確認できます", Rules::Japanese),
        ["QRコードで", "順番を", "確認できます"]
    );
    assert_eq!(
        pieces("交付申請書の発行", Rules::Japanese),
        ["交付申請書の", "発行"]
    );
    assert_eq!(pieces("大きな文字", Rules::Japanese), ["大きな", "文字"]);
}

#[test]
fn japanese_keeps_brackets_with_their_phrase_and_breaks_after_spaces() {
    let text =
        "ご自分のスマートフォンから「個人番号カードオンライン申請サイト」で申請してください。";
    for piece in pieces(text, Rules::Japanese) {
        let first = piece.chars().next().unwrap();
        let last = piece.chars().next_back().unwrap();
        assert!(!no_line_start(first), "{piece}");
        assert!(!no_line_end(last), "{piece}");
    }
    assert_eq!(
        pieces("北九州市 マイナンバーカード窓口", Rules::Japanese)[0],
        "北九州市 "
    );
}

#[test]
fn a_short_bracketed_group_stays_whole_a_long_one_may_break() {
    let text = "通知カード・住民基本台帳カード（お持ちの方）";
    let pieces_of = pieces(text, Rules::Japanese);
    assert!(
        pieces_of.iter().any(|p| p.contains("（お持ちの方）")),
        "{pieces_of:?}"
    );
    let long = "本人確認書類(運転免許証、パスポート、在留カードなど)";
    assert!(
        pieces(long, Rules::Japanese).len() >= 3,
        "{:?}",
        pieces(long, Rules::Japanese)
    );
}

#[test]
fn a_bracketed_group_too_wide_for_the_line_breaks_at_its_phrases_first() {
    // "（じゅうしょ など）" is kept with "かえる" until that no longer fits on a line.
    assert_eq!(
        wrap_chars("かえる（じゅうしょ など）", Rules::SpacedJapanese, 10),
        ["かえる（じゅうしょ", "など）"]
    );
}

#[test]
fn japanese_breaks_between_a_question_mark_and_an_opening_bracket() {
    let pieces_of = pieces("持っていますか?(更新・再発行)", Rules::Japanese);
    assert_eq!(pieces_of.last(), Some(&"(更新・再発行)"), "{pieces_of:?}");
}

#[test]
fn japanese_never_breaks_inside_latin_words_or_numbers() {
    for piece in pieces("申請書IDを持っていますか? 123 番", Rules::Japanese) {
        assert!(!piece.starts_with('D'), "{piece}");
        assert!(
            !piece.starts_with('2') && !piece.starts_with('3'),
            "{piece}"
        );
    }
}

#[test]
fn easy_japanese_breaks_at_spaces_and_after_stops_only() {
    assert_eq!(
        pieces(
            "しょくいんが きます。ここで まって ください。",
            Rules::SpacedJapanese
        ),
        [
            "しょくいんが ",
            "きます。",
            "ここで ",
            "まって ",
            "ください。"
        ]
    );
    assert_eq!(
        pieces("くやくしょで ききます", Rules::SpacedJapanese),
        ["くやくしょで ", "ききます"]
    );
    // "(" may not end a line, so the word before it keeps it.
    assert_eq!(
        pieces("もの(うんてん めんきょしょう)", Rules::SpacedJapanese),
        ["もの(うんてん ", "めんきょしょう)"]
    );
}

#[test]
fn other_languages_are_left_to_the_renderer() {
    assert!(opportunities("Bring your notice card", Rules::Renderer).is_empty());
    assert_eq!(
        wrap("Bring your\nnotice card", Rules::Renderer, 3.0, |_| 100.0),
        ["Bring your", "notice card"]
    );
}

#[test]
fn rules_follow_the_language_code() {
    assert_eq!(Rules::for_lang("ja"), Rules::Japanese);
    assert_eq!(Rules::for_lang("JA-easy"), Rules::SpacedJapanese);
    assert_eq!(Rules::for_lang("zh-Hans"), Rules::Renderer);
    assert_eq!(Rules::for_lang("en"), Rules::Renderer);
}

#[test]
fn wrap_fills_lines_greedily_at_phrases() {
    assert_eq!(
        wrap_chars("QRコードで順番を確認できます", Rules::Japanese, 9),
        ["QRコードで順番を", "確認できます"]
    );
    assert_eq!(
        wrap_chars(
            "しょくいんが きます。ここで まって ください。",
            Rules::SpacedJapanese,
            12
        ),
        ["しょくいんが きます。", "ここで まって", "ください。"]
    );
    assert_eq!(
        wrap_chars("一行目\n二行目", Rules::Japanese, 10),
        ["一行目", "二行目"]
    );
}

#[test]
fn a_word_wider_than_the_line_splits_where_kinsoku_allows() {
    // 8 wide: the cut would leave "ょ" first; kinsoku moves it back one character.
    let lines = wrap_chars("こうふしんせいしょ", Rules::SpacedJapanese, 8);
    assert_eq!(lines, ["こうふしんせい", "しょ"]);
    let lines = wrap_chars("くやくしょくやくしょ", Rules::SpacedJapanese, 4);
    for line in &lines {
        assert!(!no_line_start(line.chars().next().unwrap()), "{lines:?}");
        assert!(line.chars().count() <= 4, "{lines:?}");
    }
    assert_eq!(lines.concat(), "くやくしょくやくしょ");
}

#[test]
fn a_single_character_wider_than_the_line_still_ends() {
    assert_eq!(wrap_chars("窓口", Rules::Japanese, 0), ["窓", "口"]);
    assert_eq!(wrap_chars("", Rules::Japanese, 5), [""]);
}

#[test]
fn spaces_at_a_break_are_dropped() {
    assert_eq!(
        wrap_chars("カードを もらう", Rules::SpacedJapanese, 5),
        ["カードを", "もらう"]
    );
}

#[test]
fn emergency_cuts_respect_kinsoku() {
    let cuts = emergency_opportunities("しょー」");
    assert!(cuts.is_empty(), "{cuts:?}");
    assert_eq!(emergency_opportunities("あい"), [3]);
}
