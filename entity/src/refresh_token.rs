//! A staff refresh token, stored only as a digest; rotated on every use.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "refresh_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub staff_id: i32,
    /// Every token descended from one sign-in shares a family; reuse of a spent token revokes it.
    #[sea_orm(column_type = "Text")]
    pub family_id: String,
    #[sea_orm(unique, column_type = "Text")]
    pub token_digest: String,
    pub expires_at: DateTimeUtc,
    pub used_at: Option<DateTimeUtc>,
    pub revoked_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "staff_id", to = "id")]
    pub staff: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
