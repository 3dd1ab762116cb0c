//! Kiosk texts in every language: the Fluent files `locales/<code>/kiosk.ftl` and the place
//! names shared with the display (`places.ftl`), compiled into
//! the binary, looked up by key with Japanese as the fallback.
//!
//! `fluent-bundle` is used directly (not fluent-templates) because `ja-easy` is not a valid
//! language identifier: its bundle is tagged `ja` (same plural rules) but loaded from its own file.

use std::collections::{BTreeSet, HashMap};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use madoguchi_protocol::Lang;

/// The kiosk's Fluent source for a language, as shipped (`kiosk.ftl` + `places.ftl`).
pub fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => concat!(
            include_str!("../../locales/ja/kiosk.ftl"),
            "\n",
            include_str!("../../locales/ja/places.ftl")
        ),
        Lang::JaEasy => concat!(
            include_str!("../../locales/ja-easy/kiosk.ftl"),
            "\n",
            include_str!("../../locales/ja-easy/places.ftl")
        ),
        Lang::En => concat!(
            include_str!("../../locales/en/kiosk.ftl"),
            "\n",
            include_str!("../../locales/en/places.ftl")
        ),
        Lang::ZhHans => concat!(
            include_str!("../../locales/zh-Hans/kiosk.ftl"),
            "\n",
            include_str!("../../locales/zh-Hans/places.ftl")
        ),
        Lang::ZhHant => concat!(
            include_str!("../../locales/zh-Hant/kiosk.ftl"),
            "\n",
            include_str!("../../locales/zh-Hant/places.ftl")
        ),
        Lang::Ko => concat!(
            include_str!("../../locales/ko/kiosk.ftl"),
            "\n",
            include_str!("../../locales/ko/places.ftl")
        ),
        Lang::Vi => concat!(
            include_str!("../../locales/vi/kiosk.ftl"),
            "\n",
            include_str!("../../locales/vi/places.ftl")
        ),
        Lang::Ne => concat!(
            include_str!("../../locales/ne/kiosk.ftl"),
            "\n",
            include_str!("../../locales/ne/places.ftl")
        ),
        Lang::Tl => concat!(
            include_str!("../../locales/tl/kiosk.ftl"),
            "\n",
            include_str!("../../locales/tl/places.ftl")
        ),
        Lang::Id => concat!(
            include_str!("../../locales/id/kiosk.ftl"),
            "\n",
            include_str!("../../locales/id/places.ftl")
        ),
        Lang::Pt => concat!(
            include_str!("../../locales/pt/kiosk.ftl"),
            "\n",
            include_str!("../../locales/pt/places.ftl")
        ),
    }
}

/// A Fluent file that does not parse.
#[derive(Debug, thiserror::Error)]
#[error(
    "locales/{lang}/kiosk.ftl has a syntax error: {detail}. Fix the file and restart the kiosk."
)]
pub struct LocaleError {
    pub lang: Lang,
    pub detail: String,
}

/// Every language's bundle plus the set of keys each file defines.
pub struct Localizer {
    bundles: HashMap<Lang, FluentBundle<FluentResource>>,
    keys: HashMap<Lang, BTreeSet<String>>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("keys", &self.keys)
            .finish()
    }
}

fn langid(lang: Lang) -> unic_langid::LanguageIdentifier {
    let code = match lang {
        Lang::JaEasy => "ja",
        other => other.code(),
    };
    code.parse().unwrap_or_default()
}

impl Localizer {
    /// Loads the shipped files of every language.
    pub fn shipped() -> Result<Self, LocaleError> {
        Self::from_sources(Lang::ALL.iter().map(|&l| (l, source(l).to_owned())))
    }

    /// Loads the given Fluent sources (tests use this to try broken files).
    pub fn from_sources(
        sources: impl IntoIterator<Item = (Lang, String)>,
    ) -> Result<Self, LocaleError> {
        let mut bundles = HashMap::new();
        let mut keys = HashMap::new();
        for (lang, text) in sources {
            let res = FluentResource::try_new(text).map_err(|(_, errs)| LocaleError {
                lang,
                detail: errs
                    .iter()
                    .map(|e| format!("{e:?}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            })?;
            let mut set = BTreeSet::new();
            for entry in res.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    set.insert(m.id.name.to_owned());
                }
            }
            let mut bundle = FluentBundle::new_concurrent(vec![langid(lang)]);
            bundle.set_use_isolating(false);
            bundle.add_resource(res).map_err(|errs| LocaleError {
                lang,
                detail: format!("{errs:?}"),
            })?;
            bundles.insert(lang, bundle);
            keys.insert(lang, set);
        }
        Ok(Localizer { bundles, keys })
    }

    /// The keys a language's file defines.
    pub fn keys(&self, lang: Lang) -> BTreeSet<String> {
        self.keys.get(&lang).cloned().unwrap_or_default()
    }

    /// Whether `key` is defined for `lang`.
    pub fn has(&self, lang: Lang, key: &str) -> bool {
        self.keys.get(&lang).is_some_and(|k| k.contains(key))
    }

    /// The text of `key` in `lang` (Japanese when missing there, the key itself as a last resort).
    pub fn t(&self, lang: Lang, key: &str) -> String {
        self.t_args(lang, key, &[])
    }

    /// Like [`Localizer::t`] with Fluent arguments, e.g. `&[("count", 3.into())]`.
    pub fn t_args(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        for l in [lang, Lang::Ja] {
            if let Some(text) = self.format(l, key, args) {
                return text;
            }
        }
        key.to_owned()
    }

    fn format(&self, lang: Lang, key: &str, args: &[(&str, Arg)]) -> Option<String> {
        let bundle = self.bundles.get(&lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v = match value {
                Arg::Num(n) => FluentValue::from(*n),
                Arg::Str(s) => FluentValue::from(s.as_str()),
            };
            fargs.set(*name, v);
        }
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        Some(text.into_owned())
    }
}

/// A Fluent argument value.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Num(i64),
    Str(String),
}

impl From<u32> for Arg {
    fn from(n: u32) -> Self {
        Arg::Num(i64::from(n))
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Str(s.to_owned())
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Str(s)
    }
}
