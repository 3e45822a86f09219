//! A frozen copy of a child's views at one version, so what was shared can always be shown again.
use sea_orm::entity::prelude::*;

use crate::enums::ViewsStatus;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "views_version")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub views_id: i32,
    pub version: i32,
    /// The full content of the views at this version.
    #[sea_orm(column_type = "JsonBinary")]
    pub snapshot: Json,
    pub status: ViewsStatus,
    pub submitted_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "views_id", to = "id")]
    pub views: BelongsTo<super::views::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
