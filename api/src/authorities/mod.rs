//! Local authorities from nothing: `myvoice authority create` makes the authority and its first
//! admin, who sets their own password through a one-time link (`password_links`). Nothing here
//! ever prints or logs a password.
pub mod graphql;
pub mod password_links;

use chrono::Utc;
use entity::enums::{ActorKind, StaffRole};
use entity::{local_authority, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, DatabaseConnection, DbErr, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, Set, SqlErr,
};
use serde_json::json;

use crate::admin::staff::Email;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
pub use password_links::{IssuedLink, NewPassword};

/// A local authority's name as people write it, e.g. "Somerset Council".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorityName(String);

impl AuthorityName {
    pub fn parse(raw: &str) -> ApiResult<Self> {
        let name = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 200 {
            return Err(ApiError::bad_input(
                "name",
                "Give the local authority's name, up to 200 characters.",
            ));
        }
        if Slug::from_name(&name).is_none() {
            return Err(ApiError::bad_input(
                "name",
                "The name needs at least one letter or digit.",
            ));
        }
        Ok(Self(name))
    }

    pub fn slug(&self) -> Slug {
        // `parse` made sure there is one.
        Slug::from_name(&self.0).unwrap_or_else(|| Slug("authority".into()))
    }
}

impl AsRef<str> for AuthorityName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// The short name in addresses: lower-case ASCII letters and digits joined by single dashes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slug(String);

impl Slug {
    /// "Bath & North East Somerset" → `bath-north-east-somerset`; None when nothing is left.
    pub fn from_name(name: &str) -> Option<Self> {
        let mut slug = String::new();
        for c in name.chars() {
            if c.is_ascii_alphanumeric() {
                slug.push(c.to_ascii_lowercase());
            } else if !slug.is_empty() && !slug.ends_with('-') {
                slug.push('-');
            }
        }
        let slug = slug
            .trim_end_matches('-')
            .chars()
            .take(60)
            .collect::<String>();
        let slug = slug.trim_end_matches('-').to_owned();
        (!slug.is_empty()).then_some(Self(slug))
    }
}

impl AsRef<str> for Slug {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// What `authority create` made: the authority, its first admin and the link to set their password.
pub struct Created {
    pub authority: local_authority::Model,
    pub admin: staff_user::Model,
    pub link: IssuedLink,
}

fn duplicate(name: &AuthorityName, slug: &Slug) -> ApiError {
    ApiError::conflict(format!(
        "A local authority called {:?} (or with the short name {:?}) already exists. Use another name, or `myvoice authority list` to see them.",
        name.as_ref(),
        slug.as_ref()
    ))
}

/// Make a local authority and its first admin in one transaction. The admin's password is a
/// random secret nobody is told: they choose their own through the returned link.
pub async fn create(
    db: &DatabaseConnection,
    name: AuthorityName,
    admin_name: String,
    admin_email: Email,
) -> ApiResult<Created> {
    let slug = name.slug();
    let unusable = crate::auth::secrets::random_token(32);
    let password_hash = tokio::task::spawn_blocking(move || crate::auth::hash_secret(&unusable))
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let txn = crate::db::begin_write(db).await?;
    let taken = local_authority::Entity::find()
        .filter(
            Condition::any()
                .add(local_authority::Column::Name.eq(name.as_ref()))
                .add(local_authority::Column::Slug.eq(slug.as_ref())),
        )
        .count(&txn)
        .await?;
    if taken > 0 {
        return Err(duplicate(&name, &slug));
    }
    let authority = local_authority::ActiveModel {
        name: Set(name.as_ref().to_owned()),
        slug: Set(slug.as_ref().to_owned()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e: DbErr| match e.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(_)) => duplicate(&name, &slug),
        _ => ApiError::from(e),
    })?;
    let tenant = TenantId(authority.id);
    let admin = staff_user::ActiveModel {
        local_authority_id: Set(authority.id),
        name: Set(admin_name),
        email: Set(admin_email.as_ref().to_owned()),
        role: Set(StaffRole::Admin),
        password_hash: Set(password_hash),
        active: Set(true),
        agency_id: Set(None),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let system = (ActorKind::System, None);
    audit::record(
        &txn,
        tenant,
        system,
        AuditAction::AuthorityCreated,
        Subject::new("local_authority", authority.id),
        Some(json!({ "slug": authority.slug })),
    )
    .await?;
    let link = password_links::issue(&txn, tenant, admin.id, system).await?;
    txn.commit().await?;
    Ok(Created {
        authority,
        admin,
        link,
    })
}

/// One line of `authority list`.
pub struct AuthoritySummary {
    pub name: String,
    pub slug: String,
    pub active_admins: u64,
}

/// Every authority on this deployment, by name, with how many admins can still sign in.
pub async fn list(db: &DatabaseConnection) -> ApiResult<Vec<AuthoritySummary>> {
    let authorities = local_authority::Entity::find()
        .order_by_asc(local_authority::Column::Name)
        .all(db)
        .await?;
    let mut out = Vec::with_capacity(authorities.len());
    // An operator's command over a handful of rows: one count each is clear and cheap enough.
    for authority in authorities {
        let active_admins = staff_user::Entity::find()
            .filter(staff_user::Column::LocalAuthorityId.eq(authority.id))
            .filter(staff_user::Column::Role.eq(StaffRole::Admin))
            .filter(staff_user::Column::Active.eq(true))
            .count(db)
            .await?;
        out.push(AuthoritySummary {
            name: authority.name,
            slug: authority.slug,
            active_admins,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lower_case_words_joined_by_dashes() {
        let slug = |s: &str| Slug::from_name(s).map(|s| s.0);
        assert_eq!(
            slug("Somerset Council").as_deref(),
            Some("somerset-council")
        );
        assert_eq!(
            slug("  Bath & North East Somerset!! ").as_deref(),
            Some("bath-north-east-somerset")
        );
        assert_eq!(slug("Île-de-Wight").as_deref(), Some("le-de-wight"));
        assert_eq!(slug("---"), None);
    }

    #[test]
    fn names_are_trimmed_and_must_say_something() {
        assert_eq!(
            AuthorityName::parse("  North   Somerset ")
                .unwrap()
                .as_ref(),
            "North Somerset"
        );
        assert!(AuthorityName::parse("   ").is_err());
        assert!(AuthorityName::parse("&&&").is_err());
        assert!(AuthorityName::parse(&"x".repeat(201)).is_err());
    }
}
