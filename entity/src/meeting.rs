//! A meeting about a child's life, or a piece of advocacy with no meeting (advice and assistance,
//! complaint). The five text headings are the conference whiteboard.
use sea_orm::entity::prelude::*;

use crate::enums::{MeetingKind, MeetingStatus};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meeting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub kind: MeetingKind,
    /// None for advice and assistance or a complaint, which may have no meeting time.
    pub scheduled_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub place: Option<String>,
    /// The ISRO chairing (CP chair or IRO).
    pub chair_id: Option<i32>,
    pub social_worker_id: Option<i32>,
    pub status: MeetingStatus,
    /// What we are worried about now, including the impact on the child.
    #[sea_orm(column_type = "Text", nullable)]
    pub worried_about_now: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub complicating_factors: Option<String>,
    /// What's going well.
    #[sea_orm(column_type = "Text", nullable)]
    pub going_well: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub signs_of_safety: Option<String>,
    /// What needs to happen: the plan.
    #[sea_orm(column_type = "Text", nullable)]
    pub plan: Option<String>,
    /// The outcome as staff record it.
    #[sea_orm(column_type = "Text", nullable)]
    pub outcome_staff_words: Option<String>,
    /// The outcome told back to the child in plain words ("You said … — the meeting decided …").
    #[sea_orm(column_type = "Text", nullable)]
    pub outcome_child_words: Option<String>,
    pub recorded_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
    /// The integrator's own reference for this record (unique in the authority); None when made here.
    #[sea_orm(column_type = "Text", nullable)]
    pub external_ref: Option<String>,
    /// When the meeting was last moved to another time or place; None if never.
    pub moved_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub move_reason: Option<String>,
    /// When the meeting was cancelled (status `cancelled`).
    pub cancelled_at: Option<DateTimeUtc>,
    #[sea_orm(column_type = "Text", nullable)]
    pub cancel_reason: Option<String>,
    /// The meeting at whose end this one was agreed (a review after a conference).
    pub follow_up_of_id: Option<i32>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Chair", from = "chair_id", to = "id")]
    pub chair: BelongsTo<Option<super::staff_user::Entity>>,
    #[sea_orm(
        belongs_to,
        relation_enum = "SocialWorker",
        from = "social_worker_id",
        to = "id"
    )]
    pub social_worker: BelongsTo<Option<super::staff_user::Entity>>,
    #[sea_orm(has_many, via = "meeting_child")]
    pub children: HasMany<super::child::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
