//! Read aloud with JavaScript off: a clip for each fixed text in each language, made ahead of time
//! (`myvoice make-audio`: espeak-ng, then Opus) and played by the page's own `<audio>` control.
use super::Lang;

/// Where the clip of catalogue message `key` in `lang` is served.
pub fn clip_url(lang: Lang, key: &str) -> String {
    format!("/audio/{}/{key}.ogg", lang.code())
}

/// Every fixed text of `lang` (no name, day or count in it) with its catalogue key: each one
/// gets a clip, so any of them can be a page's read-aloud.
#[cfg(feature = "ssr")]
pub fn fixed_texts(lang: Lang) -> Vec<(String, String)> {
    super::all_keys()
        .into_iter()
        .filter_map(|key| super::catalogue::spoken(lang, &key).map(|words| (key, words)))
        .collect()
}
