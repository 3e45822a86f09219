//! Moving a referral on after it was made, so none is left stuck: parental agreement recorded
//! later, a self-referral linked, a withdrawal, a reopening. Resolvers parse, ask the policy, call
//! the service.
use async_graphql::{Context, ID, Object};
use chrono::Utc;

use super::types::{ParentalAgreement, Referral};
use crate::audit::actor;
use crate::auth::TenantId;
use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy::referrals as policy;
use crate::text::{self, LONG};

#[derive(Default)]
pub struct ReferralLifecycleMutation;

#[Object]
impl ReferralLifecycleMutation {
    /// Record parental agreement after the referral was made (the social worker who made it, or
    /// the coordinator). A referral waiting in PENDING_CONSENT moves on to RECEIVED once agreement
    /// is GIVEN (or NOT_REQUIRED_LOOKED_AFTER, for a looked-after child only); REFUSED or PENDING
    /// leaves it waiting. Only while the referral is RECEIVED or PENDING_CONSENT: CONFLICT after.
    async fn record_parental_agreement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral.")] id: ID,
        #[graphql(desc = "What the parents or carers said.")] agreement: ParentalAgreement,
    ) -> async_graphql::Result<Referral> {
        let amender = policy::amend(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&id, "id")?;
        let actor = actor(ctx.viewer());
        let row =
            super::lifecycle::record_agreement(ctx.db()?, amender, actor, id, agreement.into())
                .await?;
        Ok(Referral::new(row))
    }

    /// Link a self-referral to the child and the meeting it is about (the coordinator), so it can
    /// be accepted and allocated. The same rules as `createReferral`: the meeting must be about
    /// this child and still to come, the child aged 4 or over, one referral per child per meeting.
    /// It then waits in PENDING_CONSENT unless the parents agreed or the child is looked after.
    async fn link_self_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The self-referral.")] id: ID,
        #[graphql(desc = "The child it is about.")] child_id: ID,
        #[graphql(desc = "The meeting the advocacy is for.")] meeting_id: ID,
    ) -> async_graphql::Result<Referral> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&id, "id")?;
        let child_id = NodeKind::Child.parse(&child_id, "childId")?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let actor = actor(ctx.viewer());
        let link = (child_id, meeting_id);
        let row = super::lifecycle::link(ctx.db()?, tenant, actor, id, link, Utc::now()).await?;
        Ok(Referral::new(row))
    }

    /// Withdraw a referral with the reason (the social worker who made it, or the coordinator for
    /// the child or family). If an advocate is allocated, the case is closed with the same reason.
    /// The child's views are kept exactly as they are: nothing the child wrote is deleted, the
    /// child can still see them, and people they were shared with keep them while the child agrees.
    async fn withdraw_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The referral to withdraw.")] id: ID,
        #[graphql(desc = "Why it is withdrawn; required, and shown with the referral.")]
        reason: String,
    ) -> async_graphql::Result<Referral> {
        let amender = policy::amend(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&id, "id")?;
        let reason = text::required("reason", &reason, LONG)?;
        let actor = actor(ctx.viewer());
        let (row, closed) =
            super::lifecycle::withdraw(ctx.db()?, amender, actor, id, reason, Utc::now()).await?;
        // After the commit: the advocate's caseload hears that the case left it.
        if let Some(case) = closed {
            ctx.events()?.publish(Event::CaseloadChanged {
                tenant: TenantId(case.local_authority_id),
                advocate_id: case.advocate_id,
                case_id: case.id,
            });
        }
        Ok(Referral::new(row))
    }

    /// Take a DECLINED or WITHDRAWN referral back into the inbox (the coordinator): RECEIVED, or
    /// PENDING_CONSENT while parental agreement is needed. Not once its meeting has happened or was
    /// cancelled, nor when an advocate was allocated (use `reopenCase`).
    async fn reopen_referral(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The declined or withdrawn referral.")] id: ID,
    ) -> async_graphql::Result<Referral> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&id, "id")?;
        let actor = actor(ctx.viewer());
        let row = super::lifecycle::reopen(ctx.db()?, tenant, actor, id, Utc::now()).await?;
        Ok(Referral::new(row))
    }
}
