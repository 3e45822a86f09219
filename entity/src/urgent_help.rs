//! A child pressed "I need help now": staff must see and acknowledge it.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "urgent_help")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub child_id: i32,
    pub case_id: Option<i32>,
    #[sea_orm(column_type = "Text", nullable)]
    pub message: Option<String>,
    pub raised_at: DateTimeUtc,
    pub acknowledged_at: Option<DateTimeUtc>,
    pub acknowledged_by: Option<i32>,
    pub created_at: DateTimeUtc,
    /// When it went to the duty contacts and coordinators because nobody had acknowledged it.
    pub escalated_at: Option<DateTimeUtc>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Case", from = "case_id", to = "id")]
    pub case: BelongsTo<Option<super::advocacy_case::Entity>>,
    #[sea_orm(
        belongs_to,
        relation_enum = "AcknowledgedBy",
        from = "acknowledged_by",
        to = "id"
    )]
    pub acknowledger: BelongsTo<Option<super::staff_user::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
