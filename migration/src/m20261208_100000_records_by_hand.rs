//! Children, meetings and agencies set up by hand (issue 19, item 2).
//!
//! - A child's record gains what the work needs and the demo seed never asked for: the full name
//!   (staff only; the child is called by their preferred name), whether an interpreter is needed,
//!   who holds parental responsibility, and whether the child agreed to advocacy, with the day.
//! - A meeting may be moved (when and why) or cancelled (when and why), and may be the follow-up
//!   agreed at the end of an earlier one. The follow-up link has no foreign key: SQLite cannot add
//!   one to an existing table; the service checks the meeting is the authority's own.
//! - `meeting_agency`: the agencies invited to a meeting (police, health, school…).
//!
//! One column per ALTER TABLE: SQLite takes no more.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    FullName,
    InterpreterNeeded,
    ParentalResponsibility,
    AgreedToAdvocacy,
    AgreedToAdvocacyOn,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
    MovedAt,
    MoveReason,
    CancelledAt,
    CancelReason,
    FollowUpOfId,
}

#[derive(Clone, Copy, DeriveIden)]
enum MeetingAgency {
    Table,
    MeetingId,
    AgencyId,
    LocalAuthorityId,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Agency {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let child_columns = [
            text_null(Child::FullName),
            boolean(Child::InterpreterNeeded).default(false).take(),
            text_null(Child::ParentalResponsibility),
            boolean(Child::AgreedToAdvocacy).default(false).take(),
            date_null(Child::AgreedToAdvocacyOn),
        ];
        for column in child_columns {
            manager
                .alter_table(Table::alter().table(Child::Table).add_column(column).take())
                .await?;
        }
        let meeting_columns = [
            timestamp_with_time_zone_null(Meeting::MovedAt),
            text_null(Meeting::MoveReason),
            timestamp_with_time_zone_null(Meeting::CancelledAt),
            text_null(Meeting::CancelReason),
            integer_null(Meeting::FollowUpOfId),
        ];
        for column in meeting_columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Meeting::Table)
                        .add_column(column)
                        .take(),
                )
                .await?;
        }
        let t = MeetingAgency::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(integer(MeetingAgency::MeetingId))
                    .col(integer(MeetingAgency::AgencyId))
                    .col(integer(MeetingAgency::LocalAuthorityId))
                    .col(created_now(
                        MeetingAgency::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .primary_key(
                        Index::create()
                            .col(MeetingAgency::MeetingId)
                            .col(MeetingAgency::AgencyId),
                    )
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, MeetingAgency::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(t, MeetingAgency::AgencyId, Agency::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, MeetingAgency::AgencyId))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(MeetingAgency::Table)).await?;
        for column in [
            Meeting::FollowUpOfId,
            Meeting::CancelReason,
            Meeting::CancelledAt,
            Meeting::MoveReason,
            Meeting::MovedAt,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Meeting::Table)
                        .drop_column(column)
                        .take(),
                )
                .await?;
        }
        for column in [
            Child::AgreedToAdvocacyOn,
            Child::AgreedToAdvocacy,
            Child::ParentalResponsibility,
            Child::InterpreterNeeded,
            Child::FullName,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Child::Table)
                        .drop_column(column)
                        .take(),
                )
                .await?;
        }
        Ok(())
    }
}
