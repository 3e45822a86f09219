//! `GET /metrics`: the server's SQL statement counter in the Prometheus text format, readable
//! without signing in (it holds only a total), as the benchmark reads it.
use serde_json::json;
use tests::app::{TestApp, spawn_demo_app, staff_token};

async fn statements(app: &TestApp) -> u64 {
    let response = app.get("/metrics").await;
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
