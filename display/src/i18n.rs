//! Captions from `locales/<code>/display.ftl`, the place names of `places.ftl` (areas,
//! numbered counters, named desks) and the kiosk's `service-<id>` names, read at start-up so a
//! wording fix needs no rebuild.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{ArcLoader, LanguageIdentifier, Loader};
use madoguchi_protocol::Lang;

/// The loaded captions; without locale files every lookup answers its key.
pub struct Texts {
    loader: Option<ArcLoader>,
}

impl Texts {
    /// Loads every `.ftl` file under `dir`, Japanese as the fallback. A broken or missing
    /// folder is logged and leaves the captions as their keys: the board still works.
    pub fn load(dir: &Path) -> Texts {
        let fallback: LanguageIdentifier = match "ja".parse() {
            Ok(id) => id,
            Err(_) => return Texts { loader: None },
        };
        let loader = ArcLoader::builder(dir, fallback)
            .customize(|bundle| bundle.set_use_isolating(false))
            .build();
        match loader {
            Ok(loader) => Texts {
                loader: Some(loader),
            },
            Err(err) => {
                tracing::error!(cause = %err, dir = %dir.display(), "cannot read the locale files; captions show their keys");
                Texts { loader: None }
            }
        }
    }

    /// A caption without arguments.
    pub fn get(&self, lang: Lang, key: &str) -> String {
        self.lookup(lang, key, &[])
            .unwrap_or_else(|| key.to_string())
    }

    /// A caption with named arguments, e.g. `("count", "3")`.
    pub fn args(&self, lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
        self.lookup(lang, key, args)
            .unwrap_or_else(|| key.to_string())
    }

    /// A service's name in `lang` from the kiosk's locale files, else its Japanese name.
    pub fn service(&self, lang: Lang, name_key: &str, name_ja: &str) -> String {
        self.lookup(lang, name_key, &[])
            .unwrap_or_else(|| name_ja.to_string())
    }

    /// A counter's written name in `lang` from `places.ftl`: its desk (`desk-city` with `$n`)
    /// or `counter-numbered`; `None` when the counter has neither or the locale lacks the key,
    /// so the caller shows the configuration's Japanese name rather than a guess.
    pub fn counter(
        &self,
        lang: Lang,
        number: Option<u32>,
        desk_key: Option<&str>,
    ) -> Option<String> {
        let n = number.map(|n| n.to_string()).unwrap_or_default();
        match (desk_key, number) {
            (Some(desk), _) => self.lookup(lang, desk, &[("n", n)]),
            (None, Some(_)) => self.lookup(lang, "counter-numbered", &[("n", n)]),
            (None, None) => None,
        }
    }

    /// A place name (`area-handover`) in `lang`, if the locale has it.
    pub fn place(&self, lang: Lang, key: &str) -> Option<String> {
        if key.is_empty() {
            return None;
        }
        self.lookup(lang, key, &[])
    }

    fn lookup(&self, lang: Lang, key: &str, args: &[(&'static str, String)]) -> Option<String> {
        let loader = self.loader.as_ref()?;
        let id: LanguageIdentifier = lang.code().parse().ok()?;
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        loader.try_lookup_complete(&id, key, (!map.is_empty()).then_some(&map))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts() -> Texts {
        Texts::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales"))
    }

    #[test]
    fn every_language_has_every_display_caption() {
        let t = texts();
        let ja = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../locales/ja/display.ftl"),
        )
        .unwrap();
        let keys: Vec<&str> = ja
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .collect();
        assert!(keys.len() > 15);
        for lang in Lang::ALL {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("../locales/{}/display.ftl", lang.code()));
            let text = std::fs::read_to_string(&path).unwrap();
            for key in &keys {
                assert!(
                    text.contains(&format!("{key} = ")),
                    "{key} missing in {}",
                    lang.code()
                );
                let args: Vec<(&'static str, String)> = [
                    "count",
                    "range",
                    "low",
                    "high",
                    "since",
                    "open",
                    "close",
                    "when",
                    "time",
                    "weekday",
                    "day",
                    "month",
                    "monthname",
                ]
                .into_iter()
                .map(|k| (k, "1".to_string()))
                .collect();
                assert_ne!(t.args(lang, key, &args), *key, "{key} in {}", lang.code());
            }
        }
    }

    #[test]
    fn arguments_are_filled_without_bidi_marks() {
        let t = texts();
        let s = t.args(Lang::En, "display-people", &[("count", "7".into())]);
        assert_eq!(s, "7 people");
        let s = t.args(Lang::Ja, "display-minutes", &[("range", "30〜40".into())]);
        assert_eq!(s, "約30〜40分");
    }

    #[test]
    fn unknown_service_falls_back_to_its_japanese_name() {
        let t = texts();
        assert_eq!(
            t.service(Lang::Vi, "service-nonexistent", "謎の用件"),
            "謎の用件"
        );
    }
}
