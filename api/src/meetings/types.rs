//! What GraphQL shows of a meeting: the staff view (whiteboard and outcome as the policy allows), the
//! child's own view (outcome in the child's words only) and the social worker's allocated children.
use async_graphql::{ComplexObject, Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::enums::MeetingStatus as Status;
use entity::{child, meeting};

use super::kinds::{MeetingKind, MeetingStatus, allowed_audiences, in_plain_words};
use super::{age_on, first_name};
use crate::error::{ApiResult, loaded};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::loaders::{
    AgencyKey, ChildMeetingsKey, MeetingAgenciesKey, MeetingChildrenKey, OwnViewsKey, StaffKey,
    ViewsForMeetingKey,
};
use crate::policy::meetings::Exposure;
use crate::views::graphql::{Audience, Views};

/// The audiences a meeting of this kind allows, as GraphQL shows them.
fn audiences_of(model: &meeting::Model) -> Vec<Audience> {
    allowed_audiences(model.kind)
        .iter()
        .copied()
        .map(Into::into)
        .collect()
}

/// A meeting about one or more children, as staff and integrators see it.
pub struct Meeting {
    pub model: meeting::Model,
    pub exposure: Exposure,
}

/// A member of staff, by name only.
#[derive(SimpleObject)]
pub struct StaffName {
    /// Full name, as staff know each other.
    pub name: String,
}

/// A child the meeting is about.
#[derive(SimpleObject)]
pub struct MeetingChild {
    /// The child's opaque ID.
    pub id: ID,
    /// The first name the child wants to be called.
    pub first_name: String,
    /// The child's language (a code like cy or pl, or a name such as Polish), for the chair to
    /// plan the meeting in it.
    pub language: String,
    /// An interpreter is needed at the meeting to work with the child.
    pub interpreter_needed: bool,
}

/// The conference whiteboard: what everyone at the meeting agreed to write down, under five headings.
#[derive(SimpleObject)]
pub struct Whiteboard {
    /// What we are worried about now, including the impact on the child.
    pub worried_about_now: Option<String>,
    /// Complicating factors.
    pub complicating_factors: Option<String>,
    /// What's going well.
    pub going_well: Option<String>,
    /// Signs of safety.
    pub signs_of_safety: Option<String>,
    /// What needs to happen: the plan.
    pub plan: Option<String>,
}

impl Whiteboard {
    pub fn of(m: &meeting::Model) -> Option<Self> {
        m.recorded_at.map(|_| Self {
            worried_about_now: m.worried_about_now.clone(),
            complicating_factors: m.complicating_factors.clone(),
            going_well: m.going_well.clone(),
            signs_of_safety: m.signs_of_safety.clone(),
            plan: m.plan.clone(),
        })
    }
}

pub(crate) async fn staff_name(ctx: &Context<'_>, id: Option<i32>) -> ApiResult<Option<String>> {
    let Some(id) = id else { return Ok(None) };
    Ok(loaded(ctx.loaders()?.load_one(StaffKey(id)).await)?.map(|s| s.name))
}

pub(crate) async fn child_first_names(
    ctx: &Context<'_>,
    meeting_id: i32,
) -> ApiResult<Vec<MeetingChild>> {
    let children = loaded(
        ctx.loaders()?
            .load_one(MeetingChildrenKey(meeting_id))
            .await,
    )?;
    Ok(children
        .unwrap_or_default()
        .into_iter()
        .map(|c| MeetingChild {
            id: NodeKind::Child.id(c.id),
            first_name: first_name(&c.preferred_name),
            language: c.language,
            interpreter_needed: c.interpreter_needed,
        })
        .collect())
}

/// A meeting about a child: a conference, review or other meeting advocacy serves.
#[Object]
impl Meeting {
    /// The meeting's opaque ID.
    pub(crate) async fn id(&self) -> ID {
        NodeKind::Meeting.id(self.model.id)
    }

    /// What kind of meeting this is.
    async fn kind(&self) -> MeetingKind {
        self.model.kind.into()
    }

    /// When the meeting starts; null for advice and assistance or a complaint with no meeting.
    async fn scheduled_at(&self) -> Option<DateTime<Utc>> {
        self.model.scheduled_at
    }

    /// Where the meeting takes place.
    async fn place(&self) -> Option<&str> {
        self.model.place.as_deref()
    }

    /// Scheduled, held (recorded) or cancelled.
    async fn status(&self) -> MeetingStatus {
        self.model.status.into()
    }

    /// Who a child may choose to see their views for a meeting of this kind (views are not sent
    /// ahead of a family group conference; advice or a complaint has no chair).
    async fn allowed_audiences(&self) -> Vec<Audience> {
        audiences_of(&self.model)
    }

    /// The ISRO chairing the meeting (CP chair or IRO).
    async fn chair(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<StaffName>> {
        Ok(staff_name(ctx, self.model.chair_id)
            .await?
            .map(|name| StaffName { name }))
    }

    /// The social worker for the meeting.
    async fn social_worker(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<StaffName>> {
        Ok(staff_name(ctx, self.model.social_worker_id)
            .await?
            .map(|name| StaffName { name }))
    }

    /// The children the meeting is about, by first name.
    async fn children(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<MeetingChild>> {
        Ok(child_first_names(ctx, self.model.id).await?)
    }

    /// The whiteboard, once the chair has recorded the meeting.
    async fn whiteboard(&self) -> Option<Whiteboard> {
        self.exposure
            .whiteboard
            .then(|| Whiteboard::of(&self.model))
            .flatten()
    }

    /// The outcome in staff words, once recorded. Null for integrators without `READ_OUTCOMES`.
    async fn outcome_staff_words(&self) -> Option<&str> {
        self.exposure
            .outcome
            .then_some(self.model.outcome_staff_words.as_deref())
            .flatten()
    }

    /// The outcome as it is told back to the child, once recorded. Null for integrators without
    /// `READ_OUTCOMES`.
    async fn outcome_child_words(&self) -> Option<&str> {
        self.exposure
            .outcome
            .then_some(self.model.outcome_child_words.as_deref())
            .flatten()
    }

    /// When the chair last recorded the meeting; null until then.
    async fn recorded_at(&self) -> Option<DateTime<Utc>> {
        self.model.recorded_at
    }

    /// The agencies invited to the meeting, by name.
    async fn invited_agencies(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::outcomes::graphql::Agency>> {
        let loaders = ctx.loaders()?;
        let ids = loaded(loaders.load_one(MeetingAgenciesKey(self.model.id)).await)?;
        let agencies = loaded(
            loaders
                .load_many(ids.unwrap_or_default().into_iter().map(AgencyKey))
                .await,
        )?;
        let mut agencies: Vec<_> = agencies.into_values().collect();
        agencies.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(agencies
            .into_iter()
            .map(crate::outcomes::graphql::Agency)
            .collect())
    }

    /// The meeting at whose end this one was agreed; null if none.
    async fn follow_up_of(&self) -> Option<ID> {
        self.model
            .follow_up_of_id
            .map(|id| NodeKind::Meeting.id(id))
    }

    /// When the meeting was last moved; null if never.
    async fn moved_at(&self) -> Option<DateTime<Utc>> {
        self.model.moved_at
    }

    /// Why it was last moved.
    async fn move_reason(&self) -> Option<&str> {
        self.model.move_reason.as_deref()
    }

    /// When the meeting was cancelled; null unless it was.
    async fn cancelled_at(&self) -> Option<DateTime<Utc>> {
        self.model.cancelled_at
    }

    /// Why it was cancelled.
    async fn cancel_reason(&self) -> Option<&str> {
        self.model.cancel_reason.as_deref()
    }
}

/// One of the child's own meetings, as the child sees it.
pub struct MyMeeting(pub meeting::Model);

/// A meeting about the signed-in child, told in the child's words.
#[Object]
impl MyMeeting {
    /// This meeting's opaque ID.
    async fn id(&self) -> ID {
        NodeKind::Meeting.id(self.0.id)
    }

    /// What kind of meeting it is (the child's pages show `inPlainWords`).
    async fn kind(&self) -> MeetingKind {
        self.0.kind.into()
    }

    /// What the meeting is, in plain words for the child.
    async fn in_plain_words(&self) -> &'static str {
        in_plain_words(self.0.kind)
    }

    /// When the meeting is.
    async fn scheduled_at(&self) -> Option<DateTime<Utc>> {
        self.0.scheduled_at
    }

    /// Where the meeting is.
    async fn place(&self) -> Option<&str> {
        self.0.place.as_deref()
    }

    /// Whether it is still to come, has happened, or was called off.
    async fn status(&self) -> MeetingStatus {
        self.0.status.into()
    }

    /// What the meeting said about each thing you said, in the order of your views ("You said … —
    /// the meeting decided …"); empty until the meeting is recorded.
    async fn answers(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::answers::graphql::MyAnswer>> {
        crate::answers::graphql::my_answers(ctx, self.0.id).await
    }

    /// Who you may choose to see your views for this meeting.
    async fn allowed_audiences(&self) -> Vec<Audience> {
        audiences_of(&self.0)
    }

    /// Your views for this meeting; null until you save something (the same as `myViews`).
    async fn my_views(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<Views>> {
        let child = crate::policy::views::own(ctx.viewer())?;
        let key = ViewsForMeetingKey {
            child_id: child.child_id,
            meeting_id: self.0.id,
        };
        let views = loaded(ctx.loaders()?.load_one(OwnViewsKey(key)).await)?;
        Ok(views.map(Into::into))
    }

    /// Who has read your views for this meeting, and when, oldest first (the same as
    /// `whoHasReadMyViews`).
    async fn who_has_read_my_views(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::views::ViewsReader>> {
        let child = crate::policy::views::own(ctx.viewer())?;
        crate::views::readers(ctx, child, self.0.id).await
    }

    /// Each person who has read your views for this meeting once, with their first and last read,
    /// in the order they first read them.
    async fn people_who_read_my_views(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<crate::views::PersonWhoRead>> {
        let child = crate::policy::views::own(ctx.viewer())?;
        crate::views::people_who_read(ctx, child, self.0.id).await
    }

    /// The first name of the person who runs the meeting.
    async fn chair_first_name(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<String>> {
        Ok(staff_name(ctx, self.0.chair_id)
            .await?
            .map(|n| first_name(&n)))
    }

    /// When your meeting was moved to a new time or place; null if it never moved.
    async fn moved_at(&self) -> Option<DateTime<Utc>> {
        self.0.moved_at
    }

    /// When your meeting was called off; null unless it was. Your views stay yours.
    async fn cancelled_at(&self) -> Option<DateTime<Utc>> {
        self.0.cancelled_at
    }

    /// What the meeting decided, told to you in plain words. Empty until the meeting has happened.
    async fn outcome_for_me(&self) -> Option<&str> {
        (self.0.status == Status::Held)
            .then_some(self.0.outcome_child_words.as_deref())
            .flatten()
    }
}

/// The child's advocate, by first name.
#[derive(SimpleObject)]
pub struct MyAdvocate {
    /// Your advocate's first name.
    pub first_name: String,
}

/// A child allocated to the social worker.
#[derive(SimpleObject)]
#[graphql(complex)]
pub struct AllocatedChild {
    /// The child's opaque ID.
    pub id: ID,
    /// The name the child wants to be called.
    pub preferred_name: String,
    /// Age in whole years today.
    pub age: i32,
    /// Looked after by the local authority (in care).
    pub looked_after: bool,
    #[graphql(skip)]
    pub child_id: i32,
}

impl From<child::Model> for AllocatedChild {
    fn from(c: child::Model) -> Self {
        Self {
            id: NodeKind::Child.id(c.id),
            age: age_on(c.date_of_birth, Utc::now().date_naive()),
            preferred_name: c.preferred_name,
            looked_after: c.looked_after,
            child_id: c.id,
        }
    }
}

#[ComplexObject]
impl AllocatedChild {
    /// The child's meetings, soonest first, with their whiteboard and outcome once recorded.
    async fn meetings(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Meeting>> {
        let meetings = loaded(
            ctx.loaders()?
                .load_one(ChildMeetingsKey(self.child_id))
                .await,
        )?;
        Ok(meetings
            .unwrap_or_default()
            .into_iter()
            .map(|model| Meeting {
                model,
                exposure: Exposure::FULL,
            })
            .collect())
    }
}
