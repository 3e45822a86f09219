//! Advocates' working notes on a piece of advocacy.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, tenant_fk, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum AdvocateNote {
    Table,
    Id,
    LocalAuthorityId,
    CaseId,
    AuthorId,
    Body,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum AdvocacyCase {
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
        let t = AdvocateNote::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(AdvocateNote::Id))
                    .col(integer(AdvocateNote::LocalAuthorityId))
                    .col(integer(AdvocateNote::CaseId))
                    .col(integer(AdvocateNote::AuthorId))
                    .col(text(AdvocateNote::Body))
                    .col(created_now(
                        AdvocateNote::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, AdvocateNote::CaseId, AdvocacyCase::Table))
                    .foreign_key(&mut tenant_fk(t, AdvocateNote::AuthorId, StaffUser::Table))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(AdvocateNote::Table)).await
    }
}
