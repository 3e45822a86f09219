//! Words recorded for a child (issue 20, item 3): the advocate writes down the child's views from a
//! visit or a paper sheet; staff see them labelled as the advocate's until the child confirms them
//! on their phone or the advocate records that the child confirmed in person.
use chrono::{Duration, Utc};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::messages::{ADVOCATE, ISRO, case_of, data};

const SOCIAL_WORKER: &str = "social.worker@demo.myvoice";
pub(crate) const WORDS: &str = "I want to stay at my school with my friends.";

pub(crate) const RECORD: &str = "mutation($c: ID!, $i: ViewsInput!, $h: RecordedHow!) {
    recordViewsForChild(caseId: $c, input: $i, how: $h) {
      id meetingId version status worries writtenBy confirmedAt confirmedHow confirmedOn } }";
const SHARE: &str = "mutation($c: ID!) { shareViews(caseId: $c) { viewsId version } }";
const SHARED: &str = "query($v: ID!) { sharedViews(viewsId: $v) {
    version worries writtenBy confirmedAt confirmedHow } }";
const FOR_MEETING: &str = "query($m: ID!) { sharedViewsForMeeting(meetingId: $m) {
    worries writtenBy confirmedAt } }";
const MINE: &str = "query($m: ID!) { myViews(meetingId: $m) {
    version worries writtenBy confirmedAt confirmedHow } }";

pub(crate) fn input() -> Value {
    json!({
        "worries": [WORDS],
        "goingWell": ["My foster carers are kind."],
        "wantToHappen": ["To see my brother on Saturdays."],
        "attendance": "ADVOCATE_SPEAKS_FOR_ME",
        "sharedWith": ["SOCIAL_WORKER", "CHAIR"],
    })
}

/// Mia's advocate records her words and shares them: the views as recorded, and the share.
pub(crate) async fn record_and_share(app: &TestApp, how: &str) -> (Value, Value) {
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let case = case_of(&app.db, "Mia").await;
    let recorded = app
        .graphql_as(
            Some(&advocate),
            RECORD,
            json!({ "c": case, "i": input(), "h": how }),
        )
        .await;
    let recorded = data(&recorded, "recordViewsForChild").clone();
    let shared = app
        .graphql_as(Some(&advocate), SHARE, json!({ "c": case }))
        .await;
    (recorded, data(&shared, "shareViews").clone())
}

async fn as_social_worker(app: &TestApp, views: &Value) -> Value {
    let token = staff_token(&app.db, SOCIAL_WORKER).await;
    let read = app
        .graphql_as(Some(&token), SHARED, json!({ "v": views }))
        .await;
    data(&read, "sharedViews").clone()
}

async fn as_chair(app: &TestApp, meeting: &Value) -> Value {
    let token = staff_token(&app.db, ISRO).await;
    let read = app
        .graphql_as(Some(&token), FOR_MEETING, json!({ "m": meeting }))
        .await;
    data(&read, "sharedViewsForMeeting")[0].clone()
}

#[tokio::test]
async fn recorded_words_are_labelled_until_the_child_says_yes_on_her_phone() {
    let app = spawn_demo_app().await;
    let (recorded, shared) = record_and_share(&app, "VISIT").await;
    assert_eq!(recorded["writtenBy"], "ADVOCATE");
    assert_eq!(recorded["status"], "SUBMITTED");
    assert!(recorded["confirmedAt"].is_null());
    assert_eq!(recorded["worries"], json!([WORDS]));

    // The social worker and the chair see the words, marked as the advocate's, not yet confirmed.
    let sw = as_social_worker(&app, &shared["viewsId"]).await;
    assert_eq!(sw["worries"], json!([WORDS]));
    assert_eq!(sw["writtenBy"], "ADVOCATE");
    assert!(sw["confirmedAt"].is_null());
    let chair = as_chair(&app, &recorded["meetingId"]).await;
    assert_eq!(chair["writtenBy"], "ADVOCATE");
    assert!(chair["confirmedAt"].is_null());

    // Mia sees them on her phone and says "Yes, that is right".
    let child = child_token(&app.db, "Mia").await;
    let meeting = json!({ "m": recorded["meetingId"] });
    let mine = app.graphql_as(Some(&child), MINE, meeting.clone()).await;
    assert_eq!(data(&mine, "myViews")["writtenBy"], "ADVOCATE");
    let confirm = "mutation($m: ID!) { confirmMyViews(meetingId: $m) { writtenBy confirmedAt confirmedHow } }";
    let yes = app.graphql_as(Some(&child), confirm, meeting).await;
    let yes = data(&yes, "confirmMyViews");
    assert_eq!(yes["confirmedHow"], "ON_PHONE");
    assert!(!yes["confirmedAt"].is_null());

    let sw = as_social_worker(&app, &shared["viewsId"]).await;
    assert_eq!(sw["confirmedHow"], "ON_PHONE");
    assert!(!sw["confirmedAt"].is_null());
    let chair = as_chair(&app, &recorded["meetingId"]).await;
    assert!(!chair["confirmedAt"].is_null());
}

#[tokio::test]
async fn the_advocate_records_that_the_child_confirmed_in_person() {
    let app = spawn_demo_app().await;
    let (recorded, shared) = record_and_share(&app, "PAPER").await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let case = case_of(&app.db, "Mia").await;
    let query = "mutation($c: ID!, $on: NaiveDate!) { childConfirmedInPerson(caseId: $c, on: $on) {
        writtenBy confirmedAt confirmedHow confirmedOn } }";
    let today = Utc::now().date_naive();
    let later = app
        .graphql_as(
            Some(&advocate),
            query,
            json!({ "c": case, "on": today + Duration::days(1) }),
        )
        .await;
    assert_eq!(error_code(&later), "BAD_USER_INPUT", "{later}");
    let yesterday = today - Duration::days(1);
    let done = app
        .graphql_as(
            Some(&advocate),
            query,
            json!({ "c": case, "on": yesterday }),
        )
        .await;
    let done = data(&done, "childConfirmedInPerson");
    assert_eq!(done["confirmedHow"], "IN_PERSON");
    assert_eq!(done["confirmedOn"], yesterday.to_string());

    let sw = as_social_worker(&app, &shared["viewsId"]).await;
    assert_eq!(sw["writtenBy"], "ADVOCATE");
    assert_eq!(sw["confirmedHow"], "IN_PERSON");
    // The child's own phone then has nothing left to confirm… but saying yes again is harmless.
    let child = child_token(&app.db, "Mia").await;
    let confirm = "mutation($m: ID!) { confirmMyViews(meetingId: $m) { confirmedHow } }";
    let again = app
        .graphql_as(Some(&child), confirm, json!({ "m": recorded["meetingId"] }))
        .await;
    assert_eq!(data(&again, "confirmMyViews")["confirmedHow"], "IN_PERSON");
}

#[tokio::test]
async fn when_the_child_changes_them_the_words_are_her_own_and_versions_are_kept() {
    let app = spawn_demo_app().await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let case = case_of(&app.db, "Mia").await;
    let before = app
        .graphql_as(
            Some(&advocate),
            "query($c: ID!) { caseViewsHistory(caseId: $c) { version } }",
            json!({ "c": case }),
        )
        .await;
    let versions_before = data(&before, "caseViewsHistory")
        .as_array()
        .map_or(0, Vec::len);
    let recorded = app
        .graphql_as(
            Some(&advocate),
            RECORD,
            json!({ "c": case, "i": input(), "h": "VISIT" }),
        )
        .await;
    let recorded = data(&recorded, "recordViewsForChild").clone();
    let after = app
        .graphql_as(
            Some(&advocate),
            "query($c: ID!) { caseViewsHistory(caseId: $c) { version worries } }",
            json!({ "c": case }),
        )
        .await;
    let history = data(&after, "caseViewsHistory");
    assert_eq!(history.as_array().map_or(0, Vec::len), versions_before + 1);
    assert_eq!(
        history
            .as_array()
            .and_then(|h| h.last())
            .map(|v| &v["worries"]),
        Some(&json!([WORDS]))
    );

    // "I want to change it": Mia saves her own words; they are hers now, not to be confirmed.
    let child = child_token(&app.db, "Mia").await;
    let save = "mutation($m: ID!, $v: Int!, $c: ViewsInput!) {
        saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) { version writtenBy confirmedAt } }";
    let mut mine = input();
    mine["worries"] = json!(["I want to stay at my school."]);
    let saved = app
        .graphql_as(
            Some(&child),
            save,
            json!({ "m": recorded["meetingId"], "v": recorded["version"], "c": mine }),
        )
        .await;
    assert_eq!(data(&saved, "saveViewsDraft")["writtenBy"], "CHILD");
    let confirm = "mutation($m: ID!) { confirmMyViews(meetingId: $m) { confirmedHow } }";
    let nothing = app
        .graphql_as(Some(&child), confirm, json!({ "m": recorded["meetingId"] }))
        .await;
    assert_eq!(error_code(&nothing), "BAD_USER_INPUT", "{nothing}");

    // Only the allocated advocate records: the social worker is refused.
    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    let refused = app
        .graphql_as(
            Some(&social_worker),
            RECORD,
            json!({ "c": case, "i": input(), "h": "VISIT" }),
        )
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
}
