//! A printed statement of the child's views handed by the advocate to an audience that receives no
//! share (the family, everyone at the meeting), on the day recorded.
use sea_orm::entity::prelude::*;

use crate::enums::Audience;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "views_handed")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub views_id: i32,
    /// The version printed and handed over.
    pub version: i32,
    /// `Family` or `Meeting` only.
    pub audience: Audience,
    pub given_on: Date,
    pub recorded_by: i32,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "views_id", to = "id")]
    pub views: BelongsTo<super::views::Entity>,
    #[sea_orm(belongs_to, from = "recorded_by", to = "id")]
    pub recorder: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
