//! A schema that says what it means (issue 18), as an integrator with GraphiQL open would notice:
//! `Me.kind` and the staff role as enums (the old lower-case `role` still answering, deprecated),
//! the child's current meeting chosen by the API, the audiences each kind of meeting allows, and
//! the text limits pages used to copy.
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::{MeetingKind, MeetingStatus};
use entity::{meeting, meeting_child};
use sea_orm::sea_query::Expr;
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, spawn_demo_app, staff_token};

use crate::views::{ADVOCATE, SOCIAL_WORKER, kid, ok};

const ME: &str = "{ me { kind role staffRole } }";

async fn me(app: &TestApp, token: Option<&str>) -> Value {
    ok(&app.graphql_as(token, ME, json!({})).await)["me"].clone()
}

/// A field's type and deprecation, from introspection.
async fn field(app: &TestApp, type_name: &str, field_name: &str) -> Value {
    let answer = app
        .graphql(
            "query($t: String!) { __type(name: $t) { fields(includeDeprecated: true) {
               name isDeprecated deprecationReason type { kind name ofType { kind name } } } } }",
            json!({ "t": type_name }),
        )
        .await;
    ok(&answer)["__type"]["fields"]
        .as_array()
        .and_then(|fields| fields.iter().find(|f| f["name"] == field_name))
        .cloned()
        .unwrap_or_else(|| panic!("{type_name}.{field_name} is missing: {answer}"))
}

#[tokio::test]
async fn who_i_am_is_told_with_enums_and_the_old_role_still_answers() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let anonymous = me(&app, None).await;
    assert_eq!(
        anonymous,
        json!({ "kind": "ANONYMOUS", "role": null, "staffRole": null })
    );
    let child = me(&app, Some(&child_token(db, "Mia").await)).await;
    assert_eq!(
        child,
        json!({ "kind": "CHILD", "role": null, "staffRole": null })
    );
    let staff = me(&app, Some(&staff_token(db, SOCIAL_WORKER).await)).await;
    assert_eq!(
        staff,
        json!({ "kind": "STAFF", "role": "social_worker", "staffRole": "SOCIAL_WORKER" })
    );

    let signed_in = app
        .graphql(
            r#"mutation { signIn(email: "isro@demo.myvoice", password: "demo-password") {
                 role staffRole } }"#,
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&signed_in)["signIn"],
        json!({ "role": "isro", "staffRole": "ISRO" })
    );

    let kind = field(&app, "Me", "kind").await;
    assert_eq!(
        kind["type"]["ofType"],
        json!({ "kind": "ENUM", "name": "ViewerKind" })
    );
    for type_name in ["Me", "StaffSession"] {
        let role = field(&app, type_name, "role").await;
        assert_eq!(role["isDeprecated"], true, "{type_name}.role");
        assert_eq!(role["deprecationReason"], "use staffRole");
        let staff_role = field(&app, type_name, "staffRole").await;
        assert_eq!(staff_role["isDeprecated"], false);
    }
}

/// A meeting linked to a demo child: `at` days from now (none: no time yet).
async fn add_meeting(
    db: &DatabaseConnection,
    child_id: i32,
    kind: MeetingKind,
    at: Option<i64>,
    status: MeetingStatus,
) -> String {
    let la = entity::child::Entity::find_by_id(child_id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .local_authority_id;
    let now = Utc::now();
    let added = meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(kind),
        scheduled_at: Set(at.map(|days| now + Duration::days(days))),
        status: Set(status),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    meeting_child::ActiveModel {
        local_authority_id: Set(la),
        meeting_id: Set(added.id),
        child_id: Set(child_id),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .unwrap();
    NodeKind::Meeting.id(added.id).0
}

/// The data of a query without variables that must succeed.
async fn read(app: &TestApp, token: &str, query: &str) -> Value {
    ok(&app.graphql_as(Some(token), query, json!({})).await).clone()
}

async fn current_meeting(app: &TestApp, token: &str) -> Value {
    read(app, token, "{ myCurrentMeeting { id kind status } }").await["myCurrentMeeting"].clone()
}

#[tokio::test]
async fn the_current_meeting_is_the_next_to_come_else_the_last_held() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let sam = kid(db, "Sam").await;
    let token = child_token(db, "Sam").await;
    // Sam's review (in 12 days) is the only one.
    assert_eq!(current_meeting(&app, &token).await["id"], sam.meeting);

    // A held one before it and a cancelled one sooner change nothing; a later one neither.
    let past = MeetingKind::ChildProtectionReview;
    add_meeting(db, sam.child_id, past, Some(-30), MeetingStatus::Held).await;
    add_meeting(db, sam.child_id, past, Some(2), MeetingStatus::Cancelled).await;
    let later = add_meeting(db, sam.child_id, past, Some(40), MeetingStatus::Scheduled).await;
    assert_eq!(current_meeting(&app, &token).await["id"], sam.meeting);

    // A meeting with no time yet comes first, as the child's pages always chose.
    let advice = add_meeting(
        db,
        sam.child_id,
        MeetingKind::AdviceAndAssistance,
        None,
        MeetingStatus::Scheduled,
    )
    .await;
    assert_eq!(
        current_meeting(&app, &token).await,
        json!({ "id": advice, "kind": "ADVICE_AND_ASSISTANCE", "status": "SCHEDULED" })
    );

    // Once nothing is to come, the last held meeting is still the child's meeting.
    meeting::Entity::update_many()
        .col_expr(meeting::Column::Status, Expr::value(MeetingStatus::Held))
        .filter(meeting::Column::Status.eq(MeetingStatus::Scheduled))
        .exec(db)
        .await
        .unwrap();
    assert_eq!(
        current_meeting(&app, &token).await,
        json!({ "id": later, "kind": "CHILD_PROTECTION_REVIEW", "status": "HELD" })
    );

    // Staff have no meeting of their own here.
    let staff = staff_token(db, ADVOCATE).await;
    let refused = app
        .graphql_as(Some(&staff), "{ myCurrentMeeting { id } }", json!({}))
        .await;
    assert_eq!(tests::app::error_code(&refused), "FORBIDDEN");
}

#[tokio::test]
async fn a_child_page_reads_its_meeting_and_views_in_one_operation() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let query =
        "{ me { kind } myCurrentMeeting { id allowedAudiences myViews { version worries } } }";
    let answer = read(&app, &token, query).await;
    let current = &answer["myCurrentMeeting"];
    assert_eq!(current["id"], mia.meeting);
    let views = ok(&crate::views::my_views(&app, &token, &mia.meeting).await)["myViews"].clone();
    assert_eq!(current["myViews"]["version"], views["version"]);
    assert_eq!(current["myViews"]["worries"], views["worries"]);
    // Sam has not started his views.
    let sam = child_token(&app.db, "Sam").await;
    let answer = read(&app, &sam, "{ myCurrentMeeting { myViews { version } } }").await;
    assert_eq!(answer["myCurrentMeeting"]["myViews"], Value::Null);
}

#[tokio::test]
async fn each_kind_of_meeting_says_who_may_see_the_views() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let jade = kid(db, "Jade").await;
    add_meeting(
        db,
        jade.child_id,
        MeetingKind::Complaint,
        None,
        MeetingStatus::Scheduled,
    )
    .await;
    let token = child_token(db, "Jade").await;
    let query = "{ myMeetings { edges { node { id kind allowedAudiences } } } }";
    let answer = read(&app, &token, query).await;
    let mut kinds: Vec<(String, Value)> = answer["myMeetings"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["node"]["kind"].as_str().unwrap().to_owned(),
                e["node"]["allowedAudiences"].clone(),
            )
        })
        .collect();
    kinds.sort_by(|a, b| a.0.cmp(&b.0));
    let all = json!(["SOCIAL_WORKER", "CHAIR", "FAMILY", "MEETING"]);
    assert_eq!(
        kinds,
        vec![
            ("CHILD_IN_NEED_MEETING".to_owned(), all),
            ("COMPLAINT".to_owned(), json!(["SOCIAL_WORKER"])),
            (
                "FAMILY_GROUP_CONFERENCE".to_owned(),
                json!(["FAMILY", "MEETING"])
            ),
        ]
    );

    // Staff read the same rule on the meeting.
    let fgc_id = answer["myMeetings"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["kind"] == "FAMILY_GROUP_CONFERENCE")
        .map(|e| e["node"]["id"].clone())
        .unwrap();
    let staff = staff_token(db, SOCIAL_WORKER).await;
    let seen = app
        .graphql_as(
            Some(&staff),
            "query($id: ID!) { meeting(id: $id) { allowedAudiences } }",
            json!({ "id": fgc_id }),
        )
        .await;
    assert_eq!(
        ok(&seen)["meeting"]["allowedAudiences"],
        json!(["FAMILY", "MEETING"])
    );
}

#[tokio::test]
async fn anyone_may_read_the_text_limits() {
    let app = spawn_demo_app().await;
    let answer = app
        .graphql(
            "{ limits { viewsItems viewsItemLetters freeWordsLetters noteLetters
                        recordStaffWordsLetters recordChildWordsLetters } }",
            json!({}),
        )
        .await;
    assert_eq!(
        ok(&answer)["limits"],
        json!({
            "viewsItems": 20, "viewsItemLetters": 2000, "freeWordsLetters": 10000,
            "noteLetters": 2000, "recordStaffWordsLetters": 10000, "recordChildWordsLetters": 2000,
        })
    );
}
