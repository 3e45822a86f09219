//! Wrong tries on an access code that does not exist, counted like `child_access` counts them for
//! real codes, so trying codes tells nobody which exist. Shared by every instance of the service.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "unknown_code_try")]
pub struct Model {
    /// SHA-256 hex of the normalised access code tried.
    #[sea_orm(primary_key, auto_increment = false, column_type = "Text")]
    pub code_digest: String,
    pub failed_attempts: i32,
    pub locked_until: Option<DateTimeUtc>,
    pub updated_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
