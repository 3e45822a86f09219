//! The Leptos pages (the `frontend` crate), mounted on the API's router: only with the `pages`
//! feature, so the rest of this crate builds and tests without Leptos. Everything here is how the
//! pages reach the server: their routes, the schema run in-process, the store for form drafts,
//! cookies and the nonce the Content-Security-Policy names.
//!
//! The pages reach data only through the GraphQL schema: `bridge` hands the frontend a way to run
//! it in-process, with the page's session token standing in for the `Authorization` header.
mod drafts;

use std::net::SocketAddr;
use std::path::Path;
use std::sync::OnceLock;

use axum::Router;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, HeaderValue, header, request::Parts};
use frontend::gql::{Gql, GqlRequest};
use leptos::config::LeptosOptions;
use leptos::nonce::Nonce;
use leptos::prelude::{provide_context, use_context};
use leptos_axum::{AxumRouteListing, LeptosRoutes, generate_route_list};

use crate::config::PublicUrl;
use crate::web::{ApiState, PageNonce, execute};

/// The quick exit's address: a child page's "Leave now" form posts there, so the page policy
/// names its site (`web/headers.rs`).
pub const EXIT_URL: &str = frontend::pages::child::layout::EXIT_URL;

/// The pages' routes, worked out once per process. Working them out renders the app with resource
/// loading suppressed process-wide (leptos_router's `SuppressResourceLoad`), and a page another
/// router starts rendering at that moment never finishes (leptos-rs/leptos#4773). Several routers
/// share one process in the test suite; a second `myvoice serve` is its own process.
fn page_routes() -> Vec<AxumRouteListing> {
    static ROUTES: OnceLock<Vec<AxumRouteListing>> = OnceLock::new();
    ROUTES
        .get_or_init(|| generate_route_list(frontend::App))
        .clone()
}

/// Every page, and the fallback for any other address (the bundle's files, or the not-found
/// page). `web::router` merges it after the API's routes.
pub fn routes(state: ApiState, site_dir: &Path, public_url: Option<&PublicUrl>) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name(frontend::OUTPUT_NAME)
        .site_root(site_dir.display().to_string())
        .site_pkg_dir("pkg")
        .build();
    let gql = bridge(state.clone());
    let drafts = drafts::store(state.db);
    let cookies = frontend::session::CookiePolicy {
        secure: public_url.is_some_and(PublicUrl::is_https),
    };
    // What every page and server function gets from the server: the schema, the drafts kept for
    // forms sent without JavaScript, how to set cookies, and this request's nonce (replacing the
    // one Leptos made, which the header does not name).
    let context = move || {
        provide_context(gql.clone());
        provide_context(drafts.clone());
        provide_context(cookies);
        let nonce =
            use_context::<Parts>().and_then(|parts| parts.extensions.get::<PageNonce>().cloned());
        if let Some(PageNonce(nonce)) = nonce {
            provide_context(Nonce::from_value(nonce));
        }
    };
    Router::new()
        .leptos_routes_with_context(&leptos_options, page_routes(), context.clone(), {
            let options = leptos_options.clone();
            move || frontend::shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context(
            context,
            frontend::shell,
        ))
        .with_state(leptos_options)
}

pub fn bridge(state: ApiState) -> Gql {
    Gql::new(move |page: GqlRequest| {
        let state = state.clone();
        Box::pin(async move {
            let client = page
                .parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| peer.ip());
            let mut headers = HeaderMap::new();
            if let Some(token) = page.bearer
                && let Ok(value) = HeaderValue::from_str(&format!("Bearer {token}"))
            {
                headers.insert(header::AUTHORIZATION, value);
            }
            // The address the browser came to, for links the API hands out (`PublicBase`).
            if let Some(host) = page.parts.headers.get(header::HOST) {
                headers.insert(header::HOST, host.clone());
            }
            let mut request = async_graphql::Request::new(page.query)
                .variables(async_graphql::Variables::from_json(page.variables));
            if let Some(name) = page.operation_name {
                request = request.operation_name(name);
            }
            let response = execute(&state, &headers, client, request).await;
            serde_json::to_value(&response).unwrap_or_else(|error| {
                tracing::error!(%error, "could not encode a GraphQL response for a page");
                serde_json::json!({ "errors": [{ "message": "Something went wrong", "extensions": { "code": "INTERNAL" } }] })
            })
        })
    })
}
