//! Children and meetings kept in step with a case-management system (issue 19, item 3). Each record
//! is keyed by the system's own reference, so sending the same record twice changes nothing and
//! writes no audit event: systems resend freely after a timeout. A meeting's children are only ever
//! added, never removed here: a child's views for a meeting must not lose their meeting.
pub mod graphql;

use chrono::{DateTime, NaiveDate, SubsecRound, Utc};
use entity::enums::{ActorKind, MeetingKind, MeetingStatus, StaffRole};
use entity::{child, meeting, meeting_child, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::referrals::unique_to_conflict;

type Actor = (ActorKind, Option<i32>);

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    Created,
    Updated,
    /// The record was already exactly so: nothing written.
    Unchanged,
}

/// A child as the case-management system holds them, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildRecord {
    pub reference: String,
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    pub looked_after: bool,
    pub language: String,
    pub communication_needs: Option<String>,
    pub lives_with: Option<String>,
    pub social_worker_id: Option<i32>,
}

/// A meeting as the case-management system holds it, already checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub reference: String,
    pub kind: MeetingKind,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub place: Option<String>,
    pub chair_id: Option<i32>,
    pub social_worker_id: Option<i32>,
    /// The children it is about, by the system's references (at least one).
    pub child_references: Vec<String>,
}

/// An active member of staff of the authority in `role`; another authority's is not found.
pub(crate) async fn staff_in_role(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    id: Option<i32>,
    role: StaffRole,
    field: &'static str,
) -> ApiResult<Option<i32>> {
    let Some(id) = id else { return Ok(None) };
    let staff = staff_user::Entity::find_by_id(id)
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Staff member"))?;
    if staff.role != role || !staff.active {
        return Err(ApiError::bad_input(
            field,
            "Name an active member of staff in that role.",
        ));
    }
    Ok(Some(staff.id))
}

/// A date of birth is not in the future.
pub(crate) fn born_by(date_of_birth: NaiveDate, now: DateTime<Utc>) -> ApiResult<()> {
    if date_of_birth > now.date_naive() {
        return Err(ApiError::bad_input(
            "dateOfBirth",
            "The date of birth is in the future.",
        ));
    }
    Ok(())
}

pub async fn upsert_child(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    record: ChildRecord,
    now: DateTime<Utc>,
) -> ApiResult<(child::Model, Upserted)> {
    let reference = record.reference.clone();
    let txn = crate::db::begin_write(db).await?;
    let (row, upserted) = apply_child(&txn, tenant, record, now).await?;
    if upserted == Upserted::Unchanged {
        return Ok((row, upserted));
    }
    let detail = json!({ "reference": reference, "created": upserted == Upserted::Created });
    let subject = Subject::new("child", row.id);
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ChildUpserted,
        subject,
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok((row, upserted))
}

/// The child written inside the caller's transaction, without an audit event: the caller records
/// one (per record for `upsertChild`, one per upload for an import).
pub async fn apply_child(
    txn: &impl ConnectionTrait,
    tenant: TenantId,
    record: ChildRecord,
    now: DateTime<Utc>,
) -> ApiResult<(child::Model, Upserted)> {
    born_by(record.date_of_birth, now)?;
    let sw = StaffRole::SocialWorker;
    let social_worker =
        staff_in_role(txn, tenant, record.social_worker_id, sw, "socialWorkerId").await?;
    let existing = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(child::Column::ExternalRef.eq(record.reference.as_str()))
        .one(txn)
        .await?;
    let (row, upserted) = match existing {
        Some(row)
            if row.preferred_name == record.preferred_name
                && row.date_of_birth == record.date_of_birth
                && row.looked_after == record.looked_after
                && row.language == record.language
                && row.communication_needs == record.communication_needs
                && row.lives_with == record.lives_with
                && row.social_worker_id == social_worker =>
        {
            return Ok((row, Upserted::Unchanged));
        }
        Some(row) => (row.into(), Upserted::Updated),
        None => (
            child::ActiveModel {
                local_authority_id: Set(tenant.0),
                external_ref: Set(Some(record.reference.clone())),
                younger_mode: Set(false),
                created_at: Set(now),
                ..Default::default()
            },
            Upserted::Created,
        ),
    };
    let mut active: child::ActiveModel = row;
    active.preferred_name = Set(record.preferred_name);
    active.date_of_birth = Set(record.date_of_birth);
    active.looked_after = Set(record.looked_after);
    active.language = Set(record.language);
    active.communication_needs = Set(record.communication_needs);
    active.lives_with = Set(record.lives_with);
    active.social_worker_id = Set(social_worker);
    let message = "This child was sent twice at the same moment; send it again.";
    let saved = match upserted {
        Upserted::Created => active.insert(txn).await,
        _ => active.update(txn).await,
    };
    let row = saved.map_err(|e| unique_to_conflict(e, message))?;
    Ok((row, upserted))
}

pub async fn upsert_meeting(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    record: MeetingRecord,
    now: DateTime<Utc>,
) -> ApiResult<(meeting::Model, Upserted)> {
    let reference = record.reference.clone();
    let txn = crate::db::begin_write(db).await?;
    let (row, upserted, children_added) = apply_meeting(&txn, tenant, record, now).await?;
    if upserted == Upserted::Unchanged {
        return Ok((row, upserted));
    }
    let detail = json!({
        "reference": reference,
        "created": upserted == Upserted::Created,
        "childrenAdded": children_added,
    });
    let subject = Subject::new("meeting", row.id);
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::MeetingUpserted,
        subject,
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok((row, upserted))
}

/// The meeting written inside the caller's transaction, without an audit event (see
/// `apply_child`); also says how many children were added to it.
pub async fn apply_meeting(
    txn: &impl ConnectionTrait,
    tenant: TenantId,
    mut record: MeetingRecord,
    now: DateTime<Utc>,
) -> ApiResult<(meeting::Model, Upserted, usize)> {
    // Whole seconds: both engines then give back exactly what was stored, so a resend matches.
    record.scheduled_at = record.scheduled_at.map(|at| at.trunc_subsecs(0));
    let chair = staff_in_role(txn, tenant, record.chair_id, StaffRole::Isro, "chairId").await?;
    let sw = StaffRole::SocialWorker;
    let social_worker =
        staff_in_role(txn, tenant, record.social_worker_id, sw, "socialWorkerId").await?;
    let children = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(
            child::Column::ExternalRef.is_in(record.child_references.iter().map(String::as_str)),
        )
        .all(txn)
        .await?;
    if let Some(missing) = record.child_references.iter().find(|r| {
        !children
            .iter()
            .any(|c| c.external_ref.as_deref() == Some(r.as_str()))
    }) {
        return Err(ApiError::bad_input(
            "childReferences",
            format!(
                "No child has the reference \"{missing}\" yet: send it with upsertChild first."
            ),
        ));
    }
    let existing = meeting::Entity::find()
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting::Column::ExternalRef.eq(record.reference.as_str()))
        .one(txn)
        .await?;
    let linked: Vec<i32> = match &existing {
        Some(row) => meeting_child::Entity::find()
            .filter(meeting_child::Column::MeetingId.eq(row.id))
            .all(txn)
            .await?
            .into_iter()
            .map(|l| l.child_id)
            .collect(),
        None => Vec::new(),
    };
    let to_link: Vec<i32> = children
        .iter()
        .map(|c| c.id)
        .filter(|id| !linked.contains(id))
        .collect();
    let (row, upserted) = match existing {
        Some(row)
            if to_link.is_empty()
                && row.kind == record.kind
                && row.scheduled_at == record.scheduled_at
                && row.place == record.place
                && row.chair_id == chair
                && row.social_worker_id == social_worker =>
        {
            return Ok((row, Upserted::Unchanged, 0));
        }
        Some(row) if row.status == MeetingStatus::Cancelled => {
            return Err(ApiError::conflict(
                "This meeting was cancelled, so it cannot be changed. Send a new meeting instead.",
            ));
        }
        Some(row) => {
            let moved = row.scheduled_at != record.scheduled_at || row.place != record.place;
            let mut active: meeting::ActiveModel = row.into();
            if moved {
                // The child's page says the meeting moved.
                active.moved_at = Set(Some(now));
            }
            (active, Upserted::Updated)
        }
        None => (
            meeting::ActiveModel {
                local_authority_id: Set(tenant.0),
                external_ref: Set(Some(record.reference.clone())),
                status: Set(MeetingStatus::Scheduled),
                created_at: Set(now),
                ..Default::default()
            },
            Upserted::Created,
        ),
    };
    let mut active: meeting::ActiveModel = row;
    active.kind = Set(record.kind);
    active.scheduled_at = Set(record.scheduled_at);
    active.place = Set(record.place);
    active.chair_id = Set(chair);
    active.social_worker_id = Set(social_worker);
    let message = "This meeting was sent twice at the same moment; send it again.";
    let saved = match upserted {
        Upserted::Created => active.insert(txn).await,
        _ => active.update(txn).await,
    };
    let row = saved.map_err(|e| unique_to_conflict(e, message))?;
    for child_id in &to_link {
        meeting_child::ActiveModel {
            local_authority_id: Set(tenant.0),
            meeting_id: Set(row.id),
            child_id: Set(*child_id),
            created_at: Set(now),
        }
        .insert(txn)
        .await?;
    }
    Ok((row, upserted, to_link.len()))
}
