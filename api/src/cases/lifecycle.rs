//! A piece of advocacy from start to finish: started when the advocate first gives the child a way
//! in, closed (with a reason) by the advocate or the coordinator, reopened by the coordinator.
//! Closing deletes nothing: the child's views belong to the child and their meeting.
use chrono::{DateTime, Utc};
use entity::enums::{ActorKind, CaseStatus, ReferralStatus, ViewsStatus};
use entity::{advocacy_case, child_access, referral, views};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::policy::cases::{Closer, close_row};

type Actor = (ActorKind, Option<i32>);

async fn load(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    id: i32,
) -> ApiResult<advocacy_case::Model> {
    advocacy_case::Entity::find_by_id(id)
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Case"))
}

/// Allocated → in progress, inside the caller's transaction: the advocate has met the child and
/// given them a way in. Any later status is left as it is.
pub async fn start_in(
    conn: &impl ConnectionTrait,
    actor: Actor,
    case: &advocacy_case::Model,
) -> ApiResult<()> {
    let started = advocacy_case::Entity::update_many()
        .set(advocacy_case::ActiveModel {
            status: Set(CaseStatus::InProgress),
            ..Default::default()
        })
        .filter(advocacy_case::Column::Id.eq(case.id))
        .filter(advocacy_case::Column::Status.eq(CaseStatus::Allocated))
        .exec(conn)
        .await?;
    if started.rows_affected > 0 {
        let tenant = TenantId(case.local_authority_id);
        let subject = Subject::new("advocacy_case", case.id);
        audit::record(conn, tenant, actor, AuditAction::CaseStarted, subject, None).await?;
    }
    Ok(())
}

/// Close an open case inside the caller's transaction (`closeCase`, or its referral withdrawn).
pub(crate) async fn close_in(
    conn: &impl ConnectionTrait,
    actor: Actor,
    case: advocacy_case::Model,
    reason: String,
    now: DateTime<Utc>,
) -> ApiResult<advocacy_case::Model> {
    let (id, tenant, before) = (case.id, TenantId(case.local_authority_id), case.status);
    let mut active: advocacy_case::ActiveModel = case.into();
    active.status = Set(CaseStatus::Closed);
    active.closed_at = Set(Some(now));
    active.close_reason = Set(Some(reason.clone()));
    let row = active.update(conn).await?;
    let detail = json!({ "from": before, "reason": reason });
    let subject = Subject::new("advocacy_case", id);
    audit::record(
        conn,
        tenant,
        actor,
        AuditAction::CaseClosed,
        subject,
        Some(detail),
    )
    .await?;
    Ok(row)
}

/// The piece of advocacy is finished (or cannot go on), with the reason.
pub async fn close(
    db: &DatabaseConnection,
    closer: Closer,
    actor: Actor,
    id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> ApiResult<advocacy_case::Model> {
    let txn = crate::db::begin_write(db).await?;
    let case = load(&txn, closer.tenant(), id).await?;
    close_row(closer, &case)?;
    if case.status == CaseStatus::Closed {
        return Err(ApiError::conflict("This case is already closed."));
    }
    let row = close_in(&txn, actor, case, reason, now).await?;
    txn.commit().await?;
    Ok(row)
}

/// Where a reopened case picks up: views already shared, work with the child started (the child
/// was given a way in), or just allocated.
async fn resumed_status(
    conn: &impl ConnectionTrait,
    case: &advocacy_case::Model,
) -> ApiResult<CaseStatus> {
    let shared = views::Entity::find()
        .filter(views::Column::LocalAuthorityId.eq(case.local_authority_id))
        .filter(views::Column::ChildId.eq(case.child_id))
        .filter(views::Column::MeetingId.eq(case.meeting_id))
        .filter(views::Column::Status.eq(ViewsStatus::Shared))
        .one(conn)
        .await?
        .is_some();
    if shared {
        return Ok(CaseStatus::ViewsShared);
    }
    let started = child_access::Entity::find()
        .filter(child_access::Column::CaseId.eq(case.id))
        .one(conn)
        .await?
        .is_some();
    Ok(if started {
        CaseStatus::InProgress
    } else {
        CaseStatus::Allocated
    })
}

/// The coordinator reopens a closed case. A referral withdrawn with it is accepted again: the
/// advocacy goes ahead after all.
pub async fn reopen(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    id: i32,
) -> ApiResult<advocacy_case::Model> {
    let txn = crate::db::begin_write(db).await?;
    let case = load(&txn, tenant, id).await?;
    if case.status != CaseStatus::Closed {
        return Err(ApiError::conflict(
            "This case is still open: only a closed case can be reopened.",
        ));
    }
    let status = resumed_status(&txn, &case).await?;
    let referral_reopened = referral::Entity::update_many()
        .set(referral::ActiveModel {
            status: Set(ReferralStatus::Accepted),
            ..Default::default()
        })
        .filter(referral::Column::Id.eq(case.referral_id))
        .filter(referral::Column::Status.eq(ReferralStatus::Withdrawn))
        .exec(&txn)
        .await?
        .rows_affected
        > 0;
    let mut active: advocacy_case::ActiveModel = case.into();
    active.status = Set(status);
    // An open case has no closing; the reason it was closed stays in the audit trail (`case.closed`).
    active.closed_at = Set(None);
    active.close_reason = Set(None);
    let row = active.update(&txn).await?;
    let detail = json!({ "to": status, "referralAcceptedAgain": referral_reopened });
    let subject = Subject::new("advocacy_case", id);
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::CaseReopened,
        subject,
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}
