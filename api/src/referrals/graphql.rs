//! Referral operations: make one, ask for an advocate yourself, and the coordinator's inbox and
//! decisions. Resolvers parse, ask the policy, call the service, and map the answer.
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::Utc;

use super::assess::Draft;
use super::inputs::{CreateReferralInput, SelfReferralInput, details};
use super::types::{Referral, ReferralAssessment, ReferralProblem, ReferralStatus};
use super::{InboxFilter, NewReferral, NewSelfReferral};
use crate::audit::actor;
use crate::cases::graphql::AdvocacyCase;
use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};
use crate::policy::referrals::{self as policy, Maker};
use crate::ratelimit::Bucket;
use crate::text::{self, LONG, SHORT};

/// What a child or family is told after asking for an advocate.
#[derive(SimpleObject)]
pub struct SelfReferralReceipt {
    /// A short message in plain words.
    pub message: String,
}

/// What we tell a child or family once we have their message (plain words, reading age about 8).
pub const SELF_REFERRAL_THANKS: &str = "Thank you. We have got your message. \
Someone from the advocacy team will get in touch with you soon. \
An advocate is a person who helps you say what you think. \
If you are not safe right now, call 999. \
You can talk to Childline for free at any time on 0800 1111.";

/// An active advocate the coordinator might allocate, best first.
#[derive(SimpleObject)]
pub struct SuggestedAdvocate {
    /// The advocate's staff ID.
    pub advocate_id: ID,
    /// The advocate's name.
    pub name: String,
    /// Has worked with this child before (continuity where possible; not guaranteed).
    pub worked_with_child_before: bool,
    /// Cases allocated to the advocate and not closed.
    pub open_cases: i32,
}

#[derive(Default)]
pub struct ReferralQuery;

#[Object]
impl ReferralQuery {
    /// The coordinator's inbox (or an integrator's with `read:referrals`): the authority's
    /// referrals, newest first.
    async fn referral_inbox(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many referrals to return (1 to 100, default 20).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Return the referrals after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only referrals in this status.")] status: Option<ReferralStatus>,
        #[graphql(desc = "true: only complete referrals; false: only those missing something.")]
        complete: Option<bool>,
    ) -> async_graphql::Result<List<Referral>> {
        let tenant = policy::read_inbox(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let filter = InboxFilter {
            status: status.map(Into::into),
            complete,
        };
        let (rows, total) = super::inbox(ctx.db()?, tenant, filter, page).await?;
        Ok(page.connection(Referral::page(ctx, rows).await?, total))
    }

    /// The referrals the signed-in social worker made, newest first.
    async fn my_referrals(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many referrals to return (1 to 100, default 20).")] first: Option<
            i32,
        >,
        #[graphql(desc = "Return the referrals after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only referrals in this status.")] status: Option<ReferralStatus>,
    ) -> async_graphql::Result<List<Referral>> {
        let (tenant, me) = policy::mine(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let (rows, total) =
            super::made_by(ctx.db()?, tenant, me, status.map(Into::into), page).await?;
        Ok(page.connection(Referral::page(ctx, rows).await?, total))
    }

    /// One referral: for the coordinator, an integrator with `read:referrals`, or its referrer.
    async fn referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral's ID.")] id: ID,
    ) -> async_graphql::Result<Referral> {
        referral_by_id(ctx, NodeKind::Referral.parse(&id, "id")?).await
    }

    /// Check a referral before sending it (a social worker for their own children, or the
    /// coordinator): how complete it is, the lead time from today, where it would start, and what
    /// would stop `createReferral`. Nothing is saved.
    async fn assess_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral as it would be sent.")] input: CreateReferralInput,
    ) -> async_graphql::Result<ReferralAssessment> {
        let assessor = policy::assess(ctx.viewer())?;
        if input.referrer_id.is_some() {
            return Err(crate::error::ApiError::bad_input(
                "referrerId",
                "Only a case-management system names the referrer; you are the referrer.",
            )
            .into());
        }
        let draft = Draft {
            child_id: NodeKind::Child.parse(&input.child_id, "childId")?,
            meeting_id: NodeKind::Meeting.parse(&input.meeting_id, "meetingId")?,
            parental_agreement: input.parental_agreement.into(),
            texts: vec![
                ("reason", input.reason),
                ("howToContactChild", input.how_to_contact_child),
                ("communicationNeeds", input.communication_needs),
                ("livesWith", input.lives_with),
                ("visitRisks", input.visit_risks),
                ("otherInformation", input.other_information),
            ],
        };
        let result = super::assess::assess(ctx.db()?, assessor, draft, Utc::now()).await?;
        Ok(ReferralAssessment {
            completeness: result.completeness.into(),
            lead_time: result.lead_time.map(Into::into),
            child_looked_after: result.looked_after,
            starts_as: result.starts_as.map(Into::into),
            problems: result
                .problems
                .into_iter()
                .map(|p| ReferralProblem {
                    field: p.field.to_owned(),
                    message: p.message,
                })
                .collect(),
        })
    }

    /// Active advocates the coordinator could allocate to a referral: those who worked with this
    /// child before first (continuity where possible, never guaranteed), then the least busy.
    async fn suggested_advocates(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral to allocate.")] referral_id: ID,
    ) -> async_graphql::Result<Vec<SuggestedAdvocate>> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&referral_id, "referralId")?;
        let ranked = super::suggested_advocates(ctx.db()?, tenant, id).await?;
        Ok(ranked
            .into_iter()
            .map(|s| SuggestedAdvocate {
                advocate_id: NodeKind::StaffUser.id(s.advocate.id),
                name: s.advocate.name,
                worked_with_child_before: s.worked_with_child_before,
                open_cases: i32::try_from(s.open_cases).unwrap_or(i32::MAX),
            })
            .collect())
    }
}

#[derive(Default)]
pub struct ReferralMutation;

#[Object]
impl ReferralMutation {
    /// Refer a child for an advocate for one meeting (a social worker, or a case-management system
    /// with `write:referrals` naming the social worker). One referral per child per meeting.
    async fn create_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child, the meeting, and what the advocate needs to know.")]
        input: CreateReferralInput,
    ) -> async_graphql::Result<Referral> {
        let maker = policy::create(ctx.viewer())?;
        let db = ctx.db()?;
        let referrer_id = match (maker, &input.referrer_id) {
            (Maker::SocialWorker { staff_id, .. }, None) => staff_id,
            (Maker::SocialWorker { .. }, Some(_)) => {
                return Err(crate::error::ApiError::bad_input(
                    "referrerId",
                    "Only a case-management system names the referrer; you are the referrer.",
                )
                .into());
            }
            (Maker::Integrator { tenant }, Some(id)) => {
                let id = NodeKind::StaffUser.parse(id, "referrerId")?;
                super::social_worker_in(db, tenant, id).await?
            }
            (Maker::Integrator { .. }, None) => {
                return Err(crate::error::ApiError::bad_input(
                    "referrerId",
                    "referrerId is required: name the social worker making the referral.",
                )
                .into());
            }
        };
        let new = NewReferral {
            child_id: NodeKind::Child.parse(&input.child_id, "childId")?,
            meeting_id: NodeKind::Meeting.parse(&input.meeting_id, "meetingId")?,
            parental_agreement: input.parental_agreement.into(),
            details: details(&input)?,
        };
        let actor = actor(ctx.viewer());
        let row = super::create(db, maker.tenant(), referrer_id, actor, new, Utc::now()).await?;
        Ok(Referral::new(row))
    }

    /// Ask for an advocate yourself (no account needed). Tells you we have your message; it does
    /// not say anything about anyone we may already know.
    async fn self_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who you are, how to reach you, and what it is about.")]
        input: SelfReferralInput,
    ) -> async_graphql::Result<SelfReferralReceipt> {
        ctx.rate_limit(Bucket::SelfReferral)?;
        let new = NewSelfReferral {
            authority_slug: text::required("localAuthority", &input.local_authority, SHORT)?,
            name: text::required("name", &input.name, SHORT)?,
            contact: text::required("contact", &input.contact, SHORT)?,
            about: text::required("about", &input.about, LONG)?,
            meeting_kind: input.meeting_kind.map(Into::into),
            meeting_date: input
                .meeting_date
                .map(|d| crate::dates::day("meetingDate", d))
                .transpose()?,
        };
        super::self_referral(ctx.db()?, new, Utc::now()).await?;
        Ok(SelfReferralReceipt {
            message: SELF_REFERRAL_THANKS.to_owned(),
        })
    }

    /// Accept a received referral (the coordinator). One waiting for parental agreement cannot be.
    async fn accept_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral to accept.")] id: ID,
    ) -> async_graphql::Result<Referral> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&id, "id")?;
        let row = super::accept(ctx.db()?, tenant, actor(ctx.viewer()), id).await?;
        Ok(Referral::new(row))
    }

    /// Decline a referral with the reason (the coordinator). Not once an advocate is allocated.
    async fn decline_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral to decline.")] id: ID,
        #[graphql(desc = "Why it is declined; required, and shown to the referrer.")]
        reason: String,
    ) -> async_graphql::Result<Referral> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&id, "id")?;
        let reason = text::required("reason", &reason, LONG)?;
        let row = super::decline(ctx.db()?, tenant, actor(ctx.viewer()), id, reason).await?;
        Ok(Referral::new(row))
    }

    /// Allocate an active advocate of the service to an accepted referral: opens the case.
    async fn allocate_advocate(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The accepted referral.")] referral_id: ID,
        #[graphql(desc = "The advocate to allocate (see suggestedAdvocates).")] advocate_id: ID,
    ) -> async_graphql::Result<AdvocacyCase> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let referral_id = NodeKind::Referral.parse(&referral_id, "referralId")?;
        let advocate_id = NodeKind::StaffUser.parse(&advocate_id, "advocateId")?;
        let db = ctx.db()?;
        let case = super::allocate(
            db,
            tenant,
            actor(ctx.viewer()),
            referral_id,
            advocate_id,
            Utc::now(),
        )
        .await?;
        // After the commit: subscribers only ever hear of allocations that happened.
        ctx.events()?.publish(Event::CaseloadChanged {
            tenant,
            advocate_id: case.advocate_id,
            case_id: case.id,
        });
        Ok(AdvocacyCase::new(case))
    }
}

/// One referral by row id, after the policy allows it (`referral` and `node`).
pub async fn referral_by_id(ctx: &Context<'_>, id: i32) -> async_graphql::Result<Referral> {
    policy::reader(ctx.viewer())?;
    let row = super::find(ctx.db()?, id).await?;
    policy::read(ctx.viewer(), &row)?;
    Ok(Referral::new(row))
}
