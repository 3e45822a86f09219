//! Younger-child mode (ages 4–8): bigger pictures, fewer words and a read-aloud button on the
//! child's pages, chosen by the child or set by their advocate. Off for every existing child.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    YoungerMode,
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
                    .table(Child::Table)
                    .add_column(boolean(Child::YoungerMode).default(false))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Child::Table)
                    .drop_column(Child::YoungerMode)
                    .take(),
            )
            .await
    }
}
