//! A child signs in on their phone with the access code and PIN from their advocate. Five wrong
//! tries lock the code for 15 minutes. Unknown codes behave exactly like known ones, so trying
//! codes tells nobody which exist. Every count lives in the database, so a lockout holds on every
//! instance of the service.
use chrono::{DateTime, Duration, Utc};
use entity::enums::ActorKind;
use entity::{child_access, unknown_code_try};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};

use super::tokens::IssuedToken;
use super::{AccessCode, ChildViewer, Pin, TenantId, TokenIssuer, verify_secret};
use crate::audit::{self, AuditAction, Subject};
use crate::error::{ApiError, ApiResult};

pub const MAX_WRONG_TRIES: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;
/// Counts on unknown codes untouched this long are forgotten, which bounds the table under a flood
/// (the per-address rate limit still applies).
const FORGET_UNKNOWN_AFTER_HOURS: i64 = 24;
const NO_MATCH: &str = "That code and PIN do not match. Check them with your advocate.";

fn locked(until: DateTime<Utc>) -> ApiError {
    let wait = std::cmp::max((until - Utc::now()).num_seconds(), 1) as u64;
    ApiError::RateLimited {
        retry_after_secs: wait,
    }
}

/// A wrong try on a code that does not exist: counted and locked like a real code's.
async fn try_unknown(db: &DatabaseConnection, digest: &str) -> ApiResult<ApiError> {
    use unknown_code_try::{ActiveModel, Column, Entity};
    let now = Utc::now();
    let row = Entity::find_by_id(digest.to_owned()).one(db).await?;
    if let Some(until) = row
        .and_then(|r| r.locked_until)
        .filter(|until| *until > now)
    {
        return Ok(locked(until));
    }
    // One atomic upsert, so parallel guesses on any instance all count.
    Entity::insert(ActiveModel {
        code_digest: Set(digest.to_owned()),
        failed_attempts: Set(1),
        locked_until: Set(None),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(Column::CodeDigest)
            .value(
                Column::FailedAttempts,
                Expr::col((Entity, Column::FailedAttempts)).add(1),
            )
            .value(Column::UpdatedAt, now)
            .to_owned(),
    )
    .exec_without_returning(db)
    .await?;
    Entity::update_many()
        .col_expr(Column::FailedAttempts, Expr::value(0))
        .col_expr(
            Column::LockedUntil,
            Expr::value(now + Duration::minutes(LOCK_MINUTES)),
        )
        .filter(Column::CodeDigest.eq(digest))
        .filter(Column::FailedAttempts.gte(MAX_WRONG_TRIES))
        .exec(db)
        .await?;
    Entity::delete_many()
        .filter(Column::UpdatedAt.lt(now - Duration::hours(FORGET_UNKNOWN_AFTER_HOURS)))
        .exec(db)
        .await?;
    Ok(ApiError::WrongCredentials(NO_MATCH))
}

pub struct ChildSession {
    pub child_id: i32,
    pub access: IssuedToken,
}

pub async fn sign_in(
    db: &DatabaseConnection,
    tokens: &TokenIssuer,
    code: &AccessCode,
    pin: &Pin,
) -> ApiResult<ChildSession> {
    let digest = code.digest();
    let now = Utc::now();
    let Some(access) = child_access::Entity::find()
        .filter(child_access::Column::CodeDigest.eq(digest.as_str()))
        .one(db)
        .await?
    else {
        return Err(try_unknown(db, &digest).await?);
    };
    if let Some(until) = access.locked_until.filter(|until| *until > now) {
        return Err(locked(until));
    }
    let pin_ok = {
        let (pin, hash) = (pin.expose().to_owned(), access.pin_hash.clone());
        tokio::task::spawn_blocking(move || verify_secret(&pin, &hash))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
    };
    let usable = access.revoked_at.is_none() && access.expires_at > now;
    let tenant = TenantId(access.local_authority_id);
    let subject = Subject::new("child_access", access.id);
    if !(pin_ok && usable) {
        record_wrong_try(db, &access).await?;
        audit::record(
            db,
            tenant,
            (ActorKind::Anonymous, None),
            AuditAction::ChildSignInFailed,
            subject,
            None,
        )
        .await?;
        return Err(ApiError::WrongCredentials(NO_MATCH));
    }
    let child_id = access.child_id;
    let mut active = access.into_active_model();
    active.failed_attempts = Set(0);
    active.locked_until = Set(None);
    active.last_used_at = Set(Some(now));
    active.update(db).await?;
    audit::record(
        db,
        tenant,
        (ActorKind::Child, Some(child_id)),
        AuditAction::ChildSignedIn,
        subject,
        None,
    )
    .await?;
    let token = tokens
        .issue_child(&ChildViewer { child_id, tenant })
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(ChildSession {
        child_id,
        access: token,
    })
}

/// Count the wrong try in the database (atomically, so parallel guesses all count); the fifth locks.
async fn record_wrong_try(db: &DatabaseConnection, access: &child_access::Model) -> ApiResult<()> {
    child_access::Entity::update_many()
        .col_expr(
            child_access::Column::FailedAttempts,
            Expr::col(child_access::Column::FailedAttempts).add(1),
        )
        .filter(child_access::Column::Id.eq(access.id))
        .exec(db)
        .await?;
    child_access::Entity::update_many()
        .col_expr(child_access::Column::FailedAttempts, Expr::value(0))
        .col_expr(
            child_access::Column::LockedUntil,
            Expr::value(Utc::now() + Duration::minutes(LOCK_MINUTES)),
        )
        .filter(child_access::Column::Id.eq(access.id))
        .filter(child_access::Column::FailedAttempts.gte(MAX_WRONG_TRIES))
        .exec(db)
        .await?;
    Ok(())
}
