//! The advocate's own working note on a piece of advocacy (never shown to the child's professionals).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "advocate_note")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub case_id: i32,
    pub author_id: i32,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Case", from = "case_id", to = "id")]
    pub case: BelongsTo<super::advocacy_case::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Author", from = "author_id", to = "id")]
    pub author: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
