//! Cases: pieces of advocacy allocated to an advocate. Each stands alone (one referral, one meeting).
pub mod graphql;
#[cfg(test)]
mod statements;

use entity::enums::{CaseStatus, ViewsStatus};
use entity::{advocacy_case, child, meeting};
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect,
};

use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

/// Where the child's views for the case's meeting are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseViews {
    NotStarted,
    Draft,
    Submitted,
    Shared,
}

impl CaseViews {
    pub fn of(status: Option<ViewsStatus>) -> Self {
        match status {
            None => Self::NotStarted,
            Some(ViewsStatus::Draft) => Self::Draft,
            Some(ViewsStatus::Submitted) => Self::Submitted,
            Some(ViewsStatus::Shared) => Self::Shared,
        }
    }
}

/// A case of a caseload page, with the child and the meeting it is for (read with it).
pub struct PageRow {
    pub case: advocacy_case::Model,
    pub child: Option<child::Model>,
    pub meeting: Option<meeting::Model>,
}

/// One page of an advocate's cases, soonest meeting first (undated pieces of advocacy last), and
/// how many match. Without a status, the open cases (not closed).
pub async fn caseload(
    db: &DatabaseConnection,
    tenant: TenantId,
    advocate_id: i32,
    status: Option<CaseStatus>,
    page: Page,
) -> ApiResult<(Vec<PageRow>, u64)> {
    let mut query = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .filter(advocacy_case::Column::AdvocateId.eq(advocate_id));
    query = match status {
        Some(status) => query.filter(advocacy_case::Column::Status.eq(status)),
        None => query.filter(advocacy_case::Column::Status.ne(CaseStatus::Closed)),
    };
    let total = query.clone().count(db).await?;
    let scheduled_at = Expr::col((meeting::Entity, meeting::Column::ScheduledAt));
    let rows = query
        // Every case shows its child and meeting: one statement for the page rather than three.
        .find_also_related(child::Entity)
        .find_also_related(meeting::Entity)
        // Both engines sort NULLs differently; put undated ones last explicitly.
        .order_by(scheduled_at.clone().is_null(), Order::Asc)
        .order_by(scheduled_at, Order::Asc)
        .order_by_asc(advocacy_case::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?
        .into_iter()
        .map(|(case, child, meeting)| PageRow {
            case,
            child,
            meeting,
        })
        .collect();
    Ok((rows, total))
}

/// A case by id, in any authority: the policy decides who may see it.
pub async fn find(db: &DatabaseConnection, id: i32) -> ApiResult<advocacy_case::Model> {
    advocacy_case::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Case"))
}
