//! The advocate's caseload: their cases, soonest meeting first, with what needs attention.
use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{advocacy_case, child, enums, meeting};

use super::CaseViews;
use crate::error::{ApiError, ApiResult};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::loaders::ViewsForMeetingKey;
use crate::graphql::pagination::{List, Page};
use crate::meetings::kinds::MeetingKind;
use crate::referrals::lead_time::meeting_soon;
use crate::referrals::related::Lookup;
use crate::referrals::rules::age_on;
use crate::referrals::types::Referral;

/// Where a piece of advocacy is.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::CaseStatus")]
pub enum CaseStatus {
    /// An advocate has been allocated.
    Allocated,
    /// The advocate is meeting the child and recording their wishes and feelings.
    InProgress,
    /// The child's views have been sent, with the child's consent, before the meeting.
    ViewsShared,
    /// The piece of advocacy is finished.
    Closed,
}

/// Where the child's views for the case's meeting are (their content is not shown here).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseViewsStatus {
    /// The child has not started their views yet.
    NotStarted,
    /// The child is still writing their views.
    Draft,
    /// The child has said their views are finished.
    Submitted,
    /// The views were sent to the people the child chose.
    Shared,
}

impl From<CaseViews> for CaseViewsStatus {
    fn from(v: CaseViews) -> Self {
        match v {
            CaseViews::NotStarted => Self::NotStarted,
            CaseViews::Draft => Self::Draft,
            CaseViews::Submitted => Self::Submitted,
            CaseViews::Shared => Self::Shared,
        }
    }
}

/// The child, as the advocacy service needs to know them.
#[derive(SimpleObject)]
pub struct CaseChild {
    /// The child's opaque ID.
    pub id: ID,
    /// The name the child wants to be called.
    pub preferred_name: String,
    /// Age in whole years today.
    pub age: i32,
    /// In the care of the local authority.
    pub looked_after: bool,
    /// Communication needs recorded for the child.
    pub communication_needs: Option<String>,
}

impl From<child::Model> for CaseChild {
    fn from(c: child::Model) -> Self {
        let age = age_on(c.date_of_birth, Utc::now().date_naive());
        Self {
            id: NodeKind::Child.id(c.id),
            preferred_name: c.preferred_name,
            age: i32::try_from(age).unwrap_or(i32::MAX),
            looked_after: c.looked_after,
            communication_needs: c.communication_needs,
        }
    }
}

/// The meeting a piece of advocacy is for: when and where, nothing of its record.
#[derive(SimpleObject)]
pub struct CaseMeeting {
    /// The meeting's opaque ID.
    pub id: ID,
    /// The kind of meeting.
    pub kind: MeetingKind,
    /// When it starts; null for advice and assistance or a complaint with no meeting.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Where it is held.
    pub place: Option<String>,
}

impl From<meeting::Model> for CaseMeeting {
    fn from(m: meeting::Model) -> Self {
        Self {
            id: NodeKind::Meeting.id(m.id),
            kind: m.kind.into(),
            scheduled_at: m.scheduled_at,
            place: m.place,
        }
    }
}

/// What the meeting decided, for the advocate to go through with the child.
#[derive(SimpleObject)]
pub struct CaseOutcome {
    /// The outcome in staff words, as the chair recorded it.
    pub staff_words: Option<String>,
    /// The outcome as it is told back to the child.
    pub child_words: Option<String>,
    /// When the chair recorded the meeting.
    pub recorded_at: DateTime<Utc>,
}

/// One piece of advocacy: an accepted referral allocated to an advocate.
pub struct AdvocacyCase(pub advocacy_case::Model, pub Lookup);

impl AdvocacyCase {
    /// A case shown on its own: its relations come from the per-request loaders.
    pub fn new(row: advocacy_case::Model) -> Self {
        Self(row, Lookup::default())
    }

    /// A page of cases, with their related rows fetched once for the page (the referrals only
    /// when `with_referrals`: the page shows them).
    pub async fn page(
        ctx: &Context<'_>,
        rows: Vec<super::PageRow>,
        with_referrals: bool,
    ) -> ApiResult<Vec<Self>> {
        let lookup = Lookup::for_cases(ctx, &rows, with_referrals).await?;
        Ok(rows
            .into_iter()
            .map(|r| Self(r.case, lookup.clone()))
            .collect())
    }
}

/// One piece of advocacy: an accepted referral allocated to an advocate.
#[Object]
impl AdvocacyCase {
    /// The case's opaque ID.
    pub(crate) async fn id(&self) -> ID {
        NodeKind::Case.id(self.0.id)
    }
    /// Where the piece of advocacy is.
    async fn status(&self) -> CaseStatus {
        self.0.status.into()
    }
    /// When the advocate was allocated.
    async fn allocated_at(&self) -> DateTime<Utc> {
        self.0.allocated_at
    }
    /// The child the advocacy is for.
    async fn child(&self, ctx: &Context<'_>) -> async_graphql::Result<CaseChild> {
        let row = self.1.child(ctx, self.0.child_id).await?;
        Ok(row.ok_or(ApiError::NotFound("Child"))?.into())
    }
    /// The meeting the advocacy is for.
    async fn meeting(&self, ctx: &Context<'_>) -> async_graphql::Result<CaseMeeting> {
        let row = self.1.meeting(ctx, self.0.meeting_id).await?;
        Ok(row.ok_or(ApiError::NotFound("Meeting"))?.into())
    }
    /// The referral the case came from, with what the referrer told the service.
    async fn referral(&self, ctx: &Context<'_>) -> async_graphql::Result<Referral> {
        let row = self.1.referral(ctx, self.0.referral_id).await?;
        let row = row.ok_or(ApiError::NotFound("Referral"))?;
        Ok(Referral(row, self.1.clone()))
    }
    /// The meeting's outcome once the chair has recorded it; null until then. Only the outcome: the
    /// whiteboard stays with the chair, the social worker and the agencies it was sent to.
    async fn outcome(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<CaseOutcome>> {
        let row = self.1.meeting(ctx, self.0.meeting_id).await?;
        Ok(row.and_then(|m| {
            m.recorded_at.map(|recorded_at| CaseOutcome {
                staff_words: m.outcome_staff_words,
                child_words: m.outcome_child_words,
                recorded_at,
            })
        }))
    }
    /// Where the child's views for this meeting are.
    async fn views_status(&self, ctx: &Context<'_>) -> async_graphql::Result<CaseViewsStatus> {
        let key = ViewsForMeetingKey {
            child_id: self.0.child_id,
            meeting_id: self.0.meeting_id,
        };
        let status = self.1.views(ctx, key).await?;
        Ok(CaseViews::of(status).into())
    }
    /// The child asked for help now and nobody has acknowledged it yet.
    async fn urgent_help_open(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(self.1.open_urgent_help(ctx, self.0.child_id).await? > 0)
    }
    /// The meeting is 3 working days away or fewer.
    async fn meeting_soon(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let row = self.1.meeting(ctx, self.0.meeting_id).await?;
        let at = row.and_then(|m| m.scheduled_at);
        Ok(at.is_some_and(|at| meeting_soon(Utc::now(), at)))
    }
}

#[derive(Default)]
pub struct CaseQuery;

#[Object]
impl CaseQuery {
    /// The signed-in advocate's cases, soonest meeting first (advocacy with no meeting date last).
    async fn my_caseload(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many cases to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return the cases after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only cases in this status; without it, every case not closed.")]
        status: Option<CaseStatus>,
    ) -> async_graphql::Result<List<AdvocacyCase>> {
        let advocate = crate::policy::cases::caseload(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let (rows, total) = super::caseload(
            ctx.db()?,
            advocate.tenant,
            advocate.id,
            status.map(Into::into),
            page,
        )
        .await?;
        // The referral (and the staff it names) is fetched only when the page shows it.
        let with_referrals = ctx
            .look_ahead()
            .field("edges")
            .field("node")
            .field("referral")
            .exists();
        let cases = AdvocacyCase::page(ctx, rows, with_referrals).await?;
        Ok(page.connection(cases, total))
    }

    /// One case, for the advocate it is allocated to.
    async fn case(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The case's ID.")] id: ID,
    ) -> async_graphql::Result<AdvocacyCase> {
        case_by_id(ctx, NodeKind::Case.parse(&id, "id")?).await
    }
}

/// One case by row id, after the policy allows it (`case` and `node`).
pub async fn case_by_id(ctx: &Context<'_>, id: i32) -> async_graphql::Result<AdvocacyCase> {
    crate::policy::cases::caseload(ctx.viewer())?;
    let row = super::find(ctx.db()?, id).await?;
    crate::policy::cases::read(ctx.viewer(), &row)?;
    Ok(AdvocacyCase::new(row))
}
