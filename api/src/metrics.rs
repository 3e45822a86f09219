//! `GET /metrics`: process counters in the Prometheus text format, for the benchmark and for
//! operators. Only totals since start (no child, tenant, user or query text), but not public:
//! counts that move with each request tell an onlooker what a request did (which sign-ins found an
//! account, say). It answers only with `Authorization: Bearer <MYVOICE_METRICS_TOKEN>` (a
//! Prometheus scrape config's `bearer_token`); without a configured token it is not served at all.
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::{Router, extract::State, routing::get};
use sha2::{Digest, Sha256};

use crate::config::MetricsToken;

/// The Prometheus text exposition format.
const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

#[derive(Clone)]
struct Metrics {
    statements: Arc<AtomicU64>,
    executions: Arc<AtomicU64>,
    /// SHA-256 of the token: compared digest to digest, so the comparison's time says nothing
    /// useful about the token.
    token_digest: [u8; 32],
}

/// `statements` counts every SQL statement the server's pool runs (see `Application::build`),
/// `executions` every GraphQL operation (`AppSchema`).
/// Without a token there is no route: `/metrics` is then whatever the pages answer (not found).
pub fn routes(
    statements: Arc<AtomicU64>,
    executions: Arc<AtomicU64>,
    token: Option<&MetricsToken>,
) -> Router {
    let Some(token) = token else {
        return Router::new();
    };
    let state = Metrics {
        statements,
        executions,
        token_digest: Sha256::digest(token.expose()).into(),
    };
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(state)
}

async fn metrics(State(state): State<Metrics>, headers: HeaderMap) -> Response {
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|token| <[u8; 32]>::from(Sha256::digest(token.trim().as_bytes())));
    if presented != Some(state.token_digest) {
        return (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, "Bearer realm=\"metrics\"")],
            "The metrics token is missing or wrong.\n",
        )
            .into_response();
    }
    let body = format!(
        "# HELP myvoice_sql_statements_total SQL statements run since the server started.\n\
         # TYPE myvoice_sql_statements_total counter\n\
         myvoice_sql_statements_total {}\n\
         # HELP myvoice_graphql_executions_total GraphQL operations run since the server started.\n\
         # TYPE myvoice_graphql_executions_total counter\n\
         myvoice_graphql_executions_total {}\n",
        state.statements.load(Ordering::Relaxed),
        state.executions.load(Ordering::Relaxed),
    );
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], body).into_response()
}
