//! Partner agencies that receive conference outcomes.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, one_of, tenant_key, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Agency {
    Table,
    Id,
    LocalAuthorityId,
    Name,
    Kind,
    ContactEmail,
    CreatedAt,
}

const KINDS: &[&str] = &[
    "police",
    "health",
    "education",
    "gp",
    "housing",
    "probation",
    "other",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = Agency::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(Agency::Id))
                    .col(integer(Agency::LocalAuthorityId))
                    .col(string(Agency::Name))
                    .col(string_len(Agency::Kind, 40))
                    .col(string_null(Agency::ContactEmail))
                    .col(created_now(
                        Agency::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .index(&mut tenant_key(t))
                    .index(&mut unique(t, (Agency::LocalAuthorityId, Agency::Name)))
                    .check(one_of(t, Agency::Kind, KINDS))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(Agency::Table)).await
    }
}
