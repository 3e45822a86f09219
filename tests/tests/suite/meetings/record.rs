//! `recordMeeting`: the chair's record, its validation, and the rules on time, status and who.
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::{MeetingKind, MeetingStatus, StaffRole};
use entity::{audit_event, meeting};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{error_code, spawn_demo_app, staff_token};

use super::fixtures::*;

// ---------------------------------------------------------------------------------------------
// recordMeeting

#[tokio::test]
async fn the_chair_records_a_meeting_and_can_record_it_again() {
    let app = spawn_demo_app().await;
    let past = past_meeting_for_mia(&app).await;
    let recorded = record_as_chair(&app, past).await;
    assert_eq!(recorded["status"], "HELD");
    assert_eq!(recorded["outcomeStaffWords"], STAFF_WORDS);
    assert_eq!(recorded["outcomeChildWords"], CHILD_WORDS);
    assert_eq!(
        recorded["whiteboard"],
        json!({
            "worriedAboutNow": "Meals are missed; Mia is often hungry at school.",
            "complicatingFactors": "Mum's health.",
            "goingWell": "Mia goes to school every day.",
            "signsOfSafety": "Foster carers are warm and consistent.",
            "plan": "Weekly visits; school breakfast club.",
        })
    );
    assert!(recorded["recordedAt"].is_string());
    assert_eq!(audit_count(&app.db, "meeting.recorded").await, 1);

    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let mut input = record_input();
    input["plan"] = json!("  Daily check-ins.  ");
    input["complicatingFactors"] = Value::Null;
    let again = app
        .graphql_as(
            Some(&isro),
            RECORD,
            json!({ "id": gid(NodeKind::Meeting, past), "input": input }),
        )
        .await;
    assert!(again["errors"].is_null(), "{again}");
    let row = meeting_row(&app.db, past).await;
    assert_eq!(row.plan.as_deref(), Some("Daily check-ins."));
    assert_eq!(row.complicating_factors, None);
    assert_eq!(row.status, MeetingStatus::Held);
    assert_eq!(audit_count(&app.db, "meeting.recorded").await, 2);
    let last = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("meeting.recorded"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(last[1].detail, Some(json!({ "rerecorded": true })));
    assert_eq!(last[1].subject_id, Some(past));
}

#[tokio::test]
async fn bad_records_are_refused_and_nothing_is_written() {
    let app = spawn_demo_app().await;
    let past = past_meeting_for_mia(&app).await;
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let cases: Vec<(&str, Value, &str)> = vec![
        ("outcomeChildWords", json!("x".repeat(2001)), "too long"),
        ("outcomeStaffWords", json!("x".repeat(10_001)), "too long"),
        ("plan", json!("y".repeat(10_001)), "too long"),
        ("goingWell", json!("fine\u{0}"), "cannot store"),
        (
            "outcomeChildWords",
            json!("hello\u{1b}[31m"),
            "cannot store",
        ),
        ("plan", json!("   "), "required"),
        ("outcomeStaffWords", json!(""), "required"),
        ("outcomeChildWords", json!("\n"), "required"),
    ];
    for (field, value, says) in cases {
        let mut input = record_input();
        input[field] = value;
        let body = app
            .graphql_as(
                Some(&isro),
                RECORD,
                json!({ "id": gid(NodeKind::Meeting, past), "input": input }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{field}: {body}");
        assert_eq!(body["errors"][0]["extensions"]["field"], field);
        let message = body["errors"][0]["message"].as_str().unwrap();
        assert!(message.contains(says), "{field}: {message}");
    }
    // Exactly at the limits is fine.
    let mut input = record_input();
    input["outcomeChildWords"] = json!("x".repeat(2000));
    input["outcomeStaffWords"] = json!("x".repeat(10_000));
    let row = meeting_row(&app.db, past).await;
    assert_eq!(row.status, MeetingStatus::Scheduled, "nothing half-written");
    assert_eq!(audit_count(&app.db, "meeting.recorded").await, 0);
    let body = app
        .graphql_as(
            Some(&isro),
            RECORD,
            json!({ "id": gid(NodeKind::Meeting, past), "input": input }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
}

#[tokio::test]
async fn a_future_or_cancelled_meeting_cannot_be_recorded() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let la = demo_tenant(db).await;
    let isro_id = staff_id(db, "isro@demo.myvoice").await;
    let mia = child_id(db, "Mia").await;
    let isro = staff_token(db, "isro@demo.myvoice").await;
    let record = |id: i32| {
        let isro = isro.clone();
        let app = &app;
        async move {
            app.graphql_as(
                Some(&isro),
                RECORD,
                json!({ "id": gid(NodeKind::Meeting, id), "input": record_input() }),
            )
            .await
        }
    };

    let in_two_days = add_meeting(
        db,
        la,
        MeetingKind::CoreGroupMeeting,
        Utc::now() + Duration::days(2),
        Some(isro_id),
        None,
        &[mia],
    )
    .await;
    let body = record(in_two_days).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(
        message.contains("the meeting has not happened yet"),
        "{message}"
    );
    assert_eq!(meeting_row(db, in_two_days).await.recorded_at, None);

    // Later today (within a day) is fine: records are often written in the room.
    let later_today = add_meeting(
        db,
        la,
        MeetingKind::CoreGroupMeeting,
        Utc::now() + Duration::hours(12),
        Some(isro_id),
        None,
        &[mia],
    )
    .await;
    assert!(record(later_today).await["errors"].is_null());

    let cancelled = add_meeting(
        db,
        la,
        MeetingKind::CoreGroupMeeting,
        Utc::now() - Duration::days(1),
        Some(isro_id),
        None,
        &[mia],
    )
    .await;
    let mut row: meeting::ActiveModel = meeting_row(db, cancelled).await.into();
    row.status = Set(MeetingStatus::Cancelled);
    row.update(db).await.unwrap();
    let body = record(cancelled).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert!(
        body["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("cancelled")
    );
    assert_eq!(
        meeting_row(db, cancelled).await.status,
        MeetingStatus::Cancelled
    );
}

#[tokio::test]
async fn only_the_chair_records_and_other_authorities_meetings_do_not_exist() {
    let app = spawn_demo_app().await;
    let la = demo_tenant(&app.db).await;
    add_staff(&app.db, la, "isro2@demo.myvoice", StaffRole::Isro).await;
    let past = past_meeting_for_mia(&app).await;
    let vars = json!({ "id": gid(NodeKind::Meeting, past), "input": record_input() });
    for email in [
        "isro2@demo.myvoice",
        "social.worker@demo.myvoice",
        "coordinator@demo.myvoice",
        "advocate@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let body = app.graphql_as(Some(&token), RECORD, vars.clone()).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
    }
    // Even invalid input from a non-chair learns only that it is not theirs.
    let token = staff_token(&app.db, "isro2@demo.myvoice").await;
    let mut bad = record_input();
    bad["plan"] = json!("");
    let body = app
        .graphql_as(
            Some(&token),
            RECORD,
            json!({ "id": gid(NodeKind::Meeting, past), "input": bad }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN");

    let other = other_authority(&app.db).await;
    let chair = staff_token(&app.db, "isro@demo.myvoice").await;
    let body = app
        .graphql_as(
            Some(&chair),
            RECORD,
            json!({ "id": gid(NodeKind::Meeting, other.meeting), "input": record_input() }),
        )
        .await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    assert_eq!(meeting_row(&app.db, other.meeting).await.recorded_at, None);
    assert_eq!(meeting_row(&app.db, past).await.recorded_at, None);
    assert_eq!(audit_count(&app.db, "meeting.recorded").await, 0);
    let _ = other.isro;
}
