//! What a self-referral can be linked to: the authority's children, each with a meeting still to
//! come (`linkSelfReferral` refuses anything else), for the coordinator to choose from. One child
//! and one meeting per choice, so a plain form can offer them as one list of radio buttons. Asked
//! with the referral, so the coordinator's referral page reads it in its one operation: any other
//! referral (a social worker's, or one already linked, declined or withdrawn) has no choices.
use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::enums::{MeetingStatus, ReferralSource, ReferralStatus};
use entity::{child, meeting, meeting_child, referral};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::meetings::age_on;
use crate::meetings::kinds::MeetingKind;
use crate::policy::referrals as policy;

/// At most this many choices: the coordinator narrows by name when there are more.
pub const MAX_CHOICES: usize = 50;

/// A child of the authority and one of their meetings still to come.
#[derive(SimpleObject)]
pub struct LinkChoice {
    /// The child's opaque ID (`childId` of `linkSelfReferral`).
    pub child_id: ID,
    /// The name the child wants to be called.
    pub preferred_name: String,
    /// Age in whole years today.
    pub age: i32,
    /// Looked after by the local authority (then no parental agreement is needed).
    pub looked_after: bool,
    /// The meeting's opaque ID (`meetingId` of `linkSelfReferral`).
    pub meeting_id: ID,
    /// What kind of meeting it is.
    pub meeting_kind: MeetingKind,
    /// When it is, if a time is set.
    pub scheduled_at: Option<DateTime<Utc>>,
}

#[derive(Default)]
pub struct LinkChoicesQuery;

#[Object]
impl LinkChoicesQuery {
    /// Children of your authority with a meeting still to come, to link this self-referral to
    /// (the coordinator): by child's name, then soonest meeting first; at most 50. Empty when the
    /// referral cannot be linked (not a self-referral, already linked, declined or withdrawn).
    async fn self_referral_link_choices(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The self-referral to link.")] referral_id: ID,
        #[graphql(desc = "Only children whose preferred name contains this (any case).")]
        name: Option<String>,
    ) -> async_graphql::Result<Vec<LinkChoice>> {
        let tenant = policy::coordinate(ctx.viewer())?;
        let id = NodeKind::Referral.parse(&referral_id, "referralId")?;
        let db = ctx.db()?;
        let row = referral::Entity::find_by_id(id)
            .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
            .one(db)
            .await?
            .ok_or(ApiError::NotFound("Referral"))?;
        let open = matches!(
            row.status,
            ReferralStatus::Received | ReferralStatus::PendingConsent | ReferralStatus::Accepted
        );
        if row.source != ReferralSource::SelfReferral || row.child_id.is_some() || !open {
            return Ok(Vec::new());
        }
        let name = name.map(|n| n.trim().to_lowercase()).unwrap_or_default();
        Ok(choices(db, tenant, &name, Utc::now()).await?)
    }
}

pub async fn choices(
    db: &impl ConnectionTrait,
    tenant: TenantId,
    name: &str,
    now: DateTime<Utc>,
) -> ApiResult<Vec<LinkChoice>> {
    let children: Vec<child::Model> = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .order_by_asc(child::Column::PreferredName)
        .order_by_asc(child::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .filter(|c| name.is_empty() || c.preferred_name.to_lowercase().contains(name))
        .collect();
    let links = meeting_child::Entity::find()
        .filter(meeting_child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting_child::Column::ChildId.is_in(children.iter().map(|c| c.id)))
        .all(db)
        .await?;
    let mut meetings: Vec<meeting::Model> = meeting::Entity::find()
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting::Column::Id.is_in(links.iter().map(|l| l.meeting_id)))
        .filter(meeting::Column::Status.eq(MeetingStatus::Scheduled))
        .all(db)
        .await?
        .into_iter()
        .filter(|m| m.scheduled_at.is_none_or(|at| at >= now))
        .collect();
    meetings.sort_by_key(|m| (m.scheduled_at.is_none(), m.scheduled_at, m.id));
    let today = now.date_naive();
    let mut out = Vec::new();
    for c in &children {
        for m in &meetings {
            let linked = links
                .iter()
                .any(|l| l.child_id == c.id && l.meeting_id == m.id);
            if linked && out.len() < MAX_CHOICES {
                out.push(LinkChoice {
                    child_id: NodeKind::Child.id(c.id),
                    preferred_name: c.preferred_name.clone(),
                    age: age_on(c.date_of_birth, today),
                    looked_after: c.looked_after,
                    meeting_id: NodeKind::Meeting.id(m.id),
                    meeting_kind: m.kind.into(),
                    scheduled_at: m.scheduled_at,
                });
            }
        }
    }
    Ok(out)
}
