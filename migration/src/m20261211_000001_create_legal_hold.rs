//! Issue 22 (legal hold): while a child's record is held, neither the retention job nor an erasure
//! touches anything about the child. A hold is set and lifted by an admin, each with a reason; a
//! lifted hold stays as a row, so the record of holds is itself kept.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum LegalHold {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    Reason,
    SetBy,
    SetAt,
    LiftedBy,
    LiftedAt,
    LiftReason,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
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
        let t = LegalHold::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(LegalHold::Id))
                    .col(integer(LegalHold::LocalAuthorityId))
                    .col(integer(LegalHold::ChildId))
                    .col(text(LegalHold::Reason))
                    .col(integer(LegalHold::SetBy))
                    .col(timestamp_with_time_zone(LegalHold::SetAt))
                    .col(integer_null(LegalHold::LiftedBy))
                    .col(timestamp_with_time_zone_null(LegalHold::LiftedAt))
                    .col(text_null(LegalHold::LiftReason))
                    .col(created_now(
                        LegalHold::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, LegalHold::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, LegalHold::SetBy, StaffUser::Table))
                    .foreign_key(&mut tenant_fk(t, LegalHold::LiftedBy, StaffUser::Table))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (LegalHold::ChildId, LegalHold::LiftedAt)).take())
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(LegalHold::Table)).await
    }
}
