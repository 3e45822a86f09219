//! Sign-in limits per account, and sessions that end at once (issue 17).
//!
//! - `sign_in_try` counts wrong tries per thing being guessed (a staff e-mail address, a child's
//!   access code), whether or not it exists, so known and unknown ones are counted, locked and
//!   answered alike, on every instance. It replaces `unknown_code_try` and the counters on
//!   `child_access`, which only real codes had.
//! - `staff_user.session_epoch` and `child.session_epoch`: every access token names the epoch it
//!   was issued in; deactivating staff or replacing a child's code moves the epoch on, and older
//!   tokens stop working at once.
//!
//! SQLite alters one column per statement, hence one `alter_table` per column.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{drop, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum SignInTry {
    Table,
    TryKey,
    FailedAttempts,
    LockedUntil,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum UnknownCodeTry {
    Table,
    CodeDigest,
    FailedAttempts,
    LockedUntil,
    UpdatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum ChildAccess {
    Table,
    FailedAttempts,
    LockedUntil,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
    SessionEpoch,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    SessionEpoch,
}

async fn alter(manager: &SchemaManager<'_>, statement: TableAlterStatement) -> Result<(), DbErr> {
    manager.alter_table(statement).await
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = SignInTry::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    // `email:<sha256 hex>` or `code:<sha256 hex>`: what was guessed, never in clear.
                    .col(text(SignInTry::TryKey).primary_key())
                    .col(integer(SignInTry::FailedAttempts).default(0))
                    .col(timestamp_with_time_zone_null(SignInTry::LockedUntil))
                    .col(timestamp_with_time_zone(SignInTry::UpdatedAt))
                    .take(),
            )
            .await?;
        // Old rows are pruned by age.
        manager.create_index(index(t, SignInTry::UpdatedAt)).await?;
        manager.drop_table(drop(UnknownCodeTry::Table)).await?;
        for col in [ChildAccess::FailedAttempts, ChildAccess::LockedUntil] {
            alter(
                manager,
                Table::alter()
                    .table(ChildAccess::Table)
                    .drop_column(col)
                    .take(),
            )
            .await?;
        }
        alter(
            manager,
            Table::alter()
                .table(StaffUser::Table)
                .add_column(integer(StaffUser::SessionEpoch).default(0))
                .take(),
        )
        .await?;
        alter(
            manager,
            Table::alter()
                .table(Child::Table)
                .add_column(integer(Child::SessionEpoch).default(0))
                .take(),
        )
        .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        alter(
            manager,
            Table::alter()
                .table(Child::Table)
                .drop_column(Child::SessionEpoch)
                .take(),
        )
        .await?;
        alter(
            manager,
            Table::alter()
                .table(StaffUser::Table)
                .drop_column(StaffUser::SessionEpoch)
                .take(),
        )
        .await?;
        alter(
            manager,
            Table::alter()
                .table(ChildAccess::Table)
                .add_column(integer(ChildAccess::FailedAttempts).default(0))
                .take(),
        )
        .await?;
        alter(
            manager,
            Table::alter()
                .table(ChildAccess::Table)
                .add_column(timestamp_with_time_zone_null(ChildAccess::LockedUntil))
                .take(),
        )
        .await?;
        let u = UnknownCodeTry::Table;
        manager
            .create_table(
                Table::create()
                    .table(u)
                    .col(text(UnknownCodeTry::CodeDigest).primary_key())
                    .col(integer(UnknownCodeTry::FailedAttempts).default(0))
                    .col(timestamp_with_time_zone_null(UnknownCodeTry::LockedUntil))
                    .col(timestamp_with_time_zone(UnknownCodeTry::UpdatedAt))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(u, UnknownCodeTry::UpdatedAt))
            .await?;
        manager.drop_table(drop(SignInTry::Table)).await
    }
}
