//! The coordinator's decisions on a referral: accept, decline, allocate an advocate, and whom to
//! suggest (the advocate who knows the child first, where possible; never guaranteed).
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};
use entity::enums::{ActorKind, CaseStatus, ReferralStatus, StaffRole};
use entity::{advocacy_case, referral, staff_user};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, Set,
};
use serde_json::json;

use super::unique_to_conflict;
use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};

type Actor = (ActorKind, Option<i32>);

async fn load(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    id: i32,
) -> ApiResult<referral::Model> {
    referral::Entity::find_by_id(id)
        .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Referral"))
}

async fn case_for(
    conn: &impl ConnectionTrait,
    referral_id: i32,
) -> ApiResult<Option<advocacy_case::Model>> {
    Ok(advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ReferralId.eq(referral_id))
        .one(conn)
        .await?)
}

/// Why a referral in `status` cannot be accepted or allocated.
fn blocked(status: ReferralStatus) -> Option<&'static str> {
    match status {
        ReferralStatus::PendingConsent => Some(
            "This referral is waiting for parental agreement. It can be accepted once the \
             parents or carers agree.",
        ),
        ReferralStatus::Declined => Some("This referral was declined."),
        ReferralStatus::Withdrawn => Some("This referral was withdrawn."),
        ReferralStatus::Received | ReferralStatus::Accepted => None,
    }
}

/// Received → accepted.
pub async fn accept(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    id: i32,
) -> ApiResult<referral::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, id).await?;
    if let Some(reason) = blocked(row.status) {
        return Err(ApiError::conflict(reason));
    }
    if row.status == ReferralStatus::Accepted {
        return Err(ApiError::conflict("This referral is already accepted."));
    }
    let mut active: referral::ActiveModel = row.into();
    active.status = Set(ReferralStatus::Accepted);
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralAccepted,
        Subject::new("referral", id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Not taken on, with the reason recorded. Not once an advocate is allocated.
pub async fn decline(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    id: i32,
    reason: String,
) -> ApiResult<referral::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, id).await?;
    if matches!(
        row.status,
        ReferralStatus::Declined | ReferralStatus::Withdrawn
    ) {
        return Err(ApiError::conflict(
            "This referral is already declined or withdrawn.",
        ));
    }
    if case_for(&txn, id).await?.is_some() {
        return Err(ApiError::conflict(
            "An advocate is already allocated to this referral.",
        ));
    }
    let mut active: referral::ActiveModel = row.into();
    active.status = Set(ReferralStatus::Declined);
    active.decline_reason = Set(Some(reason));
    let row = active.update(&txn).await?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ReferralDeclined,
        Subject::new("referral", id),
        None,
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// Open a case for an accepted referral with an active advocate of the same authority.
pub async fn allocate(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: Actor,
    referral_id: i32,
    advocate_id: i32,
    now: DateTime<Utc>,
) -> ApiResult<advocacy_case::Model> {
    let txn = crate::db::begin_write(db).await?;
    let row = load(&txn, tenant, referral_id).await?;
    let advocate = staff_user::Entity::find_by_id(advocate_id)
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .one(&txn)
        .await?
        .ok_or(ApiError::NotFound("Advocate"))?;
    if advocate.role != StaffRole::Advocate || !advocate.active {
        return Err(ApiError::bad_input(
            "advocateId",
            "Choose an active advocate of this service.",
        ));
    }
    if let Some(reason) = blocked(row.status) {
        return Err(ApiError::conflict(reason));
    }
    if row.status != ReferralStatus::Accepted {
        return Err(ApiError::conflict(
            "Accept the referral before allocating an advocate.",
        ));
    }
    let (Some(child_id), Some(meeting_id)) = (row.child_id, row.meeting_id) else {
        return Err(ApiError::conflict(
            "This self-referral is not linked to a child and a meeting yet.",
        ));
    };
    if case_for(&txn, referral_id).await?.is_some() {
        return Err(ApiError::conflict(
            "An advocate is already allocated to this referral.",
        ));
    }
    let case = advocacy_case::ActiveModel {
        local_authority_id: Set(tenant.0),
        referral_id: Set(referral_id),
        child_id: Set(child_id),
        meeting_id: Set(meeting_id),
        advocate_id: Set(advocate.id),
        status: Set(CaseStatus::Allocated),
        allocated_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await
    .map_err(|e| unique_to_conflict(e, "An advocate is already allocated to this referral."))?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::CaseAllocated,
        Subject::new("advocacy_case", case.id),
        Some(json!({ "referralId": referral_id, "advocateId": advocate.id })),
    )
    .await?;
    let notice = crate::notify::Notice::CaseAllocated {
        case_id: case.id,
        advocate_id: advocate.id,
    };
    crate::notify::enqueue(&txn, tenant, notice, now).await?;
    txn.commit().await?;
    Ok(case)
}

/// An advocate the coordinator might allocate, with what the ranking used.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub advocate: staff_user::Model,
    pub worked_with_child_before: bool,
    pub open_cases: u64,
}

/// Active advocates of the authority: those who worked with this child before first, then the
/// least busy (open cases), then by name. Three statements whatever the number of advocates.
pub async fn suggested_advocates(
    db: &DatabaseConnection,
    tenant: TenantId,
    referral_id: i32,
) -> ApiResult<Vec<Suggestion>> {
    let row = load(db, tenant, referral_id).await?;
    let advocates = staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(tenant.0))
        .filter(staff_user::Column::Role.eq(StaffRole::Advocate))
        .filter(staff_user::Column::Active.eq(true))
        .order_by_asc(staff_user::Column::Name)
        .all(db)
        .await?;
    let cases = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .filter(
            Condition::any()
                .add(advocacy_case::Column::Status.ne(CaseStatus::Closed))
                .add_option(row.child_id.map(|c| advocacy_case::Column::ChildId.eq(c))),
        )
        .all(db)
        .await?;
    let mut open: HashMap<i32, u64> = HashMap::new();
    let mut knew_child: HashSet<i32> = HashSet::new();
    for case in &cases {
        if case.status != CaseStatus::Closed {
            *open.entry(case.advocate_id).or_default() += 1;
        }
        if row.child_id == Some(case.child_id) && case.referral_id != row.id {
            knew_child.insert(case.advocate_id);
        }
    }
    let mut ranked: Vec<Suggestion> = advocates
        .into_iter()
        .map(|advocate| Suggestion {
            worked_with_child_before: knew_child.contains(&advocate.id),
            open_cases: open.get(&advocate.id).copied().unwrap_or(0),
            advocate,
        })
        .collect();
    // Stable sort: equal advocates keep the name order from the query.
    ranked.sort_by_key(|s| (!s.worked_with_child_before, s.open_cases));
    Ok(ranked)
}
