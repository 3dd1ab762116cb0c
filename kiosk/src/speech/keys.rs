//! The key map of speech mode (the table is in the module doc of `speech`): what a key does,
//! given whether the key guide was the last thing asked for (then + and − change the speed).

use super::SpeechKey;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Choice N (1–9) of the page being said.
    Choose(u8),
    /// The choice in focus.
    Select,
    Previous,
    Next,
    Back,
    Repeat,
    CallStaff,
    Louder,
    Quieter,
    Faster,
    Slower,
    /// The key guide.
    Help,
}

/// The action of `key`; `speed` is true right after the key guide (and while + or − follow).
pub fn action(key: SpeechKey, speed: bool) -> Option<Action> {
    Some(match key {
        SpeechKey::Digit(0) => Action::CallStaff,
        SpeechKey::Digit(d @ 1..=9) => Action::Choose(d),
        SpeechKey::Digit(_) => return None,
        SpeechKey::Enter => Action::Select,
        SpeechKey::Up => Action::Previous,
        SpeechKey::Down => Action::Next,
        SpeechKey::Back | SpeechKey::Hash => Action::Back,
        SpeechKey::Star => Action::Repeat,
        SpeechKey::Slash => Action::Help,
        SpeechKey::Plus if speed => Action::Faster,
        SpeechKey::Minus if speed => Action::Slower,
        SpeechKey::Plus => Action::Louder,
        SpeechKey::Minus => Action::Quieter,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_function_of_the_issue_has_a_key() {
        let keys = [
            SpeechKey::Enter,
            SpeechKey::Back,
            SpeechKey::Up,
            SpeechKey::Down,
            SpeechKey::Plus,
            SpeechKey::Minus,
            SpeechKey::Star,
            SpeechKey::Slash,
            SpeechKey::Hash,
        ]
        .into_iter()
        .chain((0..=9).map(SpeechKey::Digit));
        let mut actions: Vec<Action> = keys.filter_map(|k| action(k, false)).collect();
        actions.extend([SpeechKey::Plus, SpeechKey::Minus].map(|k| action(k, true).unwrap()));
        for want in [
            Action::Choose(1),
            Action::Choose(9),
            Action::Select,
            Action::Previous,
            Action::Next,
            Action::Back,
            Action::Repeat,
            Action::CallStaff,
            Action::Louder,
            Action::Quieter,
            Action::Faster,
            Action::Slower,
            Action::Help,
        ] {
            assert!(actions.contains(&want), "no key for {want:?}");
        }
    }

    #[test]
    fn a_phone_pad_alone_chooses_goes_back_repeats_and_calls_staff() {
        assert_eq!(action(SpeechKey::Hash, false), Some(Action::Back));
        assert_eq!(action(SpeechKey::Star, false), Some(Action::Repeat));
        assert_eq!(action(SpeechKey::Digit(0), false), Some(Action::CallStaff));
        assert_eq!(action(SpeechKey::Digit(5), false), Some(Action::Choose(5)));
        assert_eq!(action(SpeechKey::Digit(10), false), None);
    }
}
