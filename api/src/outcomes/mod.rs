//! Conference outcomes sent to agencies and acknowledged by them. The audit found outcomes did not
//! reach every agency and nobody followed up: each agency gets one row, and its acknowledgement.
pub mod graphql;

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use entity::{agency, outcome_distribution as dist, staff_user};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

/// More agencies than any conference invites; a longer list is a mistake.
pub const MAX_AGENCIES_PER_DISTRIBUTION: usize = 50;

/// The agencies of one authority, by name.
pub async fn agencies_of(
    db: &impl ConnectionTrait,
    tenant: TenantId,
    page: Page,
) -> ApiResult<(Vec<agency::Model>, u64)> {
    let query = agency::Entity::find()
        .filter(agency::Column::LocalAuthorityId.eq(tenant.0))
        .order_by_asc(agency::Column::Name)
        .order_by_asc(agency::Column::Id);
    let total = query.clone().count(db).await?;
    let items = query.offset(page.offset).limit(page.limit).all(db).await?;
    Ok((items, total))
}

/// Send a recorded meeting's outcome to agencies of the same authority, in one transaction. An agency
/// that already has it keeps its row (and its acknowledgement); nothing is sent twice.
pub async fn distribute(
    db: &DatabaseConnection,
    viewer: &Viewer,
    tenant: TenantId,
    meeting_id: i32,
    agency_ids: BTreeSet<i32>,
    now: DateTime<Utc>,
) -> ApiResult<Vec<dist::Model>> {
    if agency_ids.is_empty() {
        return Err(ApiError::bad_input(
            "agencyIds",
            "Choose at least one agency.",
        ));
    }
    if agency_ids.len() > MAX_AGENCIES_PER_DISTRIBUTION {
        return Err(ApiError::bad_input(
            "agencyIds",
            format!("At most {MAX_AGENCIES_PER_DISTRIBUTION} agencies at a time."),
        ));
    }
    let sender = match viewer {
        Viewer::Staff(s) => s.id,
        _ => return Err(ApiError::Forbidden),
    };
    let txn = crate::db::begin_write(db).await?;
    let meeting = crate::meetings::find(&txn, meeting_id).await?;
    if meeting.recorded_at.is_none() {
        return Err(ApiError::bad_input(
            "meetingId",
            "Record the meeting before sending its outcome.",
        ));
    }
    let found = agency::Entity::find()
        .filter(agency::Column::Id.is_in(agency_ids.iter().copied()))
        .filter(agency::Column::LocalAuthorityId.eq(tenant.0))
        .count(&txn)
        .await?;
    if found != agency_ids.len() as u64 {
        // Absent and another authority's agencies are told apart from nothing.
        return Err(ApiError::NotFound("Agency"));
    }
    let already: BTreeSet<i32> = distributions_of(&txn, meeting_id)
        .await?
        .into_iter()
        .map(|d| d.agency_id)
        .collect();
    let new: Vec<i32> = agency_ids.difference(&already).copied().collect();
    if !new.is_empty() {
        let rows = new.iter().map(|&agency_id| dist::ActiveModel {
            local_authority_id: Set(tenant.0),
            meeting_id: Set(meeting_id),
            agency_id: Set(agency_id),
            sent_by: Set(sender),
            sent_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        });
        // A second chair's click racing this one finds the row there and leaves it be.
        dist::Entity::insert_many(rows)
            .on_conflict_do_nothing_on([dist::Column::MeetingId, dist::Column::AgencyId])
            .exec_without_returning(&txn)
            .await?;
        audit::record(
            &txn,
            tenant,
            audit::actor(viewer),
            AuditAction::OutcomeDistributed,
            Subject::new("meeting", meeting_id),
            Some(json!({ "agencyIds": new })),
        )
        .await?;
    }
    let all = distributions_of(&txn, meeting_id).await?;
    for sent in all.iter().filter(|d| new.contains(&d.agency_id)) {
        let notice = crate::notify::Notice::OutcomeSent {
            distribution_id: sent.id,
            agency_id: sent.agency_id,
        };
        crate::notify::enqueue(&txn, tenant, notice, now).await?;
    }
    txn.commit().await?;
    Ok(all)
}

/// Every agency a meeting's outcome went to, in the order they were sent.
pub async fn distributions_of(
    db: &impl ConnectionTrait,
    meeting_id: i32,
) -> ApiResult<Vec<dist::Model>> {
    Ok(dist::Entity::find()
        .filter(dist::Column::MeetingId.eq(meeting_id))
        .order_by_asc(dist::Column::Id)
        .all(db)
        .await?)
}

/// The agency an agency user belongs to (none for an account set up without one).
pub async fn agency_of(db: &impl ConnectionTrait, staff_id: i32) -> ApiResult<Option<i32>> {
    Ok(staff_user::Entity::find_by_id(staff_id)
        .one(db)
        .await?
        .and_then(|s| s.agency_id))
}

/// The outcomes sent to one agency, newest first.
pub async fn for_agency(
    db: &impl ConnectionTrait,
    agency_id: i32,
    unacknowledged_only: bool,
    page: Page,
) -> ApiResult<(Vec<dist::Model>, u64)> {
    let mut query = dist::Entity::find().filter(dist::Column::AgencyId.eq(agency_id));
    if unacknowledged_only {
        query = query.filter(dist::Column::AcknowledgedAt.is_null());
    }
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_desc(dist::Column::SentAt)
        .order_by_desc(dist::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((items, total))
}

pub async fn find_distribution(db: &impl ConnectionTrait, id: i32) -> ApiResult<dist::Model> {
    dist::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Outcome distribution"))
}

/// Record that the agency received the outcome. Acknowledging again changes nothing.
pub async fn acknowledge(
    db: &DatabaseConnection,
    viewer: &Viewer,
    tenant: TenantId,
    distribution_id: i32,
    staff_id: i32,
    now: DateTime<Utc>,
) -> ApiResult<dist::Model> {
    let txn = crate::db::begin_write(db).await?;
    // Only the first acknowledgement writes: a retry, or a colleague's click at the same moment,
    // finds it already there.
    let written = dist::Entity::update_many()
        .col_expr(dist::Column::AcknowledgedAt, Expr::value(now))
        .col_expr(dist::Column::AcknowledgedBy, Expr::value(staff_id))
        .filter(dist::Column::Id.eq(distribution_id))
        .filter(dist::Column::AcknowledgedAt.is_null())
        .exec(&txn)
        .await?
        .rows_affected;
    let saved = find_distribution(&txn, distribution_id).await?;
    if written > 0 {
        audit::record(
            &txn,
            tenant,
            audit::actor(viewer),
            AuditAction::OutcomeAcknowledged,
            Subject::new("outcome_distribution", saved.id),
            Some(json!({ "meetingId": saved.meeting_id, "agencyId": saved.agency_id })),
        )
        .await?;
    }
    txn.commit().await?;
    Ok(saved)
}
