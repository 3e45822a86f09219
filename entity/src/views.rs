//! A child's views for one meeting, in their own words, with their consent to share.
//! The current content lives here; each submitted version is kept in `views_version`.
use sea_orm::entity::prelude::*;

use crate::ViewItems;
use crate::enums::{AttendanceChoice, ConfirmedHow, Feeling, ViewsAuthor, ViewsStatus};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "views")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub child_id: i32,
    pub meeting_id: i32,
    pub case_id: Option<i32>,
    /// Things I worry about (the house of worries).
    #[sea_orm(column_type = "JsonBinary")]
    pub worries: ViewItems,
    /// Things that are going well (the house of good things).
    #[sea_orm(column_type = "JsonBinary")]
    pub going_well: ViewItems,
    /// What I want to happen (the house of hopes and dreams).
    #[sea_orm(column_type = "JsonBinary")]
    pub want_to_happen: ViewItems,
    pub feeling: Option<Feeling>,
    #[sea_orm(column_type = "Text", nullable)]
    pub free_words: Option<String>,
    pub attendance: Option<AttendanceChoice>,
    pub share_with_social_worker: bool,
    pub share_with_chair: bool,
    pub share_with_family: bool,
    pub share_with_meeting: bool,
    pub status: ViewsStatus,
    /// Starts at 1; a new `views_version` row is written for each version.
    pub version: i32,
    pub submitted_at: Option<DateTimeUtc>,
    /// Makes a retried submit from a flaky connection harmless (unique per child).
    pub idempotency_key: Option<String>,
    /// The key of the last save by the child, so the same save sent again is not written twice.
    pub save_key: Option<String>,
    pub updated_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    /// Per part of the views (`worries`, `goingWell`, …), the version at which it last changed;
    /// NULL on rows saved before parts were tracked.
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub part_versions: Option<Json>,
    /// The child, or their advocate writing down what the child said (visit or paper sheet).
    pub written_by: ViewsAuthor,
    /// When the child confirmed words their advocate wrote (null while not confirmed).
    pub confirmed_at: Option<DateTimeUtc>,
    pub confirmed_how: Option<ConfirmedHow>,
    /// The day the child confirmed in person, as the advocate recorded it.
    pub confirmed_on: Option<Date>,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<super::child::Entity>,
    #[sea_orm(belongs_to, from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<super::meeting::Entity>,
    #[sea_orm(belongs_to, relation_enum = "Case", from = "case_id", to = "id")]
    pub case: BelongsTo<Option<super::advocacy_case::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
