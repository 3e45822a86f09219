//! Meetings set up, moved and cancelled by hand, follow-ups agreed at the end of a conference, and a
//! case-management system cancelling by its own reference. A cancelled meeting is never moved, a
//! held one never cancelled, and the child's views always stay with the child, who is told.
use api::graphql::ids::NodeKind;
use chrono::{Duration, SecondsFormat, Utc};
use serde_json::{Value, json};
use tests::app::{
    child_token, error_code, graphql_with_key, hold_meeting_of, integrator_key, spawn_demo_app,
    staff_token,
};

use super::children::{amira, create_query};
use super::{ISRO, answer, bad_field};
use crate::referrals::{SOCIAL_WORKER, audit_count, gid, staff_id};

const MEETING: &str = "id kind status scheduledAt place followUpOf movedAt moveReason cancelledAt \
    cancelReason chair { name } children { firstName } invitedAgencies { name }";

fn create() -> String {
    format!("mutation($i: NewMeetingInput!) {{ createMeeting(input: $i) {{ {MEETING} }} }}")
}

fn move_query() -> String {
    format!(
        "mutation($id: ID!, $at: DateTime!, $place: String, $r: String!) {{
           moveMeeting(id: $id, scheduledAt: $at, place: $place, reason: $r) {{ {MEETING} }} }}"
    )
}

fn cancel_query() -> String {
    format!(
        "mutation($id: ID!, $r: String!) {{ cancelMeeting(id: $id, reason: $r) {{ {MEETING} }} }}"
    )
}

fn days_ahead(days: i64) -> String {
    (Utc::now() + Duration::days(days)).to_rfc3339_opts(SecondsFormat::Secs, true)
}

const MY_MEETING: &str = "{ myCurrentMeeting { id status scheduledAt movedAt cancelledAt \
    myViews { id worries } } }";

#[tokio::test]
async fn a_social_worker_sets_up_moves_and_cancels_a_meeting() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let call = |query: String, vars: Value| {
        let (app, sw) = (&app, &sw);
        async move { app.graphql_as(Some(sw), &query, vars).await }
    };
    let child = answer(&call(create_query(), amira()).await, "createChild")["id"].clone();
    let chair = gid(NodeKind::StaffUser, staff_id(&app.db, ISRO).await);
    let agencies = answer(
        &call(
            "{ agencies(first: 100) { nodes { id name } } }".into(),
            json!({}),
        )
        .await,
        "agencies",
    );
    let police = agencies["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Demo Constabulary")
        .expect("the demo's police")["id"]
        .clone();

    let input = json!({ "i": {
        "kind": "CHILD_IN_NEED_MEETING", "scheduledAt": days_ahead(20), "place": "Family centre",
        "chairId": chair, "childIds": [child], "agencyIds": [police],
    } });
    let made = answer(&call(create(), input.clone()).await, "createMeeting");
    assert_eq!(made["status"], "SCHEDULED");
    assert_eq!(made["chair"]["name"], "Helen Carter");
    assert_eq!(made["children"], json!([{ "firstName": "Amira" }]));
    assert_eq!(
        made["invitedAgencies"],
        json!([{ "name": "Demo Constabulary" }])
    );
    assert_eq!(audit_count(&app.db, "meeting.created").await, 1);
    let id = made["id"].clone();

    let mut past = input.clone();
    past["i"]["scheduledAt"] = json!(days_ahead(-1));
    assert_eq!(bad_field(&call(create(), past).await), "scheduledAt");
    let mut nobody = input.clone();
    nobody["i"]["childIds"] = json!([]);
    assert_eq!(bad_field(&call(create(), nobody).await), "childIds");
    let mut no_time = input.clone();
    no_time["i"]["scheduledAt"] = Value::Null;
    assert_eq!(bad_field(&call(create(), no_time).await), "scheduledAt");

    let later = days_ahead(27);
    let moved = call(
        move_query(),
        json!({ "id": id, "at": later, "r": "The chair is on leave that week." }),
    )
    .await;
    let moved = answer(&moved, "moveMeeting");
    assert_eq!(
        moved["scheduledAt"].as_str().map(|s| &s[..16]),
        Some(&later[..16])
    );
    assert_eq!(
        moved["place"], "Family centre",
        "the place stays when none is given"
    );
    assert!(moved["movedAt"].is_string(), "{moved}");
    assert_eq!(moved["moveReason"], "The chair is on leave that week.");
    assert_eq!(audit_count(&app.db, "meeting.moved").await, 1);

    let why = json!({ "id": id, "r": "The family moved out of the area." });
    let cancelled = answer(&call(cancel_query(), why.clone()).await, "cancelMeeting");
    assert_eq!(cancelled["status"], "CANCELLED");
    assert_eq!(
        cancelled["cancelReason"],
        "The family moved out of the area."
    );
    assert_eq!(
        cancelled["children"],
        json!([{ "firstName": "Amira" }]),
        "the child stays linked"
    );
    let again = answer(&call(cancel_query(), why).await, "cancelMeeting");
    assert_eq!(
        again["cancelledAt"], cancelled["cancelledAt"],
        "cancelling twice changes nothing"
    );
    assert_eq!(audit_count(&app.db, "meeting.cancelled").await, 1);
    let no_move = call(
        move_query(),
        json!({ "id": id, "at": days_ahead(30), "r": "Try again" }),
    )
    .await;
    assert_eq!(error_code(&no_move), "CONFLICT", "{no_move}");

    // A meeting that has happened is not cancelled.
    let held = gid(NodeKind::Meeting, hold_meeting_of(&app.db, "Leo").await);
    let isro = staff_token(&app.db, ISRO).await;
    let record = app
        .graphql_as(
            Some(&isro),
            "mutation($m: ID!) { recordMeeting(meetingId: $m, input: { plan: \"Plan\",
               outcomeStaffWords: \"Staff words\", outcomeChildWords: \"You said\" }) { status } }",
            json!({ "m": held }),
        )
        .await;
    assert_eq!(answer(&record, "recordMeeting")["status"], "HELD");
    let too_late = call(cancel_query(), json!({ "id": held, "r": "Too late" })).await;
    assert_eq!(error_code(&too_late), "CONFLICT", "{too_late}");

    // Another ISRO, an advocate and the coordinator neither move nor cancel it.
    let advocate = staff_token(&app.db, crate::referrals::ADVOCATE).await;
    let refused = app
        .graphql_as(
            Some(&advocate),
            &cancel_query(),
            json!({ "id": held, "r": "No" }),
        )
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
}

#[tokio::test]
async fn the_child_is_told_their_meeting_moved_then_was_cancelled_and_keeps_their_views() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let mia = child_token(&app.db, "Mia").await;
    let before = answer(
        &app.graphql_as(Some(&mia), MY_MEETING, json!({})).await,
        "myCurrentMeeting",
    );
    assert_eq!(before["movedAt"], Value::Null);
    let views = before["myViews"].clone();
    assert!(views["id"].is_string(), "Mia has views: {before}");

    let later = days_ahead(40);
    let moved = app
        .graphql_as(
            Some(&sw),
            &move_query(),
            json!({ "id": before["id"], "at": later, "r": "School trip" }),
        )
        .await;
    answer(&moved, "moveMeeting");
    let now = answer(
        &app.graphql_as(Some(&mia), MY_MEETING, json!({})).await,
        "myCurrentMeeting",
    );
    assert_eq!(now["id"], before["id"]);
    assert!(now["movedAt"].is_string(), "{now}");
    assert_eq!(
        now["scheduledAt"].as_str().map(|s| &s[..16]),
        Some(&later[..16])
    );

    let cancelled = app
        .graphql_as(
            Some(&sw),
            &cancel_query(),
            json!({ "id": before["id"], "r": "Mia moved to a new foster home out of county." }),
        )
        .await;
    answer(&cancelled, "cancelMeeting");
    let now = answer(
        &app.graphql_as(Some(&mia), MY_MEETING, json!({})).await,
        "myCurrentMeeting",
    );
    assert_eq!(
        now["id"], before["id"],
        "the cancelled meeting is still Mia's meeting"
    );
    assert_eq!(now["status"], "CANCELLED");
    assert!(now["cancelledAt"].is_string(), "{now}");
    assert_eq!(
        now["myViews"], views,
        "Mia's views stay with her, unchanged"
    );
}

#[tokio::test]
async fn the_chair_sets_up_the_follow_up_agreed_at_the_end_of_a_conference() {
    let app = spawn_demo_app().await;
    let isro = staff_token(&app.db, ISRO).await;
    let leo = gid(NodeKind::Meeting, hold_meeting_of(&app.db, "Leo").await);
    let input = json!({ "i": {
        "kind": "CHILD_PROTECTION_REVIEW", "scheduledAt": days_ahead(90),
        "place": "County Hall, room 2", "followUpOf": leo,
    } });
    let made = app.graphql_as(Some(&isro), &create(), input.clone()).await;
    let made = answer(&made, "createMeeting");
    assert_eq!(made["kind"], "CHILD_PROTECTION_REVIEW");
    assert_eq!(made["followUpOf"], json!(leo));
    assert_eq!(
        made["children"],
        json!([{ "firstName": "Leo" }]),
        "the same child"
    );
    assert_eq!(made["chair"]["name"], "Helen Carter");
    // The social worker sees it among Leo's meetings.
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let read = app
        .graphql_as(
            Some(&sw),
            "query($id: ID!) { meeting(id: $id) { followUpOf chair { name } } }",
            json!({ "id": made["id"] }),
        )
        .await;
    assert_eq!(answer(&read, "meeting")["followUpOf"], json!(leo));

    // Only the chair of the earlier meeting; an ISRO may not set up meetings otherwise.
    let mut not_follow_up = input.clone();
    not_follow_up["i"]["followUpOf"] = Value::Null;
    not_follow_up["i"]["childIds"] = made["children"].clone();
    let refused = app.graphql_as(Some(&isro), &create(), not_follow_up).await;
    assert!(
        ["FORBIDDEN", "BAD_USER_INPUT"].contains(&error_code(&refused)),
        "{refused}"
    );
}

const CANCEL_BY_REF: &str = "mutation($r: String!, $why: String!) {
    cancelMeetingByReference(reference: $r, reason: $why) { id reference outcome } }";

#[tokio::test]
async fn a_case_system_cancels_by_its_reference_and_cancelling_twice_answers_the_same() {
    let app = spawn_demo_app().await;
    let key = integrator_key(&app, "[WRITE_RECORDS]").await;
    let send = |query: &'static str, vars: Value| {
        let (app, key) = (&app, &key);
        async move { graphql_with_key(app, key, query, vars).await }
    };
    let child = json!({ "i": { "reference": "CMS-9", "preferredName": "Ola",
        "dateOfBirth": "2016-04-02", "lookedAfter": false } });
    answer(
        &send(
            "mutation($i: UpsertChildInput!) { upsertChild(input: $i) { id } }",
            child,
        )
        .await,
        "upsertChild",
    );
    let meeting = json!({ "i": { "reference": "CMS-M-9", "kind": "CHILD_IN_NEED_MEETING",
        "scheduledAt": days_ahead(15), "childReferences": ["CMS-9"] } });
    const UPSERT: &str =
        "mutation($i: UpsertMeetingInput!) { upsertMeeting(input: $i) { id outcome } }";
    let made = answer(&send(UPSERT, meeting.clone()).await, "upsertMeeting");

    let why = json!({ "r": "CMS-M-9", "why": "Meeting no longer needed" });
    let first = answer(
        &send(CANCEL_BY_REF, why.clone()).await,
        "cancelMeetingByReference",
    );
    assert_eq!(first["outcome"], "UPDATED");
    assert_eq!(first["id"], made["id"]);
    let second = answer(&send(CANCEL_BY_REF, why).await, "cancelMeetingByReference");
    assert_eq!(
        second,
        first
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("outcome".into(), json!("UNCHANGED"));
                Value::Object(o)
            })
            .unwrap()
    );
    assert_eq!(audit_count(&app.db, "meeting.cancelled").await, 1);

    // Resending the meeting unchanged still answers UNCHANGED; changing it is refused.
    assert_eq!(
        answer(&send(UPSERT, meeting.clone()).await, "upsertMeeting")["outcome"],
        "UNCHANGED"
    );
    let mut changed = meeting;
    changed["i"]["scheduledAt"] = json!(days_ahead(16));
    assert_eq!(error_code(&send(UPSERT, changed).await), "CONFLICT");

    let unknown = send(CANCEL_BY_REF, json!({ "r": "CMS-NOPE", "why": "x" })).await;
    assert_eq!(error_code(&unknown), "NOT_FOUND");
    let reader = integrator_key(&app, "[READ_MEETINGS]").await;
    let refused = graphql_with_key(
        &app,
        &reader,
        CANCEL_BY_REF,
        json!({ "r": "CMS-M-9", "why": "x" }),
    )
    .await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
}
