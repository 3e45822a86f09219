//! No dead ends (issue 19): a referral can be withdrawn and a case closed, each with its reason kept
//! for the people who come to it later. Nullable columns added one per statement, which SQLite and
//! PostgreSQL both allow on a table with rows. That the reason is present is checked by the API
//! (SQLite cannot add a table CHECK to an existing table).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Referral {
    Table,
    WithdrawalReason,
}

#[derive(Clone, Copy, DeriveIden)]
enum AdvocacyCase {
    Table,
    CloseReason,
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
                    .table(Referral::Table)
                    .add_column(text_null(Referral::WithdrawalReason))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(AdvocacyCase::Table)
                    .add_column(text_null(AdvocacyCase::CloseReason))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(AdvocacyCase::Table)
                    .drop_column(AdvocacyCase::CloseReason)
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Referral::Table)
                    .drop_column(Referral::WithdrawalReason)
                    .take(),
            )
            .await
    }
}
