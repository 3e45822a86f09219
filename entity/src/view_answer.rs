//! The chair's answer to one point a child made in views shared with them ("You said … — the meeting
//! decided …"), written with the meeting record. `said` keeps the child's words as answered.
use sea_orm::entity::prelude::*;

use crate::enums::{AnswerKind, ViewPart};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "view_answer")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub views_id: i32,
    pub meeting_id: i32,
    pub child_id: i32,
    pub part: ViewPart,
    /// The point's place in its part, from 0 (always 0 for the free words).
    pub item_index: i32,
    /// The child's exact words of the point, as they were when answered.
    #[sea_orm(column_type = "Text")]
    pub said: String,
    pub kind: AnswerKind,
    /// The answer in child words; none only when the advocate will explain.
    #[sea_orm(column_type = "Text", nullable)]
    pub words: Option<String>,
    pub answered_by: i32,
    pub answered_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "views_id", to = "id")]
    pub views: BelongsTo<super::views::Entity>,
    #[sea_orm(belongs_to, from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<super::meeting::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
    #[sea_orm(belongs_to, from = "answered_by", to = "id")]
    pub answerer: BelongsTo<super::staff_user::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
