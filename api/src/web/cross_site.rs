//! Requests that change something must come from our own pages.
//!
//! The pages' forms and server functions (`/api/…`) ride on the session cookies, and the sign-in
//! functions set them, so another site must not be able to post to them, whether to act as the
//! signed-in person or to sign the browser into an account of its choosing (login CSRF). The
//! cookies are SameSite=Strict already; this is the second lock, for browsers and setups where
//! SameSite is not enough (a sibling subdomain counts as the same site, for one).
//!
//! A POST, PUT, PATCH or DELETE passes when the browser says it comes from this origin:
//! `Sec-Fetch-Site: same-origin` (or `none`, typed by the person), or, from a browser that does
//! not send that, an `Origin` equal to this host's or the configured public address's. Everything
//! else is refused with 403, including a request with neither header: browsers send one on every
//! post, and only a browser carries the cookies these paths act on. `POST /graphql` is exempt: it
//! never reads a cookie (credentials come only in `Authorization` or `X-Api-Key`), so a cross-site
//! post there acts as nobody, and integrators' tools send no `Origin`.
use std::sync::Arc;

use axum::{
    extract::{Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};

use crate::config::PublicUrl;

/// The origins, besides the request's own `Host`, that our pages may be served from.
#[derive(Clone, Debug, Default)]
pub struct OurOrigins {
    public: Option<String>,
}

impl OurOrigins {
    pub fn new(public_url: Option<&PublicUrl>) -> Arc<Self> {
        Arc::new(Self {
            public: public_url.map(|url| url.origin().to_owned()),
        })
    }

    /// `Origin` names one of ours: this request's `Host` (either scheme: a TLS proxy may or may
    /// not pass the scheme on), or the public address exactly.
    pub fn includes(&self, origin: &str, headers: &HeaderMap) -> bool {
        if self.public.as_deref() == Some(origin) {
            return true;
        }
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
        host.is_some_and(|host| {
            origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"))
                .is_some_and(|authority| authority.eq_ignore_ascii_case(host))
        })
    }
}

/// Paths whose writes never act on a cookie.
const COOKIE_FREE: &[&str] = &["/graphql"];

pub async fn refuse_cross_site(
    State(ours): State<Arc<OurOrigins>>,
    request: Request,
    next: Next,
) -> Response {
    let checked = !request.method().is_safe() && !COOKIE_FREE.contains(&request.uri().path());
    if checked && !from_our_pages(request.headers(), &ours) {
        tracing::info!(path = %request.uri().path(), "refused a request from another site");
        return (
            StatusCode::FORBIDDEN,
            [(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/plain; charset=utf-8"),
            )],
            "Refused: this request did not come from a myvoice page.\n",
        )
            .into_response();
    }
    next.run(request).await
}

/// The browser says this request was made by a page of ours (or typed by the person).
pub fn from_our_pages(headers: &HeaderMap, ours: &OurOrigins) -> bool {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    match value(header::HeaderName::from_static("sec-fetch-site")) {
        Some(site) => matches!(site, "same-origin" | "none"),
        None => value(header::ORIGIN).is_some_and(|origin| ours.includes(origin, headers)),
    }
}

/// True when `Origin` names this host or the public address; no `Origin` (not a browser) or
/// another site's is not ours. The live socket's cookie fallback uses this: browsers send
/// `Origin` on every WebSocket upgrade.
pub fn same_origin(headers: &HeaderMap, ours: &OurOrigins) -> bool {
    headers
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|origin| ours.includes(origin, headers))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    const HOST: (&str, &str) = ("host", "127.0.0.1:3000");

    #[test]
    fn only_a_page_of_this_host_is_same_origin() {
        let ours = OurOrigins::default();
        let page = headers(&[("origin", "http://127.0.0.1:3000"), HOST]);
        assert!(same_origin(&page, &ours));
        let other = headers(&[("origin", "https://evil.example"), HOST]);
        assert!(!same_origin(&other, &ours));
        let other_port = headers(&[("origin", "http://127.0.0.1:4000"), HOST]);
        assert!(!same_origin(&other_port, &ours));
        assert!(!same_origin(&headers(&[HOST]), &ours));
        let null = headers(&[("origin", "null"), HOST]);
        assert!(!same_origin(&null, &ours));
    }

    #[test]
    fn the_public_address_is_ours_behind_a_proxy_that_rewrites_host() {
        let public = PublicUrl::parse("https://myvoice.example.gov.uk").unwrap();
        let ours = OurOrigins::new(Some(&public));
        let behind_proxy = headers(&[
            ("origin", "https://myvoice.example.gov.uk"),
            ("host", "10.0.0.5:3000"),
        ]);
        assert!(same_origin(&behind_proxy, &ours));
        let plain_http = headers(&[
            ("origin", "http://myvoice.example.gov.uk"),
            ("host", "10.0.0.5:3000"),
        ]);
        assert!(!same_origin(&plain_http, &ours));
    }

    #[test]
    fn fetch_metadata_decides_when_the_browser_sends_it() {
        let ours = OurOrigins::default();
        for (site, allowed) in [
            ("same-origin", true),
            ("none", true),
            ("same-site", false),
            ("cross-site", false),
            ("something-new", false),
        ] {
            let map = headers(&[
                ("sec-fetch-site", site),
                ("origin", "http://127.0.0.1:3000"),
                HOST,
            ]);
            assert_eq!(from_our_pages(&map, &ours), allowed, "{site}");
        }
    }

    #[test]
    fn without_fetch_metadata_the_origin_decides_and_no_origin_is_refused() {
        let ours = OurOrigins::default();
        let own = headers(&[("origin", "http://127.0.0.1:3000"), HOST]);
        assert!(from_our_pages(&own, &ours));
        let other = headers(&[("origin", "https://evil.example"), HOST]);
        assert!(!from_our_pages(&other, &ours));
        assert!(!from_our_pages(&headers(&[HOST]), &ours));
    }
}
