//! The child's own operations: their views, their history, who read them, and asking for help now.
//! Every one takes the child from the token; no argument can name another child.
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::graphql::{
    AttendanceChoice, Audience, Feeling, Views, ViewsInput, ViewsPart, ViewsVersion,
};
use super::{Change, IdempotencyKey, PartValue, history, submit, urgent};
use crate::error::{ApiError, ApiResult};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::notify::Told;
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

/// One person who read the child's views, once, with their first and last read.
#[derive(SimpleObject, Clone, Debug)]
pub struct PersonWhoRead {
    /// Who they are to the child, e.g. "your social worker".
    pub who: String,
    /// Their first name.
    pub first_name: String,
    /// The first time they read the views.
    pub first_read_at: DateTime<Utc>,
    /// The last time they read the views (the same as the first when they read them once).
    pub last_read_at: DateTime<Utc>,
    /// How many times they opened the views.
    pub times: i32,
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
    /// Who was told straight away; empty when nobody could be (the request is still kept).
    pub told: Vec<Told>,
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
        Ok(readers(ctx, child, meeting_id).await?)
    }
}

/// Who has read the child's views for one of their meetings, in the child's words.
pub(crate) async fn readers(
    ctx: &Context<'_>,
    child: &crate::auth::ChildViewer,
    meeting_id: i32,
) -> async_graphql::Result<Vec<ViewsReader>> {
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

/// Each person who has read the child's views for one of their meetings once, in the order they
/// first read them.
pub(crate) async fn people_who_read(
    ctx: &Context<'_>,
    child: &crate::auth::ChildViewer,
    meeting_id: i32,
) -> async_graphql::Result<Vec<PersonWhoRead>> {
    let reads = history::who_has_read(ctx.db()?, child, meeting_id).await?;
    Ok(history::by_person(reads)
        .into_iter()
        .map(|p| PersonWhoRead {
            who: history::in_child_words(p.reader.role).to_owned(),
            first_name: p.reader.first_name,
            first_read_at: p.reader.read_at,
            last_read_at: p.last_read_at,
            times: i32::try_from(p.times).unwrap_or(i32::MAX),
        })
        .collect())
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
        let change = Change::Whole(content.content()?);
        let saved =
            super::save_draft(ctx.db()?, child, meeting_id, expected_version, change, None).await?;
        Ok(saved.into())
    }

    /// Save one part of the child's views; the rest stays as it is. `expectedVersion` is the version
    /// the child last saw (0 when they had none). If the views changed since but this part did not,
    /// the part is saved on top of them; if this part changed too, the answer is CONFLICT with the
    /// current views in `extensions.current` and nothing is overwritten. Send only the argument
    /// that goes with `part`.
    #[allow(clippy::too_many_arguments)]
    async fn save_views_part(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "One of the child's own meetings, still to come.")] meeting_id: ID,
        #[graphql(desc = "0 for new views, else the version the child last saw.")]
        expected_version: i32,
        #[graphql(desc = "Which part to save.")] part: ViewsPart,
        #[graphql(
            desc = "WORRIES, GOING_WELL or WANT_TO_HAPPEN: one per box (up to 20, each \
                          up to 2000 letters); left out is none."
        )]
        items: Option<Vec<String>>,
        #[graphql(desc = "FEELING: how you feel; left out clears it.")] feeling: Option<Feeling>,
        #[graphql(desc = "FREE_WORDS: anything else (up to 10000 letters); left out clears it.")]
        free_words: Option<String>,
        #[graphql(desc = "ATTENDANCE: how you want to take part; left out clears it.")]
        attendance: Option<AttendanceChoice>,
        #[graphql(desc = "SHARED_WITH: who may see your views; left out is nobody.")]
        shared_with: Option<Vec<Audience>>,
        #[graphql(
            desc = "Chosen by the app for this save: 8 to 100 of A-Z, a-z, 0-9, - and _. The same \
                    save sent again with the same key (its answer was lost) is not written twice: \
                    the answer is the views as they are."
        )]
        idempotency_key: Option<String>,
    ) -> async_graphql::Result<Views> {
        let child = policy::views::own(ctx.viewer())?;
        let meeting_id = NodeKind::Meeting.parse(&meeting_id, "meetingId")?;
        let sent = PartArgs {
            items,
            feeling,
            free_words,
            attendance,
            shared_with,
        };
        let change = Change::Part(sent.value(part)?);
        let key = idempotency_key
            .as_deref()
            .map(IdempotencyKey::parse)
            .transpose()?;
        let saved =
            super::save_draft(ctx.db()?, child, meeting_id, expected_version, change, key).await?;
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
        let advocate_told = raised.advocate_id.is_some();
        let mut told = raised.told.clone();
        if advocate_told && told.is_empty() {
            // No e-mail address on file, but the advocate's own page shows it at once.
            told.push(Told::Advocate);
        }
        let words: Vec<&str> = told.iter().map(|t| t.child_words()).collect();
        let first = match words.as_slice() {
            [] => "Thank you for telling us. We have saved your message for the people who help \
                   you."
                .to_string(),
            [one] => format!(
                "Thank you for telling us. We have told {one}. They will get back to you as soon \
                 as they can."
            ),
            [first_ones @ .., last] => format!(
                "Thank you for telling us. We have told {} and {last}. Someone will get back to \
                 you as soon as they can.",
                first_ones.join(", ")
            ),
        };
        Ok(UrgentHelpAnswer {
            id: NodeKind::UrgentHelp.id(raised.help.id),
            message: format!(
                "{first} If you are in danger right now, call 999. You can talk to Childline \
                 for free, any time, on 0800 1111."
            ),
            told,
            advocate_told,
            emergency_number: "999".into(),
            childline_number: "0800 1111".into(),
        })
    }
}

/// The value arguments of `saveViewsPart`; exactly the one that goes with the part may be sent.
struct PartArgs {
    items: Option<Vec<String>>,
    feeling: Option<Feeling>,
    free_words: Option<String>,
    attendance: Option<AttendanceChoice>,
    shared_with: Option<Vec<Audience>>,
}

impl PartArgs {
    fn value(self, part: ViewsPart) -> ApiResult<PartValue> {
        let sent = [
            ("items", self.items.is_some()),
            ("feeling", self.feeling.is_some()),
            ("freeWords", self.free_words.is_some()),
            ("attendance", self.attendance.is_some()),
            ("sharedWith", self.shared_with.is_some()),
        ];
        let wanted = match part {
            ViewsPart::Worries | ViewsPart::GoingWell | ViewsPart::WantToHappen => "items",
            ViewsPart::Feeling => "feeling",
            ViewsPart::FreeWords => "freeWords",
            ViewsPart::Attendance => "attendance",
            ViewsPart::SharedWith => "sharedWith",
        };
        if let Some(&(other, _)) = sent.iter().find(|(name, on)| *on && *name != wanted) {
            return Err(ApiError::bad_input(
                other,
                format!("{other} does not go with this part: send only {wanted}."),
            ));
        }
        let items = self.items.unwrap_or_default();
        Ok(match part {
            ViewsPart::Worries => PartValue::Worries(items),
            ViewsPart::GoingWell => PartValue::GoingWell(items),
            ViewsPart::WantToHappen => PartValue::WantToHappen(items),
            ViewsPart::Feeling => PartValue::Feeling(self.feeling.map(Into::into)),
            ViewsPart::FreeWords => PartValue::FreeWords(self.free_words),
            ViewsPart::Attendance => PartValue::Attendance(self.attendance.map(Into::into)),
            ViewsPart::SharedWith => PartValue::SharedWith(
                self.shared_with
                    .unwrap_or_default()
                    .into_iter()
                    .map(Into::into)
                    .collect(),
            ),
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
