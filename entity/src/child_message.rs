//! A short message to a child from their advocate or their meeting's chair, seen on the child's
//! next visit; the child may answer only "thank you" or "I have a question".
use sea_orm::entity::prelude::*;

use crate::enums::MessageReply;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "child_message")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub child_id: i32,
    pub meeting_id: Option<i32>,
    pub from_staff_id: i32,
    #[sea_orm(column_type = "Text")]
    pub words: String,
    pub sent_at: DateTimeUtc,
    /// When the child's page first showed it.
    pub seen_at: Option<DateTimeUtc>,
    pub reply: Option<MessageReply>,
    pub replied_at: Option<DateTimeUtc>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Meeting", from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<Option<super::meeting::Entity>>,
    #[sea_orm(
        belongs_to,
        relation_enum = "FromStaff",
        from = "from_staff_id",
        to = "id"
    )]
    pub from_staff: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
