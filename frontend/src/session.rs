//! Session cookies: the only cookies myvoice sets. A child's holds their access token; a member of
//! staff's holds their access and refresh tokens. Both are invisible to scripts (HttpOnly), never
//! sent from other sites (SameSite=Strict), sent only over HTTPS when myvoice is served over it
//! (Secure), and end after a while without activity so a shared or lost device does not stay
//! signed in.
use cookie::{Cookie, SameSite, time::Duration};
use http::{HeaderValue, header, request::Parts};
use leptos::prelude::use_context;
use leptos_axum::ResponseOptions;

use crate::IDLE_MINUTES;

/// How this server sets cookies, from its settings (`--public-url`), provided as Leptos context:
/// `Secure` when people reach myvoice over HTTPS.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CookiePolicy {
    pub secure: bool,
}

/// Whose session: the child's pages and the staff pages never share one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    Child,
    Staff,
}

impl Who {
    fn cookie(self) -> &'static str {
        match self {
            Self::Child => "myvoice_session",
            Self::Staff => "myvoice_staff",
        }
    }

    fn idle(self) -> Duration {
        match self {
            Self::Child => Duration::minutes(IDLE_MINUTES),
            // Staff work through a caseload; the refresh token's own lifetime still applies.
            Self::Staff => Duration::hours(8),
        }
    }
}

/// The cookie's value in the request, if any.
pub fn read(parts: &Parts, who: Who) -> Option<String> {
    request_cookie(parts, who.cookie())
}

/// A cookie's value in the request, if any and not empty.
pub fn request_cookie(parts: &Parts, name: &str) -> Option<String> {
    parts
        .headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|cookie| cookie.name() == name)
        .map(|cookie| cookie.value().to_owned())
        .filter(|value| !value.is_empty())
}

/// The cookie's value as this request has left it: one renewed earlier in the same request (a
/// staff session's tokens rotate, and a spent refresh token used again ends the whole session)
/// wins over the one the browser sent.
pub fn latest(parts: &Parts, who: Who) -> Option<String> {
    let renewed = use_context::<ResponseOptions>().and_then(|response| {
        let response = response.0.read().ok()?;
        response
            .headers
            .get_all(header::SET_COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .filter_map(|value| Cookie::parse(value).ok())
            .filter(|cookie| cookie.name() == who.cookie())
            .last()
            .map(|cookie| cookie.value().to_owned())
    });
    match renewed {
        Some(value) => Some(value).filter(|value| !value.is_empty()),
        None => read(parts, who),
    }
}

/// The child's access token from this request.
pub fn token(parts: &Parts) -> Option<String> {
    read(parts, Who::Child)
}

/// The current request's child token, if any.
pub fn current() -> Option<String> {
    use_context::<Parts>().as_ref().and_then(token)
}

/// Start (or extend) the child's session with `token`.
pub fn start(token: &str) {
    write(Who::Child, token);
}

/// Keep an active child session alive: every page and save moves the idle deadline on.
pub fn touch() {
    if let Some(token) = current() {
        start(&token);
    }
}

/// End the child's session in this browser.
pub fn end() {
    clear(Who::Child);
}

pub fn write(who: Who, value: &str) {
    set(Cookie::build((who.cookie(), value.to_owned())).max_age(who.idle()));
}

pub fn clear(who: Who) {
    set(Cookie::build((who.cookie(), "")).max_age(Duration::ZERO));
}

fn set(cookie: cookie::CookieBuilder<'static>) {
    set_cookie(cookie, "/");
}

/// Set `cookie` on this response for pages under `path`: HttpOnly, SameSite=Strict and, over
/// HTTPS, Secure, like every cookie myvoice sets.
pub fn set_cookie(cookie: cookie::CookieBuilder<'static>, path: &'static str) {
    let secure = use_context::<CookiePolicy>().unwrap_or_default().secure;
    let cookie = cookie
        .path(path)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .build();
    if let (Some(response), Ok(value)) = (
        use_context::<ResponseOptions>(),
        HeaderValue::from_str(&cookie.to_string()),
    ) {
        response.append_header(header::SET_COOKIE, value);
    }
}
