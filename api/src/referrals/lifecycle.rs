//! A referral after it was made, so none is left where nobody can move it: parental agreement
//! recorded later, a self-referral linked to its child and meeting, a withdrawal with its reason, and
//! a declined or withdrawn referral taken back into the inbox. Nothing here deletes anything: a
//! child's views belong to the child and their meeting, not to the referral.
use chrono::{DateTime, Utc};
use entity::enums::{
    ActorKind, CaseStatus, MeetingStatus, ParentalAgreement, ReferralSource, ReferralStatus,
};
use entity::{advocacy_case, child, meeting, referral};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

use super::{check_meeting, duplicate, rules, unique_to_conflict};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::policy::referrals::{Amender, amend_row};

type Actor = (ActorKind, Option<i32>);

async fn load(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    id: i32,
) -> ApiResult<referral::Model> {
    referral::Entity::find_by_id(id)
        .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Referral"))
}

async fn child_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    id: i32,
) -> ApiResult<child::Model> {
    child::Entity::find_by_id(id)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Child"))
}

/// Where a referral waiting for the coordinator stands with this agreement: for a linked child the
/// Route1 rule; an unlinked self-referral stays RECEIVED until the coordinator links it (the child,
/// and so whether they are looked after, is not known yet).
async fn waiting_status(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    row: &referral::Model,
    agreement: ParentalAgreement,
) -> ApiResult<ReferralStatus> {
    match row.child_id {
        Some(child_id) => {
            let child = child_of(conn, tenant, child_id).await?;
            rules::initial_status(agreement, child.looked_after)
        }
        None if agreement == ParentalAgreement::NotRequiredLookedAfter => Err(ApiError::bad_input(
            "agreement",
            "Link this self-referral to the child first: only then is it known whether the \
                 child is looked after.",
        )),
        None => Ok(ReferralStatus::Received),
    }
}

fn closed_to_changes(status: ReferralStatus) -> Option<&'static str> {
    match status {
        ReferralStatus::Declined => {
            Some("This referral was declined. The coordinator can reopen it if it should go ahead.")
        }
        ReferralStatus::Withdrawn => Some(
            "This referral was withdrawn. The coordinator can reopen it if it should go ahead.",
        ),
        ReferralStatus::Received | ReferralStatus::PendingConsent | ReferralStatus::Accepted => {
            None
        }
    }
}

/// Parental agreement recorded after the referral was made. A referral waiting for it moves on to
/// RECEIVED once it is given (or not needed); a refusal or no answer leaves it waiting.
pub async fn record_agreement(
    db: &DatabaseConnection,
    amender: Amender,
    actor: Actor,
    id: i32,
    agreement: ParentalAgreement,
) -> ApiResult<referral::Model> {
    let tenant = amender.tenant();
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, id).await?;
    amend_row(amender, &row)?;
    if let Some(reason) = closed_to_changes(row.status) {
        return Err(ApiError::conflict(reason));
    }
    if row.status == ReferralStatus::Accepted {
        return Err(ApiError::conflict(
            "This referral is already accepted, so parental agreement was settled. If the parents \
             or carers no longer agree, withdraw the referral with the reason.",
        ));
    }
    let status = waiting_status(&txn, tenant, &row, agreement).await?;
    let before = row.status;
    let mut active: referral::ActiveModel = row.into();
    active.parental_agreement = Set(agreement);
    active.status = Set(status);
    let row = active.update(&txn).await?;
    let detail = json!({ "agreement": agreement, "from": before, "to": status });
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralAgreementRecorded,
        Subject::new("referral", id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// The coordinator links a self-referral to the child and the meeting it is about, with the same
/// rules as a referral from a social worker (age, the meeting still to come and about this child,
/// one referral per child per meeting, parental agreement).
pub async fn link(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    id: i32,
    (child_id, meeting_id): (i32, i32),
    now: DateTime<Utc>,
) -> ApiResult<referral::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, id).await?;
    let child = child_of(&txn, tenant, child_id).await?;
    let meeting = meeting::Entity::find_by_id(meeting_id)
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    if row.source != ReferralSource::SelfReferral {
        return Err(ApiError::conflict(
            "This referral came from a social worker and already names its child and meeting.",
        ));
    }
    if row.child_id.is_some() || row.meeting_id.is_some() {
        return Err(ApiError::conflict(
            "This self-referral is already linked to a child and a meeting.",
        ));
    }
    if let Some(reason) = closed_to_changes(row.status) {
        return Err(ApiError::conflict(reason));
    }
    check_meeting(&txn, &child, &meeting, now).await?;
    let meeting_day = meeting.scheduled_at.unwrap_or(now).date_naive();
    rules::check_age(child.date_of_birth, meeting_day)?;
    if let Some(existing) = referral::Entity::find()
        .filter(referral::Column::ChildId.eq(child.id))
        .filter(referral::Column::MeetingId.eq(meeting.id))
        .one(&txn)
        .await?
    {
        return Err(duplicate(existing.id));
    }
    let settled = rules::initial_status(row.parental_agreement, child.looked_after)?;
    // Accepted before it was linked stays accepted, unless the parents must still be asked.
    let status = match (row.status, settled) {
        (ReferralStatus::Accepted, ReferralStatus::Received) => ReferralStatus::Accepted,
        (_, settled) => settled,
    };
    let mut active: referral::ActiveModel = row.into();
    active.child_id = Set(Some(child.id));
    active.meeting_id = Set(Some(meeting.id));
    active.status = Set(status);
    let row = active.update(&txn).await.map_err(|e| {
        unique_to_conflict(e, "A referral for this child and meeting already exists.")
    })?;
    let detail = json!({ "childId": child.id, "meetingId": meeting.id, "status": status });
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralLinked,
        Subject::new("referral", id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Withdrawn, with the reason, by the referrer or the coordinator (for the child or family). An
/// open case for it is closed with the same reason (and returned); the child's views stay.
pub async fn withdraw(
    db: &DatabaseConnection,
    amender: Amender,
    actor: Actor,
    id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> ApiResult<(referral::Model, Option<advocacy_case::Model>)> {
    let tenant = amender.tenant();
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, id).await?;
    amend_row(amender, &row)?;
    if let Some(reason) = closed_to_changes(row.status) {
        return Err(ApiError::conflict(reason));
    }
    let case = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ReferralId.eq(id))
        .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
        .one(&txn)
        .await?;
    let mut active: referral::ActiveModel = row.into();
    active.status = Set(ReferralStatus::Withdrawn);
    active.withdrawal_reason = Set(Some(reason.clone()));
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralWithdrawn,
        Subject::new("referral", id),
        Some(json!({ "reason": reason })),
    )
    .await?;
    let closed = match case {
        Some(case) => {
            Some(crate::cases::lifecycle::close_in(&txn, actor, case, reason, now).await?)
        }
        None => None,
    };
    txn.commit().await?;
    Ok((row, closed))
}

/// A declined or withdrawn referral back in the coordinator's hands, where its parental agreement
/// puts it. Not when an advocate was allocated (reopen the case instead) or the meeting is over.
pub async fn reopen(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    id: i32,
    now: DateTime<Utc>,
) -> ApiResult<referral::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, id).await?;
    if !matches!(
        row.status,
        ReferralStatus::Declined | ReferralStatus::Withdrawn
    ) {
        return Err(ApiError::conflict(
            "Only a declined or withdrawn referral can be reopened; this one is still open.",
        ));
    }
    let has_case = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ReferralId.eq(id))
        .one(&txn)
        .await?
        .is_some();
    if has_case {
        return Err(ApiError::conflict(
            "An advocate was allocated to this referral: reopen its case instead.",
        ));
    }
    if let Some(meeting_id) = row.meeting_id {
        let meeting = meeting::Entity::find_by_id(meeting_id)
            .one(&txn)
            .await?
            .ok_or(ApiError::NotFound("Meeting"))?;
        let past = meeting.scheduled_at.is_some_and(|at| at < now);
        if past || meeting.status != MeetingStatus::Scheduled {
            return Err(ApiError::conflict(
                "The meeting has already happened or was cancelled: make a new referral for the \
                 next meeting instead.",
            ));
        }
    }
    let before = row.status;
    let status = waiting_status(&txn, tenant, &row, row.parental_agreement).await?;
    let mut active: referral::ActiveModel = row.into();
    // The earlier decline or withdrawal reason is kept: it is part of the referral's story.
    active.status = Set(status);
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralReopened,
        Subject::new("referral", id),
        Some(json!({ "from": before, "to": status })),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}
