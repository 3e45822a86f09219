//! A member of staff who signs in: advocate, social worker, ISRO, coordinator, agency user or admin.
use sea_orm::entity::prelude::*;

use crate::enums::StaffRole;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_user")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub name: String,
    /// Unique within the local authority (the same person may work for two councils).
    pub email: String,
    pub role: StaffRole,
    /// argon2id PHC string; never the password.
    pub password_hash: String,
    pub active: bool,
    /// Only agency users belong to an agency (a CHECK enforces it).
    pub agency_id: Option<i32>,
    pub created_at: DateTimeUtc,
    /// Moves on when the account's sessions must end (deactivation): access tokens name the epoch
    /// they were issued in, and older ones stop working at once.
    pub session_epoch: i32,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "agency_id", to = "id")]
    pub agency: BelongsTo<Option<super::agency::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
