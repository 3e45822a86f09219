//! Saving one part of the child's views at a time (issue 18): each row remembers, per part, the
//! version at which that part last changed, so the server can put a part saved from an older
//! version on top when nobody else changed that part since, and refuse it when somebody did.
//! NULL for rows saved before this step: the server then treats every part as changed at the
//! row's current version (the old whole-views rule).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Views {
    Table,
    PartVersions,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Views::Table)
                    .add_column(json_binary_null(Views::PartVersions))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Views::Table)
                    .drop_column(Views::PartVersions)
                    .take(),
            )
            .await
    }
}
