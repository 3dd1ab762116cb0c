//! Typing on the reservation pad with a keyboard or a barcode scanner that acts as one (it
//! types the reference and presses Enter): letters, digits and `-` type, Enter checks in,
//! Backspace (or the keypad's `.`) deletes, Escape goes back. In speech mode `ui::speech` sends
//! the keypad's keys through speech mode instead, and only the rest (letters) comes here.

use bevy::input::ButtonState;
use bevy::input::keyboard::{Key, KeyCode, KeyboardInput};
use bevy::prelude::*;

use super::app::Kiosk;
use super::speech::Speech;
use crate::flow::{EntryKey, KioskEvent, Screen};

pub fn plugin(app: &mut App) {
    app.add_systems(
        Update,
        typing.run_if(resource_exists::<Kiosk>.and_then(not(resource_exists::<Speech>))),
    );
}

/// The flow event of a key pressed on the reservation pad, if it is one.
pub fn entry_event(code: KeyCode, logical: &Key) -> Option<KioskEvent> {
    let key = |k| Some(KioskEvent::BookingKey(k));
    // Keypad digits by position: NumLock off, 8 still types 8.
    let pad = [
        KeyCode::Numpad0,
        KeyCode::Numpad1,
        KeyCode::Numpad2,
        KeyCode::Numpad3,
        KeyCode::Numpad4,
        KeyCode::Numpad5,
        KeyCode::Numpad6,
        KeyCode::Numpad7,
        KeyCode::Numpad8,
        KeyCode::Numpad9,
    ];
    if let Some(d) = pad.iter().position(|c| *c == code) {
        return key(EntryKey::Char(char::from(b'0' + d as u8)));
    }
    match code {
        KeyCode::Enter | KeyCode::NumpadEnter => return Some(KioskEvent::SubmitBooking),
        KeyCode::Backspace | KeyCode::NumpadBackspace | KeyCode::NumpadDecimal => {
            return key(EntryKey::Erase);
        }
        KeyCode::Delete => return key(EntryKey::Clear),
        KeyCode::Escape => return Some(KioskEvent::Back),
        _ => {}
    }
    let Key::Character(s) = logical else {
        return None;
    };
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some('#'), None) => Some(KioskEvent::Back),
        (Some(c), None) if c.is_ascii_alphanumeric() || c == '-' => key(EntryKey::Char(c)),
        _ => None,
    }
}

/// Whether the kiosk shows the reservation pad.
pub fn on_pad(kiosk: &Kiosk) -> bool {
    matches!(kiosk.state.screen, Screen::BookingEntry { .. })
}

/// A window without speech mode: keys type on the reservation pad.
fn typing(mut kiosk: ResMut<Kiosk>, mut keyboard: MessageReader<KeyboardInput>) {
    let pressed: Vec<KioskEvent> = keyboard
        .read()
        .filter(|k| k.state == ButtonState::Pressed && !k.repeat)
        .filter_map(|k| entry_event(k.key_code, &k.logical_key))
        .collect();
    if !on_pad(&kiosk) {
        return;
    }
    for ev in pressed {
        // A scanner's Enter ends the reference: what follows belongs to the next screen.
        let submit = ev == KioskEvent::SubmitBooking;
        kiosk.apply(ev);
        if submit || !on_pad(&kiosk) {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ch(c: &str) -> Key {
        Key::Character(c.into())
    }

    #[test]
    fn a_scanner_types_letters_digits_and_hyphens_and_ends_with_enter() {
        let typed = |code, logical: Key| entry_event(code, &logical);
        assert_eq!(
            typed(KeyCode::KeyR, ch("r")),
            Some(KioskEvent::BookingKey(EntryKey::Char('r')))
        );
        assert_eq!(
            typed(KeyCode::Minus, ch("-")),
            Some(KioskEvent::BookingKey(EntryKey::Char('-')))
        );
        assert_eq!(
            typed(KeyCode::Numpad8, Key::ArrowUp),
            Some(KioskEvent::BookingKey(EntryKey::Char('8')))
        );
        assert_eq!(
            typed(KeyCode::NumpadEnter, Key::Enter),
            Some(KioskEvent::SubmitBooking)
        );
        assert_eq!(
            typed(KeyCode::Backspace, Key::Backspace),
            Some(KioskEvent::BookingKey(EntryKey::Erase))
        );
        assert_eq!(typed(KeyCode::Escape, Key::Escape), Some(KioskEvent::Back));
        assert_eq!(typed(KeyCode::Space, Key::Space), None);
        assert_eq!(typed(KeyCode::Quote, ch("@")), None);
    }
}
