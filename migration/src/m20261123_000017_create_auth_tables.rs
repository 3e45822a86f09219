//! Staff refresh tokens (rotated, reuse detected by family) and integrators' API keys; both only hashed.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum RefreshToken {
    Table,
    Id,
    LocalAuthorityId,
    StaffId,
    FamilyId,
    TokenDigest,
    ExpiresAt,
    UsedAt,
    RevokedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum ApiKey {
    Table,
    Id,
    LocalAuthorityId,
    Name,
    KeyPrefix,
    KeyDigest,
    Scopes,
    CreatedBy,
    RevokedAt,
    LastUsedAt,
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
        let t = RefreshToken::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(RefreshToken::Id))
                    .col(integer(RefreshToken::LocalAuthorityId))
                    .col(integer(RefreshToken::StaffId))
                    // All tokens descended from one sign-in; reuse of a spent one revokes them all.
                    .col(text(RefreshToken::FamilyId))
                    .col(text(RefreshToken::TokenDigest))
                    .col(timestamp_with_time_zone(RefreshToken::ExpiresAt))
                    .col(timestamp_with_time_zone_null(RefreshToken::UsedAt))
                    .col(timestamp_with_time_zone_null(RefreshToken::RevokedAt))
                    .col(created_now(RefreshToken::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, RefreshToken::StaffId, StaffUser::Table))
                    .index(&mut unique(t, RefreshToken::TokenDigest))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, RefreshToken::FamilyId))
            .await?;

        let k = ApiKey::Table;
        manager
            .create_table(
                Table::create()
                    .table(k)
                    .col(pk_auto(ApiKey::Id))
                    .col(integer(ApiKey::LocalAuthorityId))
                    .col(text(ApiKey::Name))
                    // The first characters, shown in lists so an admin can tell keys apart.
                    .col(text(ApiKey::KeyPrefix))
                    .col(text(ApiKey::KeyDigest))
                    // Space-separated scopes such as `read:meetings write:referrals`.
                    .col(text(ApiKey::Scopes))
                    .col(integer_null(ApiKey::CreatedBy))
                    .col(timestamp_with_time_zone_null(ApiKey::RevokedAt))
                    .col(timestamp_with_time_zone_null(ApiKey::LastUsedAt))
                    .col(created_now(ApiKey::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(k))
                    .foreign_key(&mut tenant_fk(k, ApiKey::CreatedBy, StaffUser::Table))
                    .index(&mut unique(k, ApiKey::KeyDigest))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ApiKey::Table)).await?;
        manager.drop_table(drop(RefreshToken::Table)).await
    }
}
