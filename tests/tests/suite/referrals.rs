//! Referrals as a social worker, a child or family, and a coordinator would notice them: the Route1
//! rules (one per child per meeting, aged 4 or over, meeting to come, parental agreement), completeness
//! and lead time, self-referral, and the coordinator's inbox. Helpers here are shared with `cases.rs`.
use std::collections::BTreeSet;

use api::auth::{Scope, StaffViewer, TenantId};
use api::graphql::ids::NodeKind;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use entity::enums::{
    MeetingKind, MeetingStatus, ParentalAgreement, ReferralSource, ReferralStatus, StaffRole,
};
use entity::{audit_event, child, meeting, meeting_child, referral, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    Set,
};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

pub(crate) const SOCIAL_WORKER: &str = "social.worker@demo.myvoice";
pub(crate) const COORDINATOR: &str = "coordinator@demo.myvoice";
pub(crate) const ADVOCATE: &str = "advocate@demo.myvoice";

pub(crate) const REFERRAL: &str = "id source status parentalAgreement reason howToContactChild \
    communicationNeeds livesWith visitRisks otherInformation selfReferralContact declineReason \
    receivedAt referrerName child { id preferredName age lookedAfter } \
    meeting { id kind scheduledAt place } completeness { score missing { item label } } \
    leadTime { workingDays tooShortForChildToAttend warning } allocation { caseId advocateName }";

pub(crate) fn gid(kind: NodeKind, id: i32) -> String {
    kind.id(id).0
}

pub(crate) fn days_ahead(days: i64) -> DateTime<Utc> {
    Utc::now() + Duration::days(days)
}

pub(crate) async fn staff_id(db: &DatabaseConnection, email: &str) -> i32 {
    staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no staff {email}"))
        .id
}

pub(crate) async fn child_named(db: &DatabaseConnection, name: &str) -> child::Model {
    child::Entity::find()
        .filter(child::Column::PreferredName.eq(name))
        .one(db)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("no child {name}"))
}

pub(crate) async fn demo_la(db: &DatabaseConnection) -> i32 {
    child_named(db, "Mia").await.local_authority_id
}

pub(crate) async fn add_child(
    db: &DatabaseConnection,
    la: i32,
    name: &str,
    born: NaiveDate,
    looked_after: bool,
) -> i32 {
    // Allocated to the authority's social worker, who may then refer the child.
    let social_worker = entity::staff_user::Entity::find()
        .filter(entity::staff_user::Column::LocalAuthorityId.eq(la))
        .filter(entity::staff_user::Column::Role.eq(entity::enums::StaffRole::SocialWorker))
        .one(db)
        .await
        .unwrap()
        .map(|s| s.id);
    child::ActiveModel {
        local_authority_id: Set(la),
        social_worker_id: Set(social_worker),
        preferred_name: Set(name.into()),
        date_of_birth: Set(born),
        looked_after: Set(looked_after),
        language: Set("en".into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

/// A scheduled meeting about `child_id` (undated when `at` is None).
pub(crate) async fn add_meeting(
    db: &DatabaseConnection,
    la: i32,
    child_id: i32,
    kind: MeetingKind,
    at: Option<DateTime<Utc>>,
) -> i32 {
    let id = meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(kind),
        scheduled_at: Set(at),
        place: Set(Some("Family centre".into())),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    meeting_child::ActiveModel {
        local_authority_id: Set(la),
        meeting_id: Set(id),
        child_id: Set(child_id),
        created_at: Set(Utc::now()),
    }
    .insert(db)
    .await
    .unwrap();
    id
}

/// Everything an advocate needs, with this agreement.
pub(crate) fn full_input(child_id: i32, meeting_id: i32, agreement: &str) -> Value {
    json!({
        "childId": gid(NodeKind::Child, child_id),
        "meetingId": gid(NodeKind::Meeting, meeting_id),
        "reason": "Leo finds it hard to say what he wants when adults are in the room.",
        "howToContactChild": "Through his mum, after school",
        "communicationNeeds": "Likes pictures; short sessions",
        "livesWith": "Mum and baby sister",
        "visitRisks": "None known",
        "parentalAgreement": agreement,
    })
}

pub(crate) async fn create(app: &TestApp, token: Option<&str>, input: Value) -> Value {
    let query = format!(
        "mutation($input: CreateReferralInput!) {{ createReferral(input: $input) {{ {REFERRAL} }} }}"
    );
    app.graphql_as(token, &query, json!({ "input": input }))
        .await
}

pub(crate) async fn referral_count(db: &DatabaseConnection) -> u64 {
    referral::Entity::find().count(db).await.unwrap()
}

pub(crate) async fn audit_count(db: &DatabaseConnection, action: &str) -> u64 {
    audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq(action))
        .count(db)
        .await
        .unwrap()
}

/// A second local authority with its own coordinator, social worker, advocate, child, meeting and a
/// received referral.
pub(crate) struct Other {
    pub child_id: i32,
    pub meeting_id: i32,
    pub referral_id: i32,
    pub advocate_id: i32,
    pub coordinator_email: &'static str,
}

pub(crate) async fn other_authority(db: &DatabaseConnection) -> Other {
    let now = Utc::now();
    let la = tests::app::add_local_authority(db, "Other County Council", "other").await;
    let staff = |email: &str, role: StaffRole| staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set(format!("Other {email}")),
        email: Set(email.into()),
        role: Set(role),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(now),
        ..Default::default()
    };
    staff("coordinator@other.test", StaffRole::Coordinator)
        .insert(db)
        .await
        .unwrap();
    let sw = staff("sw@other.test", StaffRole::SocialWorker)
        .insert(db)
        .await
        .unwrap()
        .id;
    let advocate_id = staff("advocate@other.test", StaffRole::Advocate)
        .insert(db)
        .await
        .unwrap()
        .id;
    let born = NaiveDate::from_ymd_opt(2015, 3, 1).unwrap();
    let child_id = add_child(db, la, "Sam", born, false).await;
    let meeting_id = add_meeting(
        db,
        la,
        child_id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let referral_id = referral::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(Some(child_id)),
        meeting_id: Set(Some(meeting_id)),
        source: Set(ReferralSource::SocialWorker),
        referrer_id: Set(Some(sw)),
        reason: Set(Some("Other authority's referral".into())),
        parental_agreement: Set(ParentalAgreement::Given),
        status: Set(ReferralStatus::Received),
        received_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    Other {
        child_id,
        meeting_id,
        referral_id,
        advocate_id,
        coordinator_email: "coordinator@other.test",
    }
}

/// A demo referral by child name and meeting kind.
pub(crate) async fn demo_referral(db: &DatabaseConnection, child: &str, kind: MeetingKind) -> i32 {
    let child = child_named(db, child).await;
    let meetings: Vec<i32> = meeting::Entity::find()
        .filter(meeting::Column::Kind.eq(kind))
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|m| m.id)
        .collect();
    referral::Entity::find()
        .filter(referral::Column::ChildId.eq(child.id))
        .filter(referral::Column::MeetingId.is_in(meetings))
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .id
}

/// POST a GraphQL request with an integrator's API key.
pub(crate) async fn graphql_with_key(app: &TestApp, key: &str, query: &str, vars: Value) -> Value {
    app.client
        .post(app.url("/graphql"))
        .header("X-Api-Key", key)
        .json(&json!({ "query": query, "variables": vars }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// A demo API key with these scopes.
pub(crate) async fn api_key(app: &TestApp, scopes: &[Scope]) -> String {
    let admin = staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq("admin@demo.myvoice"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let viewer = StaffViewer {
        id: admin.id,
        tenant: TenantId(admin.local_authority_id),
        role: admin.role,
    };
    let scopes: BTreeSet<Scope> = scopes.iter().copied().collect();
    api::auth::api_keys::create(&app.db, &viewer, "Case system".into(), &scopes)
        .await
        .unwrap_or_else(|_| panic!("create an API key"))
        .secret
}

/// Another advocate of the demo authority.
pub(crate) async fn add_advocate(
    db: &DatabaseConnection,
    name: &str,
    email: &str,
    active: bool,
) -> i32 {
    staff_user::ActiveModel {
        local_authority_id: Set(demo_la(db).await),
        name: Set(name.into()),
        email: Set(email.into()),
        role: Set(StaffRole::Advocate),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(active),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

mod create;
mod decisions;
mod inbox;
mod self_referral;
