//! `GET /metrics`: process counters in the Prometheus text format, for the benchmark and for
//! operators. Only totals since start (no child, tenant, user or query text), so it needs no sign-in.
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::{Router, extract::State, http::header, response::IntoResponse, routing::get};

/// The Prometheus text exposition format.
const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// `statements` counts every SQL statement the server's pool runs (see `Application::build`).
pub fn routes(statements: Arc<AtomicU64>) -> Router {
    Router::new()
        .route("/metrics", get(metrics))
        .with_state(statements)
}

async fn metrics(State(statements): State<Arc<AtomicU64>>) -> impl IntoResponse {
    let body = format!(
        "# HELP myvoice_sql_statements_total SQL statements run since the server started.\n\
         # TYPE myvoice_sql_statements_total counter\n\
         myvoice_sql_statements_total {}\n",
        statements.load(Ordering::Relaxed)
    );
    ([(header::CONTENT_TYPE, CONTENT_TYPE)], body)
}
