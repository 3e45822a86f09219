//! Frozen copies of each version of a child's views.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{check, created_now, drop, one_of, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ViewsVersion {
    Table,
    Id,
    LocalAuthorityId,
    ViewsId,
    Version,
    Snapshot,
    Status,
    SubmittedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Views {
    Table,
}

const STATUSES: &[&str] = &["draft", "submitted", "shared"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = ViewsVersion::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ViewsVersion::Id))
                    .col(integer(ViewsVersion::LocalAuthorityId))
                    .col(integer(ViewsVersion::ViewsId))
                    .col(integer(ViewsVersion::Version))
                    .col(json_binary(ViewsVersion::Snapshot))
                    .col(string_len(ViewsVersion::Status, 40))
                    .col(timestamp_with_time_zone_null(ViewsVersion::SubmittedAt))
                    .col(created_now(
                        ViewsVersion::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ViewsVersion::ViewsId, Views::Table))
                    .index(&mut unique(
                        t,
                        (ViewsVersion::ViewsId, ViewsVersion::Version),
                    ))
                    .check(one_of(t, ViewsVersion::Status, STATUSES))
                    .check(check(
                        t,
                        "version_at_least_one",
                        Expr::col(ViewsVersion::Version).gte(1),
                    ))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ViewsVersion::Table)).await
    }
}
