//! One-time links to set a member of staff's password. The token travels only in the link; the
//! database keeps its SHA-256, so the table cannot be used to take over an account. A link works
//! once, for `VALID_HOURS`; a new one for the same person spends the older ones. Setting the
//! password ends every earlier session of that person (their session epoch moves on).
use chrono::{DateTime, Duration, Utc};
use entity::enums::ActorKind;
use entity::{password_link, refresh_token, staff_user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait,
    IntoActiveModel, QueryFilter, Set,
};

use crate::audit::{self, AuditAction, Subject};
use crate::auth::lockout::{self, TryKey};
use crate::auth::secrets::{digest, random_token};
use crate::auth::{StaffViewer, TenantId, hash_secret};
use crate::error::{ApiError, ApiResult};

/// Long enough for a weekend between the admin sending it and the person opening it.
pub const VALID_HOURS: i64 = 72;
/// The shortest staff password: NCSC guidance favours length over character rules.
pub const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_CHARS: usize = 200;
/// The page that takes the token.
pub const PATH: &str = "/set-password";

/// A link just made: the only time its token exists outside the person's browser.
pub struct IssuedLink {
    pub token: String,
    pub expires_at: DateTime<Utc>,
}

impl IssuedLink {
    /// `/set-password?token=…` (the token is base64url, safe in a query as it is).
    pub fn path(&self) -> String {
        format!("{PATH}?token={}", self.token)
    }

    /// The whole link under `origin`, e.g. `https://myvoice.example.gov.uk`.
    pub fn url(&self, origin: &str) -> String {
        format!("{}{}", origin.trim_end_matches('/'), self.path())
    }
}

/// A new password as typed twice; never logged, never `Debug`-printed.
pub struct NewPassword(String);

impl NewPassword {
    pub fn parse(password: &str, again: Option<&str>) -> ApiResult<Self> {
        let chars = password.chars().count();
        if chars < MIN_PASSWORD_CHARS {
            return Err(ApiError::bad_input(
                "password",
                format!(
                    "Use at least {MIN_PASSWORD_CHARS} characters. A few words together are easy to remember."
                ),
            ));
        }
        if chars > MAX_PASSWORD_CHARS {
            return Err(ApiError::bad_input(
                "password",
                format!("Use at most {MAX_PASSWORD_CHARS} characters."),
            ));
        }
        if again.is_some_and(|again| again != password) {
            return Err(ApiError::bad_input(
                "passwordAgain",
                "The two passwords are not the same. Type the same password twice.",
            ));
        }
        Ok(Self(password.to_owned()))
    }
}

/// Wrong, used and expired tokens are one answer, so a guess learns nothing about which it was.
pub fn link_refused() -> ApiError {
    ApiError::bad_input(
        "token",
        "This link does not work: it may have been used already or be too old. Ask an administrator for a new one.",
    )
}

/// Make a link for `staff_id` of `tenant`, spending any earlier unused ones, inside the caller's
/// transaction, and record who made it.
pub async fn issue(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    staff_id: i32,
    actor: (ActorKind, Option<i32>),
) -> ApiResult<IssuedLink> {
    let link = make(conn, tenant, staff_id).await?;
    audit::record(
        conn,
        tenant,
        actor,
        AuditAction::PasswordLinkIssued,
        Subject::new("staff_user", staff_id),
        None,
    )
    .await?;
    Ok(link)
}

/// The link alone, for a caller whose own audit event already says it (an invitation).
pub async fn make(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    staff_id: i32,
) -> ApiResult<IssuedLink> {
    let now = Utc::now();
    password_link::Entity::update_many()
        .col_expr(password_link::Column::UsedAt, Expr::value(now))
        .filter(password_link::Column::StaffId.eq(staff_id))
        .filter(password_link::Column::UsedAt.is_null())
        .exec(conn)
        .await?;
    let token = random_token(32);
    let expires_at = now + Duration::hours(VALID_HOURS);
    password_link::ActiveModel {
        local_authority_id: Set(tenant.0),
        staff_id: Set(staff_id),
        token_digest: Set(digest(&token)),
        expires_at: Set(expires_at),
        used_at: Set(None),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(IssuedLink { token, expires_at })
}

/// An admin makes a new link for an active member of their own authority (`target` was found in
/// the admin's authority).
pub async fn issue_for(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    target: &staff_user::Model,
) -> ApiResult<IssuedLink> {
    if !target.active {
        return Err(ApiError::bad_input(
            "staffId",
            "This account is deactivated: it cannot sign in, so it cannot have a password link.",
        ));
    }
    let txn = crate::db::begin_write(db).await?;
    let link = issue(
        &txn,
        admin.tenant,
        target.id,
        (ActorKind::Staff, Some(admin.id)),
    )
    .await?;
    txn.commit().await?;
    Ok(link)
}

/// Set the password the link is for, spend the link, and end the person's earlier sessions.
/// Returns the member of staff, so the caller can tell every instance their sessions ended.
pub async fn set_password(
    db: &DatabaseConnection,
    token: &str,
    password: NewPassword,
) -> ApiResult<staff_user::Model> {
    let token_digest = digest(token.trim());
    let secret = password.0;
    // argon2 is deliberately slow: keep it off the async workers, and before the write lock.
    let password_hash = tokio::task::spawn_blocking(move || hash_secret(&secret))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let txn = crate::db::begin_write(db).await?;
    let now = Utc::now();
    let link = password_link::Entity::find()
        .filter(password_link::Column::TokenDigest.eq(token_digest))
        .one(&txn)
        .await?
        .filter(|link| link.used_at.is_none() && link.expires_at > now)
        .ok_or_else(link_refused)?;
    let staff = staff_user::Entity::find_by_id(link.staff_id)
        .filter(staff_user::Column::LocalAuthorityId.eq(link.local_authority_id))
        .filter(staff_user::Column::Active.eq(true))
        .one(&txn)
        .await?
        .ok_or_else(link_refused)?;
    let mut spent = link.into_active_model();
    spent.used_at = Set(Some(now));
    spent.update(&txn).await?;
    let epoch = staff.session_epoch;
    let mut account = staff.into_active_model();
    account.password_hash = Set(password_hash);
    account.session_epoch = Set(epoch + 1);
    let staff = account.update(&txn).await?;
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(now))
        .filter(refresh_token::Column::StaffId.eq(staff.id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    // A new password is a fresh start: wrong tries with the old one no longer lock the address.
    lockout::clear(&txn, &TryKey::email(&staff.email)).await?;
    audit::record(
        &txn,
        TenantId(staff.local_authority_id),
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::PasswordSetWithLink,
        Subject::new("staff_user", staff.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(staff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passwords_are_long_enough_and_typed_the_same_twice() {
        assert!(NewPassword::parse("short", None).is_err());
        assert!(NewPassword::parse("twelve chars", Some("twelve chars")).is_ok());
        assert!(matches!(
            NewPassword::parse("twelve chars", Some("twelve charz")),
            Err(ApiError::BadUserInput {
                field: Some("passwordAgain"),
                ..
            })
        ));
        assert!(NewPassword::parse(&"x".repeat(201), None).is_err());
    }

    #[test]
    fn links_carry_the_token_in_the_query() {
        let link = IssuedLink {
            token: "abc_-1".into(),
            expires_at: Utc::now(),
        };
        assert_eq!(
            link.url("https://myvoice.example.gov.uk/"),
            "https://myvoice.example.gov.uk/set-password?token=abc_-1"
        );
    }
}
