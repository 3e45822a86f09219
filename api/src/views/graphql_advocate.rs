//! The advocate's operations: reads (never writes) the child's words on the cases allocated to them,
//! keeps notes of their own, answers urgent help and shares the views. Every other role is refused.
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::graphql::{Audience, Views, ViewsStatus, ViewsVersion};
use super::{advocate, notes, share, urgent};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};

#[derive(Default)]
pub struct AdvocateViewsQuery;

#[derive(Default)]
pub struct AdvocateViewsMutation;

/// The advocate's own note on a case (never the child's words).
#[derive(SimpleObject, Clone, Debug)]
pub struct AdvocateNote {
    /// Global ID of the note.
    pub id: ID,
    /// The case the note is on.
    pub case_id: ID,
    /// Who wrote the note.
    pub author_name: String,
    /// The note.
    pub body: String,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

impl From<notes::Note> for AdvocateNote {
    fn from(n: notes::Note) -> Self {
        Self {
            id: NodeKind::AdvocateNote.id(n.note.id),
            case_id: NodeKind::Case.id(n.note.case_id),
            author_name: n.author_name,
            body: n.note.body,
            created_at: n.note.created_at,
        }
    }
}

/// A child's request for help now.
#[derive(SimpleObject, Clone, Debug)]
pub struct UrgentHelp {
    /// Global ID of the request.
    pub id: ID,
    /// The case it was raised on, if the child had an open one.
    pub case_id: Option<ID>,
    /// The child's preferred first name.
    pub child_first_name: String,
    /// What the child wrote, if anything.
    pub message: Option<String>,
    /// When the child asked.
    pub raised_at: DateTime<Utc>,
    /// When the advocate acknowledged it; null while open.
    pub acknowledged_at: Option<DateTime<Utc>>,
}

impl From<urgent::OpenRequest> for UrgentHelp {
    fn from(r: urgent::OpenRequest) -> Self {
        Self {
            id: NodeKind::UrgentHelp.id(r.help.id),
            case_id: r.help.case_id.map(|id| NodeKind::Case.id(id)),
            child_first_name: r.child.preferred_name,
            message: r.help.message,
            raised_at: r.help.raised_at,
            acknowledged_at: r.help.acknowledged_at,
        }
    }
}

/// One person the views were sent to.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsRecipient {
    /// Global ID of this share.
    pub share_id: ID,
    /// Which of the child's consents it relies on.
    pub audience: Audience,
    /// The recipient's name.
    pub name: String,
    /// When the views were sent.
    pub shared_at: DateTime<Utc>,
}

/// The result of sharing a child's views.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsSharing {
    /// The views that were shared.
    pub views_id: ID,
    /// The version that was sent.
    pub version: i32,
    /// Now SHARED.
    pub status: ViewsStatus,
    /// One entry per person the views were sent to.
    pub recipients: Vec<ViewsRecipient>,
}

#[Object]
impl AdvocateViewsQuery {
    /// The child's views on a case allocated to the viewer (advocate), read-only, exactly as the child
    /// wrote them; null when the child has not started. Every read is recorded in the audit trail.
    async fn case_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to the viewer.")] case_id: ID,
    ) -> async_graphql::Result<Option<Views>> {
        let case_id = NodeKind::Case.parse(&case_id, "caseId")?;
        let views = advocate::case_views(ctx.db()?, ctx.viewer(), case_id).await?;
        Ok(views.map(Into::into))
    }

    /// Every version the child submitted on a case allocated to the viewer, oldest first (audited).
    async fn case_views_history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to the viewer.")] case_id: ID,
    ) -> async_graphql::Result<Vec<ViewsVersion>> {
        let case_id = NodeKind::Case.parse(&case_id, "caseId")?;
        let versions = advocate::case_history(ctx.db()?, ctx.viewer(), case_id).await?;
        Ok(versions.into_iter().map(Into::into).collect())
    }

    /// The advocate's own notes on a case allocated to them, newest first.
    async fn advocate_notes(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to the viewer.")] case_id: ID,
        #[graphql(desc = "How many notes (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last note already seen.")] after: Option<String>,
    ) -> async_graphql::Result<List<AdvocateNote>> {
        let case_id = NodeKind::Case.parse(&case_id, "caseId")?;
        let page = Page::parse(first, after)?;
        let (items, total) = notes::list(ctx.db()?, ctx.viewer(), case_id, page).await?;
        Ok(page.connection(items.into_iter().map(Into::into).collect(), total))
    }

    /// Requests for help now, not yet acknowledged, from children on the viewer's cases, newest first.
    async fn open_urgent_help(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many requests (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last request already seen.")] after: Option<String>,
    ) -> async_graphql::Result<List<UrgentHelp>> {
        let page = Page::parse(first, after)?;
        let (items, total) = urgent::open_for_advocate(ctx.db()?, ctx.viewer(), page).await?;
        Ok(page.connection(items.into_iter().map(Into::into).collect(), total))
    }
}

#[Object]
impl AdvocateViewsMutation {
    /// Send the child's submitted views, before the meeting, to the meeting's social worker and chair,
    /// each only if the child agreed. Refused for family group conferences (views are not sent in
    /// advance), before the child submits, when the child agreed to nobody who can receive them, and
    /// after the meeting.
    async fn share_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to the viewer.")] case_id: ID,
    ) -> async_graphql::Result<ViewsSharing> {
        let case_id = NodeKind::Case.parse(&case_id, "caseId")?;
        let shared = share::share_views(ctx.db()?, ctx.viewer(), case_id).await?;
        let events = ctx.events()?;
        for event in shared.events() {
            events.publish(event);
        }
        Ok(ViewsSharing {
            views_id: NodeKind::Views.id(shared.views.id),
            version: shared.views.version,
            status: shared.views.status.into(),
            recipients: shared
                .shares
                .into_iter()
                .map(|(s, person)| ViewsRecipient {
                    share_id: NodeKind::ViewsShare.id(s.id),
                    audience: s.audience.into(),
                    name: person.name,
                    shared_at: s.shared_at,
                })
                .collect(),
        })
    }

    /// Add the advocate's own note to a case allocated to them (the child's words are never changed).
    async fn add_advocate_note(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to the viewer.")] case_id: ID,
        #[graphql(desc = "The note (up to 2000 characters).")] body: String,
    ) -> async_graphql::Result<AdvocateNote> {
        let case_id = NodeKind::Case.parse(&case_id, "caseId")?;
        let body = crate::text::required("body", &body, super::notes::NOTE_MAX)?;
        let note = notes::add(ctx.db()?, ctx.viewer(), case_id, body).await?;
        Ok(note.into())
    }

    /// The case's advocate has seen a child's request for help now. Acknowledging twice changes nothing.
    async fn acknowledge_urgent_help(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The request for help.")] id: ID,
    ) -> async_graphql::Result<UrgentHelp> {
        let id = NodeKind::UrgentHelp.parse(&id, "id")?;
        let help = urgent::acknowledge(ctx.db()?, ctx.viewer(), id).await?;
        Ok(help.into())
    }
}
