//! Wrong sign-in tries, counted per thing being guessed (a staff e-mail address, a child's access
//! code), on top of the per-address budgets of `crate::ratelimit`. The counts live in the database,
//! so a lock holds whichever address the tries come from and whichever instance answers them.
//!
//! Anything tried is counted, whether it exists or not: a known and an unknown address are counted,
//! locked and answered alike, with the same statements, so guessing tells nobody which exist. For
//! the same reason a locked key is refused before any password or PIN is looked at, right or wrong.
//! A lock ends by itself; an admin can lift a member of staff's sooner (`clear`).
use chrono::{DateTime, Duration, Utc};
use entity::sign_in_try::{ActiveModel, Column, Entity};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::AccessCode;
use super::secrets::digest;
use crate::error::{ApiError, ApiResult};

/// How many wrong tries in a row lock, and for how long.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    pub max_wrong: i32,
    pub lock_minutes: i64,
}

/// A member of staff's e-mail address: ten wrong passwords in a row lock it for 15 minutes.
pub const STAFF_EMAIL: Limit = Limit {
    max_wrong: 10,
    lock_minutes: 15,
};

/// A child's access code: five wrong PINs lock it for 15 minutes (a PIN has 4 digits).
pub const ACCESS_CODE: Limit = Limit {
    max_wrong: 5,
    lock_minutes: 15,
};

/// Counts untouched this long are forgotten, which bounds the table under a flood of made-up
/// addresses and codes (the per-address budgets still apply).
const FORGET_AFTER_HOURS: i64 = 24;

/// What is being guessed, as the table keys it: a digest, never the address or code itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TryKey(String);

impl TryKey {
    /// A staff e-mail address as sign-in reads it (trimmed, lower case).
    pub fn email(normalised: &str) -> Self {
        Self(format!("email:{}", digest(normalised)))
    }

    pub fn code(code: &AccessCode) -> Self {
        Self(format!("code:{}", code.digest()))
    }
}

fn locked(until: DateTime<Utc>) -> ApiError {
    let wait = std::cmp::max((until - Utc::now()).num_seconds(), 1) as u64;
    ApiError::RateLimited {
        retry_after_secs: wait,
    }
}

/// RATE_LIMITED, with the time left, while `key` is locked. One statement.
pub async fn check(conn: &impl ConnectionTrait, key: &TryKey) -> ApiResult<()> {
    let now = Utc::now();
    let row = Entity::find_by_id(key.0.clone()).one(conn).await?;
    match row
        .and_then(|r| r.locked_until)
        .filter(|until| *until > now)
    {
        Some(until) => Err(locked(until)),
        None => Ok(()),
    }
}

/// Count one wrong try on `key`; the `max_wrong`-th locks it. Three statements, whatever the key.
pub async fn count_wrong(conn: &impl ConnectionTrait, key: &TryKey, limit: Limit) -> ApiResult<()> {
    let now = Utc::now();
    // One atomic upsert, so parallel guesses on any instance all count.
    Entity::insert(ActiveModel {
        try_key: Set(key.0.clone()),
        failed_attempts: Set(1),
        locked_until: Set(None),
        updated_at: Set(now),
    })
    .on_conflict(
        OnConflict::column(Column::TryKey)
            .value(
                Column::FailedAttempts,
                Expr::col((Entity, Column::FailedAttempts)).add(1),
            )
            .value(Column::UpdatedAt, now)
            .to_owned(),
    )
    .exec_without_returning(conn)
    .await?;
    Entity::update_many()
        .col_expr(Column::FailedAttempts, Expr::value(0))
        .col_expr(
            Column::LockedUntil,
            Expr::value(now + Duration::minutes(limit.lock_minutes)),
        )
        .filter(Column::TryKey.eq(key.0.as_str()))
        .filter(Column::FailedAttempts.gte(limit.max_wrong))
        .exec(conn)
        .await?;
    Entity::delete_many()
        .filter(Column::UpdatedAt.lt(now - Duration::hours(FORGET_AFTER_HOURS)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Start counting again: after a right answer, or when an admin lifts a lock. One statement.
pub async fn clear(conn: &impl ConnectionTrait, key: &TryKey) -> ApiResult<()> {
    Entity::delete_by_id(key.0.clone()).exec(conn).await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_hide_what_was_tried_and_kinds_do_not_mix() {
        let email = TryKey::email("sam@example.org");
        assert!(email.0.starts_with("email:") && !email.0.contains("sam"));
        let code = AccessCode::parse("DEMO-0001").unwrap();
        assert_eq!(TryKey::code(&code).0, format!("code:{}", code.digest()));
        assert_ne!(email, TryKey::email("sam@example.com"));
    }
}
