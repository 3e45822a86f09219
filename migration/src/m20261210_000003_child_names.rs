//! The child may call their meeting and the three parts of their views by their own names (issue
//! 20, item 6). NULL keeps the usual words, so existing children see no change.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    MeetingName,
    WorriesName,
    GoingWellName,
    WantToHappenName,
}

const COLUMNS: [Child; 4] = [
    Child::MeetingName,
    Child::WorriesName,
    Child::GoingWellName,
    Child::WantToHappenName,
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite alters one column at a time.
        for column in COLUMNS {
            manager
                .alter_table(
                    Table::alter()
                        .table(Child::Table)
                        .add_column(text_null(column))
                        .take(),
                )
                .await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for column in COLUMNS {
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
