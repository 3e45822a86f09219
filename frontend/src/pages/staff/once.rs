//! A secret shown once (a set-password link, a new API key), or the words a rejected form held,
//! carried from the form's answer to the next page without ever being in an address: a short-lived
//! HttpOnly, SameSite=Strict cookie, read once and cleared by the page that shows it (the advocate's
//! slip with a child's code and PIN travels the same way).
use cookie::{Cookie, time::Duration};
use http::{header, request::Parts};
use leptos::prelude::use_context;
use serde::{Serialize, de::DeserializeOwned};

use crate::session;

const NAME: &str = "myvoice_once";
// Not only `/staff`: with JavaScript the page reads it through its server function, under `/api/staff`.
const PATH: &str = "/";

/// Keep `value` for the next page (at most five minutes).
pub fn put(value: &impl Serialize) {
    if let Ok(json) = serde_json::to_vec(value) {
        set(Cookie::build((NAME, hex(&json))).max_age(Duration::minutes(5)));
    }
}

/// A form's answer. Without JavaScript the browser posted the form itself: keep `flash` for the
/// next page and send the browser to `to`. With JavaScript the page gets `flash` as the action's
/// value and shows it in place (going to `to` too when `navigate` is set), so nothing is kept.
pub fn answer<T: Serialize>(flash: T, to: &str, navigate: bool) -> Option<T> {
    let plain_form = use_context::<Parts>().is_some_and(|parts| {
        parts
            .headers
            .get(header::ACCEPT)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.contains("text/html"))
    });
    if plain_form {
        put(&flash);
        leptos_axum::redirect(to);
        None
    } else {
        if navigate {
            leptos_axum::redirect(to);
        }
        Some(flash)
    }
}

/// What the last form left for this page, if any; it is gone after this request.
pub fn take<T: DeserializeOwned>() -> Option<T> {
    let parts = use_context::<Parts>()?;
    let value = session::request_cookie(&parts, NAME)?;
    set(Cookie::build((NAME, "")).max_age(Duration::ZERO));
    serde_json::from_slice(&unhex(&value)?).ok()
}

fn set(cookie: cookie::CookieBuilder<'static>) {
    session::set_cookie(cookie, PATH);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hex_round_trips_and_rejects_garbage() {
        let text = "{\"secret\":\"mvk_a-b\"}";
        assert_eq!(
            super::unhex(&super::hex(text.as_bytes())).as_deref(),
            Some(text.as_bytes())
        );
        assert!(super::unhex("abc").is_none());
        assert!(super::unhex("zz").is_none());
    }
}
