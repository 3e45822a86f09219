//! A child's access codes and PINs, stored only as a digest and a hash.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ChildAccess {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    CaseId,
    CodeDigest,
    PinHash,
    ExpiresAt,
    FailedAttempts,
    LockedUntil,
    RevokedAt,
    CreatedBy,
    LastUsedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
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
        let t = ChildAccess::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ChildAccess::Id))
                    .col(integer(ChildAccess::LocalAuthorityId))
                    .col(integer(ChildAccess::ChildId))
                    .col(integer_null(ChildAccess::CaseId))
                    .col(text(ChildAccess::CodeDigest))
                    .col(text(ChildAccess::PinHash))
                    .col(timestamp_with_time_zone(ChildAccess::ExpiresAt))
                    .col(integer(ChildAccess::FailedAttempts).default(0))
                    .col(timestamp_with_time_zone_null(ChildAccess::LockedUntil))
                    .col(timestamp_with_time_zone_null(ChildAccess::RevokedAt))
                    .col(integer_null(ChildAccess::CreatedBy))
                    .col(timestamp_with_time_zone_null(ChildAccess::LastUsedAt))
                    .col(created_now(
                        ChildAccess::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ChildAccess::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, ChildAccess::CaseId, AdvocacyCase::Table))
                    .foreign_key(&mut tenant_fk(t, ChildAccess::CreatedBy, StaffUser::Table))
                    // Sign-in finds the code by its digest alone, before the tenant is known.
                    .index(&mut unique(t, ChildAccess::CodeDigest))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ChildAccess::Table)).await
    }
}
