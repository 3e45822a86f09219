//! Erasure on request, by two people: admin A asks, with a reason; a different admin B of the same
//! authority confirms; only then is the child's record removed, everything the retention job would
//! remove, at once, in one transaction, audited the same way (kinds and numbers, no words). A
//! request can be cancelled by either, and lapses after `EXPIRES_AFTER`. A child under a legal
//! hold cannot be erased, nor one whose advocacy is still open.
use chrono::{DateTime, Duration, Utc};
use entity::enums::{ActorKind, CaseStatus};
use entity::{advocacy_case, erasure_request};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;

use super::hold::is_held;
use super::holds::child_in;
use super::removal::{self, CHILD_KINDS, Removed};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{StaffViewer, TenantId};
use crate::error::{ApiError, ApiResult};
use crate::policy::data_protection as policy;

/// A request not confirmed within this long lapses: the second admin acts while the reason is
/// fresh, or the first asks again.
pub const EXPIRES_AFTER: Duration = Duration::days(7);

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Pending,
    Confirmed,
    Cancelled,
    Expired,
}

pub fn status(row: &erasure_request::Model, now: DateTime<Utc>) -> Status {
    if row.confirmed_at.is_some() {
        Status::Confirmed
    } else if row.cancelled_at.is_some() {
        Status::Cancelled
    } else if row.expires_at <= now {
        Status::Expired
    } else {
        Status::Pending
    }
}

/// The child's requests, newest first.
pub async fn requests_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> Result<Vec<erasure_request::Model>, sea_orm::DbErr> {
    erasure_request::Entity::find()
        .filter(erasure_request::Column::LocalAuthorityId.eq(tenant.0))
        .filter(erasure_request::Column::ChildId.eq(child_id))
        .order_by_desc(erasure_request::Column::RequestedAt)
        .order_by_desc(erasure_request::Column::Id)
        .all(conn)
        .await
}

/// Open advocacy (a case not closed) blocks erasure: the work must end first.
async fn refuse_if_open_or_held(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> ApiResult<()> {
    if is_held(conn, tenant, child_id).await? {
        return Err(ApiError::conflict(
            "This child's record is under a legal hold, so it cannot be erased. Lift the hold first.",
        ));
    }
    let open = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .filter(advocacy_case::Column::ChildId.eq(child_id))
        .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
        .count(conn)
        .await?;
    if open > 0 {
        return Err(ApiError::conflict(
            "This child's advocacy is still open. Close it before erasing the record.",
        ));
    }
    Ok(())
}

fn staff(admin: &StaffViewer) -> (ActorKind, Option<i32>) {
    (ActorKind::Staff, Some(admin.id))
}

/// Admin A asks. CONFLICT when the child is held, has open advocacy, is already erased, or has a
/// request waiting.
pub async fn request(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    child_id: i32,
    reason: String,
) -> ApiResult<erasure_request::Model> {
    let txn = db.begin().await?;
    let child = child_in(&txn, admin.tenant, child_id).await?;
    if child.anonymised_at.is_some() {
        return Err(ApiError::conflict(
            "This child's record has already been erased.",
        ));
    }
    refuse_if_open_or_held(&txn, admin.tenant, child_id).await?;
    let now = Utc::now();
    let waiting = requests_of(&txn, admin.tenant, child_id)
        .await?
        .iter()
        .any(|r| status(r, now) == Status::Pending);
    if waiting {
        return Err(ApiError::conflict(
            "An erasure of this child's record is already waiting to be confirmed.",
        ));
    }
    let row = erasure_request::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        child_id: Set(child_id),
        reason: Set(reason),
        requested_by: Set(admin.id),
        requested_at: Set(now),
        expires_at: Set(now + EXPIRES_AFTER),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        admin.tenant,
        staff(admin),
        AuditAction::ErasureRequested,
        Subject::new("child", child_id),
        Some(json!({ "request": row.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

async fn pending(
    conn: &impl ConnectionTrait,
    admin: &StaffViewer,
    request_id: i32,
    now: DateTime<Utc>,
) -> ApiResult<erasure_request::Model> {
    let row = erasure_request::Entity::find_by_id(request_id)
        .filter(erasure_request::Column::LocalAuthorityId.eq(admin.tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Erasure request"))?;
    match status(&row, now) {
        Status::Pending => Ok(row),
        Status::Confirmed => Err(ApiError::conflict("This erasure has already been done.")),
        Status::Cancelled => Err(ApiError::conflict("This erasure request was cancelled.")),
        Status::Expired => Err(ApiError::conflict(
            "This erasure request has lapsed. Ask again if the record should still be erased.",
        )),
    }
}

/// Admin B confirms: the record is removed now. Returns the request and what was removed.
pub async fn confirm(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    request_id: i32,
) -> ApiResult<(erasure_request::Model, Vec<Removed>)> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let row = pending(&txn, admin, request_id, now).await?;
    policy::confirm_erasure(admin, &row)?;
    refuse_if_open_or_held(&txn, admin.tenant, row.child_id).await?;
    let mut removed = Vec::new();
    for kind in CHILD_KINDS {
        removed.push(removal::remove(&txn, admin.tenant, kind, &[row.child_id], now).await?);
    }
    let done = erasure_request::ActiveModel {
        id: Set(row.id),
        confirmed_by: Set(Some(admin.id)),
        confirmed_at: Set(Some(now)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    let rows: Vec<_> = removed
        .iter()
        .map(|r| json!({ "kind": r.kind, "rows": r.rows }))
        .collect();
    audit::record(
        &txn,
        admin.tenant,
        staff(admin),
        AuditAction::ErasureConfirmed,
        Subject::new("child", row.child_id),
        Some(json!({ "request": row.id, "requested_by": row.requested_by, "removed": rows })),
    )
    .await?;
    txn.commit().await?;
    Ok((done, removed))
}

/// Either admin cancels a waiting request; nothing is removed.
pub async fn cancel(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    request_id: i32,
) -> ApiResult<erasure_request::Model> {
    let now = Utc::now();
    let txn = db.begin().await?;
    let row = pending(&txn, admin, request_id, now).await?;
    let done = erasure_request::ActiveModel {
        id: Set(row.id),
        cancelled_by: Set(Some(admin.id)),
        cancelled_at: Set(Some(now)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    audit::record(
        &txn,
        admin.tenant,
        staff(admin),
        AuditAction::ErasureCancelled,
        Subject::new("child", row.child_id),
        Some(json!({ "request": row.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(done)
}
