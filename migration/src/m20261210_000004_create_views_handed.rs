//! Issue 20 (honest consent): the child may agree that their family, or everyone at the meeting, sees
//! their views. Nothing is sent to them; the advocate hands them the printed statement, and records
//! it here with the day, so the child can see that their views really went there.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, one_of, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ViewsHanded {
    Table,
    Id,
    LocalAuthorityId,
    ViewsId,
    Version,
    Audience,
    GivenOn,
    RecordedBy,
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

/// Only the audiences served by hand: the social worker and the chair receive a share instead.
const BY_HAND: &[&str] = &["family", "meeting"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = ViewsHanded::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(ViewsHanded::Id))
                    .col(integer(ViewsHanded::LocalAuthorityId))
                    .col(integer(ViewsHanded::ViewsId))
                    .col(integer(ViewsHanded::Version))
                    .col(string_len(ViewsHanded::Audience, 40))
                    .col(date(ViewsHanded::GivenOn))
                    .col(integer(ViewsHanded::RecordedBy))
                    .col(created_now(
                        ViewsHanded::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, ViewsHanded::ViewsId, Views::Table))
                    .foreign_key(&mut tenant_fk(t, ViewsHanded::RecordedBy, StaffUser::Table))
                    // One record per version and audience: a second click records nothing new.
                    .index(&mut unique(
                        t,
                        (
                            ViewsHanded::ViewsId,
                            ViewsHanded::Version,
                            ViewsHanded::Audience,
                        ),
                    ))
                    .check(one_of(t, ViewsHanded::Audience, BY_HAND))
                    .take(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ViewsHanded::Table)).await
    }
}
