//! Staff accounts. Agency users belong to an agency of the same local authority.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{
    check, created_now, drop, index, one_of, tenant_fk, tenant_key, tenant_owner, unique,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
    Id,
    LocalAuthorityId,
    Name,
    Email,
    Role,
    PasswordHash,
    Active,
    AgencyId,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Agency {
    Table,
}

const ROLES: &[&str] = &[
    "advocate",
    "social_worker",
    "isro",
    "coordinator",
    "agency",
    "admin",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = StaffUser::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(StaffUser::Id))
                    .col(integer(StaffUser::LocalAuthorityId))
                    .col(string(StaffUser::Name))
                    .col(string(StaffUser::Email))
                    .col(string_len(StaffUser::Role, 40))
                    .col(text(StaffUser::PasswordHash))
                    .col(boolean(StaffUser::Active).default(true))
                    .col(integer_null(StaffUser::AgencyId))
                    .col(created_now(
                        StaffUser::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, StaffUser::AgencyId, Agency::Table))
                    .index(&mut tenant_key(t))
                    .index(&mut unique(
                        t,
                        (StaffUser::LocalAuthorityId, StaffUser::Email),
                    ))
                    .check(one_of(t, StaffUser::Role, ROLES))
                    // Only agency users may belong to an agency (an agency user without one is
                    // allowed for now, while agencies are being set up).
                    .check(check(
                        t,
                        "agency_only_for_agency_role",
                        Expr::col(StaffUser::AgencyId)
                            .is_null()
                            .or(Expr::col(StaffUser::Role).eq("agency")),
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (StaffUser::LocalAuthorityId, StaffUser::Role)))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(StaffUser::Table)).await
    }
}
