//! Fixtures shared by the meetings, outcomes and oversight tests: demo lookups, extra staff,
//! meetings in the past, a second local authority, integrator keys.
use api::graphql::ids::NodeKind;
use chrono::{DateTime, Duration, Utc};
use entity::enums::{MeetingKind, MeetingStatus, StaffRole};
use entity::{agency, audit_event, child, meeting, meeting_child, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use serde_json::{Value, json};
use tests::app::{TestApp, staff_token};

pub async fn staff_id(db: &DatabaseConnection, email: &str) -> i32 {
    staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no staff {email}"))
        .id
}

pub async fn child_id(db: &DatabaseConnection, name: &str) -> i32 {
    child::Entity::find()
        .filter(child::Column::PreferredName.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no child {name}"))
        .id
}

pub async fn demo_tenant(db: &DatabaseConnection) -> i32 {
    staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq("isro@demo.myvoice"))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .local_authority_id
}

pub fn gid(kind: NodeKind, id: i32) -> String {
    kind.id(id).0
}

/// A member of staff added to an authority; their email must be unique across the test database.
pub async fn add_staff(db: &DatabaseConnection, la: i32, email: &str, role: StaffRole) -> i32 {
    add_staff_in_agency(db, la, email, role, None).await
}

pub async fn add_staff_in_agency(
    db: &DatabaseConnection,
    la: i32,
    email: &str,
    role: StaffRole,
    agency_id: Option<i32>,
) -> i32 {
    staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set(format!("Test {email}")),
        email: Set(email.into()),
        role: Set(role),
        password_hash: Set("not-a-hash".into()),
        active: Set(true),
        agency_id: Set(agency_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

/// A meeting of `la` at `at`, chaired by `chair`, about `children`.
pub async fn add_meeting(
    db: &DatabaseConnection,
    la: i32,
    kind: MeetingKind,
    at: DateTime<Utc>,
    chair: Option<i32>,
    social_worker: Option<i32>,
    children: &[i32],
) -> i32 {
    let id = meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(kind),
        scheduled_at: Set(Some(at)),
        place: Set(Some("County Hall, room 1".into())),
        chair_id: Set(chair),
        social_worker_id: Set(social_worker),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    for &child_id in children {
        meeting_child::ActiveModel {
            local_authority_id: Set(la),
            meeting_id: Set(id),
            child_id: Set(child_id),
            created_at: Set(Utc::now()),
        }
        .insert(db)
        .await
        .unwrap();
    }
    id
}

/// A meeting two days ago chaired by the demo ISRO, about Mia, with Tom as social worker.
pub async fn past_meeting_for_mia(app: &TestApp) -> i32 {
    let db = &app.db;
    add_meeting(
        db,
        demo_tenant(db).await,
        MeetingKind::ChildProtectionReview,
        Utc::now() - Duration::days(2),
        Some(staff_id(db, "isro@demo.myvoice").await),
        Some(staff_id(db, "social.worker@demo.myvoice").await),
        &[child_id(db, "Mia").await],
    )
    .await
}

/// Another authority with its own ISRO, child, agency and a past meeting chaired by that ISRO.
pub struct Other {
    pub la: i32,
    pub isro: i32,
    pub child: i32,
    pub agency: i32,
    pub meeting: i32,
}

pub async fn other_authority(db: &DatabaseConnection) -> Other {
    let now = Utc::now();
    let la = tests::app::add_local_authority(db, "Other Borough Council", "other").await;
    let isro = add_staff(db, la, "isro@other.example", StaffRole::Isro).await;
    let child = child::ActiveModel {
        local_authority_id: Set(la),
        preferred_name: Set("Zara".into()),
        date_of_birth: Set(chrono::NaiveDate::from_ymd_opt(2014, 5, 1).unwrap()),
        looked_after: Set(false),
        language: Set("en".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let agency = agency::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Other Constabulary".into()),
        kind: Set(entity::enums::AgencyKind::Police),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let meeting = add_meeting(
        db,
        la,
        MeetingKind::InitialChildProtectionConference,
        now - Duration::days(3),
        Some(isro),
        None,
        &[child],
    )
    .await;
    Other {
        la,
        isro,
        child,
        agency,
        meeting,
    }
}

pub const RECORD: &str = "mutation($id: ID!, $input: RecordMeetingInput!) {
    recordMeeting(meetingId: $id, input: $input) {
        id status recordedAt outcomeStaffWords outcomeChildWords
        whiteboard { worriedAboutNow complicatingFactors goingWell signsOfSafety plan }
    }
}";

pub const STAFF_WORDS: &str =
    "Child protection plan under the category of neglect; core group in 10 days.";
pub const CHILD_WORDS: &str =
    "You said you want to see your brother more. The meeting decided you will see him every week.";

pub fn record_input() -> Value {
    json!({
        "worriedAboutNow": "Meals are missed; Mia is often hungry at school.",
        "complicatingFactors": "Mum's health.",
        "goingWell": "Mia goes to school every day.",
        "signsOfSafety": "Foster carers are warm and consistent.",
        "plan": "Weekly visits; school breakfast club.",
        "outcomeStaffWords": STAFF_WORDS,
        "outcomeChildWords": CHILD_WORDS,
    })
}

/// Record a meeting as its chair, with the standard input; panics on any error.
pub async fn record_as_chair(app: &TestApp, meeting_id: i32) -> Value {
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let body = app
        .graphql_as(
            Some(&isro),
            RECORD,
            json!({ "id": gid(NodeKind::Meeting, meeting_id), "input": record_input() }),
        )
        .await;
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["recordMeeting"].clone()
}

/// An integrator key with these scopes, created by the demo admin through the API.
pub async fn integrator_key(app: &TestApp, scopes: &[&str]) -> String {
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let body = app
        .graphql_as(
            Some(&admin),
            "mutation($s: [Scope!]!) { createApiKey(name: \"Case system\", scopes: $s) { secret } }",
            json!({ "s": scopes }),
        )
        .await;
    body["data"]["createApiKey"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("no key: {body}"))
        .to_owned()
}

pub async fn graphql_with_key(app: &TestApp, key: &str, query: &str, variables: Value) -> Value {
    app.client
        .post(app.url("/graphql"))
        .header("x-api-key", key)
        .json(&json!({ "query": query, "variables": variables }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

pub async fn audit_count(db: &DatabaseConnection, action: &str) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .count(db)
        .await
        .unwrap()
}

pub async fn meeting_row(db: &DatabaseConnection, id: i32) -> meeting::Model {
    meeting::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
}
