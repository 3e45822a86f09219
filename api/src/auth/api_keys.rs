//! Integrators' API keys: created by an admin with scopes, shown once, stored as a digest, revocable.
use std::collections::BTreeSet;

use chrono::Utc;
use entity::api_key;
use entity::enums::ActorKind;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, IntoActiveModel, QueryFilter,
    Set,
};

use super::secrets::{digest, random_token};
use super::{IntegratorViewer, Scope, StaffViewer, TenantId};
use crate::audit::{self, AuditAction, Subject};
use crate::error::{ApiError, ApiResult};

const KEY_PREFIX: &str = "mvk_";

pub fn scopes_of(row: &api_key::Model) -> BTreeSet<Scope> {
    row.scopes
        .split_whitespace()
        .filter_map(Scope::parse)
        .collect()
}

/// The integrator a presented key belongs to; revoked and unknown keys are both simply invalid.
pub async fn authenticate(db: &DatabaseConnection, presented: &str) -> ApiResult<IntegratorViewer> {
    let row = api_key::Entity::find()
        .filter(api_key::Column::KeyDigest.eq(digest(presented.trim())))
        .filter(api_key::Column::RevokedAt.is_null())
        .one(db)
        .await?
        .ok_or(ApiError::Unauthenticated)?;
    Ok(IntegratorViewer {
        key_id: row.id,
        tenant: TenantId(row.local_authority_id),
        scopes: scopes_of(&row),
    })
}

/// Whether a key that authenticated earlier (an open live socket) still works.
pub async fn still_valid(db: &DatabaseConnection, key_id: i32) -> ApiResult<bool> {
    let row = api_key::Entity::find_by_id(key_id)
        .filter(api_key::Column::RevokedAt.is_null())
        .one(db)
        .await?;
    Ok(row.is_some())
}

pub struct CreatedKey {
    pub row: api_key::Model,
    pub secret: String,
}

pub async fn create(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    name: String,
    scopes: &BTreeSet<Scope>,
) -> ApiResult<CreatedKey> {
    if scopes.is_empty() {
        return Err(ApiError::bad_input("scopes", "Choose at least one scope."));
    }
    let secret = format!("{KEY_PREFIX}{}", random_token(32));
    let scopes: Vec<&str> = scopes.iter().map(|s| s.as_str()).collect();
    let row = api_key::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        name: Set(name),
        key_prefix: Set(secret.chars().take(KEY_PREFIX.len() + 6).collect()),
        key_digest: Set(digest(&secret)),
        scopes: Set(scopes.join(" ")),
        created_by: Set(Some(admin.id)),
        ..Default::default()
    }
    .insert(db)
    .await?;
    let actor = (ActorKind::Staff, Some(admin.id));
    audit::record(
        db,
        admin.tenant,
        actor,
        AuditAction::ApiKeyCreated,
        Subject::new("api_key", row.id),
        None,
    )
    .await?;
    Ok(CreatedKey { row, secret })
}

pub async fn revoke(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    id: i32,
) -> ApiResult<api_key::Model> {
    let row = api_key::Entity::find_by_id(id)
        .filter(api_key::Column::LocalAuthorityId.eq(admin.tenant.0))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("API key"))?;
    if row.revoked_at.is_some() {
        return Ok(row);
    }
    let mut active = row.into_active_model();
    active.revoked_at = Set(Some(Utc::now()));
    let row = active.update(db).await?;
    let actor = (ActorKind::Staff, Some(admin.id));
    audit::record(
        db,
        admin.tenant,
        actor,
        AuditAction::ApiKeyRevoked,
        Subject::new("api_key", row.id),
        None,
    )
    .await?;
    Ok(row)
}

pub async fn list(db: &DatabaseConnection, tenant: TenantId) -> ApiResult<Vec<api_key::Model>> {
    Ok(api_key::Entity::find()
        .filter(api_key::Column::LocalAuthorityId.eq(tenant.0))
        .all(db)
        .await?)
}
