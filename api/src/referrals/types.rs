//! What GraphQL shows of a referral: the information for the advocate, how complete it is, the lead
//! time, and whether an advocate is allocated. Never anything of the child's views.
use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{enums, referral};

use super::completeness::{self, Item};
use super::lead_time;
use super::related::Lookup;
use crate::cases::graphql::{CaseChild, CaseMeeting};
use crate::error::ApiResult;
use crate::graphql::ids::NodeKind;

/// Where a referral is in the coordinator's hands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ReferralStatus")]
pub enum ReferralStatus {
    /// Arrived; the coordinator has not acted on it yet.
    Received,
    /// Waiting for parental agreement before it can be accepted (`recordParentalAgreement`).
    PendingConsent,
    /// Accepted; an advocate will be allocated.
    Accepted,
    /// Not taken on; the reason is recorded. The coordinator can reopen it (`reopenReferral`).
    Declined,
    /// Withdrawn by the referrer, the child or the family, with the reason. The coordinator can
    /// reopen it (`reopenReferral`, or `reopenCase` once an advocate was allocated).
    Withdrawn,
}

/// Parental agreement to the advocacy referral.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ParentalAgreement")]
pub enum ParentalAgreement {
    /// Parents or carers agreed to the referral.
    Given,
    /// Parents or carers did not agree: the referral waits in PENDING_CONSENT.
    Refused,
    /// Not asked yet, or no answer yet: the referral waits in PENDING_CONSENT.
    Pending,
    /// Not needed: the child is looked after by the local authority (only valid for such a child).
    NotRequiredLookedAfter,
}

/// Who asked for an advocate.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ReferralSource")]
pub enum ReferralSource {
    /// Referred by the child's social worker (or their case-management system).
    SocialWorker,
    /// The child or family asked the advocacy service themselves.
    SelfReferral,
}

/// A piece of information an advocate needs from a referral.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReferralInformation {
    /// Why the child needs an advocate.
    Reason,
    /// The kind of meeting and when it is.
    MeetingKindAndDate,
    /// How the advocate can contact the child.
    HowToContactChild,
    /// The child's communication needs (or that there are none).
    CommunicationNeeds,
    /// Who the child lives with.
    LivesWith,
    /// Risks the advocate must know about to visit safely (or that none are known).
    VisitRisks,
    /// Parental agreement given, or not needed because the child is looked after.
    ParentalAgreement,
}

impl From<Item> for ReferralInformation {
    fn from(item: Item) -> Self {
        match item {
            Item::Reason => Self::Reason,
            Item::MeetingKindAndDate => Self::MeetingKindAndDate,
            Item::HowToContactChild => Self::HowToContactChild,
            Item::CommunicationNeeds => Self::CommunicationNeeds,
            Item::LivesWith => Self::LivesWith,
            Item::VisitRisks => Self::VisitRisks,
            Item::ParentalAgreement => Self::ParentalAgreement,
        }
    }
}

/// Something the referral does not say yet.
#[derive(SimpleObject)]
pub struct MissingItem {
    /// Which piece of information is missing.
    pub item: ReferralInformation,
    /// How staff read it, e.g. "Who the child lives with".
    pub label: String,
}

/// How complete a referral is for the advocate's work.
#[derive(SimpleObject)]
pub struct ReferralCompleteness {
    /// Share of the needed information present, 0 to 100.
    pub score: i32,
    /// What is still missing, in a fixed order; empty when complete.
    pub missing: Vec<MissingItem>,
}

/// Working days between receiving the referral and the meeting.
#[derive(SimpleObject)]
pub struct LeadTime {
    /// Working days (Monday to Friday, not bank holidays in England and Wales) from the day the
    /// referral was received to the meeting.
    pub working_days: i32,
    /// Under the minimum the advocate needs for the child to be able to attend.
    pub too_short_for_child_to_attend: bool,
    /// What to tell staff when the lead time is too short; null otherwise.
    pub warning: Option<String>,
}

impl From<completeness::Completeness> for ReferralCompleteness {
    fn from(result: completeness::Completeness) -> Self {
        Self {
            score: i32::from(result.score),
            missing: result
                .missing
                .into_iter()
                .map(|item| MissingItem {
                    item: item.into(),
                    label: item.label().to_owned(),
                })
                .collect(),
        }
    }
}

impl From<lead_time::LeadTime> for LeadTime {
    fn from(lead: lead_time::LeadTime) -> Self {
        Self {
            working_days: i32::try_from(lead.working_days).unwrap_or(i32::MAX),
            too_short_for_child_to_attend: lead.too_short_for_child_to_attend,
            warning: lead.warning(),
        }
    }
}

/// Something that would stop a referral draft being made as it stands.
#[derive(SimpleObject)]
pub struct ReferralProblem {
    /// The input field it is about, as `CreateReferralInput` names it (e.g. `parentalAgreement`).
    pub field: String,
    /// What is wrong and what to do, in staff words.
    pub message: String,
}

/// A referral draft checked before it is sent (nothing is saved).
#[derive(SimpleObject)]
pub struct ReferralAssessment {
    /// How complete the referral would be, and what the advocate would still need.
    pub completeness: ReferralCompleteness,
    /// Working days from today to the meeting; null when the meeting has no date.
    pub lead_time: Option<LeadTime>,
    /// The child is looked after by the local authority: parental agreement is not needed.
    pub child_looked_after: bool,
    /// Where the referral would start: RECEIVED, or PENDING_CONSENT until the parents or carers
    /// agree. Null while the parental agreement chosen is not allowed for this child.
    pub starts_as: Option<ReferralStatus>,
    /// What would stop `createReferral` as the draft stands; empty when it can be sent.
    pub problems: Vec<ReferralProblem>,
}

/// The advocate allocated to a referral.
#[derive(SimpleObject)]
pub struct Allocation {
    /// The case opened for this referral.
    pub case_id: ID,
    /// The advocate's name.
    pub advocate_name: String,
    /// When the advocate was allocated.
    pub allocated_at: DateTime<Utc>,
    /// Where the piece of advocacy is (CLOSED once finished or withdrawn).
    pub case_status: crate::cases::graphql::CaseStatus,
    /// Why the case was closed; null while it is open.
    pub close_reason: Option<String>,
}

/// A request for an advocate for one child for one meeting.
pub struct Referral(pub referral::Model, pub Lookup);

impl Referral {
    /// A referral shown on its own: its relations come from the per-request loaders.
    pub fn new(row: referral::Model) -> Self {
        Self(row, Lookup::default())
    }

    /// A page of referrals, with their related rows fetched once for the page.
    pub async fn page(ctx: &Context<'_>, rows: Vec<referral::Model>) -> ApiResult<Vec<Self>> {
        let lookup = Lookup::for_referrals(ctx, &rows).await?;
        Ok(rows.into_iter().map(|r| Self(r, lookup.clone())).collect())
    }

    async fn meeting_row(&self, ctx: &Context<'_>) -> ApiResult<Option<entity::meeting::Model>> {
        match self.0.meeting_id {
            Some(id) => self.1.meeting(ctx, id).await,
            None => Ok(None),
        }
    }
}

/// A request for an advocate for one child and one meeting, with what the advocate needs to know.
#[Object]
impl Referral {
    /// The referral's opaque ID.
    pub(crate) async fn id(&self) -> ID {
        NodeKind::Referral.id(self.0.id)
    }
    /// Who asked: a social worker, or the child or family themselves.
    async fn source(&self) -> ReferralSource {
        self.0.source.into()
    }
    /// Where the referral is in the coordinator's hands.
    async fn status(&self) -> ReferralStatus {
        self.0.status.into()
    }
    /// Parental agreement as the referrer recorded it.
    async fn parental_agreement(&self) -> ParentalAgreement {
        self.0.parental_agreement.into()
    }
    /// Why the child needs an advocate (for a self-referral: what they told us it is about).
    async fn reason(&self) -> Option<&str> {
        self.0.reason.as_deref()
    }
    /// How the advocate can contact the child.
    async fn how_to_contact_child(&self) -> Option<&str> {
        self.0.how_to_contact_child.as_deref()
    }
    /// The child's communication needs.
    async fn communication_needs(&self) -> Option<&str> {
        self.0.communication_needs.as_deref()
    }
    /// Who the child lives with.
    async fn lives_with(&self) -> Option<&str> {
        self.0.lives_with.as_deref()
    }
    /// Anything the advocate must know to visit safely.
    async fn visit_risks(&self) -> Option<&str> {
        self.0.visit_risks.as_deref()
    }
    /// Anything else the referrer wants the advocate to know.
    async fn other_information(&self) -> Option<&str> {
        self.0.other_information.as_deref()
    }
    /// A self-referral: who asked and how to reach them.
    async fn self_referral_contact(&self) -> Option<&str> {
        self.0.self_referral_contact.as_deref()
    }
    /// Why the coordinator declined the referral (kept if it was reopened later).
    async fn decline_reason(&self) -> Option<&str> {
        self.0.decline_reason.as_deref()
    }
    /// Why the referral was withdrawn (kept if it was reopened later).
    async fn withdrawal_reason(&self) -> Option<&str> {
        self.0.withdrawal_reason.as_deref()
    }
    /// When the advocacy service received the referral.
    async fn received_at(&self) -> DateTime<Utc> {
        self.0.received_at
    }
    /// The child referred; null for a self-referral not yet linked to a child.
    async fn child(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<CaseChild>> {
        let Some(id) = self.0.child_id else {
            return Ok(None);
        };
        Ok(self.1.child(ctx, id).await?.map(CaseChild::from))
    }
    /// The meeting the advocacy is for; null for a self-referral not yet linked to a meeting.
    async fn meeting(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<CaseMeeting>> {
        Ok(self.meeting_row(ctx).await?.map(CaseMeeting::from))
    }
    /// Name of the social worker who made the referral; null for a self-referral.
    async fn referrer_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        let Some(id) = self.0.referrer_id else {
            return Ok(None);
        };
        Ok(self.1.staff(ctx, id).await?.map(|s| s.name))
    }
    /// How complete the referral is, and what the advocate still needs.
    async fn completeness(&self, ctx: &Context<'_>) -> async_graphql::Result<ReferralCompleteness> {
        let meeting = self.meeting_row(ctx).await?;
        Ok(completeness::assess(&self.0, meeting.as_ref()).into())
    }
    /// Working days from receipt to the meeting; null while the meeting or its date is unknown.
    async fn lead_time(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<LeadTime>> {
        let at = self.meeting_row(ctx).await?.and_then(|m| m.scheduled_at);
        Ok(at.map(|at| lead_time::LeadTime::between(self.0.received_at, at).into()))
    }
    /// The advocate allocated, once there is one.
    async fn allocation(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Allocation>> {
        let Some(case) = self.1.case_of_referral(ctx, self.0.id).await? else {
            return Ok(None);
        };
        let advocate = self.1.staff(ctx, case.advocate_id).await?;
        Ok(Some(Allocation {
            case_id: NodeKind::Case.id(case.id),
            advocate_name: advocate.map(|a| a.name).unwrap_or_default(),
            allocated_at: case.allocated_at,
            case_status: case.status.into(),
            close_reason: case.close_reason,
        }))
    }
}
