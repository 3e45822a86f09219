//! The agencies invited to a meeting (police, health, school…).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting_agency")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub meeting_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub agency_id: i32,
    /// Kept so both foreign keys can include the tenant.
    pub local_authority_id: i32,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<super::meeting::Entity>,
    #[sea_orm(belongs_to, from = "agency_id", to = "id")]
    pub agency: BelongsTo<super::agency::Entity>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
