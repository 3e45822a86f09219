//! One notice for one recipient in the transactional outbox, and how its delivery went.
use sea_orm::entity::prelude::*;

use crate::enums::{NoticeChannel, NoticeTopic};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "notice")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub topic: NoticeTopic,
    pub channel: NoticeChannel,
    /// An e-mail address, or a webhook endpoint's id.
    #[sea_orm(column_type = "Text")]
    pub recipient: String,
    #[sea_orm(unique, column_type = "Text")]
    pub dedupe_key: String,
    /// Where to look, relative to the public address.
    #[sea_orm(column_type = "Text")]
    pub link: String,
    /// The webhook body's `data`, as JSON text.
    #[sea_orm(column_type = "Text")]
    pub payload: String,
    pub due_at: DateTimeUtc,
    pub attempts: i32,
    pub claimed_until: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub claimed_by: Option<String>,
    pub delivered_at: Option<DateTimeUtc>,
    pub failed_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
