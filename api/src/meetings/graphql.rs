//! Meeting queries for each role, and the chair's `recordMeeting`.
use async_graphql::{Context, ID, InputObject, Object};
use chrono::{NaiveDate, Utc};

use super::record::{MeetingRecord, RawRecord};
use super::types::{AllocatedChild, Meeting, MyAdvocate, MyMeeting};
use super::{DateRange, first_name};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};
use crate::policy::meetings as policy;
use crate::policy::meetings::Exposure;

#[derive(Default)]
pub struct MeetingsQuery;

#[Object]
impl MeetingsQuery {
    /// One meeting. The chair (ISRO), the social worker of the meeting or of a child it is about, and
    /// integrators with `READ_MEETINGS` or `READ_OUTCOMES` may read it.
    async fn meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting's ID.")] id: ID,
    ) -> async_graphql::Result<Meeting> {
        meeting_by_id(ctx, NodeKind::Meeting.parse(&id, "id")?).await
    }

    /// The meetings you chair (ISRO), soonest first.
    async fn my_chaired_meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many meetings to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return meetings after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only meetings on or after this day.")] from: Option<NaiveDate>,
        #[graphql(desc = "Only meetings on or before this day.")] to: Option<NaiveDate>,
    ) -> async_graphql::Result<List<Meeting>> {
        let chair = policy::chaired_meetings(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let range = DateRange::parse(from, to)?;
        let (items, total) = super::chaired_by(ctx.db()?, chair.id, range, page).await?;
        Ok(page.connection(full(items), total))
    }

    /// Your authority's meetings, soonest first (integrators with `READ_MEETINGS` or `READ_OUTCOMES`;
    /// the outcome text needs `READ_OUTCOMES`).
    async fn meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many meetings to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return meetings after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only meetings on or after this day.")] from: Option<NaiveDate>,
        #[graphql(desc = "Only meetings on or before this day.")] to: Option<NaiveDate>,
    ) -> async_graphql::Result<List<Meeting>> {
        let viewer = ctx.viewer();
        let exposure = policy::integrator_meetings(viewer)?;
        let tenant = crate::policy::signed_in(viewer)?;
        let page = Page::parse(first, after)?;
        let range = DateRange::parse(from, to)?;
        let (items, total) = super::of_tenant(ctx.db()?, tenant.0, range, page).await?;
        let items = items
            .into_iter()
            .map(|model| Meeting { model, exposure })
            .collect();
        Ok(page.connection(items, total))
    }

    /// Your meetings (for a child): when and where they are, who runs them, and afterwards what was
    /// decided, told to you in plain words.
    async fn my_meetings(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many meetings to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return meetings after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<List<MyMeeting>> {
        let child = policy::child_meetings(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let (items, total) = super::of_child(ctx.db()?, child.child_id, page).await?;
        Ok(page.connection(items.into_iter().map(MyMeeting).collect(), total))
    }

    /// Your meeting (for a child): the next one still to come, or, when none is, the last one that
    /// happened or was called off (`cancelledAt`); null when you have none. The child's pages are
    /// about this meeting.
    async fn my_current_meeting(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Option<MyMeeting>> {
        let child = policy::child_meetings(ctx.viewer())?;
        let meeting = super::current::of_child(ctx.db()?, child).await?;
        Ok(meeting.map(MyMeeting))
    }

    /// Your advocate (for a child), by first name; null when you do not have one right now.
    async fn my_advocate(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<MyAdvocate>> {
        let child = policy::child_meetings(ctx.viewer())?;
        let advocate = super::open_advocate(ctx.db()?, child.child_id).await?;
        Ok(advocate.map(|a| MyAdvocate {
            first_name: first_name(&a.name),
        }))
    }

    /// The children allocated to you (social worker), by name, with their meetings.
    async fn my_children(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many children to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return children after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<List<AllocatedChild>> {
        let social_worker = policy::allocated_children(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let (items, total) = super::allocated_to(ctx.db()?, social_worker.id, page).await?;
        Ok(page.connection(items.into_iter().map(Into::into).collect(), total))
    }
}

/// The chair's record of the meeting. Text may have line breaks, but no other control characters.
#[derive(InputObject)]
pub struct RecordMeetingInput {
    /// What we are worried about now, including the impact on the child (up to 10000 characters).
    pub worried_about_now: Option<String>,
    /// Complicating factors (up to 10000 characters).
    pub complicating_factors: Option<String>,
    /// What's going well (up to 10000 characters).
    pub going_well: Option<String>,
    /// Signs of safety (up to 10000 characters).
    pub signs_of_safety: Option<String>,
    /// What needs to happen: the plan (required, up to 10000 characters).
    pub plan: String,
    /// The outcome in staff words, as agencies receive it (required, up to 10000 characters).
    pub outcome_staff_words: String,
    /// The outcome told back to the child in plain words: "You said … — the meeting decided …"
    /// (required, up to 2000 characters).
    pub outcome_child_words: String,
    /// The answer to each point the child made in views shared with you for this meeting (see
    /// `SharedViews.points`). After this write every such point must have an answer (earlier
    /// answers to the same words count; an answer here replaces an earlier one to that point).
    #[graphql(default)]
    pub answers: Vec<crate::answers::graphql::PointAnswerInput>,
}

impl RecordMeetingInput {
    fn parse(&self) -> crate::error::ApiResult<MeetingRecord> {
        MeetingRecord::parse(&RawRecord {
            worried_about_now: self.worried_about_now.as_deref(),
            complicating_factors: self.complicating_factors.as_deref(),
            going_well: self.going_well.as_deref(),
            signs_of_safety: self.signs_of_safety.as_deref(),
            plan: &self.plan,
            outcome_staff_words: &self.outcome_staff_words,
            outcome_child_words: &self.outcome_child_words,
        })
    }

    fn answers(&self) -> crate::error::ApiResult<Vec<crate::answers::Answer>> {
        self.answers.iter().map(|a| a.parse()).collect()
    }
}

#[derive(Default)]
pub struct MeetingsMutation;

#[Object]
impl MeetingsMutation {
    /// Record a meeting you chair (ISRO): the whiteboard and the outcome in staff words and in the
    /// child's words, and an answer to each point the child made in views shared with you. The
    /// meeting becomes held. Recording again replaces the record (both audited). A cancelled
    /// meeting, one more than a day in the future, or a point left without an answer (field
    /// `answers`) is refused and nothing is written.
    async fn record_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting's ID.")] meeting_id: ID,
        #[graphql(desc = "The record.")] input: RecordMeetingInput,
    ) -> async_graphql::Result<Meeting> {
        let viewer = ctx.viewer();
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let chair = policy::chaired_meetings(viewer)?;
        let db = ctx.db()?;
        let current = super::find(db, meeting_id).await?;
        // The chair's record, with their answers to the child's points.
        let tenant = crate::policy::answers::give(viewer, &super::facts(db, &current).await?)?;
        let record = input.parse()?;
        let answers = input.answers()?;
        let model =
            super::record::record(db, chair, tenant, meeting_id, (record, answers), Utc::now())
                .await?;
        Ok(Meeting {
            model,
            exposure: Exposure::FULL,
        })
    }
}

/// Meetings from a list the policy already filtered to the viewer's own (chaired, allocated).
fn full(items: Vec<entity::meeting::Model>) -> Vec<Meeting> {
    items
        .into_iter()
        .map(|model| Meeting {
            model,
            exposure: Exposure::FULL,
        })
        .collect()
}

/// One meeting by row id, showing what the viewer may see of it (`meeting` and `node`).
pub async fn meeting_by_id(ctx: &Context<'_>, id: i32) -> async_graphql::Result<Meeting> {
    let viewer = ctx.viewer();
    policy::may_read_meetings(viewer)?;
    let db = ctx.db()?;
    let model = super::find(db, id).await?;
    let exposure = policy::read(viewer, &super::facts(db, &model).await?)?;
    Ok(Meeting { model, exposure })
}
