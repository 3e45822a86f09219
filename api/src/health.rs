//! Probes for load balancers and orchestrators.
use axum::{Router, extract::State, http::StatusCode, routing::get};
use sea_orm::DatabaseConnection;

pub fn routes(db: DatabaseConnection) -> Router {
    Router::new()
        .route("/healthz", get(|| async { "ok" }))
        .route("/readyz", get(readyz))
        .with_state(db)
}

/// Ready only when the database answers: a load balancer then sends no traffic to an instance that cannot save.
async fn readyz(State(db): State<DatabaseConnection>) -> (StatusCode, &'static str) {
    if crate::db::is_ready(&db).await {
        (StatusCode::OK, "ready")
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
    }
}
