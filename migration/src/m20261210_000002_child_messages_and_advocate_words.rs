//! Issue 20, items 2 and 3.
//!
//! - `child_message`: a short message from the child's advocate or their meeting's chair, which the
//!   child sees on their next visit (`seen_at`) and may answer only "thank you" or "I have a
//!   question" (`reply`, `replied_at`): no chat, so no free text from the child here.
//! - `views` gains who wrote the words (the child, or the advocate from a visit or a paper sheet)
//!   and, for the advocate's, when and how the child confirmed them (on their phone, or in person
//!   on a given day).
//! - The outbox gains the topic `child_question` ("I have a question" alerts the advocate). SQLite
//!   cannot change a CHECK in place, so there the notice table is rebuilt from its own definition.
//!
//! One column per ALTER TABLE: SQLite takes no more.
use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend, Statement};

use crate::common::{drop, index, one_of, tenant_fk, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ChildMessage {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    MeetingId,
    FromStaffId,
    Words,
    SentAt,
    SeenAt,
    Reply,
    RepliedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Views {
    Table,
    WrittenBy,
    ConfirmedAt,
    ConfirmedHow,
    ConfirmedOn,
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
enum StaffUser {
    Table,
}

const REPLIES: &[&str] = &["thank_you", "have_a_question"];
const AUTHORS: &[&str] = &["child", "advocate"];
const CONFIRMED_HOW: &[&str] = &["on_phone", "in_person"];
const OLD_LAST_TOPIC: &str = "'meeting_cancelled'";
const NEW_TOPICS: &str = "'meeting_cancelled', 'child_question'";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = ChildMessage::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ChildMessage::Id))
                    .col(integer(ChildMessage::LocalAuthorityId))
                    .col(integer(ChildMessage::ChildId))
                    .col(integer_null(ChildMessage::MeetingId))
                    .col(integer(ChildMessage::FromStaffId))
                    // Bounded by the API (a short message, not a letter).
                    .col(text(ChildMessage::Words))
                    .col(timestamp_with_time_zone(ChildMessage::SentAt))
                    // Set when the child's page first shows it.
                    .col(timestamp_with_time_zone_null(ChildMessage::SeenAt))
                    .col(string_len_null(ChildMessage::Reply, 20))
                    .col(timestamp_with_time_zone_null(ChildMessage::RepliedAt))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ChildMessage::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, ChildMessage::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(
                        t,
                        ChildMessage::FromStaffId,
                        StaffUser::Table,
                    ))
                    .check(one_of(t, ChildMessage::Reply, REPLIES))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                t,
                (
                    ChildMessage::LocalAuthorityId,
                    ChildMessage::ChildId,
                    ChildMessage::SentAt,
                ),
            ))
            .await?;

        let v = Views::Table;
        let columns = [
            string_len(Views::WrittenBy, 20)
                .default("child")
                .check(Expr::col(Views::WrittenBy).is_in(AUTHORS.iter().copied()))
                .take(),
            timestamp_with_time_zone_null(Views::ConfirmedAt),
            string_len_null(Views::ConfirmedHow, 20)
                .check(Expr::col(Views::ConfirmedHow).is_in(CONFIRMED_HOW.iter().copied()))
                .take(),
            date_null(Views::ConfirmedOn),
        ];
        for column in columns {
            manager
                .alter_table(Table::alter().table(v).add_column(column).take())
                .await?;
        }

        retopic(manager, OLD_LAST_TOPIC, NEW_TOPICS).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        retopic(manager, NEW_TOPICS, OLD_LAST_TOPIC).await?;
        for column in [
            Views::ConfirmedOn,
            Views::ConfirmedHow,
            Views::ConfirmedAt,
            Views::WrittenBy,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Views::Table)
                        .drop_column(column)
                        .take(),
                )
                .await?;
        }
        manager.drop_table(drop(ChildMessage::Table)).await
    }
}

/// Change the list of notice topics in `ck_notice_topic` (`from` → `to`, text of the list's end).
async fn retopic(manager: &SchemaManager<'_>, from: &str, to: &str) -> Result<(), DbErr> {
    let conn = manager.get_connection();
    match manager.get_database_backend() {
        DbBackend::Sqlite => {
            // The documented way to change a constraint on SQLite: a new table from the old
            // definition with the change, the rows copied over, the old one dropped, its indexes
            // made again (nothing references the notice table).
            let one = |sql: String| Statement::from_string(DbBackend::Sqlite, sql);
            let table = conn
                .query_one_raw(one(
                    "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'notice'".into(),
                ))
                .await?
                .ok_or_else(|| DbErr::Migration("no notice table".into()))?
                .try_get::<String>("", "sql")?;
            if !table.contains(from) {
                return Err(DbErr::Migration("notice topics are not as expected".into()));
            }
            let indexes = conn
                .query_all_raw(one("SELECT sql FROM sqlite_master WHERE type = 'index' \
                     AND tbl_name = 'notice' AND sql IS NOT NULL"
                    .into()))
                .await?
                .into_iter()
                .map(|row| row.try_get::<String>("", "sql"))
                .collect::<Result<Vec<_>, _>>()?;
            let created =
                table
                    .replacen(from, to, 1)
                    .replacen("\"notice\"", "\"notice_rebuilt\"", 1);
            conn.execute_unprepared(&created).await?;
            conn.execute_unprepared("INSERT INTO notice_rebuilt SELECT * FROM notice")
                .await?;
            conn.execute_unprepared("DROP TABLE notice").await?;
            conn.execute_unprepared("ALTER TABLE notice_rebuilt RENAME TO notice")
                .await?;
            for index in indexes {
                conn.execute_unprepared(&index).await?;
            }
            Ok(())
        }
        _ => {
            let list = |end: &str| {
                format!(
                    "'referral_received', 'case_allocated', 'urgent_help_raised', \
                     'urgent_help_escalated', 'views_shared', 'outcome_sent', 'outcome_chase', 'meeting_moved', {end}"
                )
            };
            conn.execute_unprepared("ALTER TABLE notice DROP CONSTRAINT ck_notice_topic")
                .await?;
            conn.execute_unprepared(&format!(
                "ALTER TABLE notice ADD CONSTRAINT ck_notice_topic CHECK (topic IN ({}))",
                list(to)
            ))
            .await?;
            Ok(())
        }
    }
}
