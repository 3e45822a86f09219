//! The child names things (issue 20, item 6): the child calls their meeting and the parts of their
//! views by their own names, reads them back, and no member of staff may read or set them; the
//! child sees each person who read their views once, with their first and last read.
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::views::{ADVOCATE, SOCIAL_WORKER, kid, mia_submits, ok};

const SET: &str = "mutation($i: MyNamesInput!) { setMyNames(input: $i) { meeting worries goingWell wantToHappen } }";
const READ: &str = "{ myNames { meeting worries goingWell wantToHappen } }";

async fn set(app: &TestApp, token: &str, input: Value) -> Value {
    app.graphql_as(Some(token), SET, json!({ "i": input }))
        .await
}

#[tokio::test]
async fn the_child_names_their_meeting_and_views_and_reads_the_names_back() {
    let app = spawn_demo_app().await;
    let mia = child_token(&app.db, "Mia").await;
    let names = app.graphql_as(Some(&mia), READ, json!({})).await;
    assert_eq!(
        ok(&names)["myNames"],
        json!({ "meeting": null, "worries": null, "goingWell": null, "wantToHappen": null }),
        "the usual words at first"
    );

    let input = json!({ "meeting": "  My big day ", "worries": "Stuff that bugs me",
                        "goingWell": "", "wantToHappen": "My wishes" });
    let body = set(&app, &mia, input).await;
    let expected = json!({ "meeting": "My big day", "worries": "Stuff that bugs me",
                           "goingWell": null, "wantToHappen": "My wishes" });
    assert_eq!(ok(&body)["setMyNames"], expected);
    let names = app.graphql_as(Some(&mia), READ, json!({})).await;
    assert_eq!(ok(&names)["myNames"], expected);

    // Each child has their own names.
    let leo = child_token(&app.db, "Leo").await;
    let his = app.graphql_as(Some(&leo), READ, json!({})).await;
    assert_eq!(ok(&his)["myNames"]["meeting"], Value::Null);
}

#[tokio::test]
async fn names_are_short_and_one_line() {
    let app = spawn_demo_app().await;
    let mia = child_token(&app.db, "Mia").await;
    set(&app, &mia, json!({ "meeting": "Mine" })).await;
    for bad in [
        json!({ "worries": "x".repeat(61) }),
        json!({ "goingWell": "two\nlines" }),
    ] {
        let body = set(&app, &mia, bad.clone()).await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{bad}: {body}");
    }
    let fits = set(&app, &mia, json!({ "worries": "x".repeat(60) })).await;
    assert_eq!(ok(&fits)["setMyNames"]["worries"], "x".repeat(60));
    // A refused change kept nothing; an accepted one replaced all four.
    let names = app.graphql_as(Some(&mia), READ, json!({})).await;
    assert_eq!(ok(&names)["myNames"]["meeting"], Value::Null);
}

#[tokio::test]
async fn staff_neither_read_nor_set_the_childs_names() {
    let app = spawn_demo_app().await;
    for email in [ADVOCATE, SOCIAL_WORKER] {
        let staff = staff_token(&app.db, email).await;
        let body = set(&app, &staff, json!({ "meeting": "Theirs" })).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}: {body}");
        let body = app.graphql_as(Some(&staff), READ, json!({})).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}: {body}");
    }
    let body = app
        .graphql_as(None, SET, json!({ "i": { "meeting": "x" } }))
        .await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");
}

#[tokio::test]
async fn the_child_sees_each_reader_once_with_their_first_and_last_read() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    for _ in 0..3 {
        ok(&app
            .graphql_as(
                Some(&advocate),
                "query($c: ID!) { caseViews(caseId: $c) { worries } }",
                json!({ "c": mia.case }),
            )
            .await);
    }
    let body = app
        .graphql_as(
            Some(&token),
            "{ myCurrentMeeting { peopleWhoReadMyViews { who firstName firstReadAt lastReadAt times } } }",
            json!({}),
        )
        .await;
    let people = ok(&body)["myCurrentMeeting"]["peopleWhoReadMyViews"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(people.len(), 1, "one person, once: {body}");
    assert_eq!(people[0]["who"], "your advocate");
    assert_eq!(people[0]["times"], 3);
    assert!(people[0]["firstReadAt"].as_str() <= people[0]["lastReadAt"].as_str());
}
