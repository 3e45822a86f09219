//! Staff sessions: sign in with e-mail and password, a short access token, a refresh token that
//! rotates on every use; reuse of a spent refresh token revokes its whole family.
use chrono::{Duration, Utc};
use entity::{refresh_token, staff_user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QuerySelect, QueryTrait, Set,
};

use super::lockout::{self, TryKey};
use super::secrets::{digest, random_token};
use super::tokens::IssuedToken;
use super::{StaffViewer, TenantId, TokenIssuer, verify_or_spend};
use crate::audit::{self, AuditAction, Subject};
use crate::error::{ApiError, ApiResult};
use entity::enums::ActorKind;

pub const REFRESH_TOKEN_DAYS: i64 = 14;

pub struct Session {
    pub staff: staff_user::Model,
    pub access: IssuedToken,
    pub refresh_token: String,
    pub refresh_expires_at: chrono::DateTime<Utc>,
}

fn wrong_credentials() -> ApiError {
    ApiError::WrongCredentials("That e-mail address and password do not match.")
}

/// Sign in with e-mail and password. Ten wrong passwords in a row lock the address for 15 minutes
/// (`lockout`), from whatever client address they come. An unknown address is counted, locked and
/// answered exactly like a known one, with the same argon2 work and the same SQL statements.
pub async fn sign_in(
    db: &DatabaseConnection,
    tokens: &TokenIssuer,
    email: &str,
    password: &str,
) -> ApiResult<Session> {
    let email = email.trim().to_lowercase();
    let key = TryKey::email(&email);
    let candidates = active_with_email(&email).all(db).await?;
    // Refused while locked, before the password is looked at: right or wrong, the same answer.
    lockout::check(db, &key).await?;
    let password = password.to_owned();
    // argon2 is deliberately slow: keep it off the async workers.
    let (matched, candidates) = tokio::task::spawn_blocking(move || {
        let matched = if candidates.is_empty() {
            // The same effort for an unknown address, so timing does not tell who has an account.
            verify_or_spend(&password, None);
            None
        } else {
            candidates
                .iter()
                .position(|s| verify_or_spend(&password, Some(&s.password_hash)))
        };
        (matched, candidates)
    })
    .await
    .map_err(|e| ApiError::Internal(e.to_string()))?;
    let Some(staff) = matched.map(|i| candidates[i].clone()) else {
        lockout::count_wrong(db, &key, lockout::STAFF_EMAIL).await?;
        // One audit statement, whether it records one account, several or none.
        let rows = active_with_email(&email)
            .select_only()
            .column(staff_user::Column::LocalAuthorityId)
            .column(staff_user::Column::Id)
            .into_query();
        audit::record_anonymous_each(db, rows, AuditAction::StaffSignInFailed, "staff_user")
            .await?;
        return Err(wrong_credentials());
    };
    lockout::clear(db, &key).await?;
    let txn = crate::db::begin_write(db).await?;
    let session = start_family(&txn, tokens, staff, &random_token(16)).await?;
    audit::record(
        &txn,
        TenantId(session.staff.local_authority_id),
        (ActorKind::Staff, Some(session.staff.id)),
        AuditAction::StaffSignedIn,
        Subject::new("staff_user", session.staff.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(session)
}

/// The active accounts that sign in with this (normalised) address: one per local authority.
fn active_with_email(email: &str) -> sea_orm::Select<staff_user::Entity> {
    staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email))
        .filter(staff_user::Column::Active.eq(true))
}

/// Exchange a refresh token for a new pair. A token can be used once; using it again means it was
/// copied, so every token of its family stops working.
pub async fn refresh(
    db: &DatabaseConnection,
    tokens: &TokenIssuer,
    presented: &str,
) -> ApiResult<Session> {
    let txn = crate::db::begin_write(db).await?;
    let Some(row) = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenDigest.eq(digest(presented)))
        .one(&txn)
        .await?
    else {
        return Err(ApiError::Unauthenticated);
    };
    let now = Utc::now();
    // Claim the token atomically: of two concurrent refreshes with one token, only one wins.
    let claimed = refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::UsedAt, Expr::value(now))
        .filter(refresh_token::Column::Id.eq(row.id))
        .filter(refresh_token::Column::UsedAt.is_null())
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if !claimed {
        revoke_family(&txn, &row.family_id).await?;
        txn.commit().await?;
        return Err(ApiError::Unauthenticated);
    }
    let staff = staff_user::Entity::find_by_id(row.staff_id)
        .one(&txn)
        .await?
        .filter(|s| s.active);
    let (Some(staff), true) = (staff, row.expires_at > now) else {
        revoke_family(&txn, &row.family_id).await?;
        txn.commit().await?;
        return Err(ApiError::Unauthenticated);
    };
    let session = start_family(&txn, tokens, staff, &row.family_id).await?;
    txn.commit().await?;
    Ok(session)
}

/// Sign out everywhere this session reached: the whole family is revoked. Unknown tokens are fine.
pub async fn sign_out(db: &DatabaseConnection, presented: &str) -> ApiResult<()> {
    let row = refresh_token::Entity::find()
        .filter(refresh_token::Column::TokenDigest.eq(digest(presented)))
        .one(db)
        .await?;
    if let Some(row) = row {
        revoke_family(db, &row.family_id).await?;
    }
    Ok(())
}

async fn revoke_family(conn: &impl ConnectionTrait, family_id: &str) -> ApiResult<()> {
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::FamilyId.eq(family_id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(conn)
        .await?;
    Ok(())
}

async fn start_family(
    conn: &impl ConnectionTrait,
    tokens: &TokenIssuer,
    staff: staff_user::Model,
    family_id: &str,
) -> ApiResult<Session> {
    let viewer = StaffViewer {
        id: staff.id,
        tenant: TenantId(staff.local_authority_id),
        role: staff.role,
    };
    let access = tokens
        .issue_staff(&viewer, staff.session_epoch)
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let refresh_token = random_token(32);
    let refresh_expires_at = Utc::now() + Duration::days(REFRESH_TOKEN_DAYS);
    refresh_token::ActiveModel {
        local_authority_id: Set(staff.local_authority_id),
        staff_id: Set(staff.id),
        family_id: Set(family_id.to_owned()),
        token_digest: Set(digest(&refresh_token)),
        expires_at: Set(refresh_expires_at),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(Session {
        staff,
        access,
        refresh_token,
        refresh_expires_at,
    })
}
