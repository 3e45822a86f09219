//! Sending a meeting's outcome to agencies, following it up, and agencies acknowledging it.
use std::collections::BTreeSet;

use async_graphql::{Context, Enum, ID, Object};
use chrono::{DateTime, Utc};
use entity::{agency, enums, outcome_distribution as dist};

use crate::error::{ApiError, loaded};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::loaders::{AgencyKey, MeetingKey};
use crate::graphql::pagination::{List, Page};
use crate::meetings::kinds::MeetingKind;
use crate::meetings::types::{MeetingChild, StaffName, Whiteboard, child_first_names, staff_name};
use crate::policy::outcomes as policy;

/// What sort of agency it is.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::AgencyKind")]
pub enum AgencyKind {
    /// The police (for example the public protection or child abuse investigation team).
    Police,
    /// Health services: health visitor, school nurse, hospital or community health staff.
    Health,
    /// The child's school, nursery or college, and education welfare.
    Education,
    /// The child's or family's GP practice.
    Gp,
    /// The housing provider or the council's housing service.
    Housing,
    /// The probation service.
    Probation,
    /// Any other agency invited to the conference.
    Other,
}

/// A partner agency that receives conference outcomes.
pub struct Agency(pub agency::Model);

/// A partner agency (police, health, education, GP…) that receives conference outcomes.
#[Object]
impl Agency {
    /// The agency's opaque ID.
    async fn id(&self) -> ID {
        NodeKind::Agency.id(self.0.id)
    }

    /// The agency's name, unique in the authority.
    async fn name(&self) -> &str {
        &self.0.name
    }

    /// What sort of agency it is.
    async fn kind(&self) -> AgencyKind {
        self.0.kind.into()
    }

    /// The agency's contact e-mail address, if the admin gave one.
    async fn contact_email(&self) -> Option<&str> {
        self.0.contact_email.as_deref()
    }
}

/// A meeting's outcome sent to one agency, and whether the agency has acknowledged it.
pub struct OutcomeDistribution(pub dist::Model);

/// A meeting's outcome sent to one agency, and whether the agency acknowledged it.
#[Object]
impl OutcomeDistribution {
    /// This distribution's opaque ID.
    async fn id(&self) -> ID {
        NodeKind::OutcomeDistribution.id(self.0.id)
    }

    /// The agency the outcome was sent to.
    async fn agency(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Agency>> {
        Ok(loaded(ctx.loaders()?.load_one(AgencyKey(self.0.agency_id)).await)?.map(Agency))
    }

    /// When the outcome was sent.
    async fn sent_at(&self) -> DateTime<Utc> {
        self.0.sent_at
    }

    /// When the agency acknowledged it; null until then (follow it up).
    async fn acknowledged_at(&self) -> Option<DateTime<Utc>> {
        self.0.acknowledged_at
    }

    /// Who at the agency acknowledged it.
    async fn acknowledged_by(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<StaffName>> {
        Ok(staff_name(ctx, self.0.acknowledged_by)
            .await?
            .map(|name| StaffName { name }))
    }
}

/// A meeting's outcome as an agency receives it: the whiteboard and the outcome in staff words.
pub struct AgencyOutcome(pub dist::Model);

impl AgencyOutcome {
    async fn meeting(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<entity::meeting::Model>> {
        Ok(loaded(
            ctx.loaders()?.load_one(MeetingKey(self.0.meeting_id)).await,
        )?)
    }
}

/// A meeting outcome sent to your agency.
#[Object]
impl AgencyOutcome {
    /// The distribution's opaque ID (acknowledge with it).
    async fn id(&self) -> ID {
        NodeKind::OutcomeDistribution.id(self.0.id)
    }

    /// When the outcome was sent to your agency.
    async fn sent_at(&self) -> DateTime<Utc> {
        self.0.sent_at
    }

    /// When your agency acknowledged it; null until then.
    async fn acknowledged_at(&self) -> Option<DateTime<Utc>> {
        self.0.acknowledged_at
    }

    /// What kind of meeting it was.
    async fn meeting_kind(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<MeetingKind>> {
        Ok(self.meeting(ctx).await?.map(|m| m.kind.into()))
    }

    /// When the meeting was held.
    async fn meeting_at(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<DateTime<Utc>>> {
        Ok(self.meeting(ctx).await?.and_then(|m| m.scheduled_at))
    }

    /// The children the meeting was about, by first name.
    async fn children(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<MeetingChild>> {
        Ok(child_first_names(ctx, self.0.meeting_id).await?)
    }

    /// The conference whiteboard.
    async fn whiteboard(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Whiteboard>> {
        Ok(self.meeting(ctx).await?.as_ref().and_then(Whiteboard::of))
    }

    /// The outcome in staff words.
    async fn outcome_staff_words(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<String>> {
        Ok(self.meeting(ctx).await?.and_then(|m| m.outcome_staff_words))
    }
}

#[derive(Default)]
pub struct OutcomesQuery;

#[Object]
impl OutcomesQuery {
    /// The agencies of your authority, by name (ISRO, coordinator, admin).
    async fn agencies(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many agencies to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return agencies after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<List<Agency>> {
        let tenant = policy::list_agencies(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let (items, total) = super::agencies_of(ctx.db()?, tenant, page).await?;
        Ok(page.connection(items.into_iter().map(Agency).collect(), total))
    }

    /// Which agencies a meeting's outcome was sent to, and which acknowledged it (the meeting's
    /// chair, the coordinator, integrators with `READ_OUTCOMES`).
    async fn outcome_distribution(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting's ID.")] meeting_id: ID,
    ) -> async_graphql::Result<Vec<OutcomeDistribution>> {
        let viewer = ctx.viewer();
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        policy::may_read_distribution(viewer)?;
        let db = ctx.db()?;
        let meeting = crate::meetings::find(db, meeting_id).await?;
        policy::read_distribution(viewer, &crate::meetings::facts(db, &meeting).await?)?;
        let rows = super::distributions_of(db, meeting_id).await?;
        Ok(rows.into_iter().map(OutcomeDistribution).collect())
    }

    /// The meeting outcomes sent to your agency, newest first (agency users).
    async fn outcomes_for_me(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many outcomes to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return outcomes after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only outcomes your agency has not acknowledged yet (default false).")]
        unacknowledged_only: Option<bool>,
    ) -> async_graphql::Result<List<AgencyOutcome>> {
        let viewer = ctx.viewer();
        let staff = policy::agency_user(viewer)?;
        let page = Page::parse(first, after)?;
        let db = ctx.db()?;
        let agency = policy::agency_outcomes(viewer, super::agency_of(db, staff.id).await?)?;
        let (items, total) =
            super::for_agency(db, agency, unacknowledged_only.unwrap_or(false), page).await?;
        Ok(page.connection(items.into_iter().map(AgencyOutcome).collect(), total))
    }
}

/// Agencies one `distributeOutcome` may name.
const MAX_AGENCIES: usize = 100;

#[derive(Default)]
pub struct OutcomesMutation;

#[Object]
impl OutcomesMutation {
    /// Send the outcome of a meeting you chair, once recorded, to agencies of your authority. An
    /// agency that already has it is not sent it twice. Returns every agency it has been sent to.
    async fn distribute_outcome(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting's ID.")] meeting_id: ID,
        #[graphql(desc = "The agencies to send the outcome to (up to 100).")] agency_ids: Vec<ID>,
    ) -> async_graphql::Result<Vec<OutcomeDistribution>> {
        let viewer = ctx.viewer();
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        // An authority has tens of agencies; a bound keeps one request's `IN (…)` small.
        if agency_ids.len() > MAX_AGENCIES {
            return Err(ApiError::bad_input(
                "agencyIds",
                format!("An outcome can be sent to at most {MAX_AGENCIES} agencies at once."),
            )
            .into());
        }
        let agency_ids = agency_ids
            .iter()
            .map(|id| NodeKind::Agency.parse(id, "agencyIds"))
            .collect::<Result<BTreeSet<i32>, _>>()?;
        crate::policy::meetings::chaired_meetings(viewer)?;
        let db = ctx.db()?;
        let meeting = crate::meetings::find(db, meeting_id).await?;
        let tenant = policy::distribute(viewer, &crate::meetings::facts(db, &meeting).await?)?;
        let rows =
            super::distribute(db, viewer, tenant, meeting_id, agency_ids, Utc::now()).await?;
        Ok(rows.into_iter().map(OutcomeDistribution).collect())
    }

    /// Say your agency has received a meeting's outcome (agency users). Saying it again changes
    /// nothing.
    async fn acknowledge_outcome(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The distribution's ID, from `outcomesForMe`.")] distribution_id: ID,
    ) -> async_graphql::Result<AgencyOutcome> {
        let viewer = ctx.viewer();
        let id = NodeKind::OutcomeDistribution.parse(&distribution_id, "distributionId")?;
        let staff = policy::agency_user(viewer)?;
        let db = ctx.db()?;
        let row = super::find_distribution(db, id).await?;
        let agency = super::agency_of(db, staff.id).await?;
        policy::acknowledge(viewer, agency, row.local_authority_id, row.agency_id)?;
        let saved = super::acknowledge(db, viewer, staff.tenant, id, staff.id, Utc::now()).await?;
        Ok(AgencyOutcome(saved))
    }
}
