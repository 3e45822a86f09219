//! Words recorded for a child (issue 20, item 3): the advocate writes the child's views from a visit
//! or a paper sheet; the child confirms them on their phone, or the advocate records that the child
//! confirmed in person.
use async_graphql::{Context, ID, Object};
use chrono::NaiveDate;

use super::graphql::{RecordedHow, Views, ViewsInput};
use super::recorded;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;

#[derive(Default)]
pub struct RecordedViewsMutation;

#[Object]
impl RecordedViewsMutation {
    /// The allocated advocate of an open case writes down the child's views for the case's meeting
    /// (from a visit or a paper sheet). They are submitted at once as a new version (earlier
    /// versions are kept) and marked `writtenBy: ADVOCATE` until the child confirms them.
    async fn record_views_for_child(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "An open case allocated to the viewer.")] case_id: ID,
        #[graphql(desc = "The child's words and choices, exactly as the child gave them.")]
        input: ViewsInput,
        #[graphql(desc = "Where the advocate heard them.")] how: RecordedHow,
    ) -> async_graphql::Result<Views> {
        let case = NodeKind::Case.parse(&case_id, "caseId")?;
        let content = input.content()?;
        let saved = recorded::record(ctx.db()?, ctx.viewer(), case, content, how.into()).await?;
        Ok(saved.into())
    }

    /// The allocated advocate records that the child confirmed, in person, the words the advocate
    /// wrote for them.
    async fn child_confirmed_in_person(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to the viewer.")] case_id: ID,
        #[graphql(desc = "The day the child confirmed (not in the future).")] on: NaiveDate,
    ) -> async_graphql::Result<Views> {
        let case = NodeKind::Case.parse(&case_id, "caseId")?;
        let saved = recorded::confirmed_in_person(ctx.db()?, ctx.viewer(), case, on).await?;
        Ok(saved.into())
    }

    /// The child says "Yes, that is right" about the words their advocate wrote for them for a
    /// meeting. (To change them instead, the child saves their views as usual: then the words
    /// are the child's own.)
    async fn confirm_my_views(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child's meeting.")] meeting_id: ID,
    ) -> async_graphql::Result<Views> {
        let meeting = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let saved = recorded::confirm_on_phone(ctx.db()?, ctx.viewer(), meeting).await?;
        Ok(saved.into())
    }
}
