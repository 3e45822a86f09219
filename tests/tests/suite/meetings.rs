//! Meetings as each role sees them, and the chair's record of a meeting. The fixtures at the top are
//! shared with `outcomes` and `oversight`.
use api::graphql::ids::NodeKind;
use chrono::{DateTime, Duration, Utc};
use entity::enums::{MeetingKind, MeetingStatus, StaffRole};
use entity::{agency, audit_event, child, local_authority, meeting, meeting_child, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

// ---------------------------------------------------------------------------------------------
// Fixtures

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
    let la = local_authority::ActiveModel {
        name: Set("Other Borough Council".into()),
        slug: Set("other".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
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

pub const STAFF_WORDS: &str = "Child protection plan under the category of neglect; core group in 10 days.";
pub const CHILD_WORDS: &str = "You said you want to see your brother more. The meeting decided you will see him every week.";

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

async fn meeting_row(db: &DatabaseConnection, id: i32) -> meeting::Model {
    meeting::Entity::find_by_id(id).one(db).await.unwrap().unwrap()
}

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
    assert!(probe["data"].is_null() && !probe["errors"].is_null(), "{probe}");

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
    assert!(body["data"]["myAdvocate"].is_null(), "Leo has no advocate yet");
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
    assert_eq!(error_code(&body), "FORBIDDEN", "staff have no 'my meetings'");
    assert_eq!(meeting_row(&app.db, past).await.status, MeetingStatus::Scheduled);
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
    assert_eq!(list["totalCount"], 3);
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
        vec![("Jade", 15, false), ("Leo", 5, false), ("Mia", 11, true)]
    );
    let mia_meetings = &list["edges"][2]["node"]["meetings"];
    assert_eq!(mia_meetings.as_array().unwrap().len(), 2);
    assert_eq!(mia_meetings[0]["status"], "HELD");
    assert_eq!(mia_meetings[0]["outcomeStaffWords"], STAFF_WORDS);
    assert_eq!(mia_meetings[0]["children"], json!([{ "firstName": "Mia" }]));
    assert_eq!(
        list["edges"][0]["node"]["meetings"].as_array().unwrap().len(),
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
    assert_eq!(read["data"]["meeting"]["whiteboard"]["plan"], "Weekly visits; school breakfast club.");
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
        .graphql_as(Some(&sam), MEETING, json!({ "id": gid(NodeKind::Meeting, past) }))
        .await;
    assert_eq!(error_code(&read), "FORBIDDEN", "not Sam's child, not Sam's meeting");

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
        .graphql_as(Some(&sam), MEETING, json!({ "id": gid(NodeKind::Meeting, sams) }))
        .await;
    assert_eq!(read["data"]["meeting"]["kind"], "CORE_GROUP_MEETING", "{read}");

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

const CHAIRED: &str = "query($first: Int, $after: String, $from: Date, $to: Date) {
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
            "CHILDREN_LOOKED_AFTER_REVIEW",
            "CHILD_IN_NEED_MEETING",
            "FAMILY_GROUP_CONFERENCE"
        ]
    );

    let page = app.graphql_as(Some(&isro), CHAIRED, json!({ "first": 3 })).await;
    let list = &page["data"]["myChairedMeetings"];
    assert_eq!(list["totalCount"], 4);
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
        "FAMILY_GROUP_CONFERENCE"
    );

    // From 12 to 22 days ahead: the CLA review (14) and the CiN meeting (21).
    let today = Utc::now().date_naive();
    let window = app
        .graphql_as(
            Some(&isro),
            CHAIRED,
            json!({ "from": today + Duration::days(12), "to": today + Duration::days(22) }),
        )
        .await;
    assert_eq!(window["data"]["myChairedMeetings"]["totalCount"], 2, "{window}");
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
    assert_eq!(read["data"]["meeting"]["children"], json!([{ "firstName": "Mia" }]));

    let other_isro = staff_token(&app.db, "isro2@demo.myvoice").await;
    let read = app.graphql_as(Some(&other_isro), MEETING, id.clone()).await;
    assert_eq!(error_code(&read), "FORBIDDEN");
    let list = app.graphql_as(Some(&other_isro), CHAIRED, json!({})).await;
    assert_eq!(list["data"]["myChairedMeetings"]["totalCount"], 0);

    for email in ["advocate@demo.myvoice", "coordinator@demo.myvoice", "agency@demo.myvoice"] {
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
        .graphql_as(Some(&chair), MEETING, json!({ "id": gid(NodeKind::Meeting, 99_999) }))
        .await;
    assert_eq!(error_code(&missing), "NOT_FOUND");
    assert_eq!(missing["errors"][0]["message"], read["errors"][0]["message"]);
}

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
        ("outcomeChildWords", json!("hello\u{1b}[31m"), "cannot store"),
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

    let in_two_days = add_meeting(db, la, MeetingKind::CoreGroupMeeting, Utc::now() + Duration::days(2), Some(isro_id), None, &[mia]).await;
    let body = record(in_two_days).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    let message = body["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("the meeting has not happened yet"), "{message}");
    assert_eq!(meeting_row(db, in_two_days).await.recorded_at, None);

    // Later today (within a day) is fine: records are often written in the room.
    let later_today = add_meeting(db, la, MeetingKind::CoreGroupMeeting, Utc::now() + Duration::hours(12), Some(isro_id), None, &[mia]).await;
    assert!(record(later_today).await["errors"].is_null());

    let cancelled = add_meeting(db, la, MeetingKind::CoreGroupMeeting, Utc::now() - Duration::days(1), Some(isro_id), None, &[mia]).await;
    let mut row: meeting::ActiveModel = meeting_row(db, cancelled).await.into();
    row.status = Set(MeetingStatus::Cancelled);
    row.update(db).await.unwrap();
    let body = record(cancelled).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT");
    assert!(body["errors"][0]["message"].as_str().unwrap().contains("cancelled"));
    assert_eq!(meeting_row(db, cancelled).await.status, MeetingStatus::Cancelled);
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
        .graphql_as(Some(&token), RECORD, json!({ "id": gid(NodeKind::Meeting, past), "input": bad }))
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
    assert_eq!(list["totalCount"], 5, "four demo meetings and the past one, none of the other authority's");
    let first = &list["edges"][0]["node"];
    assert_eq!(first["id"], gid(NodeKind::Meeting, past));
    assert_eq!(first["whiteboard"]["plan"], "Weekly visits; school breakfast club.");
    assert!(first["outcomeStaffWords"].is_null(), "no outcome text without READ_OUTCOMES");
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
    assert_eq!(body["data"]["meeting"]["outcomeStaffWords"], STAFF_WORDS, "{body}");

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
    assert_eq!(error_code(&body), "FORBIDDEN", "the authority-wide list is for integrators");
    let body = graphql_with_key(&app, &meetings_key, RECORD, json!({ "id": gid(NodeKind::Meeting, past), "input": record_input() })).await;
    assert_eq!(error_code(&body), "FORBIDDEN", "keys never record");
}
