//! What callers send to make a referral or ask for an advocate, and its parsing into the service's
//! inputs (text checked once, here).
use async_graphql::{ID, InputObject};
use chrono::NaiveDate;

use super::Details;
use super::types::ParentalAgreement;
use crate::meetings::kinds::MeetingKind;
use crate::text::{self, LONG};

/// A referral for an advocate for one child for one meeting.
#[derive(InputObject)]
pub struct CreateReferralInput {
    /// The child to refer (aged 4 or over on the day of the meeting).
    pub child_id: ID,
    /// The meeting the advocacy is for: still to come and about this child. A new meeting needs a
    /// new referral.
    pub meeting_id: ID,
    /// Why the child needs an advocate.
    pub reason: Option<String>,
    /// How the advocate can contact the child (for example through a carer, at school).
    pub how_to_contact_child: Option<String>,
    /// The child's communication needs, or "none".
    pub communication_needs: Option<String>,
    /// Who the child lives with.
    pub lives_with: Option<String>,
    /// Risks the advocate must know about to visit safely, or "none known".
    pub visit_risks: Option<String>,
    /// Anything else the advocate should know.
    pub other_information: Option<String>,
    /// Parental agreement. Anything but GIVEN leaves the referral PENDING_CONSENT, unless the child
    /// is looked after; NOT_REQUIRED_LOOKED_AFTER is only valid for a looked-after child.
    pub parental_agreement: ParentalAgreement,
    /// Case-management systems only: the social worker the referral is made for.
    pub referrer_id: Option<ID>,
}

/// A child or family asking for an advocate.
#[derive(InputObject)]
pub struct SelfReferralInput {
    /// Your council's short name, for example "demo".
    pub local_authority: String,
    /// Your name.
    pub name: String,
    /// How we can get in touch with you: a phone number or an e-mail address.
    pub contact: String,
    /// What you would like help with.
    pub about: String,
    /// The kind of meeting, if you know it.
    pub meeting_kind: Option<MeetingKind>,
    /// The day of the meeting, if you know it.
    pub meeting_date: Option<NaiveDate>,
}

pub(super) fn details(input: &CreateReferralInput) -> async_graphql::Result<Details> {
    Ok(Details {
        reason: text::optional("reason", input.reason.as_deref(), LONG)?,
        how_to_contact_child: text::optional(
            "howToContactChild",
            input.how_to_contact_child.as_deref(),
            LONG,
        )?,
        communication_needs: text::optional(
            "communicationNeeds",
            input.communication_needs.as_deref(),
            LONG,
        )?,
        lives_with: text::optional("livesWith", input.lives_with.as_deref(), LONG)?,
        visit_risks: text::optional("visitRisks", input.visit_risks.as_deref(), LONG)?,
        other_information: text::optional(
            "otherInformation",
            input.other_information.as_deref(),
            LONG,
        )?,
    })
}
