//! The audit trail, append-only by database triggers so no code path can rewrite history.
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, one_of, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    LocalAuthorityId,
    ActorKind,
    ActorId,
    Action,
    SubjectType,
    SubjectId,
    Detail,
    OccurredAt,
    CreatedAt,
}

const ACTOR_KINDS: &[&str] = &["staff", "child", "api_key", "system", "anonymous"];

const SQLITE_UP: &[&str] = &[
    "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event \
     BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
    "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event \
     BEGIN SELECT RAISE(ABORT, 'audit_event is append-only'); END",
];
const SQLITE_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS audit_event_no_delete",
    "DROP TRIGGER IF EXISTS audit_event_no_update",
];

const POSTGRES_UP: &[&str] = &[
    "CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ \
     BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$",
    "CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event \
     FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()",
    // TRUNCATE skips row triggers, so it needs its own.
    "CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event \
     FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()",
];
const POSTGRES_DOWN: &[&str] = &[
    "DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event",
    "DROP TRIGGER IF EXISTS audit_event_no_change ON audit_event",
    "DROP FUNCTION IF EXISTS audit_event_append_only()",
];

fn triggers(
    backend: DbBackend,
) -> Result<(&'static [&'static str], &'static [&'static str]), DbErr> {
    match backend {
        DbBackend::Sqlite => Ok((SQLITE_UP, SQLITE_DOWN)),
        DbBackend::Postgres => Ok((POSTGRES_UP, POSTGRES_DOWN)),
        other => Err(DbErr::BackendNotSupported {
            db: other.as_str(),
            ctx: "audit_event append-only triggers",
        }),
    }
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = AuditEvent::Table;
        let backend = manager.get_database_backend();
        let (up, _) = triggers(backend)?;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(AuditEvent::Id))
                    .col(integer(AuditEvent::LocalAuthorityId))
                    .col(string_len(AuditEvent::ActorKind, 40))
                    // Not foreign keys: the trail must outlive the rows it mentions.
                    .col(integer_null(AuditEvent::ActorId))
                    .col(string(AuditEvent::Action))
                    .col(string(AuditEvent::SubjectType))
                    .col(integer_null(AuditEvent::SubjectId))
                    .col(json_binary_null(AuditEvent::Detail))
                    .col(timestamp_with_time_zone(AuditEvent::OccurredAt))
                    .col(created_now(AuditEvent::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .check(one_of(t, AuditEvent::ActorKind, ACTOR_KINDS))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                t,
                (AuditEvent::LocalAuthorityId, AuditEvent::OccurredAt),
            ))
            .await?;
        manager
            .create_index(index(t, (AuditEvent::SubjectType, AuditEvent::SubjectId)))
            .await?;
        let db = manager.get_connection();
        for sql in up {
            db.execute_unprepared(sql).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let (_, down) = triggers(manager.get_database_backend())?;
        let db = manager.get_connection();
        // Triggers first, then (PostgreSQL) the function they call, then the table.
        for sql in down {
            db.execute_unprepared(sql).await?;
        }
        manager.drop_table(drop(AuditEvent::Table)).await
    }
}
