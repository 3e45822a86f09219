//! Reading referrals: the coordinator's inbox, a social worker's own referrals, one referral.
use entity::enums::ReferralStatus;
use entity::referral;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use super::completeness::complete_condition;
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

/// What the inbox is narrowed to.
#[derive(Debug, Clone, Copy, Default)]
pub struct InboxFilter {
    pub status: Option<ReferralStatus>,
    /// `Some(true)`: only referrals with nothing missing; `Some(false)`: only those with gaps.
    pub complete: Option<bool>,
}

/// One page of an authority's referrals, newest first, and how many match in all.
pub async fn inbox(
    db: &DatabaseConnection,
    tenant: TenantId,
    filter: InboxFilter,
    page: Page,
) -> ApiResult<(Vec<referral::Model>, u64)> {
    let mut query =
        referral::Entity::find().filter(referral::Column::LocalAuthorityId.eq(tenant.0));
    if let Some(status) = filter.status {
        query = query.filter(referral::Column::Status.eq(status));
    }
    match filter.complete {
        Some(true) => query = query.filter(complete_condition()),
        Some(false) => query = query.filter(complete_condition().not()),
        None => {}
    }
    fetch_page(db, query, page).await
}

/// One page of the referrals a social worker made, newest first.
pub async fn made_by(
    db: &DatabaseConnection,
    tenant: TenantId,
    referrer_id: i32,
    status: Option<ReferralStatus>,
    page: Page,
) -> ApiResult<(Vec<referral::Model>, u64)> {
    let mut query = referral::Entity::find()
        .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
        .filter(referral::Column::ReferrerId.eq(referrer_id));
    if let Some(status) = status {
        query = query.filter(referral::Column::Status.eq(status));
    }
    fetch_page(db, query, page).await
}

async fn fetch_page(
    db: &DatabaseConnection,
    query: Select<referral::Entity>,
    page: Page,
) -> ApiResult<(Vec<referral::Model>, u64)> {
    let total = query.clone().count(db).await?;
    let rows = query
        .order_by_desc(referral::Column::ReceivedAt)
        .order_by_desc(referral::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((rows, total))
}

/// A referral by id, in any authority: the policy decides who may see it.
pub async fn find(db: &DatabaseConnection, id: i32) -> ApiResult<referral::Model> {
    referral::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Referral"))
}
