//! `upsertChild` and `upsertMeeting` for case-management systems. Resolvers parse, ask the policy,
//! call the service.
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};

use super::{ChildRecord, MeetingRecord, Upserted};
use crate::audit::actor;
use crate::error::ApiError;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::meetings::kinds::MeetingKind;
use crate::policy::records as policy;
use crate::text::{self, LONG, SHORT};

/// What sending a record did.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpsertOutcome {
    /// A new record was made for this reference.
    Created,
    /// The record for this reference was changed to what was sent.
    Updated,
    /// The record was already exactly what was sent: nothing changed.
    Unchanged,
}

impl From<Upserted> for UpsertOutcome {
    fn from(u: Upserted) -> Self {
        match u {
            Upserted::Created => Self::Created,
            Upserted::Updated => Self::Updated,
            Upserted::Unchanged => Self::Unchanged,
        }
    }
}

/// A record after it was sent.
#[derive(SimpleObject)]
pub struct UpsertedRecord {
    /// myvoice's ID for it (a child's or a meeting's), for `createReferral`.
    pub id: ID,
    /// Your reference, as sent.
    pub reference: String,
    /// Whether it was made, changed, or already so.
    pub outcome: UpsertOutcome,
}

/// A child as your case-management system holds them: only what the advocacy work needs.
#[derive(InputObject)]
pub struct UpsertChildInput {
    /// Your system's own reference for the child (unique in your authority): the same reference
    /// always means the same child.
    pub reference: String,
    /// The name the child wants to be called.
    pub preferred_name: String,
    /// Date of birth.
    pub date_of_birth: NaiveDate,
    /// Looked after by the local authority (then parental agreement to advocacy is not needed).
    pub looked_after: bool,
    /// The child's first language, e.g. "en"; English when left out.
    pub language: Option<String>,
    /// Communication needs, or "none".
    pub communication_needs: Option<String>,
    /// Who the child lives with.
    pub lives_with: Option<String>,
    /// The allocated social worker (an active social worker of your authority).
    pub social_worker_id: Option<ID>,
}

/// A meeting as your case-management system holds it.
#[derive(InputObject)]
pub struct UpsertMeetingInput {
    /// Your system's own reference for the meeting (unique in your authority).
    pub reference: String,
    /// The kind of meeting.
    pub kind: MeetingKind,
    /// When it starts (kept to the second); null for advice and assistance with no meeting.
    pub scheduled_at: Option<DateTime<Utc>>,
    /// Where it is held.
    pub place: Option<String>,
    /// The chair (an active ISRO of your authority).
    pub chair_id: Option<ID>,
    /// The meeting's social worker (an active social worker of your authority).
    pub social_worker_id: Option<ID>,
    /// The children it is about, by your references (sent with `upsertChild` first). Children are
    /// added, never removed: a child's views for the meeting stay with it.
    pub child_references: Vec<String>,
}

fn staff_id(id: Option<&ID>, field: &'static str) -> async_graphql::Result<Option<i32>> {
    Ok(id
        .map(|id| NodeKind::StaffUser.parse(id, field))
        .transpose()?)
}

#[derive(Default)]
pub struct RecordsMutation;

#[Object]
impl RecordsMutation {
    /// Create or update a child by your system's reference (integrators with `WRITE_RECORDS`).
    /// Sending the same record again changes nothing and answers UNCHANGED.
    async fn upsert_child(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child as your system holds them.")] input: UpsertChildInput,
    ) -> async_graphql::Result<UpsertedRecord> {
        let tenant = policy::write(ctx.viewer())?;
        let language = text::optional("language", input.language.as_deref(), SHORT)?;
        let record = ChildRecord {
            reference: text::required("reference", &input.reference, SHORT)?,
            preferred_name: text::required("preferredName", &input.preferred_name, SHORT)?,
            date_of_birth: crate::dates::day("dateOfBirth", input.date_of_birth)?,
            looked_after: input.looked_after,
            language: language.unwrap_or_else(|| "en".to_owned()),
            communication_needs: text::optional(
                "communicationNeeds",
                input.communication_needs.as_deref(),
                LONG,
            )?,
            lives_with: text::optional("livesWith", input.lives_with.as_deref(), LONG)?,
            social_worker_id: staff_id(input.social_worker_id.as_ref(), "socialWorkerId")?,
        };
        let reference = record.reference.clone();
        let actor = actor(ctx.viewer());
        let (row, upserted) =
            super::upsert_child(ctx.db()?, tenant, actor, record, Utc::now()).await?;
        Ok(UpsertedRecord {
            id: NodeKind::Child.id(row.id),
            reference,
            outcome: upserted.into(),
        })
    }

    /// Create or update a meeting by your system's reference (integrators with `WRITE_RECORDS`).
    /// Sending the same record again changes nothing and answers UNCHANGED.
    async fn upsert_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting as your system holds it.")] input: UpsertMeetingInput,
    ) -> async_graphql::Result<UpsertedRecord> {
        let tenant = policy::write(ctx.viewer())?;
        if input.child_references.is_empty() || input.child_references.len() > 20 {
            return Err(ApiError::bad_input(
                "childReferences",
                "Name between 1 and 20 children the meeting is about.",
            )
            .into());
        }
        let child_references = input
            .child_references
            .iter()
            .map(|r| text::required("childReferences", r, SHORT))
            .collect::<Result<Vec<_>, _>>()?;
        let record = MeetingRecord {
            reference: text::required("reference", &input.reference, SHORT)?,
            kind: input.kind.into(),
            scheduled_at: input
                .scheduled_at
                .map(|at| crate::dates::moment("scheduledAt", at))
                .transpose()?,
            place: text::optional("place", input.place.as_deref(), SHORT)?,
            chair_id: staff_id(input.chair_id.as_ref(), "chairId")?,
            social_worker_id: staff_id(input.social_worker_id.as_ref(), "socialWorkerId")?,
            child_references,
        };
        let reference = record.reference.clone();
        let actor = actor(ctx.viewer());
        let (row, upserted) =
            super::upsert_meeting(ctx.db()?, tenant, actor, record, Utc::now()).await?;
        Ok(UpsertedRecord {
            id: NodeKind::Meeting.id(row.id),
            reference,
            outcome: upserted.into(),
        })
    }

    /// Cancel a meeting by your system's reference (integrators with `WRITE_RECORDS`), with the
    /// reason. Cancelling again changes nothing and answers UNCHANGED; a meeting that has happened
    /// cannot be cancelled (CONFLICT). The children's views stay with them.
    async fn cancel_meeting_by_reference(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Your system's reference for the meeting.")] reference: String,
        #[graphql(desc = "Why it was cancelled (for staff).")] reason: String,
    ) -> async_graphql::Result<UpsertedRecord> {
        let tenant = policy::write(ctx.viewer())?;
        let reference = text::required("reference", &reference, SHORT)?;
        let reason = text::required("reason", &reason, LONG)?;
        let db = ctx.db()?;
        let row = crate::meetings::schedule::by_reference(db, tenant, &reference).await?;
        let actor = actor(ctx.viewer());
        let (row, changed) =
            crate::meetings::schedule::cancel(db, tenant, actor, row.id, reason, Utc::now())
                .await?;
        Ok(UpsertedRecord {
            id: NodeKind::Meeting.id(row.id),
            reference,
            outcome: if changed {
                UpsertOutcome::Updated
            } else {
                UpsertOutcome::Unchanged
            },
        })
    }
}
