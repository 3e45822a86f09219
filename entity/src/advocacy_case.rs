//! One piece of advocacy: an accepted referral allocated to an advocate. Each stands alone.
use sea_orm::entity::prelude::*;

use crate::enums::CaseStatus;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advocacy_case")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    /// At most one case per referral.
    #[sea_orm(unique)]
    pub referral_id: i32,
    pub child_id: i32,
    pub meeting_id: i32,
    pub advocate_id: i32,
    pub status: CaseStatus,
    pub allocated_at: DateTimeUtc,
    pub closed_at: Option<DateTimeUtc>,
    /// Why the piece of advocacy was closed.
    #[sea_orm(column_type = "Text", nullable)]
    pub close_reason: Option<String>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "referral_id", to = "id")]
    pub referral: BelongsTo<super::referral::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
    #[sea_orm(belongs_to, from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<super::meeting::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "Advocate",
        from = "advocate_id",
        to = "id"
    )]
    pub advocate: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
