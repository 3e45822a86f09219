//! A request for an advocate for one child for one meeting (a new referral for every meeting).
use sea_orm::entity::prelude::*;

use crate::enums::{ParentalAgreement, ReferralSource, ReferralStatus};

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "referral")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    /// None until the coordinator links a self-referral to a child.
    pub child_id: Option<i32>,
    /// None until the coordinator links a self-referral to a meeting.
    pub meeting_id: Option<i32>,
    pub source: ReferralSource,
    /// The referring member of staff; a self-referral has `self_referral_contact` instead.
    pub referrer_id: Option<i32>,
    /// Who asked and how to reach them.
    #[sea_orm(column_type = "Text", nullable)]
    pub self_referral_contact: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub reason: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub how_to_contact_child: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub lives_with: Option<String>,
    /// Anything the advocate must know to visit safely.
    #[sea_orm(column_type = "Text", nullable)]
    pub visit_risks: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub communication_needs: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub other_information: Option<String>,
    pub parental_agreement: ParentalAgreement,
    pub status: ReferralStatus,
    /// Required when the referral is declined (a CHECK enforces it).
    #[sea_orm(column_type = "Text", nullable)]
    pub decline_reason: Option<String>,
    /// Why the referral was withdrawn (by the referrer, or the coordinator for the child or family).
    #[sea_orm(column_type = "Text", nullable)]
    pub withdrawal_reason: Option<String>,
    pub received_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
    #[sea_orm(belongs_to, from = "child_id", to = "id")]
    pub child: BelongsTo<Option<super::child::Entity>>,
    #[sea_orm(belongs_to, from = "meeting_id", to = "id")]
    pub meeting: BelongsTo<Option<super::meeting::Entity>>,
    #[sea_orm(belongs_to, from = "referrer_id", to = "id")]
    pub referrer: BelongsTo<Option<super::staff_user::Entity>>,
}

impl ActiveModelBehavior for ActiveModel {}
