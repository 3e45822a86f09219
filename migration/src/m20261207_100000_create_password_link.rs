//! One-time links to set a member of staff's password: the first admin's, made by
//! `myvoice authority create`, and any later one an admin issues. Only a digest of the token is
//! kept, so a copy of the database cannot be used to take over an account.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum PasswordLink {
    Table,
    Id,
    LocalAuthorityId,
    StaffId,
    TokenDigest,
    ExpiresAt,
    UsedAt,
    CreatedAt,
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
        let backend = manager.get_database_backend();
        let t = PasswordLink::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(PasswordLink::Id))
                    .col(integer(PasswordLink::LocalAuthorityId))
                    .col(integer(PasswordLink::StaffId))
                    // SHA-256 hex of the token in the link.
                    .col(text(PasswordLink::TokenDigest))
                    .col(timestamp_with_time_zone(PasswordLink::ExpiresAt))
                    // Set when the link is spent (or replaced by a newer one): it never works again.
                    .col(timestamp_with_time_zone_null(PasswordLink::UsedAt))
                    .col(created_now(PasswordLink::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, PasswordLink::StaffId, StaffUser::Table))
                    .index(&mut unique(t, PasswordLink::TokenDigest))
                    .take(),
            )
            .await?;
        // Issuing a new link spends the person's earlier ones.
        manager.create_index(index(t, PasswordLink::StaffId)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(PasswordLink::Table)).await
    }
}
