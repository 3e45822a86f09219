//! Partner agencies set up by the authority's admin (issue 19, item 2): police, health, school…
//! Their names are unique in the authority; their staff are invited with `inviteStaff(role: AGENCY)`.
pub mod graphql;

use chrono::{DateTime, Utc};
use entity::agency;
use entity::enums::{ActorKind, AgencyKind};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::admin::staff::Email;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::StaffViewer;
use crate::error::{ApiError, ApiResult};
use crate::referrals::unique_to_conflict;
use crate::text;

const TAKEN: &str = "Your authority already has an agency with this name.";

/// An agency as the admin typed it, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyDetails {
    pub name: String,
    pub kind: AgencyKind,
    /// Where outcomes and notices for the agency go; optional (its staff have their own).
    pub contact_email: Option<Email>,
}

impl AgencyDetails {
    pub fn parse(name: &str, kind: AgencyKind, contact_email: Option<&str>) -> ApiResult<Self> {
        let contact_email = text::optional("contactEmail", contact_email, text::SHORT)?
            .map(|raw| {
                Email::parse(&raw).map_err(|_| {
                    ApiError::bad_input(
                        "contactEmail",
                        "Enter an e-mail address like name@example.org.",
                    )
                })
            })
            .transpose()?;
        Ok(Self {
            name: text::required("name", name, text::SHORT)?,
            kind,
            contact_email,
        })
    }
}

pub async fn create(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    details: AgencyDetails,
    now: DateTime<Utc>,
) -> ApiResult<agency::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = agency::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        name: Set(details.name),
        kind: Set(details.kind),
        contact_email: Set(details.contact_email.map(|e| e.as_ref().to_owned())),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_to_conflict(e, TAKEN))?;
    let detail = json!({ "name": row.name, "kind": row.kind });
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::AgencyCreated,
        Subject::new("agency", row.id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

pub async fn update(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    id: i32,
    details: AgencyDetails,
) -> ApiResult<agency::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = agency::Entity::find_by_id(id)
        .filter(agency::Column::LocalAuthorityId.eq(admin.tenant.0))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Agency"))?;
    let contact_email = details.contact_email.map(|e| e.as_ref().to_owned());
    if row.name == details.name && row.kind == details.kind && row.contact_email == contact_email {
        return Ok(row);
    }
    let before = json!({ "name": row.name, "kind": row.kind });
    let mut active: agency::ActiveModel = row.into();
    active.name = Set(details.name);
    active.kind = Set(details.kind);
    active.contact_email = Set(contact_email);
    let row = active
        .update(&txn)
        .await
        .map_err(|e| unique_to_conflict(e, TAKEN))?;
    let detail = json!({ "before": before, "name": row.name, "kind": row.kind });
    audit::record(
        &txn,
        admin.tenant,
        (ActorKind::Staff, Some(admin.id)),
        AuditAction::AgencyUpdated,
        Subject::new("agency", row.id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}
