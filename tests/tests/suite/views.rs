//! The child's views, as a child and their advocate would notice: drafts with versions (a stale one is
//! a conflict that shows the newest and overwrites nothing), submissions that a retry never repeats,
//! earlier versions kept, the advocate reading but never changing the child's words, notes, and
//! urgent help. The shared helpers here are used by `sharing.rs` too.
use chrono::{Duration, Utc};
use entity::enums::{MeetingStatus, StaffRole};
use entity::{
    advocacy_case, audit_event, child, meeting, meeting_child, staff_user, urgent_help, views,
    views_version,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use api::graphql::ids::NodeKind;

pub(crate) const VIEWS: &str = "id meetingId worries goingWell wantToHappen feeling freeWords \
    attendance shareWithSocialWorker shareWithChair shareWithFamily shareWithMeeting status \
    version submittedAt updatedAt";

pub(crate) const ADVOCATE: &str = "advocate@demo.myvoice";
pub(crate) const SOCIAL_WORKER: &str = "social.worker@demo.myvoice";
pub(crate) const ISRO: &str = "isro@demo.myvoice";

/// A demo child, their meeting (the one their case is for) and their case.
pub(crate) struct Kid {
    pub child_id: i32,
    pub meeting_id: i32,
    pub meeting: String,
    pub case_id: Option<i32>,
    pub case: String,
}

pub(crate) async fn kid(db: &DatabaseConnection, name: &str) -> Kid {
    let child = child::Entity::find()
        .filter(child::Column::PreferredName.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let case = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ChildId.eq(child.id))
        .one(db)
        .await
        .unwrap();
    let meeting_id = match &case {
        Some(case) => case.meeting_id,
        None => {
            meeting_child::Entity::find()
                .filter(meeting_child::Column::ChildId.eq(child.id))
                .one(db)
                .await
                .unwrap()
                .unwrap()
                .meeting_id
        }
    };
    Kid {
        child_id: child.id,
        meeting_id,
        meeting: NodeKind::Meeting.id(meeting_id).0,
        case_id: case.as_ref().map(|c| c.id),
        case: NodeKind::Case.id(case.map_or(999_999, |c| c.id)).0,
    }
}

pub(crate) async fn save(
    app: &TestApp,
    token: &str,
    meeting: &str,
    expected: i32,
    content: Value,
) -> Value {
    let query = format!(
        "mutation($m: ID!, $v: Int!, $c: ViewsInput!) {{ \
           saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) {{ {VIEWS} }} }}"
    );
    app.graphql_as(
        Some(token),
        &query,
        json!({ "m": meeting, "v": expected, "c": content }),
    )
    .await
}

pub(crate) async fn submit(
    app: &TestApp,
    token: &str,
    meeting: &str,
    expected: i32,
    key: &str,
) -> Value {
    let query = format!(
        "mutation($m: ID!, $v: Int!, $k: String!) {{ \
           submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: $k) {{ {VIEWS} }} }}"
    );
    app.graphql_as(
        Some(token),
        &query,
        json!({ "m": meeting, "v": expected, "k": key }),
    )
    .await
}

pub(crate) async fn my_views(app: &TestApp, token: &str, meeting: &str) -> Value {
    let query = format!("query($m: ID!) {{ myViews(meetingId: $m) {{ {VIEWS} }} }}");
    app.graphql_as(Some(token), &query, json!({ "m": meeting }))
        .await
}

pub(crate) fn ok(response: &Value) -> &Value {
    assert!(
        response.get("errors").is_none(),
        "unexpected errors: {response}"
    );
    &response["data"]
}

pub(crate) async fn views_row(db: &DatabaseConnection, kid: &Kid) -> Option<views::Model> {
    views::Entity::find()
        .filter(views::Column::ChildId.eq(kid.child_id))
        .filter(views::Column::MeetingId.eq(kid.meeting_id))
        .one(db)
        .await
        .unwrap()
}

pub(crate) async fn version_rows(db: &DatabaseConnection, views_id: i32) -> u64 {
    views_version::Entity::find()
        .filter(views_version::Column::ViewsId.eq(views_id))
        .count(db)
        .await
        .unwrap()
}

pub(crate) async fn audit_count(db: &DatabaseConnection, action: &str, subject_id: i32) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .filter(audit_event::Column::SubjectId.eq(subject_id))
        .count(db)
        .await
        .unwrap()
}

/// Mia's demo views with her consent to the social worker and the chair, submitted as version 2.
pub(crate) async fn mia_submits(app: &TestApp, mia: &Kid, token: &str) -> Value {
    let saved = save(app, token, &mia.meeting, 1, consenting_content()).await;
    ok(&saved);
    let submitted = submit(app, token, &mia.meeting, 2, "mia-key-0001").await;
    ok(&submitted)["submitViews"].clone()
}

pub(crate) fn consenting_content() -> Value {
    json!({
        "worries": ["I don't know if I can still see my brother."],
        "goingWell": ["I like my foster carers' dog, Biscuit."],
        "wantToHappen": ["See my brother every Saturday."],
        "feeling": "WORRIED",
        "attendance": "ATTEND_WITH_ADVOCATE",
        "shareWithSocialWorker": true,
        "shareWithChair": true,
    })
}

/// A second local authority with its own advocate, social worker and child (Zoe) at a meeting.
pub(crate) struct Other {
    pub advocate_token: String,
    pub social_worker_token: String,
    pub child_token: String,
}

pub(crate) async fn other_tenant(db: &DatabaseConnection) -> Other {
    let now = Utc::now();
    let la = tests::app::add_local_authority(db, "Other Borough Council", "other").await;
    for (email, role) in [
        ("advocate@other.myvoice", StaffRole::Advocate),
        ("sw@other.myvoice", StaffRole::SocialWorker),
    ] {
        staff_user::ActiveModel {
            local_authority_id: Set(la),
            name: Set("Other Person".into()),
            email: Set(email.into()),
            role: Set(role),
            password_hash: Set("not-a-real-hash".into()),
            active: Set(true),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
    let zoe = child::ActiveModel {
        local_authority_id: Set(la),
        preferred_name: Set("Zoe".into()),
        date_of_birth: Set((now - Duration::days(365 * 10)).date_naive()),
        looked_after: Set(false),
        language: Set("en".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    let m = meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(entity::enums::MeetingKind::ChildInNeedMeeting),
        scheduled_at: Set(Some(now + Duration::days(7))),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    meeting_child::ActiveModel {
        local_authority_id: Set(la),
        meeting_id: Set(m),
        child_id: Set(zoe),
        created_at: Set(now),
    }
    .insert(db)
    .await
    .unwrap();
    Other {
        advocate_token: staff_token(db, "advocate@other.myvoice").await,
        social_worker_token: staff_token(db, "sw@other.myvoice").await,
        child_token: child_token(db, "Zoe").await,
    }
}

/// A second advocate in the demo authority, with no cases.
pub(crate) async fn another_staff(db: &DatabaseConnection, email: &str, role: StaffRole) -> String {
    let la = staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(ADVOCATE))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .local_authority_id;
    staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Sam Other".into()),
        email: Set(email.into()),
        role: Set(role),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    staff_token(db, email).await
}

// ---------------------------------------------------------------------------------------------
// Drafts

#[tokio::test]
async fn the_child_sees_and_saves_their_draft_with_the_version_they_saw() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;

    let before = my_views(&app, &token, &mia.meeting).await;
    let before = &ok(&before)["myViews"];
    assert_eq!(before["version"], 1);
    assert_eq!(before["status"], "DRAFT");
    assert_eq!(
        before["worries"][0],
        "I don't know if I can still see my brother."
    );
    assert_eq!(before["attendance"], "ATTEND_WITH_ADVOCATE");

    let saved = save(
        &app,
        &token,
        &mia.meeting,
        1,
        json!({ "worries": ["  School is hard  ", "", "Missing my brother\nevery day"],
                "feeling": "SAD", "freeWords": "  Please listen.  " }),
    )
    .await;
    let saved = &ok(&saved)["saveViewsDraft"];
    assert_eq!(saved["version"], 2);
    assert_eq!(saved["status"], "DRAFT");
    assert_eq!(
        saved["worries"],
        json!(["School is hard", "Missing my brother\nevery day"])
    );
    assert_eq!(saved["goingWell"], json!([]), "what is left out is emptied");
    assert_eq!(saved["feeling"], "SAD");
    assert_eq!(saved["freeWords"], "Please listen.");
    assert_eq!(
        saved["shareWithSocialWorker"], false,
        "nothing shared unless the child says so"
    );

    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(row.version, 2);
    assert_eq!(audit_count(&app.db, "views.draft_saved", row.id).await, 1);
}

#[tokio::test]
async fn a_stale_version_is_a_conflict_with_the_current_views_and_nothing_is_overwritten() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    ok(&save(
        &app,
        &token,
        &mia.meeting,
        1,
        json!({ "worries": ["First tablet"] }),
    )
    .await);

    // A second device still holding version 1.
    let stale = save(
        &app,
        &token,
        &mia.meeting,
        1,
        json!({ "worries": ["Old phone"] }),
    )
    .await;
    assert_eq!(error_code(&stale), "CONFLICT");
    let current = &stale["errors"][0]["extensions"]["current"];
    assert_eq!(current["version"], 2);
    assert_eq!(current["worries"], json!(["First tablet"]));
    assert_eq!(current["status"], "DRAFT");

    // "I have nothing yet" when there is something is a conflict too.
    let fresh = save(&app, &token, &mia.meeting, 0, json!({ "worries": ["New"] })).await;
    assert_eq!(error_code(&fresh), "CONFLICT");
    assert_eq!(fresh["errors"][0]["extensions"]["current"]["version"], 2);

    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(row.version, 2);
    assert_eq!(row.worries.0, vec!["First tablet".to_owned()]);
}

#[tokio::test]
async fn new_views_start_at_version_one_and_belong_to_the_childs_case() {
    let app = spawn_demo_app().await;
    let jade = kid(&app.db, "Jade").await;
    let token = child_token(&app.db, "Jade").await;
    assert_eq!(
        ok(&my_views(&app, &token, &jade.meeting).await)["myViews"],
        Value::Null
    );

    let saved = save(
        &app,
        &token,
        &jade.meeting,
        0,
        json!({ "goingWell": ["Football"] }),
    )
    .await;
    assert_eq!(ok(&saved)["saveViewsDraft"]["version"], 1);
    let row = views_row(&app.db, &jade).await.unwrap();
    assert_eq!(row.case_id, jade.case_id);

    // Saving a version that never existed is a conflict with nothing current.
    let leo = kid(&app.db, "Leo").await;
    let leo_token = child_token(&app.db, "Leo").await;
    let none = save(&app, &leo_token, &leo.meeting, 3, json!({})).await;
    assert_eq!(error_code(&none), "CONFLICT");
    assert_eq!(none["errors"][0]["extensions"]["current"], Value::Null);
    assert!(views_row(&app.db, &leo).await.is_none());
}

#[tokio::test]
async fn bad_words_are_refused_in_plain_words_and_nothing_is_written() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let cases = [
        (json!({ "worries": ["x".repeat(2001)] }), "worries"),
        (json!({ "goingWell": vec!["fine"; 21] }), "goingWell"),
        (json!({ "wantToHappen": ["bell\u{7}"] }), "wantToHappen"),
        (json!({ "freeWords": "y".repeat(10_001) }), "freeWords"),
    ];
    for (content, field) in cases {
        let response = save(&app, &token, &mia.meeting, 1, content).await;
        assert_eq!(error_code(&response), "BAD_USER_INPUT", "{field}");
        assert_eq!(response["errors"][0]["extensions"]["field"], field);
        let message = response["errors"][0]["message"].as_str().unwrap();
        assert!(
            message.starts_with("You can") || message.contains("Please"),
            "{message}"
        );
    }
    // Exactly at the limits is fine.
    let limits = json!({ "worries": vec!["w".repeat(2000); 20], "freeWords": "f".repeat(10_000) });
    ok(&save(&app, &token, &mia.meeting, 1, limits).await);
    let negative = save(&app, &token, &mia.meeting, -1, json!({})).await;
    assert_eq!(error_code(&negative), "BAD_USER_INPUT");
    assert_eq!(
        negative["errors"][0]["extensions"]["field"],
        "expectedVersion"
    );
    let unknown = save(
        &app,
        &token,
        &mia.meeting,
        2,
        json!({ "feeling": "EXCITED" }),
    )
    .await;
    assert!(
        unknown["errors"].is_array(),
        "an unknown feeling is refused"
    );
    assert_eq!(views_row(&app.db, &mia).await.unwrap().version, 2);
}

#[tokio::test]
async fn only_the_childs_own_meetings_still_to_come_take_views() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let leo = kid(&app.db, "Leo").await;
    let token = child_token(&app.db, "Mia").await;

    // Leo's meeting is not Mia's: it does not exist for her.
    let theirs = save(&app, &token, &leo.meeting, 0, json!({})).await;
    assert_eq!(error_code(&theirs), "NOT_FOUND");
    let bad_id = save(&app, &token, "not-an-id", 0, json!({})).await;
    assert_eq!(error_code(&bad_id), "BAD_USER_INPUT");

    let set_meeting = |status: MeetingStatus, days: i64| {
        let db = app.db.clone();
        let id = mia.meeting_id;
        async move {
            meeting::ActiveModel {
                id: Set(id),
                status: Set(status),
                scheduled_at: Set(Some(Utc::now() + Duration::days(days))),
                ..Default::default()
            }
            .update(&db)
            .await
            .unwrap();
        }
    };
    for (status, days) in [
        (MeetingStatus::Held, -1),
        (MeetingStatus::Cancelled, 5),
        (MeetingStatus::Scheduled, -1),
    ] {
        set_meeting(status, days).await;
        let response = save(
            &app,
            &token,
            &mia.meeting,
            1,
            json!({ "worries": ["late"] }),
        )
        .await;
        assert_eq!(error_code(&response), "BAD_USER_INPUT", "{status:?}");
        assert_eq!(response["errors"][0]["extensions"]["field"], "meetingId");
    }
    assert_eq!(views_row(&app.db, &mia).await.unwrap().version, 1);
}

// ---------------------------------------------------------------------------------------------
// Submitting

#[tokio::test]
async fn a_retried_submission_answers_the_same_and_never_submits_twice() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;

    let first = submit(&app, &token, &mia.meeting, 1, "retry-key-001").await;
    let first = ok(&first)["submitViews"].clone();
    assert_eq!(first["status"], "SUBMITTED");
    assert!(first["submittedAt"].is_string());
    let again = submit(&app, &token, &mia.meeting, 1, "retry-key-001").await;
    assert_eq!(ok(&again)["submitViews"], first);

    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(version_rows(&app.db, row.id).await, 1);
    assert_eq!(audit_count(&app.db, "views.submitted", row.id).await, 1);
    let frozen = views_version::Entity::find()
        .filter(views_version::Column::ViewsId.eq(row.id))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(frozen.version, 1);
    assert_eq!(
        frozen.snapshot["worries"][0],
        "I don't know if I can still see my brother."
    );

    // Sending the same version again with a new key: already sent, nothing new.
    let new_key = submit(&app, &token, &mia.meeting, 1, "another-key-002").await;
    assert_eq!(error_code(&new_key), "CONFLICT");
    let bad_key = submit(&app, &token, &mia.meeting, 1, "short").await;
    assert_eq!(error_code(&bad_key), "BAD_USER_INPUT");
    assert_eq!(
        bad_key["errors"][0]["extensions"]["field"],
        "idempotencyKey"
    );
    assert_eq!(version_rows(&app.db, row.id).await, 1);
}

#[tokio::test]
async fn a_key_already_used_for_another_meetings_views_is_refused() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    // A second meeting for Mia, a week later, with views saved for it.
    let first = meeting::Entity::find_by_id(mia.meeting_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let second = meeting::ActiveModel {
        local_authority_id: Set(first.local_authority_id),
        kind: Set(first.kind),
        scheduled_at: Set(Some(Utc::now() + Duration::days(7))),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    meeting_child::ActiveModel {
        meeting_id: Set(second.id),
        child_id: Set(mia.child_id),
        local_authority_id: Set(first.local_authority_id),
        created_at: Set(Utc::now()),
    }
    .insert(&app.db)
    .await
    .unwrap();
    let second_id = NodeKind::Meeting.id(second.id).0;
    ok(&save(
        &app,
        &token,
        &second_id,
        0,
        json!({ "worries": ["next time"] }),
    )
    .await);

    ok(&submit(&app, &token, &mia.meeting, 1, "used-once-key").await);
    let reused = submit(&app, &token, &second_id, 1, "used-once-key").await;
    assert_eq!(error_code(&reused), "BAD_USER_INPUT", "{reused}");
    assert_eq!(reused["errors"][0]["extensions"]["field"], "idempotencyKey");
    let still = ok(&my_views(&app, &token, &second_id).await)["myViews"].clone();
    assert_eq!(still["status"], "DRAFT", "{still}");

    // With a key of its own it goes.
    let own = submit(&app, &token, &second_id, 1, "second-meeting-key").await;
    assert_eq!(ok(&own)["submitViews"]["status"], "SUBMITTED");
}

#[tokio::test]
async fn concurrent_duplicate_submissions_make_exactly_one_version() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let key = "same-moment-key";
    let (a, b, c, d) = tokio::join!(
        submit(&app, &token, &mia.meeting, 1, key),
        submit(&app, &token, &mia.meeting, 1, key),
        submit(&app, &token, &mia.meeting, 1, key),
        submit(&app, &token, &mia.meeting, 1, key),
    );
    let answers: Vec<Value> = [a, b, c, d]
        .iter()
        .map(|r| ok(r)["submitViews"].clone())
        .collect();
    for answer in &answers {
        assert_eq!(answer, &answers[0], "every retry answers the same");
    }
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(version_rows(&app.db, row.id).await, 1);
    assert_eq!(audit_count(&app.db, "views.submitted", row.id).await, 1);
}

#[tokio::test]
async fn resubmitting_after_more_changes_keeps_the_earlier_versions() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    ok(&submit(&app, &token, &mia.meeting, 1, "first-send-01").await);
    let edited = save(
        &app,
        &token,
        &mia.meeting,
        1,
        json!({ "worries": ["Changed my mind"] }),
    )
    .await;
    assert_eq!(ok(&edited)["saveViewsDraft"]["status"], "DRAFT");
    let stale = submit(&app, &token, &mia.meeting, 1, "second-send-02").await;
    assert_eq!(
        error_code(&stale),
        "CONFLICT",
        "version 1 is no longer current"
    );
    let second = submit(&app, &token, &mia.meeting, 2, "second-send-02").await;
    assert_eq!(ok(&second)["submitViews"]["version"], 2);
    // A late retry of the first submission changes nothing.
    ok(&submit(&app, &token, &mia.meeting, 1, "first-send-01").await);

    let history = app
        .graphql_as(
            Some(&token),
            "query($m: ID!) { myViewsHistory(meetingId: $m) { version status submittedAt worries } }",
            json!({ "m": mia.meeting }),
        )
        .await;
    let history = ok(&history)["myViewsHistory"].as_array().unwrap().clone();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0]["version"], 1);
    assert_eq!(
        history[0]["worries"][0],
        "I don't know if I can still see my brother."
    );
    assert_eq!(history[1]["version"], 2);
    assert_eq!(history[1]["worries"][0], "Changed my mind");
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(version_rows(&app.db, row.id).await, 2);
}

// ---------------------------------------------------------------------------------------------
// Who may write and read

#[tokio::test]
async fn nobody_but_the_child_can_change_the_childs_words() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    for email in [
        ADVOCATE,
        SOCIAL_WORKER,
        ISRO,
        "coordinator@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let saved = save(
            &app,
            &token,
            &mia.meeting,
            1,
            json!({ "worries": ["not mine"] }),
        )
        .await;
        assert_eq!(error_code(&saved), "FORBIDDEN", "{email}");
        let sent = submit(&app, &token, &mia.meeting, 1, "staff-key-001").await;
        assert_eq!(error_code(&sent), "FORBIDDEN", "{email}");
    }
    let anonymous = app
        .graphql(
            "mutation($m: ID!) { saveViewsDraft(meetingId: $m, expectedVersion: 1, content: {}) { id } }",
            json!({ "m": mia.meeting }),
        )
        .await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!((row.version, row.worries.0.len()), (1, 1));

    // The schema has no other way to write a child's words, besides the advocate writing down what
    // the child said (issue 20), labelled as the advocate's until the child confirms it
    // (advocate_words.rs).
    let schema = app
        .graphql("{ __schema { mutationType { fields { name args { type { name ofType { name } } } } } } }", json!({}))
        .await;
    let writers: Vec<&str> = schema["data"]["__schema"]["mutationType"]["fields"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| {
            f["args"].as_array().unwrap().iter().any(|a| {
                a["type"]["name"] == "ViewsInput" || a["type"]["ofType"]["name"] == "ViewsInput"
            })
        })
        .map(|f| f["name"].as_str().unwrap())
        .collect();
    assert_eq!(writers, vec!["saveViewsDraft", "recordViewsForChild"]);
}

#[tokio::test]
async fn the_advocate_reads_the_childs_exact_words_and_every_read_is_audited() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let query = format!(
        "query($c: ID!) {{ caseViews(caseId: $c) {{ {VIEWS} }} caseViewsHistory(caseId: $c) {{ version worries }} }}"
    );
    let read = app
        .graphql_as(Some(&advocate), &query, json!({ "c": mia.case }))
        .await;
    let data = ok(&read);
    assert_eq!(
        data["caseViews"]["wantToHappen"],
        json!(["See my brother every Saturday."])
    );
    assert_eq!(data["caseViews"]["feeling"], "WORRIED");
    assert_eq!(data["caseViewsHistory"][0]["version"], 2);
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(audit_count(&app.db, "views.read", row.id).await, 2);

    // Another advocate's case does not exist for them; other roles are refused outright.
    let other = another_staff(&app.db, "advocate2@demo.myvoice", StaffRole::Advocate).await;
    let theirs = app
        .graphql_as(Some(&other), &query, json!({ "c": mia.case }))
        .await;
    assert_eq!(error_code(&theirs), "NOT_FOUND");
    for email in [
        SOCIAL_WORKER,
        ISRO,
        "coordinator@demo.myvoice",
        "agency@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let refused = app
            .graphql_as(Some(&token), &query, json!({ "c": mia.case }))
            .await;
        assert_eq!(error_code(&refused), "FORBIDDEN", "{email}");
    }
    let child_asks = app
        .graphql_as(Some(&token), &query, json!({ "c": mia.case }))
        .await;
    assert_eq!(error_code(&child_asks), "FORBIDDEN");
    assert_eq!(
        audit_count(&app.db, "views.read", row.id).await,
        2,
        "refusals read nothing"
    );
}

#[tokio::test]
async fn one_child_never_reaches_another_childs_views() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let jade = child_token(&app.db, "Jade").await;
    for query in [
        "query($m: ID!) { myViews(meetingId: $m) { worries } }",
        "query($m: ID!) { myViewsHistory(meetingId: $m) { worries } }",
        "query($m: ID!) { whoHasReadMyViews(meetingId: $m) { who } }",
    ] {
        let response = app
            .graphql_as(Some(&jade), query, json!({ "m": mia.meeting }))
            .await;
        assert_eq!(error_code(&response), "NOT_FOUND", "{query}");
    }
    assert_eq!(
        error_code(&save(&app, &jade, &mia.meeting, 1, json!({})).await),
        "NOT_FOUND"
    );
    assert_eq!(
        error_code(&submit(&app, &jade, &mia.meeting, 1, "jade-key-0001").await),
        "NOT_FOUND"
    );
    assert_eq!(views_row(&app.db, &mia).await.unwrap().version, 1);
}

#[tokio::test]
async fn another_authoritys_people_find_nothing() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let other = other_tenant(&app.db).await;
    let views = app
        .graphql_as(
            Some(&other.child_token),
            "query($m: ID!) { myViews(meetingId: $m) { worries } }",
            json!({ "m": mia.meeting }),
        )
        .await;
    assert_eq!(error_code(&views), "NOT_FOUND");
    assert_eq!(
        error_code(&save(&app, &other.child_token, &mia.meeting, 1, json!({})).await),
        "NOT_FOUND"
    );
    for query in [
        "query($c: ID!) { caseViews(caseId: $c) { worries } }",
        "query($c: ID!) { caseViewsHistory(caseId: $c) { worries } }",
        "query($c: ID!) { advocateNotes(caseId: $c) { totalCount } }",
        "mutation($c: ID!) { addAdvocateNote(caseId: $c, body: \"x\") { id } }",
        "mutation($c: ID!) { shareViews(caseId: $c) { version } }",
    ] {
        let response = app
            .graphql_as(Some(&other.advocate_token), query, json!({ "c": mia.case }))
            .await;
        assert_eq!(error_code(&response), "NOT_FOUND", "{query}");
    }
    // Mia's request for help is invisible to the other authority's advocate.
    let mia_token = child_token(&app.db, "Mia").await;
    let asked = app.graphql_as(Some(&mia_token), HELP, json!({})).await;
    let id = ok(&asked)["requestUrgentHelp"]["id"].clone();
    let ack = "mutation($id: ID!) { acknowledgeUrgentHelp(id: $id) { acknowledgedAt } }";
    let response = app
        .graphql_as(Some(&other.advocate_token), ack, json!({ "id": id }))
        .await;
    assert_eq!(error_code(&response), "NOT_FOUND");
    let open = app
        .graphql_as(Some(&other.advocate_token), OPEN_HELP, json!({}))
        .await;
    assert_eq!(ok(&open)["openUrgentHelp"]["totalCount"], 0);
}

// ---------------------------------------------------------------------------------------------
// Notes and urgent help

#[tokio::test]
async fn the_advocates_own_words_go_in_notes_on_their_case() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let add = "mutation($c: ID!, $b: String!) { addAdvocateNote(caseId: $c, body: $b) { id authorName body } }";
    let added = app
        .graphql_as(
            Some(&advocate),
            add,
            json!({ "c": mia.case, "b": " Met Mia at school. " }),
        )
        .await;
    let note = &ok(&added)["addAdvocateNote"];
    assert_eq!(note["body"], "Met Mia at school.");
    assert_eq!(note["authorName"], "Priya Shah");
    let blank = app
        .graphql_as(Some(&advocate), add, json!({ "c": mia.case, "b": "  " }))
        .await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT");

    let list = app
        .graphql_as(Some(&advocate), "query($c: ID!) { advocateNotes(caseId: $c, first: 10) { totalCount edges { node { body } } } }", json!({ "c": mia.case }))
        .await;
    assert_eq!(ok(&list)["advocateNotes"]["totalCount"], 1);
    assert_eq!(
        ok(&list)["advocateNotes"]["edges"][0]["node"]["body"],
        "Met Mia at school."
    );
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(row.worries.0.len(), 1, "the child's words are untouched");

    let other = another_staff(&app.db, "advocate2@demo.myvoice", StaffRole::Advocate).await;
    let theirs = app
        .graphql_as(Some(&other), add, json!({ "c": mia.case, "b": "x" }))
        .await;
    assert_eq!(error_code(&theirs), "NOT_FOUND");
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let refused = app
        .graphql_as(Some(&sw), add, json!({ "c": mia.case, "b": "x" }))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
    let added = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("advocate_note.added"))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(added, 1);
}

const HELP: &str = "mutation($m: String) { requestUrgentHelp(message: $m) { id message advocateTold emergencyNumber childlineNumber } }";
const OPEN_HELP: &str = "{ openUrgentHelp(first: 10) { totalCount edges { node { id childFirstName message caseId acknowledgedAt } } } }";

#[tokio::test]
async fn urgent_help_reaches_the_childs_advocate_who_acknowledges_it() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let asked = app
        .graphql_as(
            Some(&token),
            HELP,
            json!({ "m": " I'm scared at home \u{0} " }),
        )
        .await;
    let answer = ok(&asked)["requestUrgentHelp"].clone();
    assert_eq!(answer["advocateTold"], true);
    let message = answer["message"].as_str().unwrap();
    assert!(
        message.contains("999") && message.contains("0800 1111"),
        "{message}"
    );
    assert_eq!(answer["childlineNumber"], "0800 1111");

    let row = urgent_help::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.case_id, mia.case_id);
    assert_eq!(row.message.as_deref(), Some("I'm scared at home"));
    assert_eq!(audit_count(&app.db, "urgent_help.raised", row.id).await, 1);

    let advocate = staff_token(&app.db, ADVOCATE).await;
    let open = app.graphql_as(Some(&advocate), OPEN_HELP, json!({})).await;
    let open = &ok(&open)["openUrgentHelp"];
    assert_eq!(open["totalCount"], 1);
    assert_eq!(open["edges"][0]["node"]["childFirstName"], "Mia");
    assert_eq!(open["edges"][0]["node"]["caseId"], mia.case);

    let ack = "mutation($id: ID!) { acknowledgeUrgentHelp(id: $id) { acknowledgedAt } }";
    let other = another_staff(&app.db, "advocate2@demo.myvoice", StaffRole::Advocate).await;
    let theirs = app
        .graphql_as(Some(&other), ack, json!({ "id": answer["id"] }))
        .await;
    assert_eq!(error_code(&theirs), "NOT_FOUND");
    assert_eq!(
        ok(&app.graphql_as(Some(&other), OPEN_HELP, json!({})).await)["openUrgentHelp"]["totalCount"],
        0
    );
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    assert_eq!(
        error_code(
            &app.graphql_as(Some(&coordinator), OPEN_HELP, json!({}))
                .await
        ),
        "FORBIDDEN"
    );

    let done = app
        .graphql_as(Some(&advocate), ack, json!({ "id": answer["id"] }))
        .await;
    let first_ack = ok(&done)["acknowledgeUrgentHelp"]["acknowledgedAt"].clone();
    assert!(first_ack.is_string());
    let twice = app
        .graphql_as(Some(&advocate), ack, json!({ "id": answer["id"] }))
        .await;
    assert_eq!(
        ok(&twice)["acknowledgeUrgentHelp"]["acknowledgedAt"],
        first_ack
    );
    assert_eq!(
        audit_count(&app.db, "urgent_help.acknowledged", row.id).await,
        1
    );
    let open = app.graphql_as(Some(&advocate), OPEN_HELP, json!({})).await;
    assert_eq!(ok(&open)["openUrgentHelp"]["totalCount"], 0);

    // Staff cannot raise it for a child.
    assert_eq!(
        error_code(&app.graphql_as(Some(&advocate), HELP, json!({})).await),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn urgent_help_is_recorded_even_without_an_advocate() {
    let app = spawn_demo_app().await;
    let leo = kid(&app.db, "Leo").await;
    let token = child_token(&app.db, "Leo").await;
    let long = "help ".repeat(1000);
    let asked = app
        .graphql_as(Some(&token), HELP, json!({ "m": long }))
        .await;
    let answer = &ok(&asked)["requestUrgentHelp"];
    assert_eq!(answer["advocateTold"], false);
    assert!(answer["message"].as_str().unwrap().contains("999"));
    let row = urgent_help::Entity::find()
        .filter(urgent_help::Column::ChildId.eq(leo.child_id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("recorded");
    assert_eq!(row.case_id, None);
    assert!(
        row.message.unwrap().chars().count() <= 2000,
        "a long message is cut, not refused"
    );
    let without = app.graphql_as(Some(&token), HELP, json!({})).await;
    ok(&without);
}

#[tokio::test]
async fn open_urgent_help_costs_the_same_statements_for_one_request_or_many() {
    let app = spawn_demo_app().await;
    let mia = child_token(&app.db, "Mia").await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    ok(&app
        .graphql_as(Some(&mia), HELP, json!({ "m": "one" }))
        .await);
    let (one, _) = app.statements_of(&advocate, OPEN_HELP, json!({})).await;
    for n in 0..6 {
        ok(&app
            .graphql_as(Some(&mia), HELP, json!({ "m": format!("again {n}") }))
            .await);
    }
    let (many, list) = app.statements_of(&advocate, OPEN_HELP, json!({})).await;
    assert_eq!(ok(&list)["openUrgentHelp"]["totalCount"], 7);
    assert_eq!(one, many);
}

#[tokio::test]
async fn two_saves_of_the_same_version_at_once_cannot_both_win() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let (a, b) = tokio::join!(
        save(
            &app,
            &token,
            &mia.meeting,
            1,
            json!({ "worries": ["from the tablet"] })
        ),
        save(
            &app,
            &token,
            &mia.meeting,
            1,
            json!({ "worries": ["from the phone"] })
        ),
    );
    let (won, lost) = if a.get("errors").is_none() {
        (a, b)
    } else {
        (b, a)
    };
    assert_eq!(ok(&won)["saveViewsDraft"]["version"], 2);
    assert_eq!(error_code(&lost), "CONFLICT");
    let current = &lost["errors"][0]["extensions"]["current"];
    assert_eq!(current["worries"], won["data"]["saveViewsDraft"]["worries"]);
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(row.version, 2);
    assert_eq!(audit_count(&app.db, "views.draft_saved", row.id).await, 1);
}
