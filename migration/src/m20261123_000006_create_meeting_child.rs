//! Which children each meeting is about.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum MeetingChild {
    Table,
    MeetingId,
    ChildId,
    LocalAuthorityId,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = MeetingChild::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(integer(MeetingChild::MeetingId))
                    .col(integer(MeetingChild::ChildId))
                    .col(integer(MeetingChild::LocalAuthorityId))
                    .col(created_now(
                        MeetingChild::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .primary_key(
                        Index::create()
                            .col(MeetingChild::MeetingId)
                            .col(MeetingChild::ChildId),
                    )
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, MeetingChild::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(t, MeetingChild::ChildId, Child::Table))
                    .take(),
            )
            .await?;
        manager.create_index(index(t, MeetingChild::ChildId)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(MeetingChild::Table)).await
    }
}
