//! Younger-child mode as the child and the adults around them would notice it: the child turns it on
//! and off and sees it in `me`; the advocate of the child's case turns it on for them; nobody else may,
//! and another authority's child does not exist. Every change is audited.
use entity::audit_event;
use entity::enums::ActorKind;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::referrals::{ADVOCATE, SOCIAL_WORKER, child_named, gid, other_authority, staff_id};
use api::graphql::ids::NodeKind;

const SET: &str =
    "mutation($on: Boolean!, $child: ID) { setYoungerMode(on: $on, childId: $child) }";

async fn set(app: &TestApp, token: Option<&str>, on: bool, child: Option<&str>) -> Value {
    app.graphql_as(token, SET, json!({ "on": on, "child": child }))
        .await
}

async fn younger_mode(app: &TestApp, token: &str) -> Value {
    let body = app
        .graphql_as(Some(token), "{ me { kind youngerMode } }", json!({}))
        .await;
    body["data"]["me"]["youngerMode"].clone()
}

async fn mia(app: &TestApp) -> (String, String) {
    let child = child_token(&app.db, "Mia").await;
    let id = gid(NodeKind::Child, child_named(&app.db, "Mia").await.id);
    (child, id)
}

#[tokio::test]
async fn the_child_turns_younger_mode_on_and_off_and_sees_it() {
    let app = spawn_demo_app().await;
    let (child, _) = mia(&app).await;
    assert_eq!(
        younger_mode(&app, &child).await,
        json!(false),
        "off at first"
    );

    let body = set(&app, Some(&child), true, None).await;
    assert_eq!(body["data"]["setYoungerMode"], json!(true), "{body}");
    assert_eq!(younger_mode(&app, &child).await, json!(true));

    let body = set(&app, Some(&child), false, None).await;
    assert_eq!(body["data"]["setYoungerMode"], json!(false), "{body}");
    assert_eq!(younger_mode(&app, &child).await, json!(false));
}

#[tokio::test]
async fn the_advocate_of_the_childs_case_turns_it_on_for_them() {
    let app = spawn_demo_app().await;
    let (child, mia_id) = mia(&app).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;

    let body = set(&app, Some(&advocate), true, Some(&mia_id)).await;
    assert_eq!(body["data"]["setYoungerMode"], json!(true), "{body}");
    assert_eq!(younger_mode(&app, &child).await, json!(true));

    // Staff have no setting of their own.
    let me = app
        .graphql_as(Some(&advocate), "{ me { youngerMode } }", json!({}))
        .await;
    assert_eq!(me["data"]["me"]["youngerMode"], Value::Null, "{me}");

    // The advocate must say which child.
    let body = set(&app, Some(&advocate), true, None).await;
    assert_eq!(error_code(&body), "BAD_USER_INPUT", "{body}");
}

#[tokio::test]
async fn nobody_else_may_change_it() {
    let app = spawn_demo_app().await;
    let (child, mia_id) = mia(&app).await;
    let leo = child_token(&app.db, "Leo").await;
    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    let other_advocate = second_advocate(&app).await;

    for (who, token) in [
        ("another child", leo.as_str()),
        ("the social worker", social_worker.as_str()),
        ("an advocate without Mia's case", other_advocate.as_str()),
    ] {
        let body = set(&app, Some(token), true, Some(&mia_id)).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{who}: {body}");
    }
    let body = set(&app, None, true, Some(&mia_id)).await;
    assert_eq!(error_code(&body), "UNAUTHENTICATED", "{body}");
    assert_eq!(younger_mode(&app, &child).await, json!(false), "unchanged");
}

#[tokio::test]
async fn another_authoritys_child_does_not_exist() {
    let app = spawn_demo_app().await;
    let (_, mia_id) = mia(&app).await;
    let other = other_authority(&app.db).await;
    let their_advocate = staff_token(&app.db, "advocate@other.test").await;
    let body = set(&app, Some(&their_advocate), true, Some(&mia_id)).await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");

    let advocate = staff_token(&app.db, ADVOCATE).await;
    let sam = gid(NodeKind::Child, other.child_id);
    let body = set(&app, Some(&advocate), true, Some(&sam)).await;
    assert_eq!(error_code(&body), "NOT_FOUND", "{body}");
}

#[tokio::test]
async fn each_change_is_audited_with_who_made_it() {
    let app = spawn_demo_app().await;
    let (child, mia_id) = mia(&app).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    set(&app, Some(&child), true, None).await;
    set(&app, Some(&advocate), false, Some(&mia_id)).await;

    let mia = child_named(&app.db, "Mia").await.id;
    let advocate_id = staff_id(&app.db, ADVOCATE).await;
    let events = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("child.younger_mode_set"))
        .order_by_asc(audit_event::Column::Id)
        .all(&app.db)
        .await
        .unwrap();
    let seen: Vec<_> = events
        .iter()
        .map(|e| {
            (
                e.actor_kind,
                e.actor_id,
                e.subject_type.as_str(),
                e.subject_id,
                e.detail.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            (
                ActorKind::Child,
                Some(mia),
                "child",
                Some(mia),
                Some(json!({ "on": true }))
            ),
            (
                ActorKind::Staff,
                Some(advocate_id),
                "child",
                Some(mia),
                Some(json!({ "on": false }))
            ),
        ]
    );
}

/// A token for an advocate of the demo authority who has no case for Mia.
async fn second_advocate(app: &TestApp) -> String {
    use entity::enums::StaffRole;
    use sea_orm::{ActiveModelTrait, Set};
    let la = child_named(&app.db, "Mia").await.local_authority_id;
    entity::staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Sam Second".into()),
        email: Set("advocate.second@demo.myvoice".into()),
        role: Set(StaffRole::Advocate),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    staff_token(&app.db, "advocate.second@demo.myvoice").await
}
