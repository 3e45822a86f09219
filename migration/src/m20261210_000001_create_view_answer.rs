//! Issue 20: "You said → we decided". The chair's answer to each point the child made in views shared
//! with them, in child words, written with the meeting record. `said` keeps the child's words as
//! answered, so the record still reads true when the child sends a new version later.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{check, created_now, drop, index, one_of, tenant_fk, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum ViewAnswer {
    Table,
    Id,
    LocalAuthorityId,
    ViewsId,
    MeetingId,
    ChildId,
    Part,
    ItemIndex,
    Said,
    Kind,
    Words,
    AnsweredBy,
    AnsweredAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Views {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

const PARTS: &[&str] = &["worries", "going_well", "want_to_happen", "free_words"];
const KINDS: &[&str] = &[
    "agreed",
    "not_this_time",
    "talk_about_later",
    "advocate_will_explain",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        use ViewAnswer as A;
        let t = A::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(A::Id))
                    .col(integer(A::LocalAuthorityId))
                    .col(integer(A::ViewsId))
                    .col(integer(A::MeetingId))
                    .col(integer(A::ChildId))
                    .col(string_len(A::Part, 40))
                    .col(integer(A::ItemIndex))
                    .col(text(A::Said))
                    .col(string_len(A::Kind, 40))
                    // Absent only when the advocate will explain.
                    .col(text_null(A::Words))
                    .col(integer(A::AnsweredBy))
                    .col(timestamp_with_time_zone(A::AnsweredAt))
                    .col(created_now(A::CreatedAt, manager.get_database_backend()))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, A::ViewsId, Views::Table))
                    .foreign_key(&mut tenant_fk(t, A::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(t, A::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, A::AnsweredBy, StaffUser::Table))
                    .index(&mut unique(t, (A::ViewsId, A::Part, A::ItemIndex)))
                    .check(one_of(t, A::Part, PARTS))
                    .check(one_of(t, A::Kind, KINDS))
                    .check(check(t, "item_index", Expr::col(A::ItemIndex).gte(0)))
                    .take(),
            )
            .await?;
        // The child reads their answers by meeting; the oversight counts them by meeting.
        manager
            .create_index(index(t, (A::MeetingId, A::ChildId)))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(ViewAnswer::Table)).await
    }
}
