//! Advocacy referrals: one per child per meeting, from a social worker (or their case-management
//! system) or from the child or family themselves; the coordinator's inbox and decisions.
pub mod assess;
pub mod completeness;
mod decisions;
pub mod graphql;
pub mod graphql_lifecycle;
mod inbox;
pub mod inputs;
pub mod lead_time;
pub mod lifecycle;
pub mod link_choices;
pub mod related;
pub mod rules;
pub mod types;

pub use decisions::{Suggestion, accept, allocate, decline, suggested_advocates};
pub use inbox::{InboxFilter, find, inbox, made_by};

use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::{
    ActorKind, MeetingKind, MeetingStatus, ParentalAgreement, ReferralSource, ReferralStatus,
    StaffRole,
};
use entity::{child, local_authority, meeting, meeting_child, referral, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set, SqlErr,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};

/// What the advocate needs to know, already checked by `crate::text`.
#[derive(Debug, Clone, Default)]
pub struct Details {
    pub reason: Option<String>,
    pub how_to_contact_child: Option<String>,
    pub communication_needs: Option<String>,
    pub lives_with: Option<String>,
    pub visit_risks: Option<String>,
    pub other_information: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewReferral {
    pub child_id: i32,
    pub meeting_id: i32,
    pub parental_agreement: ParentalAgreement,
    pub details: Details,
}

/// A child or family asking for an advocate themselves.
#[derive(Debug, Clone)]
pub struct NewSelfReferral {
    pub authority_slug: String,
    pub name: String,
    pub contact: String,
    pub about: String,
    pub meeting_kind: Option<MeetingKind>,
    pub meeting_date: Option<NaiveDate>,
}

/// The social worker an integrator refers for: an active social worker of the same authority.
pub async fn social_worker_in(
    db: &DatabaseConnection,
    tenant: TenantId,
    staff_id: i32,
) -> ApiResult<i32> {
    let staff = staff_user::Entity::find_by_id(staff_id)
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Social worker"))?;
    if staff.role != StaffRole::SocialWorker || !staff.active {
        return Err(ApiError::bad_input(
            "referrerId",
            "The referrer must be an active social worker.",
        ));
    }
    Ok(staff.id)
}

/// Create a referral by `referrer_id` (a social worker of `tenant`), applying every Route1 rule.
pub async fn create(
    db: &DatabaseConnection,
    tenant: TenantId,
    referrer_id: i32,
    actor: (ActorKind, Option<i32>),
    new: NewReferral,
    now: DateTime<Utc>,
) -> ApiResult<referral::Model> {
    // It reads, then writes: the write lock is taken at BEGIN.
    let txn = crate::db::begin_write(db).await?;
    let child = child::Entity::find_by_id(new.child_id)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    let meeting = meeting::Entity::find_by_id(new.meeting_id)
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    crate::policy::referrals::refer_for(referrer_id, &child, &meeting)?;
    check_meeting(&txn, &child, &meeting, now).await?;
    let meeting_day = meeting.scheduled_at.unwrap_or(now).date_naive();
    rules::check_age(child.date_of_birth, meeting_day)?;
    let status = rules::initial_status(new.parental_agreement, child.looked_after)?;
    if let Some(existing) = referral::Entity::find()
        .filter(referral::Column::ChildId.eq(child.id))
        .filter(referral::Column::MeetingId.eq(meeting.id))
        .one(&txn)
        .await?
    {
        return Err(duplicate(existing.id));
    }
    let d = new.details;
    let row = referral::ActiveModel {
        local_authority_id: Set(tenant.0),
        child_id: Set(Some(child.id)),
        meeting_id: Set(Some(meeting.id)),
        source: Set(ReferralSource::SocialWorker),
        referrer_id: Set(Some(referrer_id)),
        reason: Set(d.reason),
        how_to_contact_child: Set(d.how_to_contact_child),
        communication_needs: Set(d.communication_needs),
        lives_with: Set(d.lives_with),
        visit_risks: Set(d.visit_risks),
        other_information: Set(d.other_information),
        parental_agreement: Set(new.parental_agreement),
        status: Set(status),
        received_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_to_conflict(e, "A referral for this child and meeting already exists."))?;
    let detail = json!({ "status": status, "childId": child.id, "meetingId": meeting.id });
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralCreated,
        Subject::new("referral", row.id),
        Some(detail),
    )
    .await?;
    let notice = crate::notify::Notice::ReferralReceived {
        referral_id: row.id,
    };
    crate::notify::enqueue(&txn, tenant, notice, now).await?;
    txn.commit().await?;
    Ok(row)
}

/// The meeting must be about this child, still to come, and not called off.
pub(super) async fn check_meeting(
    conn: &impl ConnectionTrait,
    child: &child::Model,
    meeting: &meeting::Model,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let linked = meeting_child::Entity::find_by_id((meeting.id, child.id))
        .one(conn)
        .await?
        .is_some();
    if !linked {
        return Err(ApiError::bad_input(
            "meetingId",
            "This meeting is not about this child.",
        ));
    }
    let past = meeting.scheduled_at.is_some_and(|at| at < now);
    if past || meeting.status != MeetingStatus::Scheduled {
        return Err(ApiError::bad_input(
            "meetingId",
            "This meeting has already happened or was cancelled: refer for a meeting still to come.",
        ));
    }
    Ok(())
}

fn duplicate(existing_id: i32) -> ApiError {
    ApiError::Conflict {
        message: "There is already a referral for this child for this meeting. A new meeting \
                  needs a new referral."
            .into(),
        current: Some(
            json!({ "referralId": crate::graphql::ids::NodeKind::Referral.id(existing_id).0 }),
        ),
    }
}

/// Two requests racing past a check meet the database's unique constraint: still a conflict.
pub(crate) fn unique_to_conflict(error: DbErr, message: &str) -> ApiError {
    match error.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => ApiError::conflict(message),
        _ => error.into(),
    }
}

/// Record a self-referral for the coordinator. Says nothing about whether the child is known.
pub async fn self_referral(
    db: &DatabaseConnection,
    new: NewSelfReferral,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let authority = local_authority::Entity::find()
        .filter(local_authority::Column::Slug.eq(new.authority_slug.to_lowercase()))
        .one(db)
        .await?
        .ok_or_else(|| {
            ApiError::bad_input(
                "localAuthority",
                "We do not know that council. Please check its name.",
            )
        })?;
    if new.meeting_date.is_some_and(|d| d < now.date_naive()) {
        return Err(ApiError::bad_input(
            "meetingDate",
            "That date has already gone. Please check it.",
        ));
    }
    let tenant = TenantId(authority.id);
    let meeting_known = match (new.meeting_kind, new.meeting_date) {
        (None, None) => None,
        (kind, date) => Some(format!(
            "They told us about a meeting: {}{}.",
            kind.map_or("kind not known", meeting_kind_label),
            date.map(|d| format!(", on {}", d.format("%-d %B %Y")))
                .unwrap_or_default()
        )),
    };
    let txn = crate::db::begin_write(db).await?;
    let row = referral::ActiveModel {
        local_authority_id: Set(tenant.0),
        source: Set(ReferralSource::SelfReferral),
        self_referral_contact: Set(Some(format!("{} — {}", new.name, new.contact))),
        reason: Set(Some(new.about)),
        other_information: Set(meeting_known),
        // Nobody has asked the parents yet; the coordinator follows it up.
        parental_agreement: Set(ParentalAgreement::Pending),
        status: Set(ReferralStatus::Received),
        received_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        tenant,
        (ActorKind::Anonymous, None),
        AuditAction::ReferralSelfReferral,
        Subject::new("referral", row.id),
        None,
    )
    .await?;
    let notice = crate::notify::Notice::ReferralReceived {
        referral_id: row.id,
    };
    crate::notify::enqueue(&txn, tenant, notice, now).await?;
    txn.commit().await?;
    Ok(())
}

/// The kind of meeting in staff words.
pub fn meeting_kind_label(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::InitialChildProtectionConference => "initial child protection conference",
        MeetingKind::ChildProtectionReview => "child protection review conference",
        MeetingKind::ChildInNeedMeeting => "child in need (CiN) meeting",
        MeetingKind::CoreGroupMeeting => "core group meeting",
        MeetingKind::ChildrenLookedAfterReview => "children looked after (CLA) review",
        MeetingKind::DisruptionMeeting => "disruption meeting",
        MeetingKind::TransferConference => "transfer conference",
        MeetingKind::FamilyGroupConference => "family group conference (FGC)",
        MeetingKind::AdviceAndAssistance => "advice and assistance",
        MeetingKind::Complaint => "complaint",
    }
}
