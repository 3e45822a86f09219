//! Finding a child's record for the data protection pages: by name (preferred or full) or by the
//! case-management reference, within the admin's authority.
use chrono::{DateTime, Utc};
use entity::child;
use entity::enums::CaseStatus;
use entity::{advocacy_case, legal_hold};
use sea_orm::sea_query::{Expr, ExprTrait, Func};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect,
};

use crate::auth::TenantId;
use crate::graphql::pagination::Page;

/// Children whose name or reference contains `search` (any case); all of them when it is empty.
pub async fn find(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    search: Option<&str>,
    page: Page,
) -> Result<(Vec<child::Model>, u64), DbErr> {
    let mut query = child::Entity::find().filter(child::Column::LocalAuthorityId.eq(tenant.0));
    if let Some(text) = search.map(str::trim).filter(|t| !t.is_empty()) {
        // LIKE's own wildcards in the search are taken literally.
        let escaped = text
            .to_lowercase()
            .replace('\\', "\\\\")
            .replace('%', "\\%")
            .replace('_', "\\_");
        let pattern = format!("%{escaped}%");
        let like = |col: child::Column| {
            Expr::expr(Func::lower(Expr::col(col)))
                .like(sea_orm::sea_query::LikeExpr::new(pattern.clone()).escape('\\'))
        };
        query = query.filter(
            Condition::any()
                .add(like(child::Column::PreferredName))
                .add(like(child::Column::FullName))
                .add(like(child::Column::ExternalRef)),
        );
    }
    let total = query.clone().count(conn).await?;
    let rows = query
        .order_by_asc(child::Column::PreferredName)
        .order_by_asc(child::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(conn)
        .await?;
    Ok((rows, total))
}

/// Which of these children are under a hold now.
pub async fn held_among(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    ids: &[i32],
) -> Result<Vec<i32>, DbErr> {
    legal_hold::Entity::find()
        .select_only()
        .column(legal_hold::Column::ChildId)
        .filter(legal_hold::Column::LocalAuthorityId.eq(tenant.0))
        .filter(legal_hold::Column::ChildId.is_in(ids.iter().copied()))
        .filter(legal_hold::Column::LiftedAt.is_null())
        .into_tuple()
        .all(conn)
        .await
}

/// Whether the child's advocacy is open, and when their last piece closed.
pub async fn advocacy(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> Result<(bool, Option<DateTime<Utc>>), DbErr> {
    let cases = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .filter(advocacy_case::Column::ChildId.eq(child_id))
        .all(conn)
        .await?;
    let open = cases.iter().any(|c| c.status != CaseStatus::Closed);
    let last = cases.iter().filter_map(|c| c.closed_at).max();
    Ok((open, last))
}
