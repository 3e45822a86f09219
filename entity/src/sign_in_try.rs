//! Wrong sign-in tries per thing being guessed (a staff e-mail address, a child's access code),
//! counted whether it exists or not, so trying tells nobody which exist. Shared by every instance.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in_try")]
pub struct Model {
    /// `email:<sha256 hex>` or `code:<sha256 hex>`.
    #[sea_orm(primary_key, auto_increment = false, column_type = "Text")]
    pub try_key: String,
    pub failed_attempts: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
