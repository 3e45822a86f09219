//! Meetings set up, moved and cancelled by hand (issue 19, item 2), and cancelled by integrators.
//! A cancelled meeting is never moved or recorded, and a held one is never cancelled. Nothing here
//! deletes a meeting or unlinks a child: the child's views for it stay with the child.
use std::collections::BTreeSet;

use chrono::{DateTime, SubsecRound, Utc};
use entity::enums::{ActorKind, MeetingKind, MeetingStatus, StaffRole};
use entity::{agency, child, meeting, meeting_agency, meeting_child};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::children::ChildFacts;
use crate::policy::schedule as policy;
use crate::records::staff_in_role;

/// More children than any one meeting is about, or agencies than it invites, is a mistake.
pub const MAX_CHILDREN: usize = 20;
pub const MAX_AGENCIES: usize = 50;

/// Kinds of advocacy with no meeting: no time is needed.
pub fn needs_a_time(kind: MeetingKind) -> bool {
    !matches!(
        kind,
        MeetingKind::AdviceAndAssistance | MeetingKind::Complaint
    )
}

/// A meeting as staff entered it, checked at the edge.
#[derive(Debug, Clone)]
pub struct NewMeeting {
    pub kind: MeetingKind,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub place: Option<String>,
    pub chair_id: Option<i32>,
    /// Empty for a follow-up: the earlier meeting's children.
    pub child_ids: BTreeSet<i32>,
    /// Empty for a follow-up: the earlier meeting's agencies.
    pub agency_ids: BTreeSet<i32>,
    pub follow_up_of: Option<i32>,
}

fn in_future(field: &'static str, at: DateTime<Utc>, now: DateTime<Utc>) -> ApiResult<()> {
    if at <= now {
        return Err(ApiError::bad_input(
            field,
            "That time has passed: choose a time still to come.",
        ));
    }
    Ok(())
}

async fn linked_children(conn: &impl ConnectionTrait, meeting_id: i32) -> ApiResult<Vec<i32>> {
    Ok(meeting_child::Entity::find()
        .filter(meeting_child::Column::MeetingId.eq(meeting_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| l.child_id)
        .collect())
}

/// The agencies invited to a meeting.
pub async fn invited(conn: &impl ConnectionTrait, meeting_id: i32) -> ApiResult<Vec<i32>> {
    Ok(meeting_agency::Entity::find()
        .filter(meeting_agency::Column::MeetingId.eq(meeting_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|l| l.agency_id)
        .collect())
}

pub async fn create(
    db: &DatabaseConnection,
    viewer: &Viewer,
    mut new: NewMeeting,
    now: DateTime<Utc>,
) -> ApiResult<meeting::Model> {
    let tenant = crate::policy::signed_in(viewer)?;
    new.scheduled_at = new.scheduled_at.map(|at| at.trunc_subsecs(0));
    match new.scheduled_at {
        Some(at) => in_future("scheduledAt", at, now)?,
        None if needs_a_time(new.kind) => {
            return Err(ApiError::bad_input(
                "scheduledAt",
                "Give the date and time of the meeting.",
            ));
        }
        None => {}
    }
    let txn = crate::db::begin_write(db).await?;
    let earlier = match new.follow_up_of {
        Some(id) => Some(
            meeting::Entity::find_by_id(id)
                .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
                .one(&txn)
                .await?
                .ok_or(ApiError::NotFound("Meeting"))?,
        ),
        None => None,
    };
    let earlier_facts = match &earlier {
        Some(m) if m.status == MeetingStatus::Cancelled => {
            return Err(ApiError::bad_input(
                "followUpOf",
                "That meeting was cancelled: it has no follow-up.",
            ));
        }
        Some(m) => {
            if new.child_ids.is_empty() {
                new.child_ids = linked_children(&txn, m.id).await?.into_iter().collect();
            }
            if new.agency_ids.is_empty() {
                new.agency_ids = invited(&txn, m.id).await?.into_iter().collect();
            }
            Some(super::facts(&txn, m).await?)
        }
        None => None,
    };
    if new.child_ids.is_empty() || new.child_ids.len() > MAX_CHILDREN {
        return Err(ApiError::bad_input(
            "childIds",
            format!("Choose between 1 and {MAX_CHILDREN} children the meeting is about."),
        ));
    }
    if new.agency_ids.len() > MAX_AGENCIES {
        return Err(ApiError::bad_input(
            "agencyIds",
            format!("Invite at most {MAX_AGENCIES} agencies."),
        ));
    }
    let children = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(child::Column::Id.is_in(new.child_ids.iter().copied()))
        .all(&txn)
        .await?;
    if children.len() != new.child_ids.len() {
        return Err(ApiError::NotFound("Child"));
    }
    let facts: Vec<ChildFacts> = children.iter().map(crate::children::facts).collect();
    let staff = policy::create(viewer, new.kind, &facts, earlier_facts.as_ref())?;
    let agencies = agency::Entity::find()
        .filter(agency::Column::LocalAuthorityId.eq(tenant.0))
        .filter(agency::Column::Id.is_in(new.agency_ids.iter().copied()))
        .all(&txn)
        .await?;
    if agencies.len() != new.agency_ids.len() {
        return Err(ApiError::NotFound("Agency"));
    }
    let chair_id = new
        .chair_id
        .or_else(|| earlier.as_ref().and_then(|m| m.chair_id))
        .or((staff.role == StaffRole::Isro).then_some(staff.id));
    let chair = staff_in_role(&txn, tenant, chair_id, StaffRole::Isro, "chairId").await?;
    let social_worker = match staff.role {
        StaffRole::SocialWorker => Some(staff.id),
        _ => earlier
            .as_ref()
            .and_then(|m| m.social_worker_id)
            .or_else(|| children.iter().find_map(|c| c.social_worker_id)),
    };
    let row = meeting::ActiveModel {
        local_authority_id: Set(tenant.0),
        kind: Set(new.kind),
        scheduled_at: Set(new.scheduled_at),
        place: Set(new.place),
        chair_id: Set(chair),
        social_worker_id: Set(social_worker),
        status: Set(MeetingStatus::Scheduled),
        follow_up_of_id: Set(earlier.as_ref().map(|m| m.id)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    for child in &children {
        meeting_child::ActiveModel {
            local_authority_id: Set(tenant.0),
            meeting_id: Set(row.id),
            child_id: Set(child.id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    for agency in &agencies {
        meeting_agency::ActiveModel {
            local_authority_id: Set(tenant.0),
            meeting_id: Set(row.id),
            agency_id: Set(agency.id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }
    let detail = json!({
        "kind": row.kind,
        "scheduledAt": row.scheduled_at,
        "children": children.iter().map(|c| c.id).collect::<Vec<_>>(),
        "agencies": agencies.iter().map(|a| a.id).collect::<Vec<_>>(),
        "followUpOf": row.follow_up_of_id,
    });
    audit::record(
        &txn,
        tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::MeetingCreated,
        Subject::new("meeting", row.id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Where and when a meeting moves to, and why.
#[derive(Debug, Clone)]
pub struct Move {
    pub at: DateTime<Utc>,
    /// None keeps the place it had.
    pub place: Option<String>,
    pub reason: String,
}

/// Move a meeting the viewer may change (they passed `policy::schedule::change`) to another time,
/// and place if one is given. Moving it to where and when it already is changes nothing.
pub async fn move_to(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: (ActorKind, Option<i32>),
    id: i32,
    change: Move,
    now: DateTime<Utc>,
) -> ApiResult<meeting::Model> {
    let Move { at, place, reason } = change;
    let at = at.trunc_subsecs(0);
    in_future("scheduledAt", at, now)?;
    let txn = crate::db::begin_write(db).await?;
    let row = in_tenant(&txn, tenant, id).await?;
    match row.status {
        MeetingStatus::Cancelled => {
            return Err(ApiError::conflict(
                "This meeting was cancelled, so it cannot be moved. Set up a new meeting instead.",
            ));
        }
        MeetingStatus::Held => {
            return Err(ApiError::conflict(
                "This meeting has already happened, so it cannot be moved.",
            ));
        }
        MeetingStatus::Scheduled => {}
    }
    let place = place.or_else(|| row.place.clone());
    if row.scheduled_at == Some(at) && row.place == place {
        return Ok(row);
    }
    let before = json!({ "scheduledAt": row.scheduled_at, "place": row.place });
    let mut active: meeting::ActiveModel = row.into();
    active.scheduled_at = Set(Some(at));
    active.place = Set(place);
    active.moved_at = Set(Some(now));
    active.move_reason = Set(Some(reason.clone()));
    let row = active.update(&txn).await?;
    let detail = json!({
        "before": before,
        "scheduledAt": row.scheduled_at,
        "place": row.place,
        "reason": reason,
    });
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::MeetingMoved,
        Subject::new("meeting", row.id),
        Some(detail),
    )
    .await?;
    let notice = crate::notify::Notice::MeetingMoved {
        meeting_id: row.id,
        version: now.timestamp_millis(),
    };
    crate::notify::enqueue(&txn, tenant, notice, now).await?;
    txn.commit().await?;
    Ok(row)
}

/// Cancel a meeting. Cancelling one already cancelled changes nothing and answers it as it is
/// (`false`): forms are sent twice and systems resend.
pub async fn cancel(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: (ActorKind, Option<i32>),
    id: i32,
    reason: String,
    now: DateTime<Utc>,
) -> ApiResult<(meeting::Model, bool)> {
    let txn = crate::db::begin_write(db).await?;
    let row = in_tenant(&txn, tenant, id).await?;
    match row.status {
        MeetingStatus::Cancelled => return Ok((row, false)),
        MeetingStatus::Held => {
            return Err(ApiError::conflict(
                "This meeting has already happened, so it cannot be cancelled.",
            ));
        }
        MeetingStatus::Scheduled => {}
    }
    let mut active: meeting::ActiveModel = row.into();
    active.status = Set(MeetingStatus::Cancelled);
    active.cancelled_at = Set(Some(now));
    active.cancel_reason = Set(Some(reason.clone()));
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::MeetingCancelled,
        Subject::new("meeting", row.id),
        Some(json!({ "reason": reason })),
    )
    .await?;
    let notice = crate::notify::Notice::MeetingCancelled { meeting_id: row.id };
    crate::notify::enqueue(&txn, tenant, notice, now).await?;
    txn.commit().await?;
    Ok((row, true))
}

async fn in_tenant(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    id: i32,
) -> ApiResult<meeting::Model> {
    meeting::Entity::find_by_id(id)
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))
}

/// An integrator's meeting by its own reference.
pub async fn by_reference(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    reference: &str,
) -> ApiResult<meeting::Model> {
    meeting::Entity::find()
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting::Column::ExternalRef.eq(reference))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))
}

/// More ISROs than any authority has: the list stays bounded.
const MAX_CHAIRS: u64 = 200;

/// The authority's active ISROs, by name: who may chair a meeting.
pub async fn chairs(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
) -> ApiResult<Vec<entity::staff_user::Model>> {
    use entity::staff_user;
    use sea_orm::{QueryOrder, QuerySelect};
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .filter(staff_user::Column::Role.eq(StaffRole::Isro))
        .filter(staff_user::Column::Active.eq(true))
        .order_by_asc(staff_user::Column::Name)
        .order_by_asc(staff_user::Column::Id)
        .limit(MAX_CHAIRS)
        .all(conn)
        .await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advice_and_complaints_need_no_time() {
        assert!(!needs_a_time(MeetingKind::AdviceAndAssistance));
        assert!(!needs_a_time(MeetingKind::Complaint));
        assert!(needs_a_time(MeetingKind::ChildInNeedMeeting));
    }
}
