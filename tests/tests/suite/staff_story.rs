//! Issue 6's cross-role story in Chromium, on the demo data as a new user would try it, with
//! JavaScript on and off (each on its own app): the social worker refers Sam → the coordinator
//! accepts and allocates → the advocate issues a sign-in code → Sam sends his views → the advocate
//! shares them → (the meeting takes place) → the chair records it and sends the outcome → the agency
//! acknowledges → Sam sees the outcome and who read his views. After each step the API is asked what
//! it now holds.
use serde_json::{Value, json};
use tests::app::{TestApp, hold_meeting_of, repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;

async fn step(app: &TestApp, js: &'static str, name: &'static str, input: Value) -> Value {
    step_of(app, "staff-story.mjs", js, name, input).await
}

/// Run one step of a story script in the browser and check it ran cleanly: no error, no console
/// error or failed request, and every page checked passes axe and fits the screen.
pub(crate) async fn step_of(
    app: &TestApp,
    script: &'static str,
    js: &'static str,
    name: &'static str,
    input: Value,
) -> Value {
    let shots = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let args = vec![
        app.url(""),
        js.to_owned(),
        name.to_owned(),
        shots.display().to_string(),
        input.to_string(),
    ];
    let mut lines = tokio::task::spawn_blocking(move || run_browser_script(script, &args))
        .await
        .expect("browser script ran");
    let result = lines.pop().expect("one result line");
    let what = format!("{name} with JavaScript {js}");
    assert!(result.get("error").is_none(), "{what} failed: {result}");
    assert_eq!(
        result["problems"],
        json!([]),
        "{what}: console errors or failed requests"
    );
    for check in result["checks"].as_array().expect("checks") {
        assert_eq!(
            check["violations"],
            json!([]),
            "{what}: axe on {}",
            check["page"]
        );
        assert_eq!(
            check["overflow"], false,
            "{what}: {} scrolls sideways",
            check["page"]
        );
    }
    result
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, got {value}"))
}

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

async fn story(app: &TestApp, js: &'static str) {
    let refer = step(app, js, "refer", json!({})).await;
    assert_eq!(refer["score"], "100%", "JS {js}: a complete referral");
    assert!(text(&refer["state"]).starts_with("Received"), "{refer}");

    let allocate = step(app, js, "allocate", json!({})).await;
    assert!(
        text(&allocate["state"]).contains("Allocated: Priya Shah"),
        "JS {js}: {allocate}"
    );

    let code = step(app, js, "code", json!({})).await;
    let sign_in = json!({ "code": code["code"], "pin": code["pin"] });

    let child = step(app, js, "child", sign_in.clone()).await;
    assert!(text(&child["receipt"]).contains("Sent!"), "{child}");
    let typed = &child["typed"];

    // The advocate holds exactly Sam's words, sent.
    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let caseload = gql(
        app,
        &advocate,
        "{ myCaseload(first: 20) { edges { node { id child { preferredName } } } } }",
        json!({}),
    )
    .await;
    let case_id = caseload["myCaseload"]["edges"]
        .as_array()
        .expect("caseload")
        .iter()
        .find(|e| e["node"]["child"]["preferredName"] == "Sam")
        .expect("Sam's case on Priya's caseload")["node"]["id"]
        .clone();
    let views = gql(
        app,
        &advocate,
        "query($c: ID!) { caseViews(caseId: $c) { status worries wantToHappen } }",
        json!({ "c": case_id }),
    )
    .await["caseViews"]
        .clone();
    assert_eq!(
        views,
        json!({ "status": "SUBMITTED", "worries": [typed["worry"]], "wantToHappen": [typed["want"]] })
    );

    let share = step(app, js, "share", json!({ "casePath": code["casePath"] })).await;
    assert!(
        text(&share["views"]).contains(text(&typed["worry"])),
        "{share}"
    );
    let social_worker = staff_token(&app.db, "social.worker@demo.myvoice").await;
    let shared = gql(
        app,
        &social_worker,
        "{ viewsSharedWithMe(first: 20) { edges { node { childFirstName } } } }",
        json!({}),
    )
    .await;
    assert!(
        shared.to_string().contains("\"Sam\""),
        "JS {js}: the social worker has Sam's views: {shared}"
    );

    hold_meeting_of(&app.db, "Sam").await;
    let record = step(app, js, "record", json!({})).await;
    assert!(
        text(&record["views"]).contains(text(&typed["want"])),
        "JS {js}: the chair read Sam's views before recording: {record}"
    );

    let acknowledge = step(app, js, "acknowledge", json!({})).await;
    assert_eq!(acknowledge["before"], 1, "{acknowledge}");
    assert_eq!(acknowledge["after"], 0, "{acknowledge}");

    let after = step(app, js, "after", sign_in).await;
    let page = text(&after["after"]);
    assert!(page.contains(text(&after["outcome"])), "JS {js}: {page}");
    assert!(
        page.contains("Priya") && page.contains("Helen"),
        "JS {js}: readers: {page}"
    );
}

#[tokio::test]
async fn a_childs_story_reaches_every_role_and_comes_back_to_the_child() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    story(&on, "on").await;
    story(&off, "off").await;
}
