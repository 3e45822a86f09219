//! The tenant table: one row per local authority (council).
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum LocalAuthority {
    Table,
    Id,
    Name,
    Slug,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = LocalAuthority::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(LocalAuthority::Id))
                    .col(string(LocalAuthority::Name))
                    .col(string(LocalAuthority::Slug))
                    .col(created_now(
                        LocalAuthority::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .index(&mut unique(t, LocalAuthority::Name))
                    .index(&mut unique(t, LocalAuthority::Slug))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(LocalAuthority::Table)).await
    }
}
