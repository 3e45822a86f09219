//! How long one kind of record is kept in one local authority (issue 22). No row: the default
//! period of that kind (`api::data_protection::retention::default_days`).
use sea_orm::entity::prelude::*;
use serde::{Deserialize, Serialize};

/// A kind of record with its own retention period. The stored text never changes.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, EnumIter, DeriveActiveEnum, Serialize, Deserialize,
)]
#[sea_orm(
    rs_type = "String",
    db_type = "String(StringLen::N(40))",
    rename_all = "snake_case"
)]
#[serde(rename_all = "snake_case")]
pub enum RetentionKind {
    /// The child's views, every version and part of them (and their shares and answers with them).
    Views,
    /// Who the views were sent to, when they read them, and printed statements handed over.
    SharesAndReads,
    /// The advocate's own notes on a case.
    AdvocateNotes,
    /// Answers to the child's points, messages to the child, and the meeting's record.
    Outcomes,
    /// What identifies the child: the child row, referral details, sign-in codes.
    ChildRecord,
    /// The audit trail, counted from when each event happened.
    AuditEvents,
    /// Staff sessions and set-password links, counted from when they ended.
    SignInRecords,
}

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "retention_setting")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub kind: RetentionKind,
    /// Kept this many days (1 to 36,500).
    pub days: i32,
    pub updated_by: Option<i32>,
    pub updated_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
