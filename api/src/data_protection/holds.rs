//! Placing and lifting legal holds (admin only, with a reason, audited), and the child lookup the
//! data protection operations share.
use chrono::Utc;
use entity::enums::ActorKind;
use entity::{child, legal_hold};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, QueryOrder, Set, TransactionTrait,
};
use serde_json::json;

use super::hold::is_held;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{StaffViewer, TenantId};
use crate::error::{ApiError, ApiResult};

/// A child of the admin's authority, or NOT_FOUND (another authority's child looks missing).
pub async fn child_in(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> ApiResult<child::Model> {
    child::Entity::find_by_id(child_id)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Child"))
}

/// Every hold ever placed on the child, newest first (lifted ones too: the record of holds).
pub async fn holds_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> Result<Vec<legal_hold::Model>, DbErr> {
    legal_hold::Entity::find()
        .filter(legal_hold::Column::LocalAuthorityId.eq(tenant.0))
        .filter(legal_hold::Column::ChildId.eq(child_id))
        .order_by_desc(legal_hold::Column::SetAt)
        .order_by_desc(legal_hold::Column::Id)
        .all(conn)
        .await
}

/// Hold the child's record: nothing about the child is removed until the hold is lifted. CONFLICT
/// when a hold is already in place. The reason stays with the hold, not in the audit.
pub async fn place(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    child_id: i32,
    reason: String,
) -> ApiResult<legal_hold::Model> {
    let txn = db.begin().await?;
    child_in(&txn, admin.tenant, child_id).await?;
    if is_held(&txn, admin.tenant, child_id).await? {
        return Err(ApiError::conflict(
            "This child's record is already under a legal hold.",
        ));
    }
    let now = Utc::now();
    let hold = legal_hold::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        child_id: Set(child_id),
        reason: Set(reason),
        set_by: Set(admin.id),
        set_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::LegalHoldPlaced,
        Subject::new("child", child_id),
        Some(json!({ "hold": hold.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(hold)
}

/// Lift the hold in place, with a reason. CONFLICT when there is none.
pub async fn lift(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    child_id: i32,
    reason: String,
) -> ApiResult<legal_hold::Model> {
    let txn = db.begin().await?;
    child_in(&txn, admin.tenant, child_id).await?;
    let Some(hold) = legal_hold::Entity::find()
        .filter(legal_hold::Column::LocalAuthorityId.eq(admin.tenant.0))
        .filter(legal_hold::Column::ChildId.eq(child_id))
        .filter(legal_hold::Column::LiftedAt.is_null())
        .one(&txn)
        .await?
    else {
        return Err(ApiError::conflict(
            "This child's record is not under a legal hold.",
        ));
    };
    let lifted = legal_hold::ActiveModel {
        id: Set(hold.id),
        lifted_by: Set(Some(admin.id)),
        lifted_at: Set(Some(Utc::now())),
        lift_reason: Set(Some(reason)),
        ..Default::default()
    }
    .update(&txn)
    .await?;
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::LegalHoldLifted,
        Subject::new("child", child_id),
        Some(json!({ "hold": hold.id })),
    )
    .await?;
    txn.commit().await?;
    Ok(lifted)
}
