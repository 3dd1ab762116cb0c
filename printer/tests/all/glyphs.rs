//! Every language's sample strings draw with no missing glyph, complex scripts shape into
//! conjuncts and stacked accents, and Han characters take the face of the visitor's language.

use madoguchi_printer::{Renderer, fonts, sample};

#[test]
fn every_language_sample_has_no_missing_glyph() {
    let mut r = Renderer::new();
    assert_eq!(sample::LANGUAGES.len(), 11);
    for lang in sample::LANGUAGES {
        let strings = sample::strings_of(lang);
        assert!(strings.len() > 10, "{lang}: sample strings");
        for s in strings {
            let missing = r.missing_glyphs(lang, &s);
            assert!(missing.is_empty(), "{lang}: {missing:?} missing in {s:?}");
        }
    }
}

#[test]
fn word_joiners_used_for_easy_japanese_draw_nothing_missing() {
    let mut r = Renderer::new();
    assert!(
        r.missing_glyphs("ja-easy", "あなたの\u{2060}こと")
            .is_empty()
    );
}

#[test]
fn missing_glyphs_are_reported() {
    // U+267F (wheelchair symbol) is in none of the embedded subsets.
    let mut r = Renderer::new();
    assert_eq!(
        r.missing_glyphs("en", "\u{267F} Wheelchair"),
        vec!['\u{267F}']
    );
}

#[test]
fn nepali_conjuncts_shape_into_ligatures() {
    let mut r = Renderer::new();
    for conjunct in ["क्ष", "त्र", "द्ध", "ज्ञ", "श्र"] {
        let glyphs = r.faces_used("ne", conjunct);
        let chars = conjunct.chars().count();
        assert!(
            glyphs.len() < chars,
            "{conjunct}: {} glyphs for {chars} code points, so no conjunct was formed",
            glyphs.len()
        );
        assert!(
            glyphs.iter().all(|(_, face)| face == fonts::DEVANAGARI),
            "{glyphs:?}"
        );
        assert!(r.missing_glyphs("ne", conjunct).is_empty());
    }
}

#[test]
fn vietnamese_stacked_accents_come_from_the_latin_face() {
    let mut r = Renderer::new();
    // Both precomposed (NFC) and decomposed (NFD) input.
    for word in ["Nhận", "Người", "phút", "Nha\u{323}\u{302}n"] {
        assert!(r.missing_glyphs("vi", word).is_empty(), "{word}");
        let faces = r.faces_used("vi", word);
        assert!(
            faces.iter().all(|(_, face)| face == fonts::LATIN),
            "{word}: {faces:?}"
        );
    }
}

#[test]
fn han_characters_take_the_face_of_the_language() {
    let mut r = Renderer::new();
    let face_of = |r: &mut Renderer, lang: &str, text: &str| {
        r.faces_used(lang, text)
            .first()
            .map(|(_, f)| f.clone())
            .unwrap_or_default()
    };
    assert_eq!(face_of(&mut r, "ja", "直"), fonts::JAPANESE);
    assert_eq!(face_of(&mut r, "ja-easy", "直"), fonts::JAPANESE);
    assert_eq!(face_of(&mut r, "zh-Hans", "直"), fonts::CHINESE_SIMPLIFIED);
    assert_eq!(face_of(&mut r, "zh-Hant", "直"), fonts::CHINESE_TRADITIONAL);
    assert_eq!(face_of(&mut r, "ko", "번호"), fonts::KOREAN);
    // Japanese inside a Latin-language line falls back to the Japanese face.
    assert_eq!(face_of(&mut r, "vi", "交付通知書"), fonts::JAPANESE);
}
