//! A child signs in on their phone with the access code and PIN from their advocate. Five wrong
//! tries lock the code for 15 minutes (`lockout`). Unknown codes behave exactly like known ones:
//! the same answer, the same argon2 work and the same SQL statements, so trying codes tells nobody
//! which exist. Every count lives in the database, so a lockout holds on every instance.
use chrono::Utc;
use entity::enums::ActorKind;
use entity::{child, child_access};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};

use super::lockout::{self, TryKey};
use super::tokens::IssuedToken;
use super::{AccessCode, ChildViewer, Pin, TenantId, TokenIssuer, verify_or_spend};
use crate::audit::{self, AuditAction, Subject};
use crate::error::{ApiError, ApiResult};

const NO_MATCH: &str = "That code and PIN do not match. Check them with your advocate.";

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
    let key = TryKey::code(code);
    let now = Utc::now();
    // The same two reads for every code, known or not; a locked code is refused before its PIN is
    // looked at, right or wrong.
    let access = child_access::Entity::find()
        .filter(child_access::Column::CodeDigest.eq(digest.as_str()))
        .one(db)
        .await?;
    lockout::check(db, &key).await?;
    let pin_ok = {
        let pin = pin.expose().to_owned();
        let hash = access.as_ref().map(|a| a.pin_hash.clone());
        // argon2 is deliberately slow: keep it off the async workers.
        tokio::task::spawn_blocking(move || verify_or_spend(&pin, hash.as_deref()))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
    };
    let usable = access
        .as_ref()
        .is_some_and(|a| a.revoked_at.is_none() && a.expires_at > now);
    let Some(access) = access.filter(|_| pin_ok && usable) else {
        lockout::count_wrong(db, &key, lockout::ACCESS_CODE).await?;
        // Recorded against the code's row when there is one; one statement either way.
        let rows = Query::select()
            .column(child_access::Column::LocalAuthorityId)
            .column(child_access::Column::Id)
            .from(child_access::Entity)
            .and_where(Expr::col(child_access::Column::CodeDigest).eq(digest.as_str()))
            .to_owned();
        audit::record_anonymous_each(db, rows, AuditAction::ChildSignInFailed, "child_access")
            .await?;
        return Err(ApiError::WrongCredentials(NO_MATCH));
    };
    lockout::clear(db, &key).await?;
    child_access::Entity::update_many()
        .col_expr(child_access::Column::LastUsedAt, Expr::value(now))
        .filter(child_access::Column::Id.eq(access.id))
        .exec(db)
        .await?;
    // The token names the child's current session epoch: replacing the code moves it on.
    let epoch: i32 = child::Entity::find_by_id(access.child_id)
        .select_only()
        .column(child::Column::SessionEpoch)
        .into_tuple()
        .one(db)
        .await?
        .ok_or(ApiError::WrongCredentials(NO_MATCH))?;
    let (child_id, tenant) = (access.child_id, TenantId(access.local_authority_id));
    audit::record(
        db,
        tenant,
        (ActorKind::Child, Some(child_id)),
        AuditAction::ChildSignedIn,
        Subject::new("child_access", access.id),
        None,
    )
    .await?;
    let token = tokens
        .issue_child(&ChildViewer { child_id, tenant }, epoch)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    Ok(ChildSession {
        child_id,
        access: token,
    })
}
