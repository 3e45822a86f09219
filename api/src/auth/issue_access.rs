//! An advocate gives a child a way in: a fresh access code and PIN, shown once, stored only hashed.
//! Issuing again replaces the earlier code (a lost slip of paper stops working) and ends the
//! child's sessions (their session epoch moves on; the caller tells the events bus).
use chrono::{DateTime, Duration, Utc};
use entity::{advocacy_case, child, child_access};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};

use super::{AccessCode, Pin, StaffViewer, hash_secret};
use crate::audit::{self, AuditAction, Subject};
use crate::error::{ApiError, ApiResult};

/// Long enough to cover the weeks before a meeting and the outcome after it.
pub const ACCESS_DAYS: i64 = 42;

pub struct IssuedAccess {
    pub code: AccessCode,
    pub pin: Pin,
    pub expires_at: DateTime<Utc>,
    pub child_name: String,
}

pub async fn issue(
    db: &DatabaseConnection,
    advocate: &StaffViewer,
    case: &advocacy_case::Model,
) -> ApiResult<IssuedAccess> {
    let child = child::Entity::find_by_id(case.child_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    let (code, pin) = (AccessCode::generate(), Pin::generate());
    let pin_hash = {
        let pin = pin.expose().to_owned();
        tokio::task::spawn_blocking(move || hash_secret(&pin))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
            .map_err(|e| ApiError::Internal(e.to_string()))?
    };
    let now = Utc::now();
    let expires_at = now + Duration::days(ACCESS_DAYS);
    let txn = crate::db::begin_write(db).await?;
    // Signed in with the old code or the new one, the child's earlier sessions end.
    child::Entity::update_many()
        .col_expr(
            child::Column::SessionEpoch,
            Expr::col(child::Column::SessionEpoch).add(1),
        )
        .filter(child::Column::Id.eq(case.child_id))
        .exec(&txn)
        .await?;
    child_access::Entity::update_many()
        .col_expr(child_access::Column::RevokedAt, Expr::value(now))
        .filter(child_access::Column::ChildId.eq(case.child_id))
        .filter(child_access::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    let row = child_access::ActiveModel {
        local_authority_id: Set(case.local_authority_id),
        child_id: Set(case.child_id),
        case_id: Set(Some(case.id)),
        code_digest: Set(code.digest()),
        pin_hash: Set(pin_hash),
        expires_at: Set(expires_at),
        created_by: Set(Some(advocate.id)),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let actor = (entity::enums::ActorKind::Staff, Some(advocate.id));
    // A child with a way in means the work with them has started.
    crate::cases::lifecycle::start_in(&txn, actor, case).await?;
    audit::record(
        &txn,
        advocate.tenant,
        actor,
        AuditAction::ChildAccessIssued,
        Subject::new("child_access", row.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(IssuedAccess {
        code,
        pin,
        expires_at,
        child_name: child.preferred_name,
    })
}
