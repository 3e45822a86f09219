//! Staff accounts. An invited member of staff gets a one-time link to choose their own password,
//! shown once to the admin who passes it on, never a password; only its digest is kept. A deactivated account cannot sign in, and its
//! sessions end at once: its session epoch moves on (access tokens from before are refused), every
//! refresh token it holds is revoked, and the caller tells the events bus, which closes its live
//! sockets on every instance. An admin can also lift a lock on someone's sign-in.
use chrono::Utc;
use entity::enums::{ActorKind, StaffRole};
use entity::{agency, refresh_token, staff_user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, IntoActiveModel,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqlErr,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::lockout::{self, TryKey};
use crate::auth::{StaffViewer, TenantId, hash_secret};
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

/// What the list is narrowed to.
#[derive(Debug, Clone, Copy, Default)]
pub struct StaffFilter {
    pub role: Option<StaffRole>,
    pub active: Option<bool>,
}

/// One page of an authority's staff, by name.
pub async fn list_staff(
    db: &DatabaseConnection,
    tenant: TenantId,
    filter: StaffFilter,
    page: Page,
) -> ApiResult<(Vec<staff_user::Model>, u64)> {
    let mut query =
        staff_user::Entity::find().filter(staff_user::Column::LocalAuthorityId.eq(tenant.0));
    if let Some(role) = filter.role {
        query = query.filter(staff_user::Column::Role.eq(role));
    }
    if let Some(active) = filter.active {
        query = query.filter(staff_user::Column::Active.eq(active));
    }
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_asc(staff_user::Column::Name)
        .order_by_asc(staff_user::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// A member of staff to add, already checked as text.
#[derive(Debug, Clone)]
pub struct NewStaff {
    pub name: String,
    pub email: Email,
    pub role: StaffRole,
    /// Only for the agency role: the partner agency they work for.
    pub agency_id: Option<i32>,
}

/// An e-mail address as staff sign in with it: trimmed and in lower case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(String);

impl Email {
    pub fn parse(raw: &str) -> ApiResult<Self> {
        let email = raw.trim().to_lowercase();
        let bad = || ApiError::bad_input("email", "Enter an e-mail address like name@example.org.");
        let (local, domain) = email.split_once('@').ok_or_else(bad)?;
        let plausible = !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
            && email.len() <= 200
            && !email.chars().any(|c| c.is_whitespace() || c.is_control());
        if plausible {
            Ok(Self(email))
        } else {
            Err(bad())
        }
    }
}

impl AsRef<str> for Email {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

pub struct Invited {
    pub row: staff_user::Model,
    /// Shown once: the link with which they choose their own password.
    pub link: crate::authorities::IssuedLink,
}

fn duplicate() -> ApiError {
    ApiError::conflict("Someone in this local authority already has that e-mail address.")
}

pub async fn invite(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    new: NewStaff,
) -> ApiResult<Invited> {
    match (new.role == StaffRole::Agency, new.agency_id.is_some()) {
        (true, true) | (false, false) => {}
        // Outcomes are sent to an agency: staff of none would never see one.
        (true, false) => {
            return Err(ApiError::bad_input(
                "agencyId",
                "Choose the agency this person works for.",
            ));
        }
        (false, true) => {
            return Err(ApiError::bad_input(
                "agencyId",
                "Only partner agency staff belong to an agency.",
            ));
        }
    }
    // Nobody knows this secret: they choose their own password through the link.
    let secret = crate::auth::secrets::random_token(32);
    // argon2 is deliberately slow: keep it off the async workers.
    let password_hash = tokio::task::spawn_blocking(move || hash_secret(&secret))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let txn = crate::db::begin_write(db).await?;
    if let Some(agency_id) = new.agency_id {
        agency::Entity::find_by_id(agency_id)
            .filter(agency::Column::LocalAuthorityId.eq(admin.tenant.0))
            .one(&txn)
            .await?
            .ok_or_else(|| ApiError::bad_input("agencyId", "There is no such agency here."))?;
    }
    let taken = staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(admin.tenant.0))
        .filter(staff_user::Column::Email.eq(new.email.as_ref()))
        .count(&txn)
        .await?;
    if taken > 0 {
        return Err(duplicate());
    }
    let row = staff_user::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        name: Set(new.name),
        email: Set(new.email.0),
        role: Set(new.role),
        password_hash: Set(password_hash),
        active: Set(true),
        agency_id: Set(new.agency_id),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e: DbErr| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => duplicate(),
        _ => ApiError::from(e),
    })?;
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::StaffInvited,
        Subject::new("staff_user", row.id),
        Some(json!({ "role": row.role })),
    )
    .await?;
    // The invitation's event above says it: one event per invitation.
    let link = crate::authorities::password_links::make(&txn, admin.tenant, row.id).await?;
    txn.commit().await?;
    Ok(Invited { row, link })
}

/// A member of staff of `tenant`; another authority's answer exactly like missing ones.
pub async fn find(
    db: &DatabaseConnection,
    tenant: TenantId,
    id: i32,
) -> ApiResult<staff_user::Model> {
    staff_user::Entity::find_by_id(id)
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Staff member"))
}

/// Stop an account: no sign-in, no refresh. Deactivating twice is harmless and recorded once.
pub async fn deactivate(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    target: staff_user::Model,
) -> ApiResult<staff_user::Model> {
    if !target.active {
        return Ok(target);
    }
    let txn = crate::db::begin_write(db).await?;
    let epoch = target.session_epoch;
    let mut active = target.into_active_model();
    active.active = Set(false);
    active.session_epoch = Set(epoch + 1);
    let row = active.update(&txn).await?;
    refresh_token::Entity::update_many()
        .col_expr(refresh_token::Column::RevokedAt, Expr::value(Utc::now()))
        .filter(refresh_token::Column::StaffId.eq(row.id))
        .filter(refresh_token::Column::RevokedAt.is_null())
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::StaffDeactivated,
        Subject::new("staff_user", row.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Let a member of staff try their password again now, after wrong tries locked their address
/// (`auth::lockout`). Harmless when nothing is locked; recorded either way.
pub async fn unlock_sign_in(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    target: staff_user::Model,
) -> ApiResult<staff_user::Model> {
    let txn = crate::db::begin_write(db).await?;
    lockout::clear(&txn, &TryKey::email(&target.email)).await?;
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::StaffSignInUnlocked,
        Subject::new("staff_user", target.id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn e_mail_addresses_are_trimmed_lower_case_and_plausible() {
        assert_eq!(
            Email::parse("  Sam.Jones@Somerset.GOV.uk ")
                .unwrap()
                .as_ref(),
            "sam.jones@somerset.gov.uk"
        );
        for bad in [
            "",
            "sam",
            "sam@",
            "@x.org",
            "sam@localhost",
            "sa m@x.org",
            "a@b@c.org",
            "sam@x.",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} accepted");
        }
    }
}
