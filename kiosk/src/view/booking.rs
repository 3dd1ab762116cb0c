//! The screens of a booking: the reference pad (digits, or letters, a hyphen, delete, clear and
//! OK), the wait for the server, a refusal with its sentence and the way on, and the booked
//! slot on the ticket ("Reservation 10:30–11:00", "called from about 10:25" when early).

use madoguchi_protocol::{BookedSlot, IssuedTicket, Lang};

use super::{Button, Pictogram, ScreenView, Text, button, office_name, with_icon};
use crate::flow::{EntryKey, KioskEvent, KioskState, Refusal};
use crate::i18n::Localizer;

/// The key that shows the letters page, and the one back to the digits.
pub const LETTERS_KEY: &str = "ABC";
pub const DIGITS_KEY: &str = "123";

/// The shown reference ends with this cursor (so an empty one is not an empty box).
pub const CURSOR: char = '_';

/// The purpose screen's "I have a reservation".
pub(super) fn purpose_button(i18n: &Localizer, lang: Lang) -> Button {
    // One line, no sub-line: ten purpose cards still fit below mid-height in low reach.
    with_icon(
        Some(Pictogram::Reservation),
        button(
            i18n.t(lang, "purpose-booking"),
            lang,
            KioskEvent::StartBooking,
        ),
    )
}

fn key(label: &str, lang: Lang, k: EntryKey) -> Button {
    button(label.to_owned(), lang, KioskEvent::BookingKey(k))
}

/// The pad: its digits page in phone order (`-` and `0` under them, then the letters key), or
/// its letters page and the digits key; delete and clear as tools; OK.
pub(super) fn entry(v: &mut ScreenView, i18n: &Localizer, lang: Lang, text: &str, letters: bool) {
    let t = |k: &str| i18n.t(lang, k);
    v.name = "booking-entry";
    v.title = vec![Text {
        text: t("booking-title"),
        lang,
    }];
    v.paragraphs = vec![Text {
        text: t("booking-hint"),
        lang,
    }];
    v.entry = Some(text.to_owned());
    let chars: Vec<char> = if letters {
        ('A'..='Z').collect()
    } else {
        "123456789-0".chars().collect()
    };
    v.buttons = chars
        .into_iter()
        .map(|c| key(&c.to_string(), lang, EntryKey::Char(c)))
        .collect();
    v.buttons.push(if letters {
        key(DIGITS_KEY, lang, EntryKey::Letters(false))
    } else {
        key(LETTERS_KEY, lang, EntryKey::Letters(true))
    });
    v.toggles = vec![
        key(&t("booking-erase"), lang, EntryKey::Erase),
        key(&t("booking-clear"), lang, EntryKey::Clear),
    ];
    v.primary = Some(button(t("booking-submit"), lang, KioskEvent::SubmitBooking));
}

/// Why the booking was not checked in, and the ways on.
pub(super) fn refused(
    v: &mut ScreenView,
    state: &KioskState,
    i18n: &Localizer,
    refusal: &Refusal,
    reference: &str,
) {
    let lang = state.lang;
    let t = |k: &str| i18n.t(lang, k);
    let say = |text: String| Text { text, lang };
    v.name = "booking-refused";
    v.title = vec![say(t("booking-refused-title"))];
    v.paragraphs.push(say(i18n.t_args(
        lang,
        refusal.key(),
        &[("reference", reference.to_owned().into())],
    )));
    if let Refusal::OtherSite(Some(office)) = refusal {
        let name = office_name(i18n, lang, office);
        v.paragraphs = vec![
            say(i18n.t_args(lang, refusal.key(), &[("office", name.into())])),
            say(i18n.t_args(
                lang,
                "office-address",
                &[("address", office.address.clone().into())],
            )),
        ];
    }
    if refusal.retype() {
        v.buttons.push(with_icon(
            Some(Pictogram::Pin),
            button(t("booking-retype"), lang, KioskEvent::Retype),
        ));
    }
    // The normal ticket needs the server or the lease.
    if (state.online || state.offline_issuing) && state.booked_purpose().is_some() {
        v.buttons.push(with_icon(
            Some(Pictogram::Pickup),
            button(t("booking-normal"), lang, KioskEvent::NormalTicket),
        ));
    }
    v.primary = Some(button(t("guidance-ok"), lang, KioskEvent::Finish));
}

/// The booked slot's lines on the ticket, screen and paper: `Reservation 10:30–11:00`, and
/// `Called from about 10:25` when it was checked in before its calling window opened (else the
/// usual wait).
pub fn slot_lines(
    i18n: &Localizer,
    lang: Lang,
    issued: &IssuedTicket,
    slot: &BookedSlot,
) -> (String, Option<String>) {
    let hm = |t: &madoguchi_protocol::Timestamp| t.format("%H:%M").to_string();
    let reserved = i18n.t_args(
        lang,
        "ticket-booking-slot",
        &[
            ("start", hm(&slot.slot_start).into()),
            ("end", hm(&slot.slot_end).into()),
        ],
    );
    let early = slot.call_from > issued.ticket.issued_at;
    let call = early.then(|| {
        i18n.t_args(
            lang,
            "ticket-booking-call",
            &[("time", hm(&slot.call_from).into())],
        )
    });
    (reserved, call)
}
