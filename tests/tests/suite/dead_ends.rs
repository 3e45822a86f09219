//! No dead ends (issue 19, item 4): every status a referral or a case can have has a way in and a
//! way out, walked over HTTP as the people who do it would, with wrong-state and wrong-role answers.
//!
//! Referral                                     Case
//!   RECEIVED        in: createReferral,          ALLOCATED     in: allocateAdvocate, reopenCase
//!                   selfReferral, agreement,     (nothing yet)  out: issueChildAccess, closeCase
//!                   linkSelfReferral, reopen
//!                   out: accept, decline,        IN_PROGRESS   in: issueChildAccess, reopenCase
//!                   withdraw, agreement          out: shareViews, closeCase
//!   PENDING_CONSENT in: createReferral, link,
//!                   agreement, reopen            VIEWS_SHARED  in: shareViews, reopenCase
//!                   out: agreement, decline,                   out: closeCase
//!                   withdraw
//!   ACCEPTED        in: accept, reopenCase       CLOSED        in: closeCase, withdrawReferral
//!                   out: withdraw, decline                     out: reopenCase
//!   DECLINED        in: decline  out: reopenReferral
//!   WITHDRAWN       in: withdraw out: reopenReferral, reopenCase
use api::graphql::ids::NodeKind;
use chrono::{NaiveDate, Utc};
use entity::enums::{MeetingKind, StaffRole};
use entity::{advocacy_case, staff_user};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, error_code, spawn_demo_app, staff_token};

use crate::referrals::{
    ADVOCATE, COORDINATOR, SOCIAL_WORKER, add_child, add_meeting, audit_count, child_named,
    days_ahead, demo_la, demo_referral, gid, other_authority,
};

mod cases;
mod referrals;

const AGREE: &str = "mutation($id: ID!, $a: ParentalAgreement!) {
    recordParentalAgreement(id: $id, agreement: $a) { id status parentalAgreement } }";
const LINK: &str = "mutation($id: ID!, $c: ID!, $m: ID!) {
    linkSelfReferral(id: $id, childId: $c, meetingId: $m) {
      id status source child { preferredName } meeting { id } } }";
const WITHDRAW: &str = "mutation($id: ID!, $r: String!) { withdrawReferral(id: $id, reason: $r) {
    id status withdrawalReason allocation { caseId caseStatus closeReason } } }";
const REOPEN: &str =
    "mutation($id: ID!) { reopenReferral(id: $id) { id status declineReason withdrawalReason } }";
const ACCEPT: &str = "mutation($id: ID!) { acceptReferral(id: $id) { id status } }";
const DECLINE: &str =
    "mutation($id: ID!, $r: String!) { declineReferral(id: $id, reason: $r) { id status } }";
const ALLOCATE: &str = "mutation($r: ID!, $a: ID!) {
    allocateAdvocate(referralId: $r, advocateId: $a) { id status } }";
const CLOSE: &str = "mutation($id: ID!, $r: String!) { closeCase(id: $id, reason: $r) {
    id status closeReason closedAt } }";
const REOPEN_CASE: &str = "mutation($id: ID!) { reopenCase(id: $id) {
    id status closeReason closedAt referral { status } } }";
const CASE: &str = "query($id: ID!) { case(id: $id) { id status closeReason } }";

const SECOND_SOCIAL_WORKER: &str = "social.worker.two@demo.myvoice";
const SECOND_ADVOCATE: &str = "advocate.two@demo.myvoice";

/// The people of one story: tokens of the demo staff, plus staff who must be refused.
struct People {
    social_worker: String,
    coordinator: String,
    advocate: String,
    /// The same role as the demo social worker, but none of the referrals are theirs.
    other_social_worker: String,
    /// The same role as the demo advocate, but no case is allocated to them.
    other_advocate: String,
    isro: String,
    /// The coordinator of a second local authority.
    other_coordinator: String,
}

async fn add_staff(db: &DatabaseConnection, email: &str, role: StaffRole) {
    staff_user::ActiveModel {
        local_authority_id: Set(demo_la(db).await),
        name: Set(format!("Test {email}")),
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
}

async fn people(app: &TestApp) -> People {
    let db = &app.db;
    add_staff(db, SECOND_SOCIAL_WORKER, StaffRole::SocialWorker).await;
    add_staff(db, SECOND_ADVOCATE, StaffRole::Advocate).await;
    let other = other_authority(db).await;
    People {
        social_worker: staff_token(db, SOCIAL_WORKER).await,
        coordinator: staff_token(db, COORDINATOR).await,
        advocate: staff_token(db, ADVOCATE).await,
        other_social_worker: staff_token(db, SECOND_SOCIAL_WORKER).await,
        other_advocate: staff_token(db, SECOND_ADVOCATE).await,
        isro: staff_token(db, "isro@demo.myvoice").await,
        other_coordinator: staff_token(db, other.coordinator_email).await,
    }
}

/// Run a mutation or query that must succeed; the answer of its one field.
async fn ok(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let body = app.graphql_as(Some(token), query, variables).await;
    assert!(body["errors"].is_null(), "expected success: {body}");
    let fields = body["data"].as_object().expect("data");
    fields.values().next().cloned().expect("one field")
}

/// Run an operation that must be refused or fail with `code`; the error message.
async fn refused(app: &TestApp, token: &str, query: &str, variables: Value, code: &str) -> String {
    let body = app.graphql_as(Some(token), query, variables).await;
    assert_eq!(error_code(&body), code, "{body}");
    body["errors"][0]["message"]
        .as_str()
        .unwrap_or_default()
        .to_owned()
}

/// Another authority's ID answers exactly like an ID that never existed: same code, same words.
async fn like_a_missing_one(
    app: &TestApp,
    token: &str,
    query: &str,
    kind: NodeKind,
    variables: Value,
) {
    let theirs = app.graphql_as(Some(token), query, variables.clone()).await;
    let mut missing_vars = variables;
    missing_vars["id"] = json!(gid(kind, 987_654));
    let missing = app.graphql_as(Some(token), query, missing_vars).await;
    assert_eq!(error_code(&theirs), "NOT_FOUND", "{theirs}");
    assert_eq!(
        theirs["errors"][0]["message"],
        missing["errors"][0]["message"]
    );
    assert_eq!(theirs["data"], missing["data"]);
}

fn rid(id: i32) -> String {
    gid(NodeKind::Referral, id)
}

fn cid(id: i32) -> String {
    gid(NodeKind::Case, id)
}

/// The demo case of a child (Mia's is in progress, Jade's family group conference is allocated).
async fn case_of(db: &DatabaseConnection, child: &str) -> advocacy_case::Model {
    let child = child_named(db, child).await;
    advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ChildId.eq(child.id))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no case for {}", child.preferred_name))
}
