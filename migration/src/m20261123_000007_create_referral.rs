//! Advocacy referrals: one per child per meeting, from a social worker or the child/family.
use sea_orm_migration::{prelude::*, schema::*};

use crate::common::{
    check, created_now, drop, index, one_of, tenant_fk, tenant_key, tenant_owner, unique,
};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Referral {
    Table,
    Id,
    LocalAuthorityId,
    ChildId,
    MeetingId,
    Source,
    ReferrerId,
    SelfReferralContact,
    Reason,
    HowToContactChild,
    LivesWith,
    VisitRisks,
    CommunicationNeeds,
    OtherInformation,
    ParentalAgreement,
    Status,
    DeclineReason,
    ReceivedAt,
    CreatedAt,
}

#[derive(Clone, Copy, DeriveIden)]
enum Child {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum Meeting {
    Table,
}

#[derive(Clone, Copy, DeriveIden)]
enum StaffUser {
    Table,
}

const SOURCES: &[&str] = &["social_worker", "self_referral"];
const AGREEMENTS: &[&str] = &["given", "refused", "pending", "not_required_looked_after"];
const STATUSES: &[&str] = &[
    "received",
    "pending_consent",
    "accepted",
    "declined",
    "withdrawn",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    fn use_transaction(&self) -> Option<bool> {
        Some(true)
    }

    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let t = Referral::Table;
        manager
            .create_table(
                Table::create()
                    .table(t)
                    .col(pk_auto(Referral::Id))
                    .col(integer(Referral::LocalAuthorityId))
                    // Both may wait for the coordinator to link a self-referral.
                    .col(integer_null(Referral::ChildId))
                    .col(integer_null(Referral::MeetingId))
                    .col(string_len(Referral::Source, 40))
                    .col(integer_null(Referral::ReferrerId))
                    .col(text_null(Referral::SelfReferralContact))
                    .col(text_null(Referral::Reason))
                    .col(text_null(Referral::HowToContactChild))
                    .col(text_null(Referral::LivesWith))
                    .col(text_null(Referral::VisitRisks))
                    .col(text_null(Referral::CommunicationNeeds))
                    .col(text_null(Referral::OtherInformation))
                    .col(string_len(Referral::ParentalAgreement, 40))
                    .col(string_len(Referral::Status, 40))
                    .col(text_null(Referral::DeclineReason))
                    .col(timestamp_with_time_zone(Referral::ReceivedAt))
                    .col(created_now(
                        Referral::CreatedAt,
                        manager.get_database_backend(),
                    ))
                    .foreign_key(&mut tenant_owner(t))
                    .foreign_key(&mut tenant_fk(t, Referral::ChildId, Child::Table))
                    .foreign_key(&mut tenant_fk(t, Referral::MeetingId, Meeting::Table))
                    .foreign_key(&mut tenant_fk(t, Referral::ReferrerId, StaffUser::Table))
                    .index(&mut tenant_key(t))
                    // A new referral for every meeting, and only one.
                    .index(&mut unique(t, (Referral::ChildId, Referral::MeetingId)))
                    .check(one_of(t, Referral::Source, SOURCES))
                    .check(one_of(t, Referral::ParentalAgreement, AGREEMENTS))
                    .check(one_of(t, Referral::Status, STATUSES))
                    // Someone must be reachable about the referral.
                    .check(check(
                        t,
                        "has_referrer",
                        Expr::col(Referral::ReferrerId)
                            .is_not_null()
                            .or(Expr::col(Referral::SelfReferralContact).is_not_null()),
                    ))
                    // A decline is always explained.
                    .check(check(
                        t,
                        "decline_has_reason",
                        Expr::col(Referral::Status)
                            .ne("declined")
                            .or(Expr::col(Referral::DeclineReason).is_not_null()),
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_index(index(
                t,
                (
                    Referral::LocalAuthorityId,
                    Referral::Status,
                    Referral::ReceivedAt,
                ),
            ))
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.drop_table(drop(Referral::Table)).await
    }
}
