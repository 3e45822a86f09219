//! Children and young people.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, tenant_fk, tenant_key, tenant_owner};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
    Id,
    LocalAuthorityId,
    PreferredName,
    DateOfBirth,
    LookedAfter,
    CommunicationNeeds,
    Language,
    LivesWith,
    SocialWorkerId,
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
        let t = Child::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(Child::Id))
                    .col(integer(Child::LocalAuthorityId))
                    .col(string(Child::PreferredName))
                    .col(date(Child::DateOfBirth))
                    .col(boolean(Child::LookedAfter))
                    .col(text_null(Child::CommunicationNeeds))
                    .col(text(Child::Language).default("en"))
                    .col(text_null(Child::LivesWith))
                    .col(integer_null(Child::SocialWorkerId))
                    .col(created_now(
                        Child::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, Child::SocialWorkerId, StaffUser::Table))
                    .index(&mut tenant_key(t))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (Child::LocalAuthorityId, Child::SocialWorkerId)))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(Child::Table)).await
    }
}
