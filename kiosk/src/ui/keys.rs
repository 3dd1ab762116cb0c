//! Keyboard and keypad keys → the keys speech mode understands. A USB 12-key or numeric
//! keypad and the keyboard both work: digits from the number row or the keypad (keypad keys
//! are read by position, so 8 is 8 with NumLock on or off), Enter/Space to select,
//! Backspace/Escape/keypad `.` to go back, arrows, and the keypad's `+ - * /`.
//!
//! `#` is taken from the character the keyboard layout types (`Key::Character("#")`), not from
//! a key position: it is Shift+3 on US and JIS keyboards but a key of its own beside Enter on
//! UK ones, and phone-style keypads send `NumpadHash`. Keyboards without a keypad also get
//! `+ - * /` from the characters they type.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyCode, KeyboardInput};
use bevy::prelude::MessageReader;

use crate::speech::SpeechKey;

/// The speech key of a pressed key, if it is one.
pub fn speech_key(code: KeyCode, logical: &Key) -> Option<SpeechKey> {
    if let Key::Character(c) = logical {
        match c.as_str() {
            "#" => return Some(SpeechKey::Hash),
            "+" => return Some(SpeechKey::Plus),
            "*" => return Some(SpeechKey::Star),
            "-" => return Some(SpeechKey::Minus),
            "/" => return Some(SpeechKey::Slash),
            _ => {}
        }
    }
    let digit = |n| Some(SpeechKey::Digit(n));
    match code {
        KeyCode::Digit0 | KeyCode::Numpad0 => digit(0),
        KeyCode::Digit1 | KeyCode::Numpad1 => digit(1),
        KeyCode::Digit2 | KeyCode::Numpad2 => digit(2),
        KeyCode::Digit3 | KeyCode::Numpad3 => digit(3),
        KeyCode::Digit4 | KeyCode::Numpad4 => digit(4),
        KeyCode::Digit5 | KeyCode::Numpad5 => digit(5),
        KeyCode::Digit6 | KeyCode::Numpad6 => digit(6),
        KeyCode::Digit7 | KeyCode::Numpad7 => digit(7),
        KeyCode::Digit8 | KeyCode::Numpad8 => digit(8),
        KeyCode::Digit9 | KeyCode::Numpad9 => digit(9),
        KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Space => Some(SpeechKey::Enter),
        KeyCode::Backspace
        | KeyCode::Escape
        | KeyCode::NumpadDecimal
        | KeyCode::NumpadBackspace => Some(SpeechKey::Back),
        KeyCode::ArrowUp => Some(SpeechKey::Up),
        KeyCode::ArrowDown => Some(SpeechKey::Down),
        KeyCode::NumpadAdd => Some(SpeechKey::Plus),
        KeyCode::NumpadSubtract => Some(SpeechKey::Minus),
        KeyCode::NumpadMultiply | KeyCode::NumpadStar => Some(SpeechKey::Star),
        KeyCode::NumpadDivide => Some(SpeechKey::Slash),
        KeyCode::NumpadHash => Some(SpeechKey::Hash),
        _ => None,
    }
}

/// The speech keys pressed since the last frame (held keys' repeats are not presses).
pub fn pressed(input: &mut MessageReader<KeyboardInput>) -> Vec<SpeechKey> {
    input
        .read()
        .filter(|k| k.state == ButtonState::Pressed && !k.repeat)
        .filter_map(|k| speech_key(k.key_code, &k.logical_key))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: &str) -> Key {
        Key::Character(c.into())
    }

    #[test]
    fn digits_come_from_the_number_row_and_the_keypad_with_numlock_on_or_off() {
        assert_eq!(
            speech_key(KeyCode::Digit5, &ch("5")),
            Some(SpeechKey::Digit(5))
        );
        assert_eq!(
            speech_key(KeyCode::Numpad5, &ch("5")),
            Some(SpeechKey::Digit(5))
        );
        // NumLock off: keypad 8 types ArrowUp but is still the key marked 8.
        assert_eq!(
            speech_key(KeyCode::Numpad8, &Key::ArrowUp),
            Some(SpeechKey::Digit(8))
        );
        assert_eq!(
            speech_key(KeyCode::Numpad0, &Key::Insert),
            Some(SpeechKey::Digit(0))
        );
    }

    #[test]
    fn select_back_and_arrows() {
        for code in [KeyCode::Enter, KeyCode::NumpadEnter, KeyCode::Space] {
            assert_eq!(speech_key(code, &Key::Enter), Some(SpeechKey::Enter));
        }
        for code in [
            KeyCode::Backspace,
            KeyCode::Escape,
            KeyCode::NumpadDecimal,
            KeyCode::NumpadBackspace,
        ] {
            assert_eq!(speech_key(code, &Key::Backspace), Some(SpeechKey::Back));
        }
        // Keypad `.` with NumLock on types "." (or "," on some layouts): still Back.
        assert_eq!(
            speech_key(KeyCode::NumpadDecimal, &ch(".")),
            Some(SpeechKey::Back)
        );
        assert_eq!(
            speech_key(KeyCode::ArrowUp, &Key::ArrowUp),
            Some(SpeechKey::Up)
        );
        assert_eq!(
            speech_key(KeyCode::ArrowDown, &Key::ArrowDown),
            Some(SpeechKey::Down)
        );
    }

    #[test]
    fn keypad_operators_and_hash_whatever_the_layout() {
        let cases = [
            (KeyCode::NumpadAdd, ch("+"), SpeechKey::Plus),
            (KeyCode::NumpadSubtract, ch("-"), SpeechKey::Minus),
            (KeyCode::NumpadMultiply, ch("*"), SpeechKey::Star),
            (KeyCode::NumpadDivide, ch("/"), SpeechKey::Slash),
            (KeyCode::NumpadHash, Key::Dead(None), SpeechKey::Hash),
            (KeyCode::NumpadStar, ch("*"), SpeechKey::Star),
            // US and JIS: Shift+3 types "#".
            (KeyCode::Digit3, ch("#"), SpeechKey::Hash),
            // UK: # has a key of its own (Backslash position).
            (KeyCode::Backslash, ch("#"), SpeechKey::Hash),
            // JIS: Shift+; types "+" beside L.
            (KeyCode::Semicolon, ch("+"), SpeechKey::Plus),
        ];
        for (code, logical, want) in cases {
            assert_eq!(
                speech_key(code, &logical),
                Some(want),
                "{code:?} {logical:?}"
            );
        }
        // UK Shift+3 types "£": it is the digit key, not #.
        assert_eq!(
            speech_key(KeyCode::Digit3, &ch("£")),
            Some(SpeechKey::Digit(3))
        );
        assert_eq!(speech_key(KeyCode::KeyA, &ch("a")), None);
        assert_eq!(speech_key(KeyCode::F5, &Key::F5), None);
    }
}
