//! Subject access (issue 22 item 3): an admin exports everything held about one child as one zip.
//!
//! Two steps, so the archive never rests anywhere: `exportChildRecord` (or the admin's page) hands
//! back a one-time link that expires in minutes; following it builds the archive in memory from
//! `held::load` and answers it as an attachment (`route`). Nothing is written to disk and nothing
//! is kept after the answer. The link is kept as a digest in `form_draft` (the store every
//! instance shares for short-lived secrets, purged when expired), so it works on any instance and
//! only once: the download deletes it before building, and a second try finds nothing.
//! The export is audited when it is downloaded (who, which child, when; never the contents).
pub mod archive;
pub mod graphql;
pub mod route;
pub mod statement;

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use entity::enums::ActorKind;
use entity::form_draft::{ActiveModel, Column, Entity};
use entity::staff_user;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde::{Deserialize, Serialize};

use super::held;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::secrets::{digest, random_token};
use crate::auth::{StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::subject_access::{self as policy, ExportLink};

/// The `form_draft.form` of a download link (no page form has this name).
const FORM: &str = "child-record-export";
/// How long a link works: long enough to click, short enough that a forgotten one is no risk.
pub const LINK_MINUTES: i64 = 5;
/// Random bytes in a link: as unguessable as a refresh token.
const TOKEN_BYTES: usize = 32;
/// Where a link points (`route`).
pub const PATH: &str = "/data-protection/exports";

/// What the link stands for; its body in `form_draft`.
#[derive(Debug, Serialize, Deserialize)]
struct LinkBody {
    tenant: i32,
    admin_id: i32,
    child_id: i32,
}

/// A one-time download link, just made.
#[derive(Debug, Clone)]
pub struct Link {
    pub token: String,
    pub child_id: i32,
    pub expires_at: DateTime<Utc>,
}

impl Link {
    pub fn path(&self) -> String {
        format!("{PATH}/{}", self.token)
    }
}

/// A link to download everything held about the child, for this admin only. NOT_FOUND for a
/// child the admin's authority does not have.
pub async fn issue(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    child_id: i32,
    now: DateTime<Utc>,
) -> ApiResult<Link> {
    let found = entity::child::Entity::find_by_id(child_id)
        .filter(entity::child::Column::LocalAuthorityId.eq(admin.tenant.0))
        .one(db)
        .await?;
    if found.is_none() {
        return Err(ApiError::NotFound("Child"));
    }
    // Forgotten links go with any other expired draft.
    Entity::delete_many()
        .filter(Column::ExpiresAt.lt(now))
        .exec(db)
        .await?;
    let token = random_token(TOKEN_BYTES);
    let body = serde_json::to_string(&LinkBody {
        tenant: admin.tenant.0,
        admin_id: admin.id,
        child_id,
    })
    .map_err(|e| ApiError::Internal(format!("export link: {e}")))?;
    let expires_at = now + Duration::minutes(LINK_MINUTES);
    Entity::insert(ActiveModel {
        key_digest: Set(digest(&token)),
        form: Set(FORM.to_owned()),
        body: Set(body),
        expires_at: Set(expires_at),
    })
    .exec_without_returning(db)
    .await?;
    Ok(Link {
        token,
        child_id,
        expires_at,
    })
}

/// A finished archive, ready to send.
pub struct Export {
    pub child_id: i32,
    pub bytes: Vec<u8>,
    pub made_at: DateTime<Utc>,
}

/// Spend the link and build the archive: the admin who asked, once, before it expires. A link that
/// is spent, expired, unknown or someone else's is NOT_FOUND (and someone else's is not spent).
pub async fn download(db: &DatabaseConnection, viewer: &Viewer, token: &str) -> ApiResult<Export> {
    let now = Utc::now();
    let key = digest(token);
    let row = Entity::find()
        .filter(Column::KeyDigest.eq(&key))
        .filter(Column::Form.eq(FORM))
        .filter(Column::ExpiresAt.gt(now))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Export"))?;
    let body: LinkBody = serde_json::from_str(&row.body)
        .map_err(|e| ApiError::Internal(format!("export link body: {e}")))?;
    let admin = policy::download_export(
        viewer,
        &ExportLink {
            tenant: body.tenant,
            admin_id: body.admin_id,
        },
    )?;
    // Only one of two racing downloads deletes the row; the other finds it gone.
    let spent = Entity::delete_many()
        .filter(Column::KeyDigest.eq(&key))
        .filter(Column::Form.eq(FORM))
        .filter(Column::ExpiresAt.gt(now))
        .exec(db)
        .await?;
    if spent.rows_affected != 1 {
        return Err(ApiError::NotFound("Export"));
    }
    build(db, admin, body.child_id, now).await
}

/// Build the archive for the admin and audit it. Public for the benchmark.
pub async fn build(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    child_id: i32,
    now: DateTime<Utc>,
) -> ApiResult<Export> {
    let held = held::load(db, admin.tenant, child_id)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    let names = staff_names(db, admin.tenant, &held).await?;
    let bytes = archive::build(&held, &names, now)?;
    // Audited before a byte is sent: no export leaves unrecorded.
    audit::record(
        db,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::ChildRecordExported,
        Subject::new("child", child_id),
        None,
    )
    .await?;
    Ok(Export {
        child_id,
        bytes,
        made_at: now,
    })
}

/// Names of the staff the statements mention (who the views were shared with): one query.
async fn staff_names(
    db: &DatabaseConnection,
    tenant: TenantId,
    held: &held::Held,
) -> ApiResult<HashMap<i32, String>> {
    let ids: Vec<i32> = held.views_shares.iter().map(|s| s.recipient_id).collect();
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .filter(staff_user::Column::Id.is_in(ids))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}
