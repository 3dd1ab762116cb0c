//! The bar's buttons on every screen (drawn in the dock at the bottom): back, language, large
//! text, low reach, call staff.

use super::{Button, Pictogram, button, with_icon};
use crate::flow::{KioskEvent, KioskState, Screen};
use crate::i18n::Localizer;

/// The bar on every screen: back, language, large text, low reach, call staff.
#[derive(Debug, Clone, PartialEq)]
pub struct TopBar {
    pub back: Option<Button>,
    pub language: Option<Button>,
    pub large_text: Button,
    pub low_reach: Button,
    pub call_staff: Button,
}

/// The bar of the current screen, in the visitor's language.
pub(super) fn bar(state: &KioskState, i18n: &Localizer) -> TopBar {
    let lang = state.lang;
    let t = |key: &str| i18n.t(lang, key);
    let home = matches!(state.screen, Screen::Home);
    TopBar {
        back: match state.screen {
            Screen::Home
            | Screen::Issuing { .. }
            | Screen::CheckingIn { .. }
            | Screen::Ticket { .. } => None,
            _ => Some(with_icon(
                Some(Pictogram::Back),
                button(t("back"), lang, KioskEvent::Back),
            )),
        },
        language: (!home).then(|| {
            with_icon(
                Some(Pictogram::Language),
                button(t("language"), lang, KioskEvent::ToggleLangPicker),
            )
        }),
        large_text: Button {
            selected: Some(state.large_text),
            icon: Some(Pictogram::LargeText),
            ..button(t("large-text"), lang, KioskEvent::ToggleLargeText)
        },
        low_reach: Button {
            selected: Some(state.low_reach),
            icon: Some(Pictogram::LowReach),
            ..button(t("low-reach"), lang, KioskEvent::ToggleLowReach)
        },
        // Offline, nobody can be called: the button says so (a tap shows where to go).
        call_staff: with_icon(
            Some(Pictogram::CallStaff),
            match state.screen {
                Screen::Offline => button(t("call-staff-offline"), lang, KioskEvent::CallStaff),
                _ => button(t("call-staff"), lang, KioskEvent::CallStaff),
            },
        ),
    }
}
