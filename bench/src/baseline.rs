//! The hand-written baseline: the caseload page as a plain axum handler with one SQL statement
//! through sqlx, answering with the same JSON as `myCaseload`. It checks the same bearer token and
//! uses the same pool sizes and SQLite settings as the server, so the difference in throughput is
//! the cost of the GraphQL layer, the ORM and the DataLoaders.
use std::net::SocketAddr;
use std::str::FromStr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Context;
use api::auth::{TokenIssuer, Viewer};
use api::graphql::ids::NodeKind;
use api::referrals::lead_time::meeting_soon;
use api::referrals::rules::age_on;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::StaffRole;
use sea_orm::sqlx::postgres::{PgPool, PgPoolOptions};
use sea_orm::sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};
use sea_orm::sqlx::{self, Row};
use serde::{Deserialize, Serialize};

/// The whole page in one statement: the count comes from a window over the same rows. The urgent
/// flag is a correlated `LIMIT 1` lookup rather than `EXISTS`, which PostgreSQL turns into a hash
/// of every open request in the authority (a scan that grows with its size).
const CASELOAD_SQL: &str = "\
SELECT c.id AS case_id, c.status AS status, \
       ch.id AS child_id, ch.preferred_name AS preferred_name, \
       ch.date_of_birth AS date_of_birth, ch.looked_after AS looked_after, \
       m.id AS meeting_id, m.kind AS kind, m.scheduled_at AS scheduled_at, m.place AS place, \
       v.status AS views_status, \
       (SELECT 1 FROM urgent_help u \
        WHERE u.child_id = c.child_id AND u.acknowledged_at IS NULL LIMIT 1) IS NOT NULL AS urgent, \
       COUNT(*) OVER () AS total \
FROM advocacy_case c \
JOIN child ch ON ch.local_authority_id = c.local_authority_id AND ch.id = c.child_id \
JOIN meeting m ON m.local_authority_id = c.local_authority_id AND m.id = c.meeting_id \
LEFT JOIN views v ON v.child_id = c.child_id AND v.meeting_id = c.meeting_id \
WHERE c.local_authority_id = $1 AND c.advocate_id = $2 AND c.status <> 'closed' \
ORDER BY m.scheduled_at IS NULL, m.scheduled_at, c.id \
LIMIT $3";

#[derive(Clone)]
enum Pool {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone)]
struct AppState {
    pool: Pool,
    tokens: TokenIssuer,
    statements: Arc<AtomicU64>,
}

/// One row of the page as the database returns it.
struct CaseRow {
    case_id: i32,
    status: String,
    child_id: i32,
    preferred_name: String,
    date_of_birth: NaiveDate,
    looked_after: bool,
    meeting_id: i32,
    kind: String,
    scheduled_at: Option<DateTime<Utc>>,
    place: Option<String>,
    views_status: Option<String>,
    urgent: bool,
    total: i64,
}

#[derive(Serialize)]
struct Answer {
    data: Data,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Data {
    my_caseload: Connection,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Connection {
    total_count: i64,
    edges: Vec<Edge>,
}

#[derive(Serialize)]
struct Edge {
    node: Node,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Node {
    id: String,
    status: String,
    views_status: String,
    urgent_help_open: bool,
    meeting_soon: bool,
    child: ChildOut,
    meeting: MeetingOut,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ChildOut {
    id: String,
    preferred_name: String,
    age: i32,
    looked_after: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MeetingOut {
    id: String,
    kind: String,
    scheduled_at: Option<String>,
    place: Option<String>,
}

#[derive(Deserialize, Default)]
struct Body {
    #[serde(default)]
    variables: Variables,
}

#[derive(Deserialize, Default)]
struct Variables {
    first: Option<i64>,
}

/// The same pool settings as `api::db::connect`.
async fn connect(url: &str) -> anyhow::Result<Pool> {
    let timeout = Duration::from_secs(5);
    if url.starts_with("sqlite:") {
        let options = SqliteConnectOptions::from_str(url)?
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(timeout);
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .acquire_timeout(timeout)
            .connect_with(options)
            .await?;
        Ok(Pool::Sqlite(pool))
    } else {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(timeout)
            .connect(url)
            .await?;
        Ok(Pool::Postgres(pool))
    }
}

/// Decode the page's rows the same way on either engine.
macro_rules! fetch {
    ($pool:expr, $tenant:expr, $advocate:expr, $limit:expr) => {
        sqlx::query(CASELOAD_SQL)
            .bind($tenant)
            .bind($advocate)
            .bind($limit)
            .fetch_all($pool)
            .await?
            .iter()
            .map(|r| {
                Ok(CaseRow {
                    case_id: r.try_get("case_id")?,
                    status: r.try_get("status")?,
                    child_id: r.try_get("child_id")?,
                    preferred_name: r.try_get("preferred_name")?,
                    date_of_birth: r.try_get("date_of_birth")?,
                    looked_after: r.try_get("looked_after")?,
                    meeting_id: r.try_get("meeting_id")?,
                    kind: r.try_get("kind")?,
                    scheduled_at: r.try_get("scheduled_at")?,
                    place: r.try_get("place")?,
                    views_status: r.try_get("views_status")?,
                    urgent: r.try_get("urgent")?,
                    total: r.try_get("total")?,
                })
            })
            .collect::<Result<Vec<CaseRow>, sqlx::Error>>()?
    };
}

async fn page(
    pool: &Pool,
    tenant: i32,
    advocate: i32,
    limit: i64,
) -> Result<Vec<CaseRow>, sqlx::Error> {
    Ok(match pool {
        Pool::Sqlite(pool) => fetch!(pool, tenant, advocate, limit),
        Pool::Postgres(pool) => fetch!(pool, tenant, advocate, limit),
    })
}

fn error(status: StatusCode, code: &str) -> Response {
    let body =
        serde_json::json!({ "errors": [{ "message": code, "extensions": { "code": code } }] });
    (status, Json(body)).into_response()
}

async fn caseload(
    State(state): State<AppState>,
    headers: HeaderMap,
    Json(body): Json<Body>,
) -> Response {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    let advocate = match token.map(|t| state.tokens.verify(t.trim()).map(|v| v.viewer)) {
        Some(Ok(Viewer::Staff(staff))) if staff.role == StaffRole::Advocate => staff,
        Some(Ok(_)) => return error(StatusCode::OK, "FORBIDDEN"),
        _ => return error(StatusCode::OK, "UNAUTHENTICATED"),
    };
    let limit = body.variables.first.unwrap_or(20).clamp(1, 100);
    state.statements.fetch_add(1, Ordering::Relaxed);
    let rows = match page(&state.pool, advocate.tenant.0, advocate.id, limit).await {
        Ok(rows) => rows,
        Err(_) => return error(StatusCode::OK, "INTERNAL"),
    };
    let now = Utc::now();
    let today = now.date_naive();
    let total_count = rows.first().map_or(0, |r| r.total);
    let edges = rows
        .into_iter()
        .map(|r| Edge {
            node: Node {
                id: NodeKind::Case.id(r.case_id).0,
                status: r.status.to_uppercase(),
                views_status: r
                    .views_status
                    .map_or_else(|| "NOT_STARTED".to_owned(), |s| s.to_uppercase()),
                urgent_help_open: r.urgent,
                meeting_soon: r.scheduled_at.is_some_and(|at| meeting_soon(now, at)),
                child: ChildOut {
                    id: NodeKind::Child.id(r.child_id).0,
                    preferred_name: r.preferred_name,
                    age: i32::try_from(age_on(r.date_of_birth, today)).unwrap_or(i32::MAX),
                    looked_after: r.looked_after,
                },
                meeting: MeetingOut {
                    id: NodeKind::Meeting.id(r.meeting_id).0,
                    kind: r.kind.to_uppercase(),
                    scheduled_at: r.scheduled_at.map(|at| at.to_rfc3339()),
                    place: r.place,
                },
            },
        })
        .collect();
    Json(Answer {
        data: Data {
            my_caseload: Connection { total_count, edges },
        },
    })
    .into_response()
}

async fn metrics(State(state): State<AppState>) -> String {
    format!(
        "myvoice_sql_statements_total {}\n",
        state.statements.load(Ordering::Relaxed)
    )
}

async fn router(url: &str, tokens: TokenIssuer) -> anyhow::Result<Router> {
    let pool = connect(url)
        .await
        .context("the baseline cannot open the database")?;
    let state = AppState {
        pool,
        tokens,
        statements: Arc::default(),
    };
    Ok(Router::new()
        .route("/graphql", post(caseload))
        .route("/metrics", get(metrics))
        .route("/readyz", get(|| async { "ready" }))
        .with_state(state))
}

/// Serve the baseline at `bind` until the process is stopped (`myvoice-bench serve-baseline`).
pub async fn serve(url: &str, tokens: TokenIssuer, bind: SocketAddr) -> anyhow::Result<()> {
    let app = router(url, tokens).await?;
    let listener = tokio::net::TcpListener::bind(bind).await?;
    axum::serve(listener, app).await?;
    Ok(())
}

/// Serve the baseline inside this process on a free port (for the smoke test); returns its address.
pub async fn spawn(url: &str, tokens: TokenIssuer) -> anyhow::Result<SocketAddr> {
    let app = router(url, tokens).await?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(async move { axum::serve(listener, app).await });
    Ok(address)
}
