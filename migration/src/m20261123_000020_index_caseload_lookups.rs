//! Indexes the advocate's caseload needs once an authority is large: an advocate's open cases
//! without reading every case of the authority (the tenant key was chosen before), and a child's
//! unacknowledged requests for help without reading them all.
use sea_orm_migration::prelude::*;

use crate::common::index;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum AdvocacyCase {
    Table,
    LocalAuthorityId,
    AdvocateId,
    Status,
}

#[derive(Clone, Copy, DeriveIden)]
enum UrgentHelp {
    Table,
    ChildId,
    AcknowledgedAt,
}

const CASES: &str = "idx_advocacy_case_local_authority_id_advocate_id_status";
const URGENT: &str = "idx_urgent_help_child_id_acknowledged_at";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use AdvocacyCase as C;
        manager
            .create_index(index(
                C::Table,
                (C::LocalAuthorityId, C::AdvocateId, C::Status),
            ))
            .await?;
        manager
            .create_index(index(
                UrgentHelp::Table,
                (UrgentHelp::ChildId, UrgentHelp::AcknowledgedAt),
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name(URGENT)
                    .table(UrgentHelp::Table)
                    .to_owned(),
            )
            .await?;
        manager
            .drop_index(
                Index::drop()
                    .name(CASES)
                    .table(AdvocacyCase::Table)
                    .to_owned(),
            )
            .await
    }
}
