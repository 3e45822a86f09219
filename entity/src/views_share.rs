//! One version of a child's views sent to one person the child agreed to, and when they read it.
use sea_orm::entity::prelude::*;

use crate::enums::Audience;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "views_share")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub views_id: i32,
    pub version: i32,
    pub recipient_id: i32,
    /// Which of the child's consents this share relies on.
    pub audience: Audience,
    pub shared_by: i32,
    pub shared_at: DateTimeUtc,
    pub read_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "views_id", to = "id")]
    pub views: BelongsTo<super::views::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "Recipient",
        from = "recipient_id",
        to = "id"
    )]
    pub recipient: BelongsTo<super::staff_user::Entity>,
    #[sea_orm(belongs_to, relation_enum = "SharedBy", from = "shared_by", to = "id")]
    pub sharer: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
