//! The statement of a child's views, the advocate's record of handing it over, and where the
//! child's views have gone (`Views.reach`).
use async_graphql::{ComplexObject, Context, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::EntityTrait;

use super::{Reach, Statement};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::meetings::kinds::MeetingKind;
use crate::views::graphql::{Audience, Authorship, Views, ViewsContent};

#[derive(Default)]
pub struct StatementQuery;

#[derive(Default)]
pub struct StatementMutation;

/// One audience the child agreed to, and whether their views have reached it.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsReach {
    /// Who the child agreed may see their views.
    pub audience: Audience,
    /// The views have reached them (shared, or the printed statement handed over).
    pub reached: bool,
    /// When the advocate first shared the views with this audience (social worker, chair).
    pub shared_at: Option<DateTime<Utc>>,
    /// The day the advocate handed the printed statement to this audience (family, meeting).
    pub given_on: Option<NaiveDate>,
}

impl From<Reach> for ViewsReach {
    fn from(r: Reach) -> Self {
        Self {
            audience: r.audience.into(),
            reached: r.shared_at.is_some() || r.given_on.is_some(),
            shared_at: r.shared_at,
            given_on: r.given_on,
        }
    }
}

#[ComplexObject]
impl Views {
    /// For each audience the child agrees to now, whether their views have reached it yet.
    async fn reach(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<ViewsReach>> {
        let id = NodeKind::Views.parse(&self.id, "id")?;
        let db = ctx.db()?;
        // The caller could already read these views; this only says where they went.
        let Some(views) = entity::views::Entity::find_by_id(id).one(db).await? else {
            return Ok(Vec::new());
        };
        Ok(super::reach(db, &views)
            .await?
            .into_iter()
            .map(Into::into)
            .collect())
    }
}

/// One person a version of the views was shared with.
#[derive(SimpleObject, Clone, Debug)]
pub struct StatementShare {
    /// Which of the child's choices the share relied on.
    pub audience: Audience,
    /// Who received it.
    pub recipient_name: String,
    /// The version shared.
    pub version: i32,
    /// When it was shared.
    pub shared_at: DateTime<Utc>,
    /// When they first read it.
    pub read_at: Option<DateTime<Utc>>,
}

/// The printed statement handed by the advocate to the family or the meeting.
#[derive(SimpleObject, Clone, Debug)]
pub struct StatementHanded {
    /// The family, or everyone at the meeting.
    pub audience: Audience,
    /// The version printed.
    pub version: i32,
    /// The day it was handed over.
    pub given_on: NaiveDate,
}

impl From<entity::views_handed::Model> for StatementHanded {
    fn from(h: entity::views_handed::Model) -> Self {
        Self {
            audience: h.audience.into(),
            version: h.version,
            given_on: h.given_on,
        }
    }
}

/// A child's views as a statement for the meeting and the case file: the words exactly as sent.
#[derive(SimpleObject, Clone, Debug)]
pub struct ViewsStatement {
    /// The views.
    pub views_id: ID,
    /// The name the child is known by.
    pub child_name: String,
    /// The meeting the views are for.
    pub meeting_id: ID,
    /// What kind of meeting.
    pub meeting_kind: MeetingKind,
    /// When the meeting is (or was).
    pub meeting_at: Option<DateTime<Utc>>,
    /// Where.
    pub meeting_place: Option<String>,
    /// The version shown: the child's newest sent version (advocate), or the newest shared with you.
    pub version: i32,
    /// When the child sent this version.
    pub sent_at: Option<DateTime<Utc>>,
    #[graphql(flatten)]
    pub content: ViewsContent,
    /// Whose words these are (the child's, or written down by their advocate) and whether the
    /// child confirmed them, as the views are now.
    #[graphql(flatten)]
    pub authorship: Authorship,
    /// Every share of these views: who, when, and when they read it.
    pub shares: Vec<StatementShare>,
    /// Where the advocate handed the printed statement, and when.
    pub handed: Vec<StatementHanded>,
}

impl From<Statement> for ViewsStatement {
    fn from(s: Statement) -> Self {
        Self {
            views_id: NodeKind::Views.id(s.views.id),
            child_name: s.child.preferred_name,
            meeting_id: NodeKind::Meeting.id(s.meeting.id),
            meeting_kind: s.meeting.kind.into(),
            meeting_at: s.meeting.scheduled_at,
            meeting_place: s.meeting.place,
            version: s.version.version,
            sent_at: s.version.submitted_at,
            content: s.content.into(),
            authorship: Authorship::of(&s.views),
            shares: s
                .shares
                .into_iter()
                .map(|(share, name)| StatementShare {
                    audience: share.audience.into(),
                    recipient_name: name,
                    version: share.version,
                    shared_at: share.shared_at,
                    read_at: share.read_at,
                })
                .collect(),
            handed: s.handed.into_iter().map(Into::into).collect(),
        }
    }
}

#[Object]
impl StatementQuery {
    /// The statement of a child's views, to print for the meeting or keep on the case file: the
    /// allocated advocate, or a social worker or chair the views were shared with (while the child
    /// agrees). Reading it is a read of the child's views, and audited as one.
    async fn views_statement(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The views.")] views_id: ID,
    ) -> async_graphql::Result<ViewsStatement> {
        let views_id = NodeKind::Views.parse(&views_id, "viewsId")?;
        Ok(super::load(ctx.db()?, ctx.viewer(), views_id).await?.into())
    }
}

#[Object]
impl StatementMutation {
    /// Record that you (the case's advocate) handed the printed statement of the child's views to
    /// their family, or to everyone at the meeting, on a day. Only an audience the child agreed to;
    /// the social worker and the chair receive the views by `shareViews`. Recording it again for the
    /// same version changes nothing.
    async fn record_statement_handed(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A case allocated to you.")] case_id: ID,
        #[graphql(desc = "FAMILY or MEETING.")] audience: Audience,
        #[graphql(desc = "The day it was handed over (not in the future).")] given_on: NaiveDate,
    ) -> async_graphql::Result<StatementHanded> {
        let case_id = NodeKind::Case.parse(&case_id, "caseId")?;
        let given_on = crate::dates::day("givenOn", given_on)?;
        let handed = super::hand(
            ctx.db()?,
            ctx.viewer(),
            case_id,
            audience.into(),
            given_on,
            Utc::now(),
        )
        .await?;
        Ok(handed.into())
    }
}
