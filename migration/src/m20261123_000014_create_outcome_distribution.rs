//! Conference outcomes sent to each agency, and their acknowledgement.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum OutcomeDistribution {
    Table,
    Id,
    LocalAuthorityId,
    MeetingId,
    AgencyId,
    SentBy,
    SentAt,
    AcknowledgedAt,
    AcknowledgedBy,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Agency {
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
        use OutcomeDistribution as O;
        let t = O::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(O::Id))
                    .col(integer(O::LocalAuthorityId))
                    .col(integer(O::MeetingId))
                    .col(integer(O::AgencyId))
                    .col(integer(O::SentBy))
                    .col(timestamp_with_time_zone(O::SentAt))
                    .col(timestamp_with_time_zone_null(O::AcknowledgedAt))
                    .col(integer_null(O::AcknowledgedBy))
                    .col(created_now(O::CreatedAt, manager.get_database_backend()))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, O::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(t, O::AgencyId, Agency::Table))
                    .foreign_key(&mut tenant_fk(t, O::SentBy, StaffUser::Table))
                    .foreign_key(&mut tenant_fk(t, O::AcknowledgedBy, StaffUser::Table))
                    .index(&mut unique(t, (O::MeetingId, O::AgencyId)))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(OutcomeDistribution::Table)).await
    }
}
