//! Each version of a child's views sent to each person, and when they read it.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, one_of, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ViewsShare {
    Table,
    Id,
    LocalAuthorityId,
    ViewsId,
    Version,
    RecipientId,
    Audience,
    SharedBy,
    SharedAt,
    ReadAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Views {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

const AUDIENCES: &[&str] = &["social_worker", "chair", "family", "meeting"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = ViewsShare::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ViewsShare::Id))
                    .col(integer(ViewsShare::LocalAuthorityId))
                    .col(integer(ViewsShare::ViewsId))
                    .col(integer(ViewsShare::Version))
                    .col(integer(ViewsShare::RecipientId))
                    .col(string_len(ViewsShare::Audience, 40))
                    .col(integer(ViewsShare::SharedBy))
                    .col(timestamp_with_time_zone(ViewsShare::SharedAt))
                    .col(timestamp_with_time_zone_null(ViewsShare::ReadAt))
                    .col(created_now(
                        ViewsShare::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ViewsShare::ViewsId, Views::Table))
                    .foreign_key(&mut tenant_fk(t, ViewsShare::RecipientId, StaffUser::Table))
                    .foreign_key(&mut tenant_fk(t, ViewsShare::SharedBy, StaffUser::Table))
                    .index(&mut unique(
                        t,
                        (
                            ViewsShare::ViewsId,
                            ViewsShare::Version,
                            ViewsShare::RecipientId,
                        ),
                    ))
                    .check(one_of(t, ViewsShare::Audience, AUDIENCES))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (ViewsShare::RecipientId, ViewsShare::ReadAt)))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ViewsShare::Table)).await
    }
}
