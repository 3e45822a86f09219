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

#[async_trait::async_trait]
impl ActiveModelBehavior for ActiveModel {
    /// A new row starts in session epoch 0. Set here rather than left to the column's default:
    /// SQLite's `RETURNING` answers NULL for a column added by `ALTER TABLE` that an insert leaves
    /// out, and the inserted model could then not be read back.
    async fn before_save<C>(mut self, _db: &C, insert: bool) -> Result<Self, DbErr>
    where
        C: ConnectionTrait + 'async_trait,
    {
        if insert && self.session_epoch.is_not_set() {
            self.session_epoch = sea_orm::ActiveValue::Set(0);
        }
        Ok(self)
    }
}
