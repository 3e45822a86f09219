//! `GET /metrics`: the server's SQL statement counter in the Prometheus text format, as the
//! benchmark reads it. Not public (issue 17: counts that move with each request told which
//! sign-ins found an account): only with the configured bearer token, and not served without one.
use serde_json::json;
use tests::app::{TEST_METRICS_TOKEN, TestApp, spawn_demo_app, spawn_with, staff_token};

async fn statements(app: &TestApp) -> u64 {
    let response = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TEST_METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let content_type = response.headers()["content-type"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(content_type.starts_with("text/plain"), "{content_type}");
    let text = response.text().await.unwrap();
    assert!(
        text.contains("# TYPE myvoice_sql_statements_total counter"),
        "{text}"
    );
    text.lines()
        .find_map(|l| l.strip_prefix("myvoice_sql_statements_total "))
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no statement count in {text}"))
}

#[tokio::test]
async fn metrics_count_every_sql_statement_the_server_runs() {
    let app = spawn_demo_app().await;
    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let before = statements(&app).await;
    let caseload = "{ myCaseload(first: 5) { totalCount } }";
    let (ran, answer) = app
        .statements_during(app.graphql_as(Some(&advocate), caseload, json!({})))
        .await;
    assert_eq!(answer["data"]["myCaseload"]["totalCount"], 2);
    // The page and its count are one statement (api/src/cases/mod.rs).
    assert!(ran >= 1, "the caseload reads its page: {ran}");
    let after = statements(&app).await;
    assert!(
        after - before >= ran,
        "/metrics went from {before} to {after} while the server ran {ran} statements"
    );
    assert_eq!(
        statements(&app).await,
        after,
        "reading /metrics runs no SQL itself"
    );
}

#[tokio::test]
async fn metrics_are_refused_without_the_token() {
    let app = spawn_demo_app().await;
    let anonymous = app.get("/metrics").await;
    assert_eq!(anonymous.status(), 401);
    assert!(anonymous.headers().contains_key("www-authenticate"));
    let body = anonymous.text().await.unwrap();
    assert!(!body.contains("myvoice_sql_statements_total"), "{body}");
    let wrong = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth("not-the-metrics-token-not-the-metrics-token")
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status(), 401);
    // A staff member's access token is not the metrics token either.
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let staff = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap();
    assert_eq!(staff.status(), 401);
}

#[tokio::test]
async fn without_a_configured_token_there_are_no_metrics() {
    let app = spawn_with(false, |s| s.metrics_token = None).await;
    let response = app.get("/metrics").await;
    assert_eq!(response.status(), 404);
    let with_token = app
        .client
        .get(app.url("/metrics"))
        .bearer_auth(TEST_METRICS_TOKEN)
        .send()
        .await
        .unwrap();
    assert_eq!(with_token.status(), 404);
}
