//! Closing and reopening a piece of advocacy. Resolvers parse, ask the policy, call the service.
use async_graphql::{Context, ID, Object};
use chrono::Utc;

use super::graphql::AdvocacyCase;
use crate::audit::actor;
use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy::cases as policy;
use crate::text::{self, LONG};

#[derive(Default)]
pub struct CaseLifecycleMutation;

#[Object]
impl CaseLifecycleMutation {
    /// Close a piece of advocacy with the reason (the advocate it is allocated to, or the
    /// coordinator). The child's views are kept exactly as they are: nothing the child wrote is
    /// deleted, the child can still see them, and people they were shared with keep them while the
    /// child agrees. The case leaves the advocate's open caseload. CONFLICT when already closed.
    async fn close_case(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The case to close.")] id: ID,
        #[graphql(
            desc = "Why it is closed, e.g. \"The meeting has happened and the outcome was \
                          explained to the child.\"; required."
        )]
        reason: String,
    ) -> async_graphql::Result<AdvocacyCase> {
        let closer = policy::close(ctx.viewer())?;
        let id = NodeKind::Case.parse(&id, "id")?;
        let reason = text::required("reason", &reason, LONG)?;
        let actor = actor(ctx.viewer());
        let case =
            super::lifecycle::close(ctx.db()?, closer, actor, id, reason, Utc::now()).await?;
        caseload_changed(ctx, &case)?;
        Ok(AdvocacyCase::new(case))
    }

    /// Reopen a closed piece of advocacy (the coordinator). It picks up where it was: VIEWS_SHARED
    /// when the child's views were shared, IN_PROGRESS when the child was given a way in, otherwise
    /// ALLOCATED. A referral withdrawn with it is ACCEPTED again. CONFLICT when it is not closed.
    async fn reopen_case(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The closed case.")] id: ID,
    ) -> async_graphql::Result<AdvocacyCase> {
        let tenant = policy::reopen(ctx.viewer())?;
        let id = NodeKind::Case.parse(&id, "id")?;
        let case = super::lifecycle::reopen(ctx.db()?, tenant, actor(ctx.viewer()), id).await?;
        caseload_changed(ctx, &case)?;
        Ok(AdvocacyCase::new(case))
    }
}

/// After the commit: the advocate's caseload page hears that a case left or came back.
fn caseload_changed(
    ctx: &Context<'_>,
    case: &entity::advocacy_case::Model,
) -> async_graphql::Result<()> {
    ctx.events()?.publish(Event::CaseloadChanged {
        tenant: crate::auth::TenantId(case.local_authority_id),
        advocate_id: case.advocate_id,
        case_id: case.id,
    });
    Ok(())
}
