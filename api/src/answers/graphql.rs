//! The GraphQL side of answers: the chair's `answers` in `RecordMeetingInput`, each point with its
//! answer on `SharedViews.points`, and the child's own `MyMeeting.answers`.
use async_graphql::{Context, Enum, ID, InputObject, SimpleObject};
use chrono::{DateTime, Utc};
use entity::{enums, view_answer};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::Answer;
use super::points::{Point, answer_to, part_order};
use crate::error::ApiResult;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;

/// A part of the child's views a point comes from.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ViewPart")]
pub enum ViewPart {
    /// Things the child worries about.
    Worries,
    /// Things that are going well.
    GoingWell,
    /// What the child wants to happen.
    WantToHappen,
    /// Anything else the child wanted to say (one point, index 0).
    FreeWords,
}

/// How the meeting answered a point the child made.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::AnswerKind")]
pub enum AnswerKind {
    /// The meeting agreed.
    Agreed,
    /// Not this time, because … (the words say why).
    NotThisTime,
    /// We will talk about it at … (the words say when).
    TalkAboutLater,
    /// The child's advocate will explain (words optional).
    AdvocateWillExplain,
}

/// The chair's answer to one point of a child's views, in words the child will read.
#[derive(InputObject, Clone, Debug)]
pub struct PointAnswerInput {
    /// The child's views (`SharedViews.viewsId`).
    pub views_id: ID,
    /// The part of the views the point is in.
    pub part: ViewPart,
    /// The point's place in its part, from 0 (0 for the free words).
    pub index: i32,
    /// How the meeting answered.
    pub kind: AnswerKind,
    /// The answer in plain words for the child (required unless the advocate will explain; up to
    /// 2000 characters).
    pub words: Option<String>,
}

impl PointAnswerInput {
    pub fn parse(&self) -> ApiResult<Answer> {
        let views_id = NodeKind::Views.parse(&self.views_id, "answers")?;
        Answer::parse(
            views_id,
            self.part.into(),
            self.index,
            self.kind.into(),
            self.words.as_deref(),
        )
    }
}

/// How one point was answered.
#[derive(SimpleObject, Clone, Debug)]
pub struct PointAnswer {
    /// How the meeting answered.
    pub kind: AnswerKind,
    /// The answer in plain words for the child (may be null when the advocate will explain).
    pub words: Option<String>,
    /// When it was answered.
    pub answered_at: DateTime<Utc>,
}

impl From<&view_answer::Model> for PointAnswer {
    fn from(a: &view_answer::Model) -> Self {
        Self {
            kind: a.kind.into(),
            words: a.words.clone(),
            answered_at: a.answered_at,
        }
    }
}

/// One point the child made, in their exact words, with the meeting's answer once given.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewPoint {
    /// The part of the views it is in.
    pub part: ViewPart,
    /// Its place in that part, from 0 (send it back as `PointAnswerInput.index`).
    pub index: i32,
    /// The child's exact words.
    pub said: String,
    /// The answer to these words; null until the chair answers them.
    pub answer: Option<PointAnswer>,
}

/// The points of one version with the answers given to them.
pub fn with_answers(
    views_id: i32,
    points: Vec<Point>,
    answers: &[view_answer::Model],
) -> Vec<ViewPoint> {
    points
        .into_iter()
        .map(|point| ViewPoint {
            answer: answer_to(answers, views_id, &point).map(Into::into),
            part: point.part.into(),
            index: point.index,
            said: point.said,
        })
        .collect()
}

/// What the meeting said about one thing you said (for a child).
#[derive(SimpleObject, Clone, Debug)]
pub struct MyAnswer {
    /// Where it is in your views.
    pub part: ViewPart,
    /// Its place there, from 0.
    pub index: i32,
    /// What you said, in your words.
    pub said: String,
    /// What the meeting decided.
    pub kind: AnswerKind,
    /// The answer in plain words (may be null when your advocate will explain).
    pub words: Option<String>,
}

/// The answers to the signed-in child's own points for one meeting, in the order of their views.
pub async fn my_answers(
    ctx: &Context<'_>,
    meeting_id: i32,
) -> async_graphql::Result<Vec<MyAnswer>> {
    let child = crate::policy::answers::read_own(ctx.viewer())?;
    let mut rows = view_answer::Entity::find()
        .filter(view_answer::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(view_answer::Column::MeetingId.eq(meeting_id))
        .filter(view_answer::Column::ChildId.eq(child.child_id))
        .all(ctx.db()?)
        .await?;
    rows.sort_by_key(|a| (part_order(a.part), a.item_index));
    Ok(rows
        .into_iter()
        .map(|a| MyAnswer {
            part: a.part.into(),
            index: a.item_index,
            said: a.said,
            kind: a.kind.into(),
            words: a.words,
        })
        .collect())
}
