//! A checked import (issue 19): a dry run keeps its report and the files it checked for a day, so
//! the admin can read every problem again by the check's id (the import page shows it without
//! JavaScript, after a redirect) and import exactly the files that were checked without choosing
//! them again. Deleted once imported, and a day after the check at the latest.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ImportCheck {
    Table,
    Id,
    LocalAuthorityId,
    StaffId,
    Token,
    StaffCsv,
    ChildrenCsv,
    MeetingsCsv,
    Report,
    ExpiresAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let t = ImportCheck::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ImportCheck::Id))
                    .col(integer(ImportCheck::LocalAuthorityId))
                    // The admin who checked: only they can read the check or import its files.
                    .col(integer(ImportCheck::StaffId))
                    // Random, shown in the page's address; useless to anyone else (see StaffId).
                    .col(text(ImportCheck::Token))
                    .col(text_null(ImportCheck::StaffCsv))
                    .col(text_null(ImportCheck::ChildrenCsv))
                    .col(text_null(ImportCheck::MeetingsCsv))
                    // Counts and problems, as JSON text.
                    .col(text(ImportCheck::Report))
                    .col(timestamp_with_time_zone(ImportCheck::ExpiresAt))
                    .col(created_now(ImportCheck::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ImportCheck::StaffId, StaffUser::Table))
                    .index(&mut unique(t, ImportCheck::Token))
                    .take(),
            )
            .await?;
        manager.create_index(index(t, ImportCheck::StaffId)).await?;
        // Expired checks are swept whenever a new one is kept.
        manager.create_index(index(t, ImportCheck::ExpiresAt)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ImportCheck::Table)).await
    }
}
