//! Which language a page speaks: English, Welsh, Polish or Arabic. Chosen before sign-in with a
//! cookie (a form or a `?lang=` link, so it works with JavaScript off) and kept as the child's own
//! setting after it. Staff pages stay in English: their words are the staff's, not the child's.
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Cy,
    Pl,
    Ar,
}

/// The cookie that remembers the choice in this browser.
pub const COOKIE: &str = "myvoice_lang";

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Cy, Lang::Pl, Lang::Ar];

    /// The BCP 47 code: `<html lang>`, the catalogue folder and the stored setting.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
            Lang::Pl => "pl",
            Lang::Ar => "ar",
        }
    }

    /// The language's own name for itself, for the picker (a child looks for their own word).
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Cymraeg",
            Lang::Pl => "Polski",
            Lang::Ar => "العربية",
        }
    }

    /// Arabic is written right to left: the page is mirrored.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// A language code (`cy`, `pl-PL`) or, as staff may have typed on the child's record, a name
    /// (`Welsh`, `Polish`); None for a language the pages do not speak yet.
    pub fn parse(said: &str) -> Option<Lang> {
        let said = said.trim().to_lowercase();
        let primary = said.split(['-', '_']).next().unwrap_or_default();
        match primary {
            "en" | "english" => Some(Lang::En),
            "cy" | "welsh" | "cymraeg" => Some(Lang::Cy),
            "pl" | "polish" | "polski" => Some(Lang::Pl),
            "ar" | "arabic" | "العربية" => Some(Lang::Ar),
            _ => None,
        }
    }
}

/// The language of the page being made. On the server: what the shell decided for this request
/// (`decide`), or, in a server function, the cookie; English when nothing says otherwise.
pub fn current() -> Lang {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<Lang>().unwrap_or_else(|| {
            leptos::prelude::use_context::<http::request::Parts>()
                .map_or(Lang::En, |parts| from_request(&parts))
        })
    }
    #[cfg(not(feature = "ssr"))]
    {
        Lang::En
    }
}

/// The request's language: `?lang=` in the address first (a link in a language), then the
/// cookie; always English on staff pages.
#[cfg(feature = "ssr")]
pub fn from_request(parts: &http::request::Parts) -> Lang {
    if is_staff_path(parts.uri.path()) {
        return Lang::En;
    }
    asked_in_address(parts)
        .or_else(|| from_cookie(parts))
        .unwrap_or_default()
}

#[cfg(feature = "ssr")]
fn is_staff_path(path: &str) -> bool {
    path == "/staff"
        || path.starts_with("/staff/")
        || path.starts_with("/set-password")
        || path.starts_with("/api/staff")
}

/// `?lang=cy` in the address.
#[cfg(feature = "ssr")]
pub fn asked_in_address(parts: &http::request::Parts) -> Option<Lang> {
    parts
        .uri
        .query()?
        .split('&')
        .filter_map(|pair| pair.strip_prefix("lang="))
        .find_map(Lang::parse)
}

/// The language this browser chose before.
#[cfg(feature = "ssr")]
pub fn from_cookie(parts: &http::request::Parts) -> Option<Lang> {
    parts
        .headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(cookie::Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == COOKIE)
        .and_then(|cookie| Lang::parse(cookie.value()))
}

/// Decide this request's language once, for the shell and every component under it; a language
/// asked for in the address is remembered in the cookie, so the next page speaks it too.
#[cfg(feature = "ssr")]
pub fn decide() -> Lang {
    let Some(parts) = leptos::prelude::use_context::<http::request::Parts>() else {
        return Lang::En;
    };
    let lang = from_request(&parts);
    if !is_staff_path(parts.uri.path()) && asked_in_address(&parts).is_some() {
        remember(lang);
    }
    leptos::prelude::provide_context(lang);
    lang
}

/// Keep `lang` in this browser for a year (it is not secret, but HttpOnly like every cookie here).
#[cfg(feature = "ssr")]
pub fn remember(lang: Lang) {
    let cookie =
        cookie::Cookie::build((COOKIE, lang.code())).max_age(cookie::time::Duration::days(365));
    crate::session::set_cookie(cookie, "/");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names_staff_typed_are_understood() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            assert_eq!(Lang::parse(lang.own_name()), Some(lang));
        }
        assert_eq!(Lang::parse("Polish"), Some(Lang::Pl));
        assert_eq!(Lang::parse("cy-GB"), Some(Lang::Cy));
        assert_eq!(Lang::parse("Romanian"), None);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Cy.dir(), "ltr");
    }
}
