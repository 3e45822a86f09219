//! GraphiQL for integrators on `GET /graphql`, from files myvoice serves itself: React 18 and
//! GraphiQL 4 (their browser builds), pinned to exact versions in `tests/browser/package.json` and
//! copied to `<site>/pkg/graphiql/` by `scripts/lib.sh` `build_site`. Nothing comes from a CDN, so
//! it works on a closed network, and its own policy lets only those files and this page's one
//! inline script (by nonce) run.
use axum::{
    Extension,
    http::{HeaderValue, header},
    response::{Html, IntoResponse, Response},
};

use super::headers::PageNonce;

/// The folder under `/pkg/` that `build_site` fills.
const ASSETS: &str = "/pkg/graphiql";

pub async fn graphiql(Extension(PageNonce(nonce)): Extension<PageNonce>) -> Response {
    let nonce = nonce.to_string();
    let policy = policy(&nonce);
    let mut response = Html(page(&nonce)).into_response();
    if let Ok(policy) = HeaderValue::from_str(&policy) {
        response
            .headers_mut()
            .insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    response
}

/// Scripts: the pinned files and this page's inline start (by nonce). Styles: GraphiQL's editor
/// and dialogs add inline styles as they open (a nonce alone breaks them), so styles may be inline
/// here, and only here; no script may be. Fonts and icons are data URLs in GraphiQL's stylesheet.
fn policy(nonce: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; \
         img-src 'self' data:; font-src 'self' data:; connect-src 'self'; form-action 'none'; \
         frame-ancestors 'none'; base-uri 'none'; object-src 'none'"
    )
}

fn page(nonce: &str) -> String {
    format!(
        r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="robots" content="noindex">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>myvoice GraphQL</title>
    <link rel="icon" href="data:,">
    <link rel="stylesheet" href="{ASSETS}/graphiql.min.css">
    <style>body {{ margin: 0; }} #graphiql {{ height: 100vh; }}</style>
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="{ASSETS}/react.production.min.js"></script>
    <script src="{ASSETS}/react-dom.production.min.js"></script>
    <script src="{ASSETS}/graphiql.min.js"></script>
    <script nonce="{nonce}">
      const here = (path, socket) => {{
        const url = new URL(path, window.location.origin);
        if (socket) url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
        return url.toString();
      }};
      ReactDOM.createRoot(document.getElementById("graphiql")).render(
        React.createElement(GraphiQL, {{
          fetcher: GraphiQL.createFetcher({{
            url: here("/graphql", false),
            subscriptionUrl: here("/graphql/ws", true),
          }}),
          defaultEditorToolsVisibility: true,
        }}),
      );
    </script>
  </body>
</html>
"#
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_script_is_ours_or_holds_the_nonce() {
        let page = super::page("n0nce");
        for tag in page.split("<script").skip(1) {
            let tag = tag.split('>').next().unwrap_or_default();
            assert!(
                tag.contains("src=\"/pkg/graphiql/") || tag.contains("nonce=\"n0nce\""),
                "{tag}"
            );
        }
        assert!(!page.contains("://"), "no address of another host");
        assert!(!super::policy("n0nce").contains("script-src 'self' 'unsafe-inline'"));
    }
}
