//! What a form held when a page without JavaScript sent it back to be put right (the referral's
//! "Check" step, a message that needs another look), kept here so it never travels in an address.
//! Keyed by a digest of the browser's opaque key and the form; kept an hour at most. Not
//! tenant-owned: a draft belongs to a browser, and an anonymous one to nobody.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{drop, index};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum FormDraft {
    Table,
    KeyDigest,
    Form,
    Body,
    ExpiresAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = FormDraft::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    // SHA-256 hex of the key in the browser's cookie.
                    .col(text(FormDraft::KeyDigest))
                    .col(text(FormDraft::Form))
                    // The form's fields as JSON.
                    .col(text(FormDraft::Body))
                    .col(timestamp_with_time_zone(FormDraft::ExpiresAt))
                    .primary_key(
                        Index::create()
                            .col(FormDraft::KeyDigest)
                            .col(FormDraft::Form),
                    )
                    .take(),
            )
            .await?;
        // Expired drafts are pruned by age.
        manager.create_index(index(t, FormDraft::ExpiresAt)).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(FormDraft::Table)).await
    }
}
