//! `node(id)`: any case, meeting or referral by its global ID, under the same rules as its own query.
use api::graphql::ids::NodeKind;
use entity::{advocacy_case, meeting, referral};
use sea_orm::EntityTrait;
use serde_json::json;
use tests::app::{error_code, spawn_demo_app, staff_token};

const NODE: &str = "query($id: ID!) { node(id: $id) { id __typename
    ... on AdvocacyCase { status } ... on Meeting { kind } ... on Referral { status } } }";

#[tokio::test]
async fn each_role_fetches_its_own_things_by_global_id() {
    let app = spawn_demo_app().await;
    let case = advocacy_case::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let meeting = meeting::Entity::find().one(&app.db).await.unwrap().unwrap();
    let referral = referral::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    for (email, kind, raw, typename) in [
        (
            "advocate@demo.myvoice",
            NodeKind::Case,
            case.id,
            "AdvocacyCase",
        ),
        (
            "isro@demo.myvoice",
            NodeKind::Meeting,
            meeting.id,
            "Meeting",
        ),
        (
            "coordinator@demo.myvoice",
            NodeKind::Referral,
            referral.id,
            "Referral",
        ),
    ] {
        let token = staff_token(&app.db, email).await;
        let id = kind.id(raw).0;
        let answer = app
            .graphql_as(Some(&token), NODE, json!({ "id": id }))
            .await;
        assert_eq!(
            answer["data"]["node"]["__typename"], typename,
            "{email}: {answer}"
        );
        assert_eq!(answer["data"]["node"]["id"], id, "the same ID comes back");
    }
}

#[tokio::test]
async fn node_refuses_what_the_own_query_refuses() {
    let app = spawn_demo_app().await;
    let case = advocacy_case::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let answer = app
        .graphql_as(
            Some(&coordinator),
            NODE,
            json!({ "id": NodeKind::Case.id(case.id).0 }),
        )
        .await;
    assert_eq!(
        error_code(&answer),
        "FORBIDDEN",
        "coordinators do not open cases: {answer}"
    );
    let missing = app
        .graphql_as(
            Some(&staff_token(&app.db, "advocate@demo.myvoice").await),
            NODE,
            json!({ "id": NodeKind::Case.id(9999).0 }),
        )
        .await;
    assert_eq!(error_code(&missing), "NOT_FOUND");
    let garbage = app
        .graphql_as(Some(&coordinator), NODE, json!({ "id": "garbage" }))
        .await;
    assert_eq!(error_code(&garbage), "BAD_USER_INPUT");
}
