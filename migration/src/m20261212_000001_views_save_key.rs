//! The key of the last save of a child's views (issue 21, item 5): a phone that lost its signal
//! sends the same save again with the same key, and the server, finding it already applied,
//! answers the views as they are instead of writing them twice.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Views {
    Table,
    SaveKey,
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
                    .add_column(text_null(Views::SaveKey))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Views::Table)
                    .drop_column(Views::SaveKey)
                    .take(),
            )
            .await
    }
}
