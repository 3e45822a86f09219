//! A one-time link to set a member of staff's password, stored only as a digest of its token.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "password_link")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub staff_id: i32,
    #[sea_orm(unique, column_type = "Text")]
    pub token_digest: String,
    pub expires_at: DateTimeUtc,
    /// Spent or replaced: the link never works again.
    pub used_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
