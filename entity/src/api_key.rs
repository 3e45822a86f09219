//! An integrator's API key, stored only as a digest, with the scopes it grants.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "api_key")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    #[sea_orm(column_type = "Text")]
    pub name: String,
    #[sea_orm(column_type = "Text")]
    pub key_prefix: String,
    #[sea_orm(unique, column_type = "Text")]
    pub key_digest: String,
    /// Space-separated scopes, e.g. `read:meetings write:referrals`.
    #[sea_orm(column_type = "Text")]
    pub scopes: String,
    pub created_by: Option<i32>,
    pub revoked_at: Option<DateTimeUtc>,
    pub last_used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    #[sea_orm(
        belongs_to,
        relation_enum = "CreatedBy",
        from = "created_by",
        to = "id"
    )]
    pub creator: BelongsTo<Option<super::staff_user::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
