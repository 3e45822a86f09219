//! Writing a checked upload inside the caller's transaction: staff, then children, then meetings,
//! so rows may name people and children the same upload creates. Children and meetings go through
//! the integrators' upserts; no audit event per row (the caller writes one for the upload).
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::staff_user;
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};

use super::parse::Parsed;
use super::{Counts, NewStaffLink};
use crate::admin::staff::Email;
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::records::{self, Upserted};

pub struct Applied {
    pub staff: Counts,
    pub children: Counts,
    pub meetings: Counts,
    pub links: Vec<NewStaffLink>,
}

fn count(counts: &mut Counts, upserted: Upserted) {
    match upserted {
        Upserted::Created => counts.created += 1,
        Upserted::Updated => counts.updated += 1,
        Upserted::Unchanged => counts.unchanged += 1,
    }
}

async fn directory(
    txn: &impl ConnectionTrait,
    tenant: TenantId,
) -> ApiResult<HashMap<String, staff_user::Model>> {
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .all(txn)
        .await?
        .into_iter()
        .map(|s| (s.email.clone(), s))
        .collect())
}

/// `password_hash`: a hash of a secret nobody knows, for new staff (needed when the upload adds
/// anyone; the checks counted them).
pub async fn apply(
    txn: &impl ConnectionTrait,
    tenant: TenantId,
    parsed: Parsed,
    password_hash: Option<String>,
    now: DateTime<Utc>,
) -> ApiResult<Applied> {
    let mut applied = Applied {
        staff: Counts {
            rows: parsed.staff.len(),
            ..Counts::default()
        },
        children: Counts {
            rows: parsed.children.len(),
            ..Counts::default()
        },
        meetings: Counts {
            rows: parsed.meetings.len(),
            ..Counts::default()
        },
        links: Vec::new(),
    };
    let existing = directory(txn, tenant).await?;
    for row in parsed.staff {
        match existing.get(row.email.as_ref()) {
            Some(s) if s.name == row.name => count(&mut applied.staff, Upserted::Unchanged),
            Some(s) => {
                let mut active: staff_user::ActiveModel = s.clone().into();
                active.name = Set(row.name);
                active.update(txn).await?;
                count(&mut applied.staff, Upserted::Updated);
            }
            None => {
                let hash = password_hash
                    .clone()
                    .ok_or_else(|| ApiError::Internal("new staff without a hash".into()))?;
                let created = staff_user::ActiveModel {
                    local_authority_id: Set(tenant.0),
                    name: Set(row.name.clone()),
                    email: Set(row.email.as_ref().to_owned()),
                    role: Set(row.role),
                    password_hash: Set(hash),
                    active: Set(true),
                    agency_id: Set(None),
                    created_at: Set(now),
                    ..Default::default()
                }
                .insert(txn)
                .await
                .map_err(|e| {
                    let message = "Someone else added staff at the same moment; try again.";
                    crate::referrals::unique_to_conflict(e, message)
                })?;
                let link =
                    crate::authorities::password_links::make(txn, tenant, created.id).await?;
                applied.links.push(NewStaffLink {
                    email: created.email,
                    name: created.name,
                    link,
                });
                count(&mut applied.staff, Upserted::Created);
            }
        }
    }
    let people = directory(txn, tenant).await?;
    let id = |email: &Option<Email>| -> ApiResult<Option<i32>> {
        let Some(email) = email else { return Ok(None) };
        people
            .get(email.as_ref())
            .map(|s| Some(s.id))
            .ok_or_else(|| {
                ApiError::Internal("a member of staff vanished during the import".into())
            })
    };
    for row in parsed.children {
        let mut record = row.record;
        record.social_worker_id = id(&row.social_worker_email)?;
        let (_, upserted) = records::apply_child(txn, tenant, record, now).await?;
        count(&mut applied.children, upserted);
    }
    for row in parsed.meetings {
        let mut record = row.record;
        record.chair_id = id(&row.chair_email)?;
        record.social_worker_id = id(&row.social_worker_email)?;
        let (_, upserted, _) = records::apply_meeting(txn, tenant, record, now).await?;
        count(&mut applied.meetings, upserted);
    }
    Ok(applied)
}
