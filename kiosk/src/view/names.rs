//! The names a screen shows that come from the server's answers and the city's configuration:
//! services, documents, offices and the place to go when the kiosk cannot help.

use madoguchi_protocol::{Lang, ServiceInfo};

use crate::flow::{KioskState, Office, QUESTIONS};
use crate::i18n::Localizer;

/// The service's name in `lang`, from the locale files (the server's Japanese name as fallback).
pub fn service_name(
    i18n: &Localizer,
    lang: Lang,
    service: &str,
    info: Option<&ServiceInfo>,
) -> String {
    let key = format!("service-{service}");
    if i18n.has(lang, &key) || info.is_none() {
        i18n.t(lang, &key)
    } else {
        info.map(|s| s.name_ja.clone()).unwrap_or_default()
    }
}

/// An office's name in `lang`: its `office-<id>` text, else the configuration's names.
pub fn office_name(i18n: &Localizer, lang: Lang, office: &Office) -> String {
    let key = format!("office-{}", office.id);
    if i18n.has(lang, &key) {
        i18n.t(lang, &key)
    } else if matches!(lang, Lang::Ja | Lang::JaEasy) {
        office.name_ja.clone()
    } else {
        format!("{} ({})", office.name_en, office.name_ja)
    }
}

/// Where to go when the kiosk cannot help: the area (and floor) of the counters that take
/// questions at this site, in `lang`.
pub fn help_place(i18n: &Localizer, lang: Lang, state: &KioskState) -> String {
    let site = state.site.as_ref();
    let area = site
        .and_then(|s| s.services.iter().find(|x| x.id == QUESTIONS))
        .and_then(|s| s.areas.first())
        .map_or_else(|| "area-support".to_owned(), |a| a.key.clone());
    let area = i18n.t(lang, &area);
    match site.map(|s| s.floor.as_str()).filter(|f| !f.is_empty()) {
        Some(floor) => i18n.t_args(
            lang,
            "place-on-floor",
            &[("place", area.into()), ("floor", floor.into())],
        ),
        None => area,
    }
}

/// The documents of a service in `lang` (the server's Japanese name for unknown keys).
pub fn documents(i18n: &Localizer, lang: Lang, info: Option<&ServiceInfo>) -> Vec<String> {
    info.map(|s| {
        s.documents
            .iter()
            .map(|d| {
                if i18n.has(lang, &d.key) {
                    i18n.t(lang, &d.key)
                } else {
                    d.name_ja.clone()
                }
            })
            .collect()
    })
    .unwrap_or_default()
}
