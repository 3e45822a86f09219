//! A social worker adds a child, who is then allocated to them; the coordinator adds one for a
//! named social worker. Only what the work needs, checked once.
use api::graphql::ids::NodeKind;
use entity::enums::StaffRole;
use serde_json::{Value, json};
use tests::app::{error_code, spawn_demo_app, staff_token};

use super::{answer, bad_field};
use crate::meetings::fixtures::add_staff;
use crate::referrals::{COORDINATOR, SOCIAL_WORKER, audit_count, demo_la, gid, staff_id};

pub(crate) const FIELDS: &str = "id preferredName fullName dateOfBirth lookedAfter language \
    interpreterNeeded parentalResponsibility agreedToAdvocacy agreedToAdvocacyOn socialWorker { name }";

pub(crate) fn create_query() -> String {
    format!("mutation($i: ChildInput!) {{ createChild(input: $i) {{ {FIELDS} }} }}")
}

fn update_query() -> String {
    format!(
        "mutation($id: ID!, $i: ChildInput!) {{ updateChild(id: $id, input: $i) {{ {FIELDS} }} }}"
    )
}

/// Amira: 12, not looked after, speaks Arabic with an interpreter, agreed to an advocate.
pub(crate) fn amira() -> Value {
    json!({ "i": {
        "preferredName": "Amira", "fullName": "Amira Haddad", "dateOfBirth": "2014-05-09",
        "lookedAfter": false, "language": "Arabic", "interpreterNeeded": true,
        "parentalResponsibility": "Mother and father",
        "agreedToAdvocacy": true, "agreedToAdvocacyOn": "2026-11-30",
    } })
}

#[tokio::test]
async fn a_social_worker_adds_a_child_who_is_then_allocated_to_them() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let call = |query: String, vars: Value| {
        let (app, sw) = (&app, &sw);
        async move { app.graphql_as(Some(sw), &query, vars).await }
    };

    let made = answer(&call(create_query(), amira()).await, "createChild");
    assert_eq!(made["preferredName"], "Amira");
    assert_eq!(made["fullName"], "Amira Haddad");
    assert_eq!(made["language"], "Arabic");
    assert_eq!(made["interpreterNeeded"], true);
    assert_eq!(made["parentalResponsibility"], "Mother and father");
    assert_eq!(made["agreedToAdvocacyOn"], "2026-11-30");
    assert_eq!(made["socialWorker"]["name"], "Tom Reed");
    let mine = call(
        "{ myChildren(first: 100) { nodes { id preferredName } } }".into(),
        json!({}),
    )
    .await;
    let names: Vec<Value> = answer(&mine, "myChildren")["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["preferredName"].clone())
        .collect();
    assert!(names.contains(&json!("Amira")), "{names:?}");
    assert_eq!(audit_count(&app.db, "child.created").await, 1);

    // Bad input names its field and writes nothing.
    let mut no_date = amira();
    no_date["i"]["agreedToAdvocacyOn"] = Value::Null;
    assert_eq!(
        bad_field(&call(create_query(), no_date).await),
        "agreedToAdvocacyOn"
    );
    let mut unborn = amira();
    unborn["i"]["dateOfBirth"] = json!("2999-01-01");
    assert_eq!(
        bad_field(&call(create_query(), unborn).await),
        "dateOfBirth"
    );
    let mut nameless = amira();
    nameless["i"]["preferredName"] = json!("  ");
    assert_eq!(
        bad_field(&call(create_query(), nameless).await),
        "preferredName"
    );
    assert_eq!(audit_count(&app.db, "child.created").await, 1);

    // Changed by their social worker; another social worker may not.
    let mut changed = amira();
    changed["id"] = made["id"].clone();
    changed["i"]["interpreterNeeded"] = json!(false);
    changed["i"]["language"] = json!("English");
    let updated = answer(&call(update_query(), changed.clone()).await, "updateChild");
    assert_eq!(updated["interpreterNeeded"], false);
    assert_eq!(updated["language"], "English");
    assert_eq!(updated["socialWorker"]["name"], "Tom Reed");
    let la = demo_la(&app.db).await;
    add_staff(&app.db, la, "sw2@demo.test", StaffRole::SocialWorker).await;
    let other = staff_token(&app.db, "sw2@demo.test").await;
    let refused = app.graphql_as(Some(&other), &update_query(), changed).await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
    // A social worker cannot add a child for someone else.
    let mut for_other = amira();
    for_other["i"]["socialWorkerId"] = json!(gid(
        NodeKind::StaffUser,
        staff_id(&app.db, "sw2@demo.test").await
    ));
    assert_eq!(
        bad_field(&call(create_query(), for_other).await),
        "socialWorkerId"
    );
}

#[tokio::test]
async fn the_coordinator_adds_a_child_for_a_named_social_worker_and_keeps_them_allocated() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let sw = gid(NodeKind::StaffUser, staff_id(&app.db, SOCIAL_WORKER).await);
    let mut child = amira();
    child["i"]["socialWorkerId"] = json!(sw);
    let made = app
        .graphql_as(Some(&coordinator), &create_query(), child.clone())
        .await;
    let made = answer(&made, "createChild");
    assert_eq!(made["socialWorker"]["name"], "Tom Reed");

    // Naming nobody on a change keeps the social worker.
    let mut changed = amira();
    changed["id"] = made["id"].clone();
    changed["i"]["agreedToAdvocacy"] = json!(false);
    changed["i"]["agreedToAdvocacyOn"] = Value::Null;
    let updated = app
        .graphql_as(Some(&coordinator), &update_query(), changed)
        .await;
    let updated = answer(&updated, "updateChild");
    assert_eq!(updated["agreedToAdvocacy"], false);
    assert_eq!(updated["socialWorker"]["name"], "Tom Reed");

    // The coordinator may name only a social worker.
    let admin = gid(NodeKind::StaffUser, staff_id(&app.db, super::ADMIN).await);
    child["i"]["socialWorkerId"] = json!(admin);
    let wrong = app
        .graphql_as(Some(&coordinator), &create_query(), child)
        .await;
    assert_eq!(bad_field(&wrong), "socialWorkerId");

    // Nobody else adds children.
    let isro = staff_token(&app.db, super::ISRO).await;
    let refused = app.graphql_as(Some(&isro), &create_query(), amira()).await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
}
