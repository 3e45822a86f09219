//! Meetings as each role sees them (children, social workers, ISROs, integrators). The chair's
//! record is tested in `record`; the fixtures are shared with `outcomes` and `oversight`.
pub mod fixtures;
mod record;

use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::{MeetingKind, MeetingStatus, StaffRole};
use serde_json::json;
use tests::app::{child_token, error_code, spawn_demo_app, staff_token};

pub use fixtures::*;

const MEETING: &str = "query($id: ID!) { meeting(id: $id) {
    id kind status place chair { name } socialWorker { name } children { firstName }
    whiteboard { plan } outcomeStaffWords outcomeChildWords recordedAt } }";

const MY_MEETINGS: &str = "{ myMeetings { totalCount edges { node {
    id kind inPlainWords scheduledAt place status chairFirstName outcomeForMe } } } }";

// ---------------------------------------------------------------------------------------------
// Children

#[tokio::test]
async fn a_child_sees_only_their_own_meetings_and_the_outcome_in_their_words() {
    let app = spawn_demo_app().await;
    let past = past_meeting_for_mia(&app).await;
    record_as_chair(&app, past).await;

    let mia = child_token(&app.db, "Mia").await;
    let body = app.graphql_as(Some(&mia), MY_MEETINGS, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let list = &body["data"]["myMeetings"];
    assert_eq!(list["totalCount"], 2, "{body}");
    let first = &list["edges"][0]["node"];
    assert_eq!(first["id"], gid(NodeKind::Meeting, past), "soonest first");
    assert_eq!(first["status"], "HELD");
    assert_eq!(first["chairFirstName"], "Helen");
    assert_eq!(first["outcomeForMe"], CHILD_WORDS);
    let upcoming = &list["edges"][1]["node"];
    assert_eq!(upcoming["kind"], "CHILDREN_LOOKED_AFTER_REVIEW");
    assert_eq!(upcoming["status"], "SCHEDULED");
    assert!(upcoming["outcomeForMe"].is_null());
    let text = body.to_string();
    assert!(!text.contains(STAFF_WORDS), "never the staff words");
    assert!(!text.contains("breakfast club"), "never the whiteboard");

    // There is simply no whiteboard or staff outcome on the child's view of a meeting.
    let probe = app
        .graphql_as(
            Some(&mia),
            "{ myMeetings { edges { node { whiteboard { plan } } } } }",
            json!({}),
        )
        .await;
    assert!(
        probe["data"].is_null() && !probe["errors"].is_null(),
        "{probe}"
    );

    // Leo sees only Leo's meeting.
    let leo = child_token(&app.db, "Leo").await;
    let body = app.graphql_as(Some(&leo), MY_MEETINGS, json!({})).await;
    assert_eq!(body["data"]["myMeetings"]["totalCount"], 1, "{body}");
    assert_eq!(
        body["data"]["myMeetings"]["edges"][0]["node"]["kind"],
        "INITIAL_CHILD_PROTECTION_CONFERENCE"
    );
}

#[tokio::test]
async fn a_child_learns_their_advocates_first_name_only_while_the_case_is_open() {
    let app = spawn_demo_app().await;
    let mia = child_token(&app.db, "Mia").await;
    let body = app
        .graphql_as(Some(&mia), "{ myAdvocate { firstName } }", json!({}))
        .await;
    assert_eq!(body["data"]["myAdvocate"], json!({ "firstName": "Priya" }));

    let leo = child_token(&app.db, "Leo").await;
    let body = app
        .graphql_as(Some(&leo), "{ myAdvocate { firstName } }", json!({}))
        .await;
    assert!(body["errors"].is_null(), "{body}");
    assert!(
        body["data"]["myAdvocate"].is_null(),
        "Leo has no advocate yet"
    );
}

#[tokio::test]
async fn children_and_strangers_cannot_use_the_staff_meeting_operations() {
    let app = spawn_demo_app().await;
    let past = past_meeting_for_mia(&app).await;
    let mia = child_token(&app.db, "Mia").await;
    let id = json!({ "id": gid(NodeKind::Meeting, past) });
    for token in [Some(mia.as_str()), None] {
        let expected = if token.is_some() {
            "FORBIDDEN"
        } else {
            "UNAUTHENTICATED"
        };
        let read = app.graphql_as(token, MEETING, id.clone()).await;
        assert_eq!(error_code(&read), expected, "{read}");
        let chaired = app
            .graphql_as(token, "{ myChairedMeetings { totalCount } }", json!({}))
            .await;
        assert_eq!(error_code(&chaired), expected);
        let children = app
            .graphql_as(token, "{ myChildren { totalCount } }", json!({}))
            .await;
        assert_eq!(error_code(&children), expected);
        let record = app
            .graphql_as(
                token,
                RECORD,
                json!({ "id": gid(NodeKind::Meeting, past), "input": record_input() }),
            )
            .await;
        assert_eq!(error_code(&record), expected);
    }
    let staff = staff_token(&app.db, "social.worker@demo.myvoice").await;
    let body = app.graphql_as(Some(&staff), MY_MEETINGS, json!({})).await;
    assert_eq!(
        error_code(&body),
        "FORBIDDEN",
        "staff have no 'my meetings'"
    );
    assert_eq!(
        meeting_row(&app.db, past).await.status,
        MeetingStatus::Scheduled
    );
}

// ---------------------------------------------------------------------------------------------
// Social workers

#[tokio::test]
async fn a_social_worker_sees_only_their_own_children_and_their_meetings() {
    let app = spawn_demo_app().await;
    let past = past_meeting_for_mia(&app).await;
    record_as_chair(&app, past).await;
    let tom = staff_token(&app.db, "social.worker@demo.myvoice").await;
    let body = app
        .graphql_as(
            Some(&tom),
            "{ myChildren { totalCount edges { node { preferredName age lookedAfter
                meetings { kind status whiteboard { plan } outcomeStaffWords children { firstName } } } } } }",
            json!({}),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    let list = &body["data"]["myChildren"];
    assert_eq!(list["totalCount"], 4);
    let names: Vec<(&str, i64, bool)> = list["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            let n = &e["node"];
            (
                n["preferredName"].as_str().unwrap(),
                n["age"].as_i64().unwrap(),
                n["lookedAfter"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("Jade", 15, false),
            ("Leo", 5, false),
            ("Mia", 11, true),
            ("Sam", 9, false)
        ]
    );
    let mia_meetings = &list["edges"][2]["node"]["meetings"];
    assert_eq!(mia_meetings.as_array().unwrap().len(), 2);
    assert_eq!(mia_meetings[0]["status"], "HELD");
    assert_eq!(mia_meetings[0]["outcomeStaffWords"], STAFF_WORDS);
    assert_eq!(mia_meetings[0]["children"], json!([{ "firstName": "Mia" }]));
    assert_eq!(
        list["edges"][0]["node"]["meetings"]
            .as_array()
            .unwrap()
            .len(),
        2,
        "Jade: CiN and FGC"
    );

    // The social worker reads the meeting itself, record included.
    let read = app
        .graphql_as(
            Some(&tom),
            MEETING,
            json!({ "id": gid(NodeKind::Meeting, past) }),
        )
        .await;
    assert_eq!(
        read["data"]["meeting"]["whiteboard"]["plan"],
        "Weekly visits; school breakfast club."
    );
    assert_eq!(read["data"]["meeting"]["chair"]["name"], "Helen Carter");
    assert_eq!(read["data"]["meeting"]["socialWorker"]["name"], "Tom Reed");
}

#[tokio::test]
async fn another_social_worker_sees_no_children_but_reads_a_meeting_they_are_social_worker_for() {
    let app = spawn_demo_app().await;
    let la = demo_tenant(&app.db).await;
    add_staff(&app.db, la, "sam@demo.myvoice", StaffRole::SocialWorker).await;
    let sam_id = staff_id(&app.db, "sam@demo.myvoice").await;
    let sam = staff_token(&app.db, "sam@demo.myvoice").await;
    let body = app
        .graphql_as(Some(&sam), "{ myChildren { totalCount } }", json!({}))
        .await;
    assert_eq!(body["data"]["myChildren"]["totalCount"], 0);

    let past = past_meeting_for_mia(&app).await;
    let read = app
        .graphql_as(
            Some(&sam),
            MEETING,
            json!({ "id": gid(NodeKind::Meeting, past) }),
        )
        .await;
    assert_eq!(
        error_code(&read),
        "FORBIDDEN",
        "not Sam's child, not Sam's meeting"
    );

    let mia = child_id(&app.db, "Mia").await;
    let sams = add_meeting(
        &app.db,
        la,
        MeetingKind::CoreGroupMeeting,
        Utc::now() + Duration::days(5),
        Some(staff_id(&app.db, "isro@demo.myvoice").await),
        Some(sam_id),
        &[mia],
    )
    .await;
    let read = app
        .graphql_as(
            Some(&sam),
            MEETING,
            json!({ "id": gid(NodeKind::Meeting, sams) }),
        )
        .await;
    assert_eq!(
        read["data"]["meeting"]["kind"], "CORE_GROUP_MEETING",
        "{read}"
    );

    let other = other_authority(&app.db).await;
    let read = app
        .graphql_as(
            Some(&sam),
            MEETING,
            json!({ "id": gid(NodeKind::Meeting, other.meeting) }),
        )
        .await;
    assert_eq!(error_code(&read), "NOT_FOUND");
}

// ---------------------------------------------------------------------------------------------
// ISROs

const CHAIRED: &str = "query($first: Int, $after: String, $from: NaiveDate, $to: NaiveDate) {
    myChairedMeetings(first: $first, after: $after, from: $from, to: $to) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { kind scheduledAt children { firstName } } } } }";

#[tokio::test]
async fn an_isro_lists_the_meetings_they_chair_soonest_first_with_filters_and_pages() {
    let app = spawn_demo_app().await;
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let body = app.graphql_as(Some(&isro), CHAIRED, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let kinds: Vec<&str> = body["data"]["myChairedMeetings"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["kind"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        vec![
            "INITIAL_CHILD_PROTECTION_CONFERENCE",
            "CHILD_PROTECTION_REVIEW",
            "CHILDREN_LOOKED_AFTER_REVIEW",
            "CHILD_IN_NEED_MEETING",
            "FAMILY_GROUP_CONFERENCE"
        ]
    );

    let page = app
        .graphql_as(Some(&isro), CHAIRED, json!({ "first": 3 }))
        .await;
    let list = &page["data"]["myChairedMeetings"];
    assert_eq!(list["totalCount"], 5);
    assert_eq!(list["pageInfo"]["hasNextPage"], true);
    let rest = app
        .graphql_as(
            Some(&isro),
            CHAIRED,
            json!({ "first": 3, "after": list["pageInfo"]["endCursor"] }),
        )
        .await;
    assert_eq!(
        rest["data"]["myChairedMeetings"]["edges"][0]["node"]["kind"],
        "CHILD_IN_NEED_MEETING"
    );

    // From 13 to 22 days ahead: the CLA review (14) and the CiN meeting (21).
    let today = Utc::now().date_naive();
    let window = app
        .graphql_as(
            Some(&isro),
            CHAIRED,
            json!({ "from": today + Duration::days(13), "to": today + Duration::days(22) }),
        )
        .await;
    assert_eq!(
        window["data"]["myChairedMeetings"]["totalCount"], 2,
        "{window}"
    );
    let backwards = app
        .graphql_as(
            Some(&isro),
            CHAIRED,
            json!({ "from": today, "to": today - Duration::days(1) }),
        )
        .await;
    assert_eq!(error_code(&backwards), "BAD_USER_INPUT");
}

#[tokio::test]
async fn an_isro_reads_only_meetings_they_chair() {
    let app = spawn_demo_app().await;
    let la = demo_tenant(&app.db).await;
    add_staff(&app.db, la, "isro2@demo.myvoice", StaffRole::Isro).await;
    let past = past_meeting_for_mia(&app).await;
    let id = json!({ "id": gid(NodeKind::Meeting, past) });

    let chair = staff_token(&app.db, "isro@demo.myvoice").await;
    let read = app.graphql_as(Some(&chair), MEETING, id.clone()).await;
    assert_eq!(
        read["data"]["meeting"]["children"],
        json!([{ "firstName": "Mia" }])
    );

    let other_isro = staff_token(&app.db, "isro2@demo.myvoice").await;
    let read = app.graphql_as(Some(&other_isro), MEETING, id.clone()).await;
    assert_eq!(error_code(&read), "FORBIDDEN");
    let list = app.graphql_as(Some(&other_isro), CHAIRED, json!({})).await;
    assert_eq!(list["data"]["myChairedMeetings"]["totalCount"], 0);

    for email in [
        "advocate@demo.myvoice",
        "coordinator@demo.myvoice",
        "agency@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let read = app.graphql_as(Some(&token), MEETING, id.clone()).await;
        assert_eq!(error_code(&read), "FORBIDDEN", "{email}");
    }

    let other = other_authority(&app.db).await;
    let read = app
        .graphql_as(
            Some(&chair),
            MEETING,
            json!({ "id": gid(NodeKind::Meeting, other.meeting) }),
        )
        .await;
    assert_eq!(error_code(&read), "NOT_FOUND");
    let missing = app
        .graphql_as(
            Some(&chair),
            MEETING,
            json!({ "id": gid(NodeKind::Meeting, 99_999) }),
        )
        .await;
    assert_eq!(error_code(&missing), "NOT_FOUND");
    assert_eq!(
        missing["errors"][0]["message"],
        read["errors"][0]["message"]
    );
}

// ---------------------------------------------------------------------------------------------
// Integrators

const MEETINGS: &str = "{ meetings { totalCount edges { node { id kind children { firstName }
    whiteboard { plan } outcomeStaffWords outcomeChildWords } } } }";

#[tokio::test]
async fn integrators_read_their_authoritys_meetings_and_outcomes_only_with_read_outcomes() {
    let app = spawn_demo_app().await;
    let past = past_meeting_for_mia(&app).await;
    record_as_chair(&app, past).await;
    let other = other_authority(&app.db).await;

    let meetings_key = integrator_key(&app, &["READ_MEETINGS"]).await;
    let body = graphql_with_key(&app, &meetings_key, MEETINGS, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    let list = &body["data"]["meetings"];
    assert_eq!(
        list["totalCount"], 6,
        "five demo meetings and the past one, none of the other authority's"
    );
    let first = &list["edges"][0]["node"];
    assert_eq!(first["id"], gid(NodeKind::Meeting, past));
    assert_eq!(
        first["whiteboard"]["plan"],
        "Weekly visits; school breakfast club."
    );
    assert!(
        first["outcomeStaffWords"].is_null(),
        "no outcome text without READ_OUTCOMES"
    );
    assert!(first["outcomeChildWords"].is_null());
    assert!(!body.to_string().contains("Zara"));

    let outcomes_key = integrator_key(&app, &["READ_OUTCOMES"]).await;
    let body = graphql_with_key(
        &app,
        &outcomes_key,
        MEETING,
        json!({ "id": gid(NodeKind::Meeting, past) }),
    )
    .await;
    assert_eq!(
        body["data"]["meeting"]["outcomeStaffWords"], STAFF_WORDS,
        "{body}"
    );

    let read_other = graphql_with_key(
        &app,
        &meetings_key,
        MEETING,
        json!({ "id": gid(NodeKind::Meeting, other.meeting) }),
    )
    .await;
    assert_eq!(error_code(&read_other), "NOT_FOUND");

    let oversight_key = integrator_key(&app, &["READ_OVERSIGHT", "WRITE_REFERRALS"]).await;
    let body = graphql_with_key(&app, &oversight_key, MEETINGS, json!({})).await;
    assert_eq!(error_code(&body), "FORBIDDEN");
    let staff = staff_token(&app.db, "isro@demo.myvoice").await;
    let body = app.graphql_as(Some(&staff), MEETINGS, json!({})).await;
    assert_eq!(
        error_code(&body),
        "FORBIDDEN",
        "the authority-wide list is for integrators"
    );
    let body = graphql_with_key(
        &app,
        &meetings_key,
        RECORD,
        json!({ "id": gid(NodeKind::Meeting, past), "input": record_input() }),
    )
    .await;
    assert_eq!(error_code(&body), "FORBIDDEN", "keys never record");
}
