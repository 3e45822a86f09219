//! Sharing a child's views: the advocate sends them only to the people the child agreed to, never for
//! a family group conference, never before the child submits nor after the meeting; the social worker
//! and the chair read only what was shared with them while the child agrees, every read is audited,
//! and the child can see who read their views.
use chrono::{Duration, Utc};
use entity::enums::{CaseStatus, StaffRole, ViewsStatus};
use entity::{advocacy_case, meeting, views_share};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::views::{
    ADVOCATE, ISRO, SOCIAL_WORKER, another_staff, audit_count, consenting_content, kid,
    mia_submits, ok, other_tenant, save, submit, views_row,
};

const SHARE: &str = "mutation($c: ID!) { shareViews(caseId: $c) { viewsId version status recipients { shareId audience name sharedAt } } }";
const INBOX: &str = "query($u: Boolean) { viewsSharedWithMe(first: 10, unreadOnly: $u) { totalCount edges { node { shareId viewsId childFirstName meetingKind meetingAt audience version sharedAt readAt } } } }";
const OPEN: &str = "query($s: ID) { sharedViews(shareId: $s) { shareId childFirstName version readAt worries goingWell wantToHappen feeling attendance submittedAt } }";

pub(crate) async fn share(app: &TestApp, case: &str) -> Value {
    let advocate = staff_token(&app.db, ADVOCATE).await;
    app.graphql_as(Some(&advocate), SHARE, json!({ "c": case }))
        .await
}

async fn inbox(app: &TestApp, token: &str, unread_only: bool) -> Value {
    let response = app
        .graphql_as(Some(token), INBOX, json!({ "u": unread_only }))
        .await;
    ok(&response)["viewsSharedWithMe"].clone()
}

async fn share_rows(app: &TestApp) -> u64 {
    views_share::Entity::find().count(&app.db).await.unwrap()
}

#[tokio::test]
async fn shared_views_go_to_the_social_worker_and_the_chair_the_child_agreed_to() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;

    let shared = share(&app, &mia.case).await;
    let shared = &ok(&shared)["shareViews"];
    assert_eq!(shared["status"], "SHARED");
    assert_eq!(shared["version"], 2);
    let to: Vec<(String, String)> = shared["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["audience"].as_str().unwrap().into(),
                r["name"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        to,
        vec![
            ("SOCIAL_WORKER".to_owned(), "Tom Reed".to_owned()),
            ("CHAIR".to_owned(), "Helen Carter".to_owned())
        ]
    );
    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(row.status, ViewsStatus::Shared);
    let case = advocacy_case::Entity::find_by_id(mia.case_id.unwrap())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(case.status, CaseStatus::ViewsShared);
    let rows = views_share::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(rows.len(), 2);
    assert!(rows.iter().all(|r| r.version == 2 && r.read_at.is_none()));
    assert_eq!(audit_count(&app.db, "views.shared", row.id).await, 1);

    // The same version is not sent twice.
    let again = share(&app, &mia.case).await;
    assert_eq!(error_code(&again), "CONFLICT");
    assert_eq!(share_rows(&app).await, 2);
}

#[tokio::test]
async fn each_audience_receives_only_with_the_childs_consent() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;

    // Agreed to nobody who can receive: family and meeting only.
    let only_family =
        json!({ "worries": ["x"], "shareWithFamily": true, "shareWithMeeting": true });
    ok(&save(&app, &token, &mia.meeting, 1, only_family).await);
    ok(&submit(&app, &token, &mia.meeting, 2, "family-only-01").await);
    let refused = share(&app, &mia.case).await;
    assert_eq!(error_code(&refused), "CONFLICT");
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("not agreed")
    );
    assert_eq!(share_rows(&app).await, 0);

    // Agreed to the social worker only.
    let sw_only = json!({ "worries": ["x"], "shareWithSocialWorker": true });
    ok(&save(&app, &token, &mia.meeting, 2, sw_only).await);
    ok(&submit(&app, &token, &mia.meeting, 3, "sw-only-00003").await);
    let shared = share(&app, &mia.case).await;
    let recipients = ok(&shared)["shareViews"]["recipients"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(recipients.len(), 1);
    assert_eq!(recipients[0]["audience"], "SOCIAL_WORKER");

    let isro = staff_token(&app.db, ISRO).await;
    assert_eq!(inbox(&app, &isro, false).await["totalCount"], 0);
    let by_views = app
        .graphql_as(
            Some(&isro),
            "query($v: ID) { sharedViews(viewsId: $v) { worries } }",
            json!({ "v": shared["data"]["shareViews"]["viewsId"] }),
        )
        .await;
    assert_eq!(error_code(&by_views), "NOT_FOUND");
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    assert_eq!(inbox(&app, &sw, false).await["totalCount"], 1);
}

#[tokio::test]
async fn views_are_not_sent_in_advance_for_a_family_group_conference() {
    let app = spawn_demo_app().await;
    let jade = kid(&app.db, "Jade").await;
    let token = child_token(&app.db, "Jade").await;
    ok(&save(&app, &token, &jade.meeting, 0, consenting_content()).await);
    ok(&submit(&app, &token, &jade.meeting, 1, "jade-fgc-0001").await);
    let refused = share(&app, &jade.case).await;
    assert_eq!(error_code(&refused), "CONFLICT");
    let message = refused["errors"][0]["message"].as_str().unwrap();
    assert!(message.contains("family group conference"), "{message}");
    assert_eq!(share_rows(&app).await, 0);
    assert_eq!(
        views_row(&app.db, &jade).await.unwrap().status,
        ViewsStatus::Submitted
    );
}

#[tokio::test]
async fn views_are_shared_only_once_submitted_and_before_the_meeting() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    ok(&save(&app, &token, &mia.meeting, 1, consenting_content()).await);
    let draft = share(&app, &mia.case).await;
    assert_eq!(error_code(&draft), "CONFLICT", "a draft is not shared");

    ok(&submit(&app, &token, &mia.meeting, 2, "before-late-1").await);
    meeting::ActiveModel {
        id: Set(mia.meeting_id),
        scheduled_at: Set(Some(Utc::now() - Duration::hours(1))),
        ..Default::default()
    }
    .update(&app.db)
    .await
    .unwrap();
    let late = share(&app, &mia.case).await;
    assert_eq!(
        error_code(&late),
        "CONFLICT",
        "too late: the meeting has happened"
    );
    assert_eq!(share_rows(&app).await, 0);

    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let refused = app
        .graphql_as(Some(&sw), SHARE, json!({ "c": mia.case }))
        .await;
    assert_eq!(
        error_code(&refused),
        "FORBIDDEN",
        "only the advocate shares"
    );
}

#[tokio::test]
async fn a_newer_version_can_be_shared_after_resubmission() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    ok(&share(&app, &mia.case).await);

    let mut newer = consenting_content();
    newer["worries"] = json!(["Now I worry about moving school"]);
    ok(&save(&app, &token, &mia.meeting, 2, newer).await);
    ok(&submit(&app, &token, &mia.meeting, 3, "mia-key-0003").await);
    let again = share(&app, &mia.case).await;
    assert_eq!(ok(&again)["shareViews"]["version"], 3);
    assert_eq!(share_rows(&app).await, 4);

    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let list = inbox(&app, &sw, false).await;
    assert_eq!(list["totalCount"], 2);
    let newest = &list["edges"][0]["node"];
    assert_eq!(newest["version"], 3);
    let opened = app
        .graphql_as(Some(&sw), OPEN, json!({ "s": newest["shareId"] }))
        .await;
    assert_eq!(
        ok(&opened)["sharedViews"]["worries"][0],
        "Now I worry about moving school"
    );
}

#[tokio::test]
async fn the_social_worker_reads_what_was_shared_and_the_child_sees_who_read_it() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    ok(&share(&app, &mia.case).await);
    // The child keeps editing after the share: readers still see the version that was shared.
    ok(&save(&app, &token, &mia.meeting, 2, json!({ "worries": ["a new draft"], "shareWithSocialWorker": true, "shareWithChair": true })).await);

    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let list = inbox(&app, &sw, true).await;
    assert_eq!(list["totalCount"], 1);
    let item = &list["edges"][0]["node"];
    assert_eq!(item["childFirstName"], "Mia");
    assert_eq!(item["meetingKind"], "CHILDREN_LOOKED_AFTER_REVIEW");
    assert!(item["meetingAt"].is_string());
    assert_eq!(item["readAt"], Value::Null);

    let opened = app
        .graphql_as(Some(&sw), OPEN, json!({ "s": item["shareId"] }))
        .await;
    let opened = ok(&opened)["sharedViews"].clone();
    assert_eq!(
        opened["worries"],
        json!(["I don't know if I can still see my brother."])
    );
    assert_eq!(
        opened["wantToHappen"],
        json!(["See my brother every Saturday."])
    );
    assert_eq!(opened["attendance"], "ATTEND_WITH_ADVOCATE");
    let first_read = opened["readAt"].clone();
    assert!(first_read.is_string());
    let reopened = app
        .graphql_as(Some(&sw), OPEN, json!({ "s": item["shareId"] }))
        .await;
    assert_eq!(
        ok(&reopened)["sharedViews"]["readAt"],
        first_read,
        "read_at is the first read"
    );
    assert_eq!(inbox(&app, &sw, true).await["totalCount"], 0);

    let isro = staff_token(&app.db, ISRO).await;
    let chair_item = inbox(&app, &isro, false).await["edges"][0]["node"].clone();
    assert_eq!(chair_item["audience"], "CHAIR");
    ok(&app
        .graphql_as(Some(&isro), OPEN, json!({ "s": chair_item["shareId"] }))
        .await);
    let advocate = staff_token(&app.db, ADVOCATE).await;
    ok(&app
        .graphql_as(
            Some(&advocate),
            "query($c: ID!) { caseViews(caseId: $c) { worries } }",
            json!({ "c": mia.case }),
        )
        .await);

    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(audit_count(&app.db, "views.read", row.id).await, 4);
    let who = app
        .graphql_as(
            Some(&token),
            "query($m: ID!) { whoHasReadMyViews(meetingId: $m) { who firstName readAt } }",
            json!({ "m": mia.meeting }),
        )
        .await;
    let who: Vec<(String, String)> = ok(&who)["whoHasReadMyViews"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["who"].as_str().unwrap().into(),
                r["firstName"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = [
        ("your social worker", "Tom"),
        ("your social worker", "Tom"),
        ("the person chairing your meeting", "Helen"),
        ("your advocate", "Priya"),
    ];
    assert_eq!(
        who,
        expected.map(|(a, b)| (a.to_owned(), b.to_owned())).to_vec()
    );

    // Never other children's data: Jade's list is about Jade's views only.
    let jade = kid(&app.db, "Jade").await;
    let jade_token = child_token(&app.db, "Jade").await;
    let jades = app
        .graphql_as(
            Some(&jade_token),
            "query($m: ID!) { whoHasReadMyViews(meetingId: $m) { who } }",
            json!({ "m": jade.meeting }),
        )
        .await;
    assert_eq!(ok(&jades)["whoHasReadMyViews"], json!([]));
}

#[tokio::test]
async fn only_recipients_read_shared_views_and_only_while_the_child_agrees() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    let shared = share(&app, &mia.case).await;
    let sw_share = ok(&shared)["shareViews"]["recipients"][0]["shareId"].clone();

    let second_sw = another_staff(&app.db, "sw2@demo.myvoice", StaffRole::SocialWorker).await;
    let not_theirs = app
        .graphql_as(Some(&second_sw), OPEN, json!({ "s": sw_share }))
        .await;
    assert_eq!(error_code(&not_theirs), "NOT_FOUND");
    assert_eq!(inbox(&app, &second_sw, false).await["totalCount"], 0);
    for email in [
        ADVOCATE,
        "coordinator@demo.myvoice",
        "admin@demo.myvoice",
        "agency@demo.myvoice",
    ] {
        let staff = staff_token(&app.db, email).await;
        let refused = app
            .graphql_as(Some(&staff), OPEN, json!({ "s": sw_share }))
            .await;
        assert_eq!(error_code(&refused), "FORBIDDEN", "{email}");
        let list = app
            .graphql_as(Some(&staff), INBOX, json!({ "u": false }))
            .await;
        assert_eq!(error_code(&list), "FORBIDDEN", "{email}");
    }
    let child_asks = app
        .graphql_as(Some(&token), OPEN, json!({ "s": sw_share }))
        .await;
    assert_eq!(error_code(&child_asks), "FORBIDDEN");
    let anonymous = app.graphql(OPEN, json!({ "s": sw_share })).await;
    assert_eq!(error_code(&anonymous), "UNAUTHENTICATED");
    let other = other_tenant(&app.db).await;
    let elsewhere = app
        .graphql_as(
            Some(&other.social_worker_token),
            OPEN,
            json!({ "s": sw_share }),
        )
        .await;
    assert_eq!(error_code(&elsewhere), "NOT_FOUND");

    // The child changes their mind about the social worker: the share can no longer be read.
    let mut withdrawn = consenting_content();
    withdrawn["shareWithSocialWorker"] = json!(false);
    ok(&save(&app, &token, &mia.meeting, 2, withdrawn).await);
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let after = app
        .graphql_as(Some(&sw), OPEN, json!({ "s": sw_share }))
        .await;
    assert_eq!(error_code(&after), "NOT_FOUND");
    assert_eq!(inbox(&app, &sw, false).await["totalCount"], 0);

    let row = views_row(&app.db, &mia).await.unwrap();
    assert_eq!(
        audit_count(&app.db, "views.read", row.id).await,
        0,
        "nobody read anything"
    );
    let unread = views_share::Entity::find()
        .filter(views_share::Column::ReadAt.is_not_null())
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(unread, 0);
}

#[tokio::test]
async fn the_inbox_costs_the_same_statements_for_one_share_or_many() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    mia_submits(&app, &mia, &token).await;
    ok(&share(&app, &mia.case).await);
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let (one, list) = app.statements_of(&sw, INBOX, json!({ "u": false })).await;
    assert_eq!(ok(&list)["viewsSharedWithMe"]["totalCount"], 1);

    for version in 2..6 {
        let mut content = consenting_content();
        content["worries"] = json!([format!("worry number {version}")]);
        ok(&save(&app, &token, &mia.meeting, version, content).await);
        ok(&submit(
            &app,
            &token,
            &mia.meeting,
            version + 1,
            &format!("mia-key-000{version}"),
        )
        .await);
        ok(&share(&app, &mia.case).await);
    }
    let (many, list) = app.statements_of(&sw, INBOX, json!({ "u": false })).await;
    assert_eq!(ok(&list)["viewsSharedWithMe"]["totalCount"], 5);
    assert_eq!(
        one, many,
        "a constant number of statements whatever the list size"
    );
}
