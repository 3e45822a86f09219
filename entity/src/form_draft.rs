//! What a form held when a page without JavaScript sent it back to be put right, kept so it never
//! travels in an address. Found by a digest of the browser's opaque key; kept an hour at most.
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "form_draft")]
pub struct Model {
    /// SHA-256 hex of the key in the browser's cookie.
    #[sea_orm(primary_key, auto_increment = false, column_type = "Text")]
    pub key_digest: String,
    /// Which form (`referral`, `ask-for-an-advocate`).
    #[sea_orm(primary_key, auto_increment = false, column_type = "Text")]
    pub form: String,
    /// The form's fields as JSON.
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub expires_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
