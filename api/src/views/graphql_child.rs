//! The child's own operations: their views, their history, who read them, and asking for help now.
//! Every one takes the child from the token; no argument can name another child.
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::graphql::{Views, ViewsInput, ViewsVersion};
use super::{Content, IdempotencyKey, history, submit, urgent};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy;

#[derive(Default)]
pub struct ChildViewsQuery;

#[derive(Default)]
pub struct ChildViewsMutation;

/// Someone who read the child's views, told in the child's words.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsReader {
    /// Who they are to the child, e.g. "your social worker".
    pub who: String,
    /// Their first name.
    pub first_name: String,
    /// When they read the views.
    pub read_at: DateTime<Utc>,
}

/// What the child is told after asking for help now.
#[derive(SimpleObject, Clone, Debug)]
pub struct UrgentHelpAnswer {
    /// The request, for staff to find it.
    pub id: ID,
    /// What we say to the child, in plain words.
    pub message: String,
    /// True when the child's advocate was told straight away.
    pub advocate_told: bool,
    /// The emergency number: 999.
    pub emergency_number: String,
    /// Childline, free and open any time: 0800 1111.
    pub childline_number: String,
}

/// The longest message kept with a request for help (longer is cut, never refused).
const HELP_MESSAGE_CHARS: usize = crate::text::LONG;

#[Object]
impl ChildViewsQuery {
    /// The signed-in child's views for one of their meetings; null when they have not started.
    async fn my_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "One of the child's own meetings.")] meeting_id: ID,
    ) -> async_graphql::Result<Option<Views>> {
        let child = policy::views::own(ctx.viewer())?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let views = super::my_views(ctx.db()?, child, meeting_id).await?;
        Ok(views.map(Into::into))
    }

    /// The versions of their views the child has submitted for a meeting, oldest first.
    async fn my_views_history(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "One of the child's own meetings.")] meeting_id: ID,
    ) -> async_graphql::Result<Vec<ViewsVersion>> {
        let child = policy::views::own(ctx.viewer())?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let versions = history::my_history(ctx.db()?, child, meeting_id).await?;
        Ok(versions.into_iter().map(Into::into).collect())
    }

    /// Who has read the child's views for a meeting, and when, oldest first.
    async fn who_has_read_my_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "One of the child's own meetings.")] meeting_id: ID,
    ) -> async_graphql::Result<Vec<ViewsReader>> {
        let child = policy::views::own(ctx.viewer())?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let readers = history::who_has_read(ctx.db()?, child, meeting_id).await?;
        Ok(readers
            .into_iter()
            .map(|r| ViewsReader {
                who: history::in_child_words(r.role).to_owned(),
                first_name: r.first_name,
                read_at: r.read_at,
            })
            .collect())
    }
}

#[Object]
impl ChildViewsMutation {
    /// Save the child's views as a draft. `expectedVersion` is 0 for new views, else the version the
    /// child last saw; if the views changed since, the answer is CONFLICT with the current views in
    /// `extensions.current` and nothing is overwritten.
    async fn save_views_draft(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "One of the child's own meetings, still to come.")] meeting_id: ID,
        #[graphql(desc = "0 for new views, else the version the child last saw.")]
        expected_version: i32,
        #[graphql(desc = "The whole of the child's views as they are now.")] content: ViewsInput,
    ) -> async_graphql::Result<Views> {
        let child = policy::views::own(ctx.viewer())?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let content = Content::from(content).checked()?;
        let saved =
            super::save_draft(ctx.db()?, child, meeting_id, expected_version, content).await?;
        Ok(saved.into())
    }

    /// The child says their views are finished. A retry with the same `idempotencyKey` answers the
    /// same and never submits twice; submitting again after more changes keeps earlier versions.
    async fn submit_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "One of the child's own meetings, still to come.")] meeting_id: ID,
        #[graphql(desc = "The version the child is submitting (the one they last saw).")]
        expected_version: i32,
        #[graphql(
            desc = "Chosen by the app for this submission: 8 to 100 of A-Z, a-z, 0-9, - and _."
        )]
        idempotency_key: String,
    ) -> async_graphql::Result<Views> {
        let child = policy::views::own(ctx.viewer())?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let key = IdempotencyKey::parse(&idempotency_key)?;
        let submitted = submit::submit(
            ctx.db()?,
            ctx.writes()?,
            child,
            meeting_id,
            expected_version,
            key,
        )
        .await?;
        Ok(submitted.into())
    }

    /// The child does not feel safe and wants help now. Always recorded; the child's advocate is told
    /// at once when the child has one. The answer always gives 999 and Childline.
    async fn request_urgent_help(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "Anything the child wants to say (optional; long messages are cut, never refused)."
        )]
        message: Option<String>,
    ) -> async_graphql::Result<UrgentHelpAnswer> {
        let child = policy::views::own(ctx.viewer())?;
        let raised = urgent::raise(ctx.db()?, child, keepable(message)).await?;
        if let Some(event) = raised.event() {
            ctx.events()?.publish(event);
        }
        let told = raised.advocate_id.is_some();
        let first = if told {
            "Thank you for telling us. We have told your advocate, and they will get back to you \
             as soon as they can."
        } else {
            "Thank you for telling us. We have saved your message for the people who help you."
        };
        Ok(UrgentHelpAnswer {
            id: NodeKind::UrgentHelp.id(raised.help.id),
            message: format!(
                "{first} If you are in danger right now, call 999. You can talk to Childline \
                 for free, any time, on 0800 1111."
            ),
            advocate_told: told,
            emergency_number: "999".into(),
            childline_number: "0800 1111".into(),
        })
    }
}

/// A child asking for help is never turned away over their message: keep what we can store.
fn keepable(message: Option<String>) -> Option<String> {
    let cleaned: String = message?
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t' | '\r'))
        .take(HELP_MESSAGE_CHARS)
        .collect();
    let cleaned = cleaned.trim();
    (!cleaned.is_empty()).then(|| cleaned.to_owned())
}
