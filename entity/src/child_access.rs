//! A child's way in: an access code (looked up by its digest) plus a PIN, both stored only hashed.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "child_access")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub child_id: i32,
    pub case_id: Option<i32>,
    /// SHA-256 hex of the normalised access code, so a code can be found without storing it.
    #[sea_orm(unique, column_type = "Text")]
    pub code_digest: String,
    /// argon2id PHC string of the PIN.
    #[sea_orm(column_type = "Text")]
    pub pin_hash: String,
    pub expires_at: DateTimeUtc,
    pub revoked_at: Option<DateTimeUtc>,
    pub created_by: Option<i32>,
    pub last_used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Case", from = "case_id", to = "id")]
    pub case: BelongsTo<Option<super::advocacy_case::Entity>>,
    #[sea_orm(
        belongs_to,
        relation_enum = "CreatedBy",
        from = "created_by",
        to = "id"
    )]
    pub creator: BelongsTo<Option<super::staff_user::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
