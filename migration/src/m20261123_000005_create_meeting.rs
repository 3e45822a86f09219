//! Meetings about a child's life, with the conference whiteboard headings and the outcome.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, one_of, tenant_fk, tenant_key, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
    Id,
    LocalAuthorityId,
    Kind,
    ScheduledAt,
    Place,
    ChairId,
    SocialWorkerId,
    Status,
    WorriedAboutNow,
    ComplicatingFactors,
    GoingWell,
    SignsOfSafety,
    Plan,
    OutcomeStaffWords,
    OutcomeChildWords,
    RecordedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

const KINDS: &[&str] = &[
    "initial_child_protection_conference",
    "child_protection_review",
    "child_in_need_meeting",
    "core_group_meeting",
    "children_looked_after_review",
    "disruption_meeting",
    "transfer_conference",
    "family_group_conference",
    "advice_and_assistance",
    "complaint",
];

const STATUSES: &[&str] = &["scheduled", "held", "cancelled"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = Meeting::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(Meeting::Id))
                    .col(integer(Meeting::LocalAuthorityId))
                    .col(string_len(Meeting::Kind, 40))
                    // Advice and assistance or a complaint may have no meeting time.
                    .col(timestamp_with_time_zone_null(Meeting::ScheduledAt))
                    .col(text_null(Meeting::Place))
                    .col(integer_null(Meeting::ChairId))
                    .col(integer_null(Meeting::SocialWorkerId))
                    .col(string_len(Meeting::Status, 40))
                    .col(text_null(Meeting::WorriedAboutNow))
                    .col(text_null(Meeting::ComplicatingFactors))
                    .col(text_null(Meeting::GoingWell))
                    .col(text_null(Meeting::SignsOfSafety))
                    .col(text_null(Meeting::Plan))
                    .col(text_null(Meeting::OutcomeStaffWords))
                    .col(text_null(Meeting::OutcomeChildWords))
                    .col(timestamp_with_time_zone_null(Meeting::RecordedAt))
                    .col(created_now(
                        Meeting::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, Meeting::ChairId, StaffUser::Table))
                    .foreign_key(&mut tenant_fk(t, Meeting::SocialWorkerId, StaffUser::Table))
                    .index(&mut tenant_key(t))
                    .check(one_of(t, Meeting::Kind, KINDS))
                    .check(one_of(t, Meeting::Status, STATUSES))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (Meeting::LocalAuthorityId, Meeting::ScheduledAt)))
            .await?;
        manager.create_index(index(t, Meeting::ChairId)).await?;
        manager
            .create_index(index(t, Meeting::SocialWorkerId))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(Meeting::Table)).await
    }
}
