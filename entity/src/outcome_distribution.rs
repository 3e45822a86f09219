//! A conference outcome sent to one agency, and its acknowledgement: the audit found outcomes did
//! not reach every agency and nobody followed up.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "outcome_distribution")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub meeting_id: i32,
    pub agency_id: i32,
    pub sent_by: i32,
    pub sent_at: DateTimeUtc,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledged_by: Option<i32>,
    pub created_at: DateTimeUtc,
    /// When the agency was reminded that it has not acknowledged.
    pub chased_at: Option<DateTimeUtc>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<super::meeting::Entity>,
    #[sea_orm(belongs_to, from = "agency_id", to = "id")]
    pub agency: BelongsTo<super::agency::Entity>,
    #[sea_orm(belongs_to, relation_enum = "SentBy", from = "sent_by", to = "id")]
    pub sender: BelongsTo<super::staff_user::Entity>,
    #[sea_orm(
        belongs_to,
        relation_enum = "AcknowledgedBy",
        from = "acknowledged_by",
        to = "id"
    )]
    pub acknowledger: BelongsTo<Option<super::staff_user::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
