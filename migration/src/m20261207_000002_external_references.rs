//! Integrators keep children and meetings in step with their case-management system (issue 19,
//! item 3): each row may carry the integrator's own reference, unique within the local authority,
//! so sending the same record twice finds the same row. NULL for rows made in myvoice (both engines
//! allow any number of NULLs in a unique index).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    LocalAuthorityId,
    ExternalRef,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
    LocalAuthorityId,
    ExternalRef,
}

const CHILD_KEY: &str = "uq_child_local_authority_id_external_ref";
const MEETING_KEY: &str = "uq_meeting_local_authority_id_external_ref";

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
                    .add_column(text_null(Child::ExternalRef))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .add_column(text_null(Meeting::ExternalRef))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(CHILD_KEY)
                    .table(Child::Table)
                    .unique()
                    .col(Child::LocalAuthorityId)
                    .col(Child::ExternalRef)
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name(MEETING_KEY)
                    .table(Meeting::Table)
                    .unique()
                    .col(Meeting::LocalAuthorityId)
                    .col(Meeting::ExternalRef)
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for (name, table) in [
            (MEETING_KEY, Meeting::Table.into_iden()),
            (CHILD_KEY, Child::Table.into_iden()),
        ] {
            manager
                .drop_index(Index::drop().name(name).table(table).to_owned())
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(Meeting::Table)
                    .drop_column(Meeting::ExternalRef)
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Child::Table)
                    .drop_column(Child::ExternalRef)
                    .take(),
            )
            .await
    }
}
