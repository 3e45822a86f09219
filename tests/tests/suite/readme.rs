//! The README's GraphiQL examples work as printed, for the role each is written for.
use serde_json::json;
use tests::app::{child_token, repo_root, spawn_demo_app, staff_token};

/// `(role, query)` from the README table "One query per role".
fn examples() -> Vec<(String, String)> {
    let readme = std::fs::read_to_string(repo_root().join("README.md")).unwrap();
    let table = readme
        .split("One query per role")
        .nth(1)
        .expect("the examples table");
    table
        .lines()
        .skip_while(|l| !l.starts_with("| advocate"))
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
            (
                cells[0].trim().to_owned(),
                cells[1].trim().trim_matches('`').to_owned(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_readme_example_answers_without_errors_for_its_role() {
    let app = spawn_demo_app().await;
    let examples = examples();
    assert_eq!(examples.len(), 7, "{examples:?}");
    for (role, query) in examples {
        let token = match role.as_str() {
            "child (Mia)" => child_token(&app.db, "Mia").await,
            "advocate" => staff_token(&app.db, "advocate@demo.myvoice").await,
            "social worker" => staff_token(&app.db, "social.worker@demo.myvoice").await,
            "ISRO" => staff_token(&app.db, "isro@demo.myvoice").await,
            "coordinator" => staff_token(&app.db, "coordinator@demo.myvoice").await,
            "agency" => staff_token(&app.db, "agency@demo.myvoice").await,
            "admin" => staff_token(&app.db, "admin@demo.myvoice").await,
            other => panic!("README names an unknown role {other}"),
        };
        let answer = app.graphql_as(Some(&token), &query, json!({})).await;
        assert!(answer["errors"].is_null(), "{role}: {query}\n{answer}");
        assert!(answer["data"].is_object(), "{role}: {answer}");
    }
}
