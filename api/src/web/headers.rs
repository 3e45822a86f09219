//! Headers on every answer: a Content-Security-Policy with a fresh nonce for each page, no framing,
//! no powerful browser features, and nothing personal kept in a cache.
//!
//! The nonce is made here, before the page renders, and travels to Leptos in the request's
//! extensions (`PageNonce`; `pages.rs` provides it as Leptos' `Nonce`), so the hydration script and
//! the inline scripts carrying resolved data hold the very nonce the header names. A script an
//! attacker slips into a page has no nonce and does not run. Nothing here needs Leptos: built
//! without the pages, the headers are the same.
use std::sync::Arc;

use axum::{
    extract::Request,
    http::{HeaderMap, HeaderName, HeaderValue, header},
    middleware::Next,
    response::Response,
};

use crate::auth::secrets::random_token;

/// This request's nonce, for the page being rendered: base64url, no padding, as Leptos makes its
/// own.
#[derive(Clone, Debug)]
pub struct PageNonce(pub Arc<str>);

/// Random bytes in a nonce: 128 bits, as Leptos' own and the CSP specification ask.
const NONCE_BYTES: usize = 16;

/// The quick exit's address, where a child page's "Leave now" form posts; the pages own it, and
/// without them no form leaves this host.
#[cfg(feature = "pages")]
const EXIT_URL: Option<&str> = Some(crate::pages::EXIT_URL);
#[cfg(not(feature = "pages"))]
const EXIT_URL: Option<&str> = None;

/// Where the bundle (wasm, its JS glue, the stylesheet), GraphiQL's pinned files and the
/// read-aloud clips are served: the same bytes for everyone, so browsers may keep them.
const STATIC_PREFIXES: [&str; 2] = ["/pkg/", "/audio/"];

/// No browser feature a page of ours needs permission for. Reading aloud (the page's own player,
/// started by the child) needs none; every name here is one Chromium knows, so the header itself logs no warning.
const PERMISSIONS_POLICY: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
     encrypted-media=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), \
     payment=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), \
     xr-spatial-tracking=()";

pub async fn security_headers(mut request: Request, next: Next) -> Response {
    let nonce: Arc<str> = random_token(NONCE_BYTES).into();
    request.extensions_mut().insert(PageNonce(nonce.clone()));
    let path = request.uri().path();
    let cacheable = STATIC_PREFIXES
        .iter()
        .any(|prefix| path.starts_with(prefix));
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    let fixed = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // Our own pages' requests keep their `Origin` (the cross-site check reads it); no other
        // site learns an address of ours.
        (header::REFERRER_POLICY, "same-origin"),
        (
            HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
    ];
    for (name, value) in fixed {
        headers.insert(name, HeaderValue::from_static(value));
    }
    // GraphiQL sends its own policy; every other HTML answer is one of the pages.
    if is_html(headers)
        && !headers.contains_key(header::CONTENT_SECURITY_POLICY)
        && let Ok(policy) = HeaderValue::from_str(&page_policy(&nonce, EXIT_URL))
    {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    // Pages, server functions and GraphQL answers show a child's words or a session's data: never
    // kept by the browser or a proxy, never shown again by "back" after leaving.
    if !cacheable {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// The pages' policy. Scripts: the bundle from this host and inline scripts holding this
/// request's nonce (the hydration start, resolved data), and compiling the bundle's WebAssembly.
/// Sound: the read-aloud clips, from this host. Connections (server functions, the live socket
/// on `/graphql/ws`) to this host only. Forms post here, or to the quick exit's page (the
/// no-JavaScript "Leave now" is a post that redirects there). Nothing may frame a page.
pub fn page_policy(nonce: &str, exit_url: Option<&str>) -> String {
    let exit = exit_url.map_or(String::new(), |url| format!(" {}", origin(url)));
    format!(
        "default-src 'none'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; \
         connect-src 'self'; manifest-src 'self'; form-action 'self'{exit}; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

/// `https://host` of an address.
fn origin(url: &str) -> &str {
    let host_start = url.find("://").map_or(0, |i| i + 3);
    url[host_start..]
        .find('/')
        .map_or(url, |end| &url[..host_start + end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_allows_only_this_nonce_and_no_inline_script() {
        let policy = page_policy("abc123", Some("https://www.bbc.co.uk/weather"));
        assert!(policy.contains("script-src 'self' 'nonce-abc123' 'wasm-unsafe-eval';"));
        assert!(!policy.contains("unsafe-inline"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(
            policy.contains("form-action 'self' https://www.bbc.co.uk;"),
            "{policy}"
        );
    }

    #[test]
    fn an_origin_is_its_scheme_and_host() {
        assert_eq!(
            origin("https://www.bbc.co.uk/weather"),
            "https://www.bbc.co.uk"
        );
        assert_eq!(origin("https://example.org"), "https://example.org");
    }

    #[test]
    fn without_a_quick_exit_forms_post_here_only() {
        let policy = page_policy("abc123", None);
        assert!(policy.contains("form-action 'self';"), "{policy}");
    }

    #[cfg(feature = "pages")]
    #[test]
    fn the_pages_quick_exit_is_allowed_as_a_form_target() {
        let policy = page_policy("abc123", EXIT_URL);
        assert!(
            policy.contains("form-action 'self' https://www.bbc.co.uk;"),
            "{policy}"
        );
    }

    #[test]
    fn each_nonce_is_fresh_and_a_csp_nonce() {
        let (a, b) = (random_token(NONCE_BYTES), random_token(NONCE_BYTES));
        assert_ne!(a, b);
        assert!(a.len() >= 22, "{a}");
        assert!(
            a.bytes()
                .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'),
            "{a}"
        );
    }
}
