//! Nobody has to sign in to find out (issue 19): a transactional outbox of notices, written in the
//! same transaction as the change, and delivered by a worker (e-mail to staff, signed webhooks to
//! integrators). One row per notice and recipient; its `dedupe_key` is unique, so the same event
//! can never reach the same recipient twice. Also: the webhook endpoints integrators register, the
//! authority's duty contacts for urgent help, and when urgent help was escalated or an outcome
//! chased (both set once, by whichever instance gets there first).
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{created_now, drop, index, one_of, tenant_owner, unique};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Notice {
    Table,
    Id,
    LocalAuthorityId,
    Topic,
    Channel,
    Recipient,
    DedupeKey,
    Link,
    Payload,
    DueAt,
    Attempts,
    ClaimedUntil,
    ClaimedBy,
    DeliveredAt,
    FailedAt,
    LastError,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum WebhookEndpoint {
    Table,
    Id,
    LocalAuthorityId,
    Url,
    Secret,
    Active,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum DutyContact {
    Table,
    Id,
    LocalAuthorityId,
    Name,
    Email,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum UrgentHelp {
    Table,
    EscalatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum OutcomeDistribution {
    Table,
    ChasedAt,
}

const TOPICS: &[&str] = &[
    "referral_received",
    "case_allocated",
    "urgent_help_raised",
    "urgent_help_escalated",
    "views_shared",
    "outcome_sent",
    "outcome_chase",
    "meeting_moved",
    "meeting_cancelled",
];
const CHANNELS: &[&str] = &["email", "webhook"];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let backend = manager.get_database_backend();
        let t = Notice::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(Notice::Id))
                    .col(integer(Notice::LocalAuthorityId))
                    .col(string_len(Notice::Topic, 40))
                    .col(string_len(Notice::Channel, 20))
                    // An e-mail address, or a webhook endpoint's id.
                    .col(text(Notice::Recipient))
                    .col(text(Notice::DedupeKey))
                    // Where to look, relative to the public address: never a child's words or name.
                    .col(text(Notice::Link))
                    // The webhook body's `data` (opaque ids only), as JSON text.
                    .col(text(Notice::Payload))
                    .col(timestamp_with_time_zone(Notice::DueAt))
                    .col(integer(Notice::Attempts).default(0))
                    // A worker holds a notice while it sends it; after this anyone may take it again.
                    .col(timestamp_with_time_zone_null(Notice::ClaimedUntil))
                    .col(text_null(Notice::ClaimedBy))
                    .col(timestamp_with_time_zone_null(Notice::DeliveredAt))
                    // Given up after the last retry; kept with its last error for the delivery log.
                    .col(timestamp_with_time_zone_null(Notice::FailedAt))
                    .col(text_null(Notice::LastError))
                    .col(created_now(Notice::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(t))
                    .check(one_of(t, Notice::Topic, TOPICS))
                    .check(one_of(t, Notice::Channel, CHANNELS))
                    .index(&mut unique(t, Notice::DedupeKey))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(t, (Notice::DeliveredAt, Notice::DueAt)))
            .await?;
        manager
            .create_index(index(t, (Notice::LocalAuthorityId, Notice::CreatedAt)))
            .await?;

        let w = WebhookEndpoint::Table;
        manager
            .create_table(
                Table::create()
                    .table(w)
                    .col(pk_auto(WebhookEndpoint::Id))
                    .col(integer(WebhookEndpoint::LocalAuthorityId))
                    .col(text(WebhookEndpoint::Url))
                    // The shared HMAC key; shown to the integrator once, when the endpoint is added.
                    .col(text(WebhookEndpoint::Secret))
                    .col(boolean(WebhookEndpoint::Active).default(true))
                    .col(created_now(WebhookEndpoint::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(w))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(w, WebhookEndpoint::LocalAuthorityId))
            .await?;

        let d = DutyContact::Table;
        manager
            .create_table(
                Table::create()
                    .table(d)
                    .col(pk_auto(DutyContact::Id))
                    .col(integer(DutyContact::LocalAuthorityId))
                    .col(text(DutyContact::Name))
                    .col(text(DutyContact::Email))
                    .col(created_now(DutyContact::CreatedAt, backend))
                    .foreign_key(&mut tenant_owner(d))
                    .index(&mut unique(
                        d,
                        (DutyContact::LocalAuthorityId, DutyContact::Email),
                    ))
                    .take(),
            )
            .await?;

        manager
            .alter_table(
                Table::alter()
                    .table(UrgentHelp::Table)
                    .add_column(timestamp_with_time_zone_null(UrgentHelp::EscalatedAt))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(OutcomeDistribution::Table)
                    .add_column(timestamp_with_time_zone_null(OutcomeDistribution::ChasedAt))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(OutcomeDistribution::Table)
                    .drop_column(OutcomeDistribution::ChasedAt)
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(UrgentHelp::Table)
                    .drop_column(UrgentHelp::EscalatedAt)
                    .take(),
            )
            .await?;
        manager.drop_table(drop(DutyContact::Table)).await?;
        manager.drop_table(drop(WebhookEndpoint::Table)).await?;
        manager.drop_table(drop(Notice::Table)).await
    }
}
