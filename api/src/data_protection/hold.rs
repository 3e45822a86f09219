//! Legal holds: while a child's record is held, nothing about the child may be deleted.
use entity::legal_hold;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait, QueryFilter};

use crate::auth::TenantId;

/// Whether the child's record is under a hold that has not been lifted.
pub async fn is_held(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> Result<bool, DbErr> {
    let active = legal_hold::Entity::find()
        .filter(legal_hold::Column::LocalAuthorityId.eq(tenant.0))
        .filter(legal_hold::Column::ChildId.eq(child_id))
        .filter(legal_hold::Column::LiftedAt.is_null())
        .count(conn)
        .await?;
    Ok(active > 0)
}
