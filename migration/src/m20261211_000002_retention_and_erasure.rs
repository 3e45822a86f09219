//! Issue 22 (retention and erasure): how long each kind of record is kept per authority, the claim
//! that makes the daily retention job run once however many instances serve, two-person erasure
//! requests, and the one narrow way old audit events may be deleted.
//!
//! The audit trail stays append-only for ordinary code: UPDATE and TRUNCATE are always refused, and
//! a DELETE only passes while a row of `audit_purge` for the event's authority, with a cut-off after
//! the event, exists. The retention job writes that permit, deletes and removes the permit in one
//! transaction, so no other connection ever sees it. Events about retention, erasure and legal
//! holds can never be deleted: they are the proof of what was removed.
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{check, created_now, drop, index, one_of, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum RetentionSetting {
    Table,
    Id,
    LocalAuthorityId,
    Kind,
    Days,
    UpdatedBy,
    UpdatedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum RetentionRun {
    Table,
    Id,
    LocalAuthorityId,
    RunOn,
    StartedAt,
    FinishedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum ErasureRequest {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    Reason,
    RequestedBy,
    RequestedAt,
    ExpiresAt,
    ConfirmedBy,
    ConfirmedAt,
    CancelledBy,
    CancelledAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum AuditPurge {
    Table,
    Id,
    LocalAuthorityId,
    Cutoff,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    AnonymisedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

/// The kinds an admin sets a period for (`entity::retention_setting::RetentionKind`).
const KINDS: &[&str] = &[
    "views",
    "shares_and_reads",
    "advocate_notes",
    "outcomes",
    "child_record",
    "audit_events",
    "sign_in_records",
];

/// Never deletable, whatever the permit says: the record of what retention and erasure did.
const PROTECTED: &str = "OLD.action LIKE 'retention.%' OR OLD.action LIKE 'erasure.%' \
                         OR OLD.action LIKE 'legal_hold.%'";

fn sqlite_up() -> Vec<String> {
    vec![
        "DROP TRIGGER IF EXISTS audit_event_no_delete".into(),
        format!(
            "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event \
             WHEN {PROTECTED} OR NOT EXISTS (SELECT 1 FROM audit_purge p \
               WHERE p.local_authority_id = OLD.local_authority_id AND OLD.occurred_at < p.cutoff) \
             BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END"
        ),
    ]
}

const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event \
     BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
];

fn postgres_up() -> Vec<String> {
    vec![format!(
        "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
         BEGIN \
           IF TG_OP = 'DELETE' AND NOT ({PROTECTED}) AND EXISTS (SELECT 1 FROM audit_purge p \
             WHERE p.local_authority_id = OLD.local_authority_id AND OLD.occurred_at < p.cutoff) \
           THEN RETURN OLD; END IF; \
           RAISE EXCEPTION 'audit_event is append-only'; \
         END $$"
    )]
}

const POSTGRES_DOWN: &[&str] = &[
    "CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let t = RetentionSetting::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(RetentionSetting::Id))
                    .col(integer(RetentionSetting::LocalAuthorityId))
                    .col(string_len(RetentionSetting::Kind, 40))
                    .col(integer(RetentionSetting::Days))
                    .col(integer_null(RetentionSetting::UpdatedBy))
                    .col(timestamp_with_time_zone(RetentionSetting::UpdatedAt))
                    .col(created_now(RetentionSetting::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(
                        t,
                        RetentionSetting::UpdatedBy,
                        StaffUser::Table,
                    ))
                    .index(&mut unique(
                        t,
                        (RetentionSetting::LocalAuthorityId, RetentionSetting::Kind),
                    ))
                    .check(one_of(t, RetentionSetting::Kind, KINDS))
                    // One day to a hundred years.
                    .check(check(
                        t,
                        "days",
                        Expr::col(RetentionSetting::Days).between(1, 36_500),
                    ))
                    .take(),
            )
            .await?;

        let t = RetentionRun::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(RetentionRun::Id))
                    .col(integer(RetentionRun::LocalAuthorityId))
                    .col(date(RetentionRun::RunOn))
                    .col(timestamp_with_time_zone(RetentionRun::StartedAt))
                    .col(timestamp_with_time_zone_null(RetentionRun::FinishedAt))
                    .col(created_now(RetentionRun::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    // The claim: one run per authority and day, whichever instance inserts first.
                    .index(&mut unique(
                        t,
                        (RetentionRun::LocalAuthorityId, RetentionRun::RunOn),
                    ))
                    .take(),
            )
            .await?;

        let t = ErasureRequest::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ErasureRequest::Id))
                    .col(integer(ErasureRequest::LocalAuthorityId))
                    .col(integer(ErasureRequest::ChildId))
                    .col(text(ErasureRequest::Reason))
                    .col(integer(ErasureRequest::RequestedBy))
                    .col(timestamp_with_time_zone(ErasureRequest::RequestedAt))
                    .col(timestamp_with_time_zone(ErasureRequest::ExpiresAt))
                    .col(integer_null(ErasureRequest::ConfirmedBy))
                    .col(timestamp_with_time_zone_null(ErasureRequest::ConfirmedAt))
                    .col(integer_null(ErasureRequest::CancelledBy))
                    .col(timestamp_with_time_zone_null(ErasureRequest::CancelledAt))
                    .col(created_now(ErasureRequest::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ErasureRequest::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(
                        t,
                        ErasureRequest::RequestedBy,
                        StaffUser::Table,
                    ))
                    .foreign_key(&mut tenant_fk(
                        t,
                        ErasureRequest::ConfirmedBy,
                        StaffUser::Table,
                    ))
                    .foreign_key(&mut tenant_fk(
                        t,
                        ErasureRequest::CancelledBy,
                        StaffUser::Table,
                    ))
                    // Two people: whoever confirms is not whoever asked.
                    .check(check(
                        t,
                        "two_people",
                        Expr::col(ErasureRequest::ConfirmedBy)
                            .is_null()
                            .or(Expr::col(ErasureRequest::ConfirmedBy)
                                .ne(Expr::col(ErasureRequest::RequestedBy))),
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, ErasureRequest::ChildId).take())
            .await?;

        let t = AuditPurge::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(AuditPurge::Id))
                    .col(integer(AuditPurge::LocalAuthorityId))
                    .col(timestamp_with_time_zone(AuditPurge::Cutoff))
                    .col(created_now(AuditPurge::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .take(),
            )
            .await?;

        // Kept, not deleted, so the counts of oversight still count the child's work.
        manager
            .alter_table(
                Table::alter()
                    .table(Child::Table)
                    .add_column(timestamp_with_time_zone_null(Child::AnonymisedAt))
                    .take(),
            )
            .await?;

        let db = manager.get_connection();
        let up = match backend {
            DbBackend::Sqlite => sqlite_up(),
            _ => postgres_up(),
        };
        for sql in up {
            db.execute_unprepared(&sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let db = manager.get_connection();
        let down = match manager.get_database_backend() {
            DbBackend::Sqlite => SQLITE_DOWN,
            _ => POSTGRES_DOWN,
        };
        for sql in down {
            db.execute_unprepared(sql).await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Child::Table)
                    .drop_column(Child::AnonymisedAt)
                    .take(),
            )
            .await?;
        for table in [
            AuditPurge::Table.into_iden(),
            ErasureRequest::Table.into_iden(),
            RetentionRun::Table.into_iden(),
            RetentionSetting::Table.into_iden(),
        ] {
            manager.drop_table(drop(table)).await?;
        }
        Ok(())
    }
}
