//! The advocate's caseload: their cases, soonest meeting first, with what needs attention.
use std::borrow::Cow;

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{advocacy_case, child, enums, meeting};

use super::{CaseViews, ChildSummary, MeetingSummary};
use crate::error::{ApiError, ApiResult, loaded};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::loaders::{OpenUrgentHelpKey, ViewsForMeetingKey};
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
    /// The advocate is meeting the child and recording their wishes and feelings (from when the
    /// advocate first gives the child a sign-in code).
    InProgress,
    /// The child's views have been sent, with the child's consent, before the meeting.
    ViewsShared,
    /// The piece of advocacy is finished (`closeCase`, or its referral withdrawn), with the reason.
    /// The child's views are kept. The coordinator can reopen it (`reopenCase`).
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
    /// The child's language: the language of their pages, as they chose it or as staff recorded it
    /// (a code like cy or pl, or a name such as Polish).
    pub language: String,
    /// An interpreter is needed to work with the child.
    pub interpreter_needed: bool,
}

impl CaseChild {
    pub fn new(id: i32, c: &ChildSummary) -> Self {
        let age = age_on(c.date_of_birth, Utc::now().date_naive());
        Self {
            id: NodeKind::Child.id(id),
            preferred_name: c.preferred_name.clone(),
            age: i32::try_from(age).unwrap_or(i32::MAX),
            looked_after: c.looked_after,
            communication_needs: c.communication_needs.clone(),
            language: c.language.clone(),
            interpreter_needed: c.interpreter_needed,
        }
    }
}

impl From<child::Model> for CaseChild {
    fn from(c: child::Model) -> Self {
        Self::new(c.id, &c.into())
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

impl CaseMeeting {
    pub fn new(id: i32, m: &MeetingSummary) -> Self {
        Self {
            id: NodeKind::Meeting.id(id),
            kind: m.kind.into(),
            scheduled_at: m.scheduled_at,
            place: m.place.clone(),
        }
    }
}

impl From<meeting::Model> for CaseMeeting {
    fn from(m: meeting::Model) -> Self {
        Self::new(m.id, &m.into())
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
pub struct AdvocacyCase {
    row: advocacy_case::Model,
    lookup: Lookup,
    /// What a caseload page read with the case; a case shown on its own loads it when asked.
    shown: Option<Shown>,
}

struct Shown {
    child: ChildSummary,
    meeting: MeetingSummary,
    views: Option<enums::ViewsStatus>,
    urgent_help_open: bool,
}

impl AdvocacyCase {
    /// A case shown on its own: its relations come from the per-request loaders.
    pub fn new(row: advocacy_case::Model) -> Self {
        Self {
            row,
            lookup: Lookup::default(),
            shown: None,
        }
    }

    /// A page of cases, read with what the page shows; the referrals (and what they name) are
    /// fetched once for the page when `with_referrals`: the page shows them.
    pub async fn page(
        ctx: &Context<'_>,
        rows: Vec<super::PageRow>,
        with_referrals: bool,
    ) -> ApiResult<Vec<Self>> {
        let lookup = if with_referrals {
            let cases: Vec<_> = rows.iter().map(|r| &r.case).collect();
            Lookup::for_cases(ctx, &cases).await?
        } else {
            Lookup::default()
        };
        Ok(rows
            .into_iter()
            .map(|r| Self {
                row: r.case,
                lookup: lookup.clone(),
                shown: Some(Shown {
                    child: r.child,
                    meeting: r.meeting,
                    views: r.views,
                    urgent_help_open: r.urgent_help_open,
                }),
            })
            .collect())
    }

    async fn child_summary(&self, ctx: &Context<'_>) -> ApiResult<Cow<'_, ChildSummary>> {
        if let Some(shown) = &self.shown {
            return Ok(Cow::Borrowed(&shown.child));
        }
        let row = self.lookup.child(ctx, self.row.child_id).await?;
        Ok(Cow::Owned(row.ok_or(ApiError::NotFound("Child"))?.into()))
    }

    async fn meeting_summary(&self, ctx: &Context<'_>) -> ApiResult<Cow<'_, MeetingSummary>> {
        if let Some(shown) = &self.shown {
            return Ok(Cow::Borrowed(&shown.meeting));
        }
        let row = self.lookup.meeting(ctx, self.row.meeting_id).await?;
        Ok(Cow::Owned(row.ok_or(ApiError::NotFound("Meeting"))?.into()))
    }
}

/// One piece of advocacy: an accepted referral allocated to an advocate.
#[Object]
impl AdvocacyCase {
    /// The case's opaque ID.
    pub(crate) async fn id(&self) -> ID {
        NodeKind::Case.id(self.row.id)
    }
    /// Where the piece of advocacy is.
    async fn status(&self) -> CaseStatus {
        self.row.status.into()
    }
    /// When the advocate was allocated.
    async fn allocated_at(&self) -> DateTime<Utc> {
        self.row.allocated_at
    }
    /// When the case was closed; null while it is open.
    async fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.row.closed_at
    }
    /// Why the case was closed; null while it is open.
    async fn close_reason(&self) -> Option<&str> {
        self.row.close_reason.as_deref()
    }
    /// The child the advocacy is for.
    async fn child(&self, ctx: &Context<'_>) -> async_graphql::Result<CaseChild> {
        let child = self.child_summary(ctx).await?;
        Ok(CaseChild::new(self.row.child_id, &child))
    }
    /// The meeting the advocacy is for.
    async fn meeting(&self, ctx: &Context<'_>) -> async_graphql::Result<CaseMeeting> {
        let meeting = self.meeting_summary(ctx).await?;
        Ok(CaseMeeting::new(self.row.meeting_id, &meeting))
    }
    /// The referral the case came from, with what the referrer told the service.
    async fn referral(&self, ctx: &Context<'_>) -> async_graphql::Result<Referral> {
        let row = self.lookup.referral(ctx, self.row.referral_id).await?;
        let row = row.ok_or(ApiError::NotFound("Referral"))?;
        Ok(Referral(row, self.lookup.clone()))
    }
    /// The meeting's outcome once the chair has recorded it; null until then. Only the outcome: the
    /// whiteboard stays with the chair, the social worker and the agencies it was sent to.
    async fn outcome(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<CaseOutcome>> {
        let m = self.meeting_summary(ctx).await?;
        Ok(m.recorded_at.map(|recorded_at| CaseOutcome {
            staff_words: m.outcome_staff_words.clone(),
            child_words: m.outcome_child_words.clone(),
            recorded_at,
        }))
    }
    /// Where the child's views for this meeting are.
    async fn views_status(&self, ctx: &Context<'_>) -> async_graphql::Result<CaseViewsStatus> {
        let status = match &self.shown {
            Some(shown) => shown.views,
            None => {
                let key = ViewsForMeetingKey {
                    child_id: self.row.child_id,
                    meeting_id: self.row.meeting_id,
                };
                loaded(ctx.loaders()?.load_one(key).await)?
            }
        };
        Ok(CaseViews::of(status).into())
    }
    /// The child asked for help now and nobody has acknowledged it yet.
    async fn urgent_help_open(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        Ok(match &self.shown {
            Some(shown) => shown.urgent_help_open,
            None => {
                let key = OpenUrgentHelpKey(self.row.child_id);
                loaded(ctx.loaders()?.load_one(key).await)?.is_some_and(|open| open > 0)
            }
        })
    }
    /// The meeting is 3 working days away or fewer.
    async fn meeting_soon(&self, ctx: &Context<'_>) -> async_graphql::Result<bool> {
        let at = self.meeting_summary(ctx).await?.scheduled_at;
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
