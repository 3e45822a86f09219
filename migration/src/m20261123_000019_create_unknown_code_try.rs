//! Wrong tries on children's access codes that do not exist, counted like the real ones (in
//! `child_access`) so both answer alike, and kept in the database so every instance of the
//! service sees the same count. Not tenant-owned: an unknown code belongs to nobody.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{drop, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum UnknownCodeTry {
    Table,
    CodeDigest,
    FailedAttempts,
    LockedUntil,
    UpdatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = UnknownCodeTry::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    // SHA-256 hex of the normalised code, as `child_access.code_digest`.
                    .col(text(UnknownCodeTry::CodeDigest).primary_key())
                    .col(integer(UnknownCodeTry::FailedAttempts).default(0))
                    .col(timestamp_with_time_zone_null(UnknownCodeTry::LockedUntil))
                    .col(timestamp_with_time_zone(UnknownCodeTry::UpdatedAt))
                    .take(),
            )
            .await?;
        // Old rows are pruned by age.
        manager
            .create_index(index(t, UnknownCodeTry::UpdatedAt))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(UnknownCodeTry::Table)).await
    }
}
