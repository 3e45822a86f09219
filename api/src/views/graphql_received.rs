//! The social worker's and the ISRO's side: children's views shared with them, read only while the
//! child agrees to that audience. Everyone else is refused (the advocate reads through `caseViews`).
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::graphql::{Audience, Authorship, ViewsContent};
use super::received::{self, Opened, Received, Which};
use crate::answers::graphql::{ViewPoint, with_answers};
use crate::answers::points::of_content;
use crate::error::ApiError;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};
use crate::meetings::kinds::MeetingKind;

#[derive(Default)]
pub struct ReceivedViewsQuery;

/// Views shared with the viewer (the list shows who and when, not the content).
#[derive(SimpleObject, Clone, Debug)]
pub struct ReceivedViews {
    /// Global ID of the share; open it with `sharedViews(shareId:)`.
    pub share_id: ID,
    /// The child's views.
    pub views_id: ID,
    /// The child's preferred first name.
    pub child_first_name: String,
    /// The kind of meeting the views are for.
    pub meeting_kind: MeetingKind,
    /// When the meeting is (null when it has no time).
    pub meeting_at: Option<DateTime<Utc>>,
    /// Why the viewer received them: as the social worker or as the chair.
    pub audience: Audience,
    /// The version shared.
    pub version: i32,
    /// When they were shared.
    pub shared_at: DateTime<Utc>,
    /// When the viewer first opened them; null while unread.
    pub read_at: Option<DateTime<Utc>>,
    #[graphql(flatten)]
    pub authorship: Authorship,
}

impl From<Received> for ReceivedViews {
    fn from(r: Received) -> Self {
        Self {
            share_id: NodeKind::ViewsShare.id(r.share.id),
            views_id: NodeKind::Views.id(r.share.views_id),
            child_first_name: r.child.preferred_name,
            meeting_kind: r.meeting.kind.into(),
            meeting_at: r.meeting.scheduled_at,
            audience: r.share.audience.into(),
            version: r.share.version,
            shared_at: r.share.shared_at,
            read_at: r.share.read_at,
            authorship: Authorship::of(&r.views),
        }
    }
}

/// A child's views as shared with the viewer, exactly as the child wrote them.
#[derive(SimpleObject, Clone, Debug)]
pub struct SharedViews {
    #[graphql(flatten)]
    pub about: ReceivedViews,
    /// When the child submitted this version.
    pub submitted_at: Option<DateTime<Utc>>,
    #[graphql(flatten)]
    pub content: ViewsContent,
    /// Each point the child made in this version (every worry, good thing and wish, and their free
    /// words), with the meeting's answer to it once the chair has given one.
    pub points: Vec<ViewPoint>,
}

impl From<Opened> for SharedViews {
    fn from(o: Opened) -> Self {
        let views_id = o.received.share.views_id;
        let points = with_answers(views_id, of_content(&o.content), &o.answers);
        Self {
            about: o.received.into(),
            submitted_at: o.version.submitted_at,
            content: o.content.into(),
            points,
        }
    }
}

#[Object]
impl ReceivedViewsQuery {
    /// Children's views shared with the viewer (social worker or ISRO) that the child still agrees
    /// to, newest first. Shows who and when; open one with `sharedViews` to read it.
    async fn views_shared_with_me(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Cursor of the last one already seen.")] after: Option<String>,
        #[graphql(desc = "Only those not opened yet.", default)] unread_only: bool,
    ) -> async_graphql::Result<List<ReceivedViews>> {
        let page = Page::parse(first, after)?;
        let (items, total) =
            received::shared_with_me(ctx.db()?, ctx.viewer(), page, unread_only).await?;
        Ok(page.connection(items.into_iter().map(Into::into).collect(), total))
    }

    /// Read a child's views shared with the viewer: only its recipient, and only while the child
    /// agrees to that audience. The first read marks it read; every read is recorded for the child.
    async fn shared_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The share to open (from `viewsSharedWithMe`).")] share_id: Option<ID>,
        #[graphql(desc = "Or the views: opens the newest version shared with the viewer.")]
        views_id: Option<ID>,
    ) -> async_graphql::Result<SharedViews> {
        let which = match (share_id, views_id) {
            (Some(id), None) => Which::Share(NodeKind::ViewsShare.parse(&id, "shareId")?),
            (None, Some(id)) => Which::Views(NodeKind::Views.parse(&id, "viewsId")?),
            _ => {
                return Err(
                    ApiError::bad_input("shareId", "Give either shareId or viewsId.").into(),
                );
            }
        };
        let opened = received::open(ctx.db()?, ctx.viewer(), which).await?;
        Ok(opened.into())
    }

    /// Read every child's views shared with the viewer for one meeting (the chair's meeting page):
    /// for each child the newest version shared, as `sharedViews(viewsId:)` opens it, under the same
    /// rules. Each one is marked read and its reading recorded for the child, as `sharedViews` does.
    async fn shared_views_for_meeting(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The meeting the views are for.")] meeting_id: ID,
    ) -> async_graphql::Result<Vec<SharedViews>> {
        let meeting = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let opened = received::open_for_meeting(ctx.db()?, ctx.viewer(), meeting).await?;
        Ok(opened.into_iter().map(Into::into).collect())
    }
}
