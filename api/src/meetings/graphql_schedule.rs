//! `createMeeting`, `moveMeeting` and `cancelMeeting` for staff. Resolvers parse, ask the policy,
//! call the service (`schedule`).
use std::collections::BTreeSet;

use async_graphql::{Context, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::kinds::MeetingKind;
use super::schedule::{self, Move, NewMeeting};
use super::types::Meeting;
use crate::audit::actor;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy::meetings::Exposure;
use crate::policy::schedule as policy;
use crate::text::{self, LONG, SHORT};

/// A meeting as staff set it up.
#[derive(InputObject)]
pub struct NewMeetingInput {
    /// The kind of meeting.
    pub kind: MeetingKind,
    /// When it starts; required except for advice and assistance or a complaint.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Where it is held.
    pub place: Option<String>,
    /// The chair (an active ISRO of your authority). A follow-up keeps the earlier chair when left
    /// out; an ISRO setting up a follow-up chairs it.
    pub chair_id: Option<ID>,
    /// The children it is about. A follow-up is about the earlier meeting's children when left empty.
    #[graphql(default)]
    pub child_ids: Vec<ID>,
    /// The agencies invited. A follow-up invites the earlier meeting's agencies when left empty.
    #[graphql(default)]
    pub agency_ids: Vec<ID>,
    /// The meeting at whose end this one was agreed (e.g. the review after a conference).
    pub follow_up_of: Option<ID>,
}

fn ids(list: &[ID], kind: NodeKind, field: &'static str) -> async_graphql::Result<BTreeSet<i32>> {
    if list.len() > schedule::MAX_AGENCIES {
        return Err(crate::error::ApiError::bad_input(field, "Too many.").into());
    }
    Ok(list
        .iter()
        .map(|id| kind.parse(id, field))
        .collect::<Result<_, _>>()?)
}

fn reason(raw: &str) -> async_graphql::Result<String> {
    Ok(text::required("reason", raw, LONG)?)
}

fn changed(model: entity::meeting::Model) -> Meeting {
    // Whoever may move or cancel a meeting is its chair or social worker: they read all of it.
    Meeting {
        model,
        exposure: Exposure::FULL,
    }
}

/// An ISRO who may chair a meeting (CP chair or IRO).
#[derive(SimpleObject)]
pub struct Chair {
    /// The ISRO's opaque ID, to give as `chairId`.
    pub id: ID,
    /// Their full name, as staff know each other.
    pub name: String,
}

#[derive(Default)]
pub struct ScheduleQuery;

#[Object]
impl ScheduleQuery {
    /// The active ISROs of your authority, by name: who may chair a meeting you set up (social
    /// worker, ISRO, coordinator).
    async fn chairs(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<Chair>> {
        let staff = policy::may_create(ctx.viewer())?;
        let rows = schedule::chairs(ctx.db()?, staff.tenant).await?;
        Ok(rows
            .into_iter()
            .map(|row| Chair {
                id: NodeKind::StaffUser.id(row.id),
                name: row.name,
            })
            .collect())
    }
}

#[derive(Default)]
pub struct ScheduleMutation;

#[Object]
impl ScheduleMutation {
    /// Set up a meeting: the social worker of the children it is about; the chair for the follow-up
    /// agreed at the end of a meeting they chair; the coordinator for advice and assistance or a
    /// complaint.
    async fn create_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting.")] input: NewMeetingInput,
    ) -> async_graphql::Result<Meeting> {
        let viewer = ctx.viewer();
        policy::may_create(viewer)?;
        let new = NewMeeting {
            kind: input.kind.into(),
            scheduled_at: input
                .scheduled_at
                .map(|at| crate::dates::moment("scheduledAt", at))
                .transpose()?,
            place: text::optional("place", input.place.as_deref(), SHORT)?,
            chair_id: input
                .chair_id
                .as_ref()
                .map(|id| NodeKind::StaffUser.parse(id, "chairId"))
                .transpose()?,
            child_ids: ids(&input.child_ids, NodeKind::Child, "childIds")?,
            agency_ids: ids(&input.agency_ids, NodeKind::Agency, "agencyIds")?,
            follow_up_of: input
                .follow_up_of
                .as_ref()
                .map(|id| NodeKind::Meeting.parse(id, "followUpOf"))
                .transpose()?,
        };
        let model = schedule::create(ctx.db()?, viewer, new, Utc::now()).await?;
        Ok(Meeting {
            model,
            exposure: Exposure::default(),
        })
    }

    /// Move a meeting to another time (and place): its social worker or its chair. A cancelled or
    /// held meeting cannot be moved (CONFLICT). The child's page says it moved.
    async fn move_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting.")] id: ID,
        #[graphql(desc = "When it starts now.")] scheduled_at: DateTime<Utc>,
        #[graphql(desc = "Where it is held now; left out, the place stays.")] place: Option<String>,
        #[graphql(desc = "Why it moved (for staff).")] reason: String,
    ) -> async_graphql::Result<Meeting> {
        let viewer = ctx.viewer();
        policy::may_change(viewer)?;
        let db = ctx.db()?;
        let id = NodeKind::Meeting.parse(&id, "id")?;
        let change = Move {
            at: crate::dates::moment("scheduledAt", scheduled_at)?,
            place: text::optional("place", place.as_deref(), SHORT)?,
            reason: self::reason(&reason)?,
        };
        let staff = policy::change(
            viewer,
            &super::facts(db, &super::find(db, id).await?).await?,
        )?;
        let model =
            schedule::move_to(db, staff.tenant, actor(viewer), id, change, Utc::now()).await?;
        Ok(changed(model))
    }

    /// Cancel a meeting: its social worker or its chair. A held meeting cannot be cancelled
    /// (CONFLICT); cancelling again changes nothing. The children's views stay with them, and their
    /// page says the meeting is not happening now.
    async fn cancel_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting.")] id: ID,
        #[graphql(desc = "Why it was cancelled (for staff).")] reason: String,
    ) -> async_graphql::Result<Meeting> {
        let viewer = ctx.viewer();
        policy::may_change(viewer)?;
        let db = ctx.db()?;
        let id = NodeKind::Meeting.parse(&id, "id")?;
        let reason = self::reason(&reason)?;
        let staff = policy::change(
            viewer,
            &super::facts(db, &super::find(db, id).await?).await?,
        )?;
        let (model, _) =
            schedule::cancel(db, staff.tenant, actor(viewer), id, reason, Utc::now()).await?;
        Ok(changed(model))
    }
}
