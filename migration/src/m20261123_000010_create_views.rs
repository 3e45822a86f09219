//! A child's views for a meeting, in their own words, with their consent to share.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{
    check, created_now, drop, one_of, tenant_fk, tenant_key, tenant_owner, unique,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Views {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    MeetingId,
    CaseId,
    Worries,
    GoingWell,
    WantToHappen,
    Feeling,
    FreeWords,
    Attendance,
    ShareWithSocialWorker,
    ShareWithChair,
    ShareWithFamily,
    ShareWithMeeting,
    Status,
    Version,
    SubmittedAt,
    IdempotencyKey,
    UpdatedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum AdvocacyCase {
    Table,
}

const FEELINGS: &[&str] = &[
    "very_happy",
    "happy",
    "okay",
    "sad",
    "very_sad",
    "worried",
    "angry",
];
const ATTENDANCE: &[&str] = &[
    "attend",
    "attend_with_advocate",
    "advocate_speaks_for_me",
    "written_views_only",
    "not_taking_part",
];
const STATUSES: &[&str] = &["draft", "submitted", "shared"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = Views::Table;
        let backend = manager.get_database_backend();
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(Views::Id))
                    .col(integer(Views::LocalAuthorityId))
                    .col(integer(Views::ChildId))
                    .col(integer(Views::MeetingId))
                    .col(integer_null(Views::CaseId))
                    // JSON arrays of the child's exact words: jsonb on PostgreSQL, text on SQLite.
                    .col(json_binary(Views::Worries))
                    .col(json_binary(Views::GoingWell))
                    .col(json_binary(Views::WantToHappen))
                    .col(string_len_null(Views::Feeling, 40))
                    .col(text_null(Views::FreeWords))
                    .col(string_len_null(Views::Attendance, 40))
                    // Nothing is shared until the child says so.
                    .col(boolean(Views::ShareWithSocialWorker).default(false))
                    .col(boolean(Views::ShareWithChair).default(false))
                    .col(boolean(Views::ShareWithFamily).default(false))
                    .col(boolean(Views::ShareWithMeeting).default(false))
                    .col(string_len(Views::Status, 40))
                    .col(integer(Views::Version).default(1))
                    .col(timestamp_with_time_zone_null(Views::SubmittedAt))
                    .col(string_null(Views::IdempotencyKey))
                    .col(created_now(Views::UpdatedAt, backend))
                    .col(created_now(Views::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, Views::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, Views::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(t, Views::CaseId, AdvocacyCase::Table))
                    .index(&mut tenant_key(t))
                    .index(&mut unique(t, (Views::ChildId, Views::MeetingId)))
                    .index(&mut unique(t, (Views::ChildId, Views::IdempotencyKey)))
                    .check(one_of(t, Views::Feeling, FEELINGS))
                    .check(one_of(t, Views::Attendance, ATTENDANCE))
                    .check(one_of(t, Views::Status, STATUSES))
                    .check(check(
                        t,
                        "version_at_least_one",
                        Expr::col(Views::Version).gte(1),
                    ))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(Views::Table)).await
    }
}
