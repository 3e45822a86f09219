//! A legal hold on a child's record: while one is not lifted, nothing about the child is deleted,
//! by the retention job or by an erasure.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "legal_hold")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub child_id: i32,
    #[sea_orm(column_type = "Text")]
    pub reason: String,
    pub set_by: i32,
    pub set_at: DateTimeUtc,
    pub lifted_by: Option<i32>,
    pub lifted_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub lift_reason: Option<String>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
