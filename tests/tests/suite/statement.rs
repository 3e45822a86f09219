//! The statement of a child's views (issue 20): the child's exact words for the meeting and the case
//! file, read only by the allocated advocate and the people the views were shared with (each read
//! audited for the child); and honest consent: the advocate records handing the printed statement to
//! the family or the meeting, only where the child agreed, and the child sees where their views went.
use chrono::{Duration, Utc};
use entity::enums::StaffRole;
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::sharing::share;
use crate::views::{
    ADVOCATE, Kid, SOCIAL_WORKER, another_staff, audit_count, consenting_content, kid, ok,
    other_tenant, save, submit, views_row,
};
use api::graphql::ids::NodeKind;

const STATEMENT: &str = "query($v: ID!) { viewsStatement(viewsId: $v) { childName version sentAt \
    worries goingWell wantToHappen freeWords attendance sharedWith \
    shares { audience recipientName version sharedAt readAt } handed { audience version givenOn } } }";
const HANDED: &str = "mutation($c: ID!, $a: Audience!, $d: NaiveDate!) { \
    recordStatementHanded(caseId: $c, audience: $a, givenOn: $d) { audience version givenOn } }";
const REACH: &str =
    "query($m: ID!) { myViews(meetingId: $m) { reach { audience reached sharedAt givenOn } } }";

const FREE_WORDS: &str = "Please don't tell Dad I said this — I want to stay at Nan's.";

/// Mia sends views agreeing to her social worker, the chair and her family (not the meeting).
async fn mia_sends(app: &TestApp) -> (Kid, String) {
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let mut content = consenting_content();
    content["shareWithFamily"] = json!(true);
    content["freeWords"] = json!(FREE_WORDS);
    ok(&save(app, &token, &mia.meeting, 1, content).await);
    ok(&submit(app, &token, &mia.meeting, 2, "mia-statement-1").await);
    let views = views_row(&app.db, &mia).await.expect("views saved");
    (mia, NodeKind::Views.id(views.id).0)
}

async fn statement(app: &TestApp, token: &str, views: &str) -> Value {
    app.graphql_as(Some(token), STATEMENT, json!({ "v": views }))
        .await
}

async fn reach(app: &TestApp, token: &str, meeting: &str) -> Value {
    let answer = app
        .graphql_as(Some(token), REACH, json!({ "m": meeting }))
        .await;
    ok(&answer)["myViews"]["reach"].clone()
}

async fn hand(app: &TestApp, case: &str, audience: &str, day: chrono::NaiveDate) -> Value {
    let advocate = staff_token(&app.db, ADVOCATE).await;
    app.graphql_as(
        Some(&advocate),
        HANDED,
        json!({ "c": case, "a": audience, "d": day.to_string() }),
    )
    .await
}

#[tokio::test]
async fn the_statement_holds_the_childs_exact_words_for_the_advocate_and_whoever_it_was_shared_with()
 {
    let app = spawn_demo_app().await;
    let (mia, views) = mia_sends(&app).await;
    let views_id = views_row(&app.db, &mia).await.unwrap().id;
    let advocate = staff_token(&app.db, ADVOCATE).await;

    let reads_before = audit_count(&app.db, "views.read", views_id).await;
    let answer = statement(&app, &advocate, &views).await;
    let s = &ok(&answer)["viewsStatement"];
    assert_eq!(s["childName"], "Mia");
    assert_eq!(s["version"], 2);
    assert_eq!(s["freeWords"], FREE_WORDS);
    assert_eq!(
        s["worries"],
        json!(["I don't know if I can still see my brother."])
    );
    assert_eq!(s["attendance"], "ATTEND_WITH_ADVOCATE");
    assert_eq!(s["sharedWith"], json!(["SOCIAL_WORKER", "CHAIR", "FAMILY"]));
    assert_eq!(s["shares"], json!([]));
    assert_eq!(
        audit_count(&app.db, "views.read", views_id).await,
        reads_before + 1,
        "reading the statement is a read of the child's views"
    );

    // Before the views are shared, the social worker has no statement to read.
    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    assert_eq!(
        error_code(&statement(&app, &social_worker, &views).await),
        "NOT_FOUND"
    );
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    assert_eq!(
        error_code(&statement(&app, &coordinator, &views).await),
        "FORBIDDEN"
    );
    let other_advocate =
        another_staff(&app.db, "other.advocate@demo.myvoice", StaffRole::Advocate).await;
    assert_eq!(
        error_code(&statement(&app, &other_advocate, &views).await),
        "NOT_FOUND"
    );
    let elsewhere = other_tenant(&app.db).await;
    assert_eq!(
        error_code(&statement(&app, &elsewhere.advocate_token, &views).await),
        "NOT_FOUND"
    );

    ok(&share(&app, &mia.case).await);
    let answer = statement(&app, &social_worker, &views).await;
    let s = &ok(&answer)["viewsStatement"];
    assert_eq!(s["freeWords"], FREE_WORDS);
    let shares = s["shares"].as_array().unwrap();
    let to: Vec<(&str, &str)> = shares
        .iter()
        .map(|x| {
            (
                x["audience"].as_str().unwrap(),
                x["recipientName"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        to,
        vec![("SOCIAL_WORKER", "Tom Reed"), ("CHAIR", "Helen Carter")]
    );
    assert!(
        shares[0]["readAt"].is_string(),
        "the social worker's own reading of the statement marks their share read"
    );
    assert!(shares[1]["readAt"].is_null(), "the chair has not read it");
}

#[tokio::test]
async fn the_advocate_records_handing_the_statement_only_where_the_child_agreed_and_the_child_sees_it()
 {
    let app = spawn_demo_app().await;
    let (mia, _) = mia_sends(&app).await;
    let views_id = views_row(&app.db, &mia).await.unwrap().id;
    let today = Utc::now().date_naive();
    let mia_token = child_token(&app.db, "Mia").await;
    let before = reach(&app, &mia_token, &mia.meeting).await;
    assert_eq!(
        before
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (
                r["audience"].as_str().unwrap(),
                r["reached"].as_bool().unwrap()
            ))
            .collect::<Vec<_>>(),
        vec![
            ("SOCIAL_WORKER", false),
            ("CHAIR", false),
            ("FAMILY", false)
        ],
        "only the people Mia picked, none reached yet"
    );

    let handed = hand(&app, &mia.case, "FAMILY", today).await;
    assert_eq!(
        ok(&handed)["recordStatementHanded"]["givenOn"],
        today.to_string()
    );
    ok(&hand(&app, &mia.case, "FAMILY", today).await);
    assert_eq!(
        audit_count(&app.db, "views.statement_handed", views_id).await,
        1
    );

    // Not where Mia did not agree, not to people who get a share, not in the future.
    let refused = hand(&app, &mia.case, "MEETING", today).await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");
    assert_eq!(
        error_code(&hand(&app, &mia.case, "SOCIAL_WORKER", today).await),
        "BAD_USER_INPUT"
    );
    let tomorrow_and_more = today + Duration::days(2);
    assert_eq!(
        error_code(&hand(&app, &mia.case, "FAMILY", tomorrow_and_more).await),
        "BAD_USER_INPUT"
    );
    let other_advocate =
        another_staff(&app.db, "other.advocate@demo.myvoice", StaffRole::Advocate).await;
    let theirs = app
        .graphql_as(
            Some(&other_advocate),
            HANDED,
            json!({ "c": mia.case, "a": "FAMILY", "d": today.to_string() }),
        )
        .await;
    assert_eq!(error_code(&theirs), "NOT_FOUND");

    ok(&share(&app, &mia.case).await);
    let after = reach(&app, &mia_token, &mia.meeting).await;
    let by: Vec<(&str, bool)> = after
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["audience"].as_str().unwrap(),
                r["reached"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        by,
        vec![("SOCIAL_WORKER", true), ("CHAIR", true), ("FAMILY", true)]
    );
    assert_eq!(after[2]["givenOn"], today.to_string());
    assert!(after[0]["sharedAt"].is_string());
}
