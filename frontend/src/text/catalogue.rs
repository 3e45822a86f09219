//! The message catalogues (`frontend/locales/<lang>/*.ftl`, Project Fluent) read on the server.
//! Pages are made on the server and islands get their words as props, so neither Fluent nor the
//! catalogues go into the browser bundle: without `ssr` this module only has stand-ins that are
//! never called in the browser.
use super::Lang;

/// Where a link goes inside a sentence: catalogue messages write `{ $link }`, and the page puts
/// the link there (`components::Linked`), so each language can put it where its sentence needs.
pub const LINK: char = '\u{E000}';

/// A value for a message's variable.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Number(i64),
    Words(String),
}

impl From<usize> for Arg {
    fn from(n: usize) -> Self {
        Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Arg {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}
impl From<&str> for Arg {
    fn from(words: &str) -> Self {
        Arg::Words(words.to_owned())
    }
}
impl From<String> for Arg {
    fn from(words: String) -> Self {
        Arg::Words(words)
    }
}
impl From<&String> for Arg {
    fn from(words: &String) -> Self {
        Arg::Words(words.clone())
    }
}

#[cfg(feature = "ssr")]
pub use server::{files, say, spoken};

#[cfg(feature = "ssr")]
mod server {
    use std::collections::HashMap;
    use std::sync::LazyLock;

    use fluent_bundle::concurrent::FluentBundle;
    use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

    use super::{Arg, LINK, Lang};

    macro_rules! catalogue_files {
        ($($lang:literal: [$($file:literal),*]),* $(,)?) => {
            /// Every catalogue file: language code, file name, text (compiled in).
            pub fn files() -> &'static [(&'static str, &'static str, &'static str)] {
                &[$($(($lang, $file, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/", $lang, "/", $file, ".ftl")))),*),*]
            }
        };
    }

    catalogue_files! {
        "en": ["pages", "views", "meetings", "own", "public", "dates"],
        "cy": ["pages", "views", "meetings", "own", "public", "dates"],
        "pl": ["pages", "views", "meetings", "own", "public", "dates"],
        "ar": ["pages", "views", "meetings", "own", "public", "dates"],
    }

    static BUNDLES: LazyLock<HashMap<Lang, FluentBundle<FluentResource>>> = LazyLock::new(|| {
        Lang::ALL
            .into_iter()
            .map(|lang| (lang, bundle(lang)))
            .collect()
    });

    fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
        let id = lang.code().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![id]);
        // Fluent wraps each variable in Unicode isolation marks so a left-to-right name or date
        // cannot scramble a right-to-left sentence: needed in Arabic, only noise elsewhere.
        bundle.set_use_isolating(lang == Lang::Ar);
        for (code, file, text) in files() {
            if *code != lang.code() {
                continue;
            }
            // A broken file is caught by the catalogue test; here the rest of it still serves.
            let resource = FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
            if bundle.add_resource(resource).is_err() {
                tracing::warn!(lang = code, file, "catalogue has a key twice");
            }
        }
        bundle
    }

    /// The message `key` in `lang` with `args`; English when the language lacks it (the catalogue
    /// test makes sure none does), the key itself when no catalogue has it.
    pub fn say(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
        let mut fluent_args = FluentArgs::new();
        fluent_args.set("link", FluentValue::from(LINK.to_string()));
        for (name, value) in args {
            let value = match value {
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Words(w) => FluentValue::from(w.clone()),
            };
            fluent_args.set(*name, value);
        }
        for lang in [lang, Lang::En] {
            let Some(bundle) = BUNDLES.get(&lang) else {
                continue;
            };
            if let Some(pattern) = bundle.get_message(key).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let said = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
                // The link marker needs no isolation of its own: the link is its own element.
                return said.replace(&format!("\u{2068}{LINK}\u{2069}"), &LINK.to_string());
            }
        }
        key.to_owned()
    }

    /// The message `key` in `lang` as it is read aloud, when it needs no variable: the words a
    /// clip can be made of ahead of time. None for a message with a name, day or count in it.
    pub fn spoken(lang: Lang, key: &str) -> Option<String> {
        let bundle = BUNDLES.get(&lang)?;
        let pattern = bundle.get_message(key)?.value()?;
        let mut args = FluentArgs::new();
        // A link is its own element with its own words; the sentence around it reads on without.
        args.set("link", FluentValue::from(""));
        let mut errors = Vec::new();
        let said = bundle.format_pattern(pattern, Some(&args), &mut errors);
        let words = said
            .chars()
            .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
            .collect::<String>();
        (errors.is_empty() && !words.trim().is_empty()).then(|| words.trim().to_owned())
    }
}

/// In the browser bundle the catalogues are absent (see above); nothing there asks for words.
#[cfg(not(feature = "ssr"))]
pub fn say(_lang: Lang, key: &str, _args: &[(&str, Arg)]) -> String {
    key.to_owned()
}

/// A message without variables for the life of the server: each language's fixed words are read
/// once (`super::words!`), so leaking them is bounded.
pub fn fixed(lang: Lang, key: &str) -> &'static str {
    String::leak(say(lang, key, &[]))
}
