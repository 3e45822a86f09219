//! Pieces of advocacy: an accepted referral allocated to an advocate.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{
    created_now, drop, index, one_of, tenant_fk, tenant_key, tenant_owner, unique,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum AdvocacyCase {
    Table,
    Id,
    LocalAuthorityId,
    ReferralId,
    ChildId,
    MeetingId,
    AdvocateId,
    Status,
    AllocatedAt,
    ClosedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Referral {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

const STATUSES: &[&str] = &["allocated", "in_progress", "views_shared", "closed"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = AdvocacyCase::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(AdvocacyCase::Id))
                    .col(integer(AdvocacyCase::LocalAuthorityId))
                    .col(integer(AdvocacyCase::ReferralId))
                    .col(integer(AdvocacyCase::ChildId))
                    .col(integer(AdvocacyCase::MeetingId))
                    .col(integer(AdvocacyCase::AdvocateId))
                    .col(string_len(AdvocacyCase::Status, 40))
                    .col(timestamp_with_time_zone(AdvocacyCase::AllocatedAt))
                    .col(timestamp_with_time_zone_null(AdvocacyCase::ClosedAt))
                    .col(created_now(
                        AdvocacyCase::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, AdvocacyCase::ReferralId, Referral::Table))
                    .foreign_key(&mut tenant_fk(t, AdvocacyCase::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, AdvocacyCase::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(
                        t,
                        AdvocacyCase::AdvocateId,
                        StaffUser::Table,
                    ))
                    .index(&mut tenant_key(t))
                    .index(&mut unique(t, AdvocacyCase::ReferralId))
                    .check(one_of(t, AdvocacyCase::Status, STATUSES))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (AdvocacyCase::AdvocateId, AdvocacyCase::Status)))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(AdvocacyCase::Table)).await
    }
}
