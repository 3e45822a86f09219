//! Sending a meeting's outcome to agencies, following it up, and agencies acknowledging it.
use api::graphql::ids::NodeKind;
use entity::enums::StaffRole;
use entity::{agency, outcome_distribution};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::meetings::{
    CHILD_WORDS, STAFF_WORDS, add_staff_in_agency, audit_count, demo_tenant, gid, graphql_with_key,
    integrator_key, other_authority, past_meeting_for_mia, record_as_chair,
};

const DISTRIBUTE: &str =
    "mutation($m: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $m, agencyIds: $a) {
    id sentAt acknowledgedAt agency { name kind } } }";

const DISTRIBUTION: &str = "query($m: ID!) { outcomeDistribution(meetingId: $m) {
    id sentAt acknowledgedAt acknowledgedBy { name } agency { name } } }";

const FOR_ME: &str =
    "query($u: Boolean) { outcomesForMe(unacknowledgedOnly: $u) { totalCount edges { node {
    id sentAt acknowledgedAt meetingKind meetingAt children { firstName }
    whiteboard { plan } outcomeStaffWords } } } }";

const ACKNOWLEDGE: &str =
    "mutation($d: ID!) { acknowledgeOutcome(distributionId: $d) { id acknowledgedAt } }";

/// The demo agencies by name.
pub(crate) async fn agency_id(db: &DatabaseConnection, name: &str) -> i32 {
    agency::Entity::find()
        .filter(agency::Column::Name.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no agency {name}"))
        .id
}

async fn rows(db: &DatabaseConnection) -> u64 {
    outcome_distribution::Entity::find()
        .count(db)
        .await
        .unwrap()
}

pub(crate) async fn distribute(app: &TestApp, meeting: i32, agencies: &[i32]) -> Value {
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let ids: Vec<String> = agencies.iter().map(|&a| gid(NodeKind::Agency, a)).collect();
    app.graphql_as(
        Some(&isro),
        DISTRIBUTE,
        json!({ "m": gid(NodeKind::Meeting, meeting), "a": ids }),
    )
    .await
}

/// A recorded past meeting for Mia.
pub(crate) async fn recorded_meeting(app: &TestApp) -> i32 {
    let id = past_meeting_for_mia(app).await;
    record_as_chair(app, id).await;
    id
}

#[tokio::test]
async fn the_chair_sends_a_recorded_outcome_once_to_each_agency() {
    let app = spawn_demo_app().await;
    let meeting = past_meeting_for_mia(&app).await;
    let police = agency_id(&app.db, "Demo Constabulary").await;
    let health = agency_id(&app.db, "Demo NHS Foundation Trust").await;
    let school = agency_id(&app.db, "Riverside Primary School").await;

    let early = distribute(&app, meeting, &[police]).await;
    assert_eq!(error_code(&early), "BAD_USER_INPUT", "not recorded yet");
    assert_eq!(rows(&app.db).await, 0);

    record_as_chair(&app, meeting).await;
    let first = distribute(&app, meeting, &[police, health, police]).await;
    assert!(first["errors"].is_null(), "{first}");
    let sent = first["data"]["distributeOutcome"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(sent.len(), 2, "a repeated agency ID is sent once");
    assert_eq!(
        sent[0]["agency"],
        json!({ "name": "Demo Constabulary", "kind": "POLICE" })
    );

    let second = distribute(&app, meeting, &[health, school]).await;
    let all = second["data"]["distributeOutcome"].as_array().unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(rows(&app.db).await, 3, "health was kept, not duplicated");
    let health_before = sent
        .iter()
        .find(|d| d["agency"]["name"] == "Demo NHS Foundation Trust");
    let health_after = all
        .iter()
        .find(|d| d["agency"]["name"] == "Demo NHS Foundation Trust");
    assert_eq!(
        health_before.unwrap()["sentAt"],
        health_after.unwrap()["sentAt"]
    );
    assert_eq!(audit_count(&app.db, "outcome.distributed").await, 2);

    // Sending only to agencies that have it already changes nothing and audits nothing.
    let again = distribute(&app, meeting, &[police]).await;
    assert_eq!(
        again["data"]["distributeOutcome"].as_array().unwrap().len(),
        3
    );
    assert_eq!(audit_count(&app.db, "outcome.distributed").await, 2);

    let empty = distribute(&app, meeting, &[]).await;
    assert_eq!(error_code(&empty), "BAD_USER_INPUT");
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let malformed = app
        .graphql_as(
            Some(&isro),
            DISTRIBUTE,
            json!({ "m": gid(NodeKind::Meeting, meeting), "a": [gid(NodeKind::Child, 1)] }),
        )
        .await;
    assert_eq!(error_code(&malformed), "BAD_USER_INPUT");
}

#[tokio::test]
async fn other_authorities_agencies_and_meetings_do_not_exist() {
    let app = spawn_demo_app().await;
    let meeting = recorded_meeting(&app).await;
    let other = other_authority(&app.db).await;
    let police = agency_id(&app.db, "Demo Constabulary").await;

    let mixed = distribute(&app, meeting, &[police, other.agency]).await;
    assert_eq!(error_code(&mixed), "NOT_FOUND", "{mixed}");
    let unknown = distribute(&app, meeting, &[99_999]).await;
    assert_eq!(error_code(&unknown), "NOT_FOUND");
    assert_eq!(
        mixed["errors"][0]["message"],
        unknown["errors"][0]["message"]
    );
    assert_eq!(rows(&app.db).await, 0, "nothing half-written");

    let elsewhere = distribute(&app, other.meeting, &[police]).await;
    assert_eq!(error_code(&elsewhere), "NOT_FOUND");
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let read = app
        .graphql_as(
            Some(&coordinator),
            DISTRIBUTION,
            json!({ "m": gid(NodeKind::Meeting, other.meeting) }),
        )
        .await;
    assert_eq!(error_code(&read), "NOT_FOUND");
    let _ = (other.la, other.child, other.isro);
}

#[tokio::test]
async fn only_the_chair_distributes() {
    let app = spawn_demo_app().await;
    let meeting = recorded_meeting(&app).await;
    let police = agency_id(&app.db, "Demo Constabulary").await;
    let la = demo_tenant(&app.db).await;
    crate::meetings::add_staff(&app.db, la, "isro2@demo.myvoice", StaffRole::Isro).await;
    let vars =
        json!({ "m": gid(NodeKind::Meeting, meeting), "a": [gid(NodeKind::Agency, police)] });
    for email in [
        "isro2@demo.myvoice",
        "coordinator@demo.myvoice",
        "social.worker@demo.myvoice",
        "agency@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let body = app.graphql_as(Some(&token), DISTRIBUTE, vars.clone()).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
    }
    let mia = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&app.graphql_as(Some(&mia), DISTRIBUTE, vars.clone()).await),
        "FORBIDDEN"
    );
    assert_eq!(
        error_code(&app.graphql(DISTRIBUTE, vars).await),
        "UNAUTHENTICATED"
    );
    assert_eq!(rows(&app.db).await, 0);
}

#[tokio::test]
async fn the_chair_the_coordinator_and_outcome_keys_follow_distribution_up() {
    let app = spawn_demo_app().await;
    let meeting = recorded_meeting(&app).await;
    let police = agency_id(&app.db, "Demo Constabulary").await;
    distribute(&app, meeting, &[police]).await;
    let vars = json!({ "m": gid(NodeKind::Meeting, meeting) });
    for email in ["isro@demo.myvoice", "coordinator@demo.myvoice"] {
        let token = staff_token(&app.db, email).await;
        let body = app
            .graphql_as(Some(&token), DISTRIBUTION, vars.clone())
            .await;
        let list = &body["data"]["outcomeDistribution"];
        assert_eq!(list.as_array().map(Vec::len), Some(1), "{email}: {body}");
        assert_eq!(list[0]["agency"]["name"], "Demo Constabulary");
        assert!(list[0]["acknowledgedAt"].is_null());
    }
    for email in [
        "social.worker@demo.myvoice",
        "agency@demo.myvoice",
        "advocate@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let body = app
            .graphql_as(Some(&token), DISTRIBUTION, vars.clone())
            .await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
    }
    let outcomes_key = integrator_key(&app, &["READ_OUTCOMES"]).await;
    let body = graphql_with_key(&app, &outcomes_key, DISTRIBUTION, vars.clone()).await;
    assert_eq!(
        body["data"]["outcomeDistribution"].as_array().map(Vec::len),
        Some(1),
        "{body}"
    );
    let meetings_key = integrator_key(&app, &["READ_MEETINGS"]).await;
    let body = graphql_with_key(&app, &meetings_key, DISTRIBUTION, vars).await;
    assert_eq!(error_code(&body), "FORBIDDEN");
}

#[tokio::test]
async fn agencies_are_listed_for_chair_coordinator_and_admin_of_their_authority() {
    let app = spawn_demo_app().await;
    other_authority(&app.db).await;
    let query = "{ agencies { totalCount edges { node { name kind } } } }";
    // Social workers too: they invite agencies to the meetings they set up (issue 19).
    for email in [
        "isro@demo.myvoice",
        "coordinator@demo.myvoice",
        "admin@demo.myvoice",
        "social.worker@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let body = app.graphql_as(Some(&token), query, json!({})).await;
        assert_eq!(body["data"]["agencies"]["totalCount"], 4, "{email}: {body}");
        assert_eq!(
            body["data"]["agencies"]["edges"][0]["node"],
            json!({ "name": "Demo Constabulary", "kind": "POLICE" })
        );
        assert!(!body.to_string().contains("Other Constabulary"));
    }
    for email in ["advocate@demo.myvoice", "agency@demo.myvoice"] {
        let token = staff_token(&app.db, email).await;
        let body = app.graphql_as(Some(&token), query, json!({})).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
    }
}

#[tokio::test]
async fn an_agency_sees_only_outcomes_sent_to_it_and_acknowledges_them_once() {
    let app = spawn_demo_app().await;
    let meeting = recorded_meeting(&app).await;
    let police = agency_id(&app.db, "Demo Constabulary").await;
    let health = agency_id(&app.db, "Demo NHS Foundation Trust").await;
    let officer = staff_token(&app.db, "agency@demo.myvoice").await;

    distribute(&app, meeting, &[health]).await;
    let body = app.graphql_as(Some(&officer), FOR_ME, json!({})).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(
        body["data"]["outcomesForMe"]["totalCount"], 0,
        "sent to health only"
    );

    distribute(&app, meeting, &[police]).await;
    let body = app.graphql_as(Some(&officer), FOR_ME, json!({})).await;
    let list = &body["data"]["outcomesForMe"];
    assert_eq!(list["totalCount"], 1);
    let outcome = &list["edges"][0]["node"];
    assert_eq!(outcome["meetingKind"], "CHILD_PROTECTION_REVIEW");
    assert_eq!(outcome["children"], json!([{ "firstName": "Mia" }]));
    assert_eq!(
        outcome["whiteboard"]["plan"],
        "Weekly visits; school breakfast club."
    );
    assert_eq!(outcome["outcomeStaffWords"], STAFF_WORDS);
    assert!(!body.to_string().contains(CHILD_WORDS));
    let distribution = outcome["id"].as_str().unwrap().to_owned();

    let ack = app
        .graphql_as(Some(&officer), ACKNOWLEDGE, json!({ "d": distribution }))
        .await;
    let at = ack["data"]["acknowledgeOutcome"]["acknowledgedAt"].clone();
    assert!(at.is_string(), "{ack}");
    let again = app
        .graphql_as(Some(&officer), ACKNOWLEDGE, json!({ "d": distribution }))
        .await;
    assert_eq!(
        again["data"]["acknowledgeOutcome"]["acknowledgedAt"], at,
        "idempotent"
    );
    assert_eq!(audit_count(&app.db, "outcome.acknowledged").await, 1);

    let pending = app
        .graphql_as(Some(&officer), FOR_ME, json!({ "u": true }))
        .await;
    assert_eq!(pending["data"]["outcomesForMe"]["totalCount"], 0);
    let all = app
        .graphql_as(Some(&officer), FOR_ME, json!({ "u": false }))
        .await;
    assert_eq!(all["data"]["outcomesForMe"]["totalCount"], 1);

    // The chair sees who acknowledged, and that health has not.
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let body = app
        .graphql_as(
            Some(&isro),
            DISTRIBUTION,
            json!({ "m": gid(NodeKind::Meeting, meeting) }),
        )
        .await;
    let list = body["data"]["outcomeDistribution"].as_array().unwrap();
    let by_name = |n: &str| {
        list.iter()
            .find(|d| d["agency"]["name"] == n)
            .unwrap()
            .clone()
    };
    assert_eq!(by_name("Demo Constabulary")["acknowledgedAt"], at);
    assert_eq!(
        by_name("Demo Constabulary")["acknowledgedBy"]["name"],
        "PC Alex Morgan"
    );
    assert!(by_name("Demo NHS Foundation Trust")["acknowledgedAt"].is_null());
}

#[tokio::test]
async fn an_agency_cannot_acknowledge_another_agencys_or_authoritys_outcome() {
    let app = spawn_demo_app().await;
    let meeting = recorded_meeting(&app).await;
    let health = agency_id(&app.db, "Demo NHS Foundation Trust").await;
    let sent = distribute(&app, meeting, &[health]).await;
    let health_distribution = sent["data"]["distributeOutcome"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let officer = staff_token(&app.db, "agency@demo.myvoice").await;
    let body = app
        .graphql_as(
            Some(&officer),
            ACKNOWLEDGE,
            json!({ "d": health_distribution }),
        )
        .await;
    assert_eq!(error_code(&body), "FORBIDDEN");

    // A distribution of another authority, acknowledged by its own agency user, is not found here.
    let other = other_authority(&app.db).await;
    let other_officer = add_staff_in_agency(
        &app.db,
        other.la,
        "officer@other.example",
        StaffRole::Agency,
        Some(other.agency),
    )
    .await;
    let _ = other_officer;
    let other_token = staff_token(&app.db, "officer@other.example").await;
    let body = app
        .graphql_as(
            Some(&other_token),
            ACKNOWLEDGE,
            json!({ "d": health_distribution }),
        )
        .await;
    assert_eq!(error_code(&body), "NOT_FOUND");
    let body = app.graphql_as(Some(&other_token), FOR_ME, json!({})).await;
    assert_eq!(body["data"]["outcomesForMe"]["totalCount"], 0);

    for email in ["isro@demo.myvoice", "coordinator@demo.myvoice"] {
        let token = staff_token(&app.db, email).await;
        let body = app
            .graphql_as(
                Some(&token),
                ACKNOWLEDGE,
                json!({ "d": health_distribution }),
            )
            .await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
        let body = app.graphql_as(Some(&token), FOR_ME, json!({})).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
    }
    let mia = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&app.graphql_as(Some(&mia), FOR_ME, json!({})).await),
        "FORBIDDEN"
    );
    assert_eq!(audit_count(&app.db, "outcome.acknowledged").await, 0);
}
