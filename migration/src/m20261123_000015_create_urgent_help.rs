//! "I need help now" requests from children, until staff acknowledge them.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum UrgentHelp {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    CaseId,
    Message,
    RaisedAt,
    AcknowledgedAt,
    AcknowledgedBy,
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
        let t = UrgentHelp::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(UrgentHelp::Id))
                    .col(integer(UrgentHelp::LocalAuthorityId))
                    .col(integer(UrgentHelp::ChildId))
                    .col(integer_null(UrgentHelp::CaseId))
                    .col(text_null(UrgentHelp::Message))
                    .col(timestamp_with_time_zone(UrgentHelp::RaisedAt))
                    .col(timestamp_with_time_zone_null(UrgentHelp::AcknowledgedAt))
                    .col(integer_null(UrgentHelp::AcknowledgedBy))
                    .col(created_now(
                        UrgentHelp::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, UrgentHelp::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, UrgentHelp::CaseId, AdvocacyCase::Table))
                    .foreign_key(&mut tenant_fk(
                        t,
                        UrgentHelp::AcknowledgedBy,
                        StaffUser::Table,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                t,
                (UrgentHelp::LocalAuthorityId, UrgentHelp::AcknowledgedAt),
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(UrgentHelp::Table)).await
    }
}
