//! The social worker's and the ISRO's side: views shared with them, read only while the child still
//! agrees to that audience. Opening one marks it read (first time) and is audited every time.
use std::collections::HashMap;

use chrono::Utc;
use entity::enums::Audience;
use entity::{audit_event, child, meeting, view_answer, views, views_share, views_version};
use sea_orm::sea_query::ExprTrait;
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, JoinType, PaginatorTrait, QueryFilter,
    QueryOrder, QuerySelect, RelationTrait, Set,
};
use serde_json::json;

use super::Content;
use super::advocate::{read_event, record_read};
use super::history::snapshot_content;
use crate::auth::Viewer;
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;
use crate::policy::same_tenant;
use crate::policy::views::{Consent, ShareFacts, read_share, share_recipient};

/// One share in the recipient's list, with what the list shows about it.
#[derive(Debug, Clone)]
pub struct Received {
    pub share: views_share::Model,
    /// The views shared (whose words they are, and whether the child confirmed them).
    pub views: views::Model,
    pub child: child::Model,
    pub meeting: meeting::Model,
}

/// One share opened by its recipient: the version shared, as the child wrote it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub received: Received,
    pub version: views_version::Model,
    pub content: Content,
    /// The meeting's answers to these views' points ("You said → we decided").
    pub answers: Vec<view_answer::Model>,
}

/// Which share to open: by its own ID, or the newest share of these views to the viewer.
#[derive(Debug, Clone, Copy)]
pub enum Which {
    Share(i32),
    Views(i32),
}

pub fn consent_of(views: &views::Model) -> Consent {
    Consent {
        social_worker: views.share_with_social_worker,
        chair: views.share_with_chair,
        family: views.share_with_family,
        meeting: views.share_with_meeting,
    }
}

/// Shares to the viewer that the child still agrees to, newest first. Five statements whatever the
/// page size (count, page, views, children, meetings).
pub async fn shared_with_me(
    db: &DatabaseConnection,
    viewer: &Viewer,
    page: Page,
    unread_only: bool,
) -> ApiResult<(Vec<Received>, u64)> {
    let staff = share_recipient(viewer)?;
    let mut query = views_share::Entity::find()
        .join(JoinType::InnerJoin, views_share::Relation::Views.def())
        .filter(views_share::Column::LocalAuthorityId.eq(staff.tenant.0))
        .filter(views_share::Column::RecipientId.eq(staff.id))
        .filter(
            Condition::any()
                .add(
                    views_share::Column::Audience
                        .eq(Audience::SocialWorker)
                        .and(views::Column::ShareWithSocialWorker.eq(true)),
                )
                .add(
                    views_share::Column::Audience
                        .eq(Audience::Chair)
                        .and(views::Column::ShareWithChair.eq(true)),
                ),
        );
    if unread_only {
        query = query.filter(views_share::Column::ReadAt.is_null());
    }
    let total = query.clone().count(db).await?;
    let shares = query
        .order_by_desc(views_share::Column::SharedAt)
        .order_by_desc(views_share::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((with_child_and_meeting(db, shares).await?, total))
}

async fn with_child_and_meeting(
    db: &DatabaseConnection,
    shares: Vec<views_share::Model>,
) -> ApiResult<Vec<Received>> {
    let views: HashMap<i32, views::Model> = views::Entity::find()
        .filter(views::Column::Id.is_in(shares.iter().map(|s| s.views_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|v| (v.id, v))
        .collect();
    let children: HashMap<i32, child::Model> = child::Entity::find()
        .filter(child::Column::Id.is_in(views.values().map(|v| v.child_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let meetings: HashMap<i32, meeting::Model> = meeting::Entity::find()
        .filter(meeting::Column::Id.is_in(views.values().map(|v| v.meeting_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    shares
        .into_iter()
        .map(|share| {
            let v = views
                .get(&share.views_id)
                .ok_or_else(|| ApiError::Internal("share without views".into()))?;
            let child = children.get(&v.child_id).cloned();
            let meeting = meetings.get(&v.meeting_id).cloned();
            match (child, meeting) {
                (Some(child), Some(meeting)) => Ok(Received {
                    share,
                    views: v.clone(),
                    child,
                    meeting,
                }),
                _ => Err(ApiError::Internal("views without child or meeting".into())),
            }
        })
        .collect()
}

/// Open one share: the recipient only, with the child's consent for that audience.
pub async fn open(db: &DatabaseConnection, viewer: &Viewer, which: Which) -> ApiResult<Opened> {
    let staff = share_recipient(viewer)?.clone();
    let share = match which {
        Which::Share(id) => views_share::Entity::find_by_id(id).one(db).await?,
        Which::Views(views_id) => {
            views_share::Entity::find()
                .filter(views_share::Column::LocalAuthorityId.eq(staff.tenant.0))
                .filter(views_share::Column::ViewsId.eq(views_id))
                .filter(views_share::Column::RecipientId.eq(staff.id))
                .order_by_desc(views_share::Column::Version)
                .one(db)
                .await?
        }
    }
    .ok_or(ApiError::NotFound("Shared views"))?;
    let views = views::Entity::find_by_id(share.views_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Shared views"))?;
    read_share(
        viewer,
        ShareFacts {
            tenant: share.local_authority_id,
            recipient_id: share.recipient_id,
            audience: share.audience,
        },
        consent_of(&views),
    )?;
    let version = views_version::Entity::find()
        .filter(views_version::Column::ViewsId.eq(views.id))
        .filter(views_version::Column::Version.eq(share.version))
        .one(db)
        .await?
        .ok_or_else(|| ApiError::Internal("shared version not frozen".into()))?;
    let content = snapshot_content(&version)?;

    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    views_share::Entity::update_many()
        .set(views_share::ActiveModel {
            read_at: Set(Some(now)),
            ..Default::default()
        })
        .filter(views_share::Column::Id.eq(share.id))
        .filter(views_share::Column::ReadAt.is_null())
        .exec(&txn)
        .await?;
    record_read(
        &txn,
        &staff,
        &views,
        json!({ "shareId": share.id, "version": share.version }),
    )
    .await?;
    txn.commit().await?;
    // Read back, so the time shown is the stored one (PostgreSQL keeps microseconds).
    let share = views_share::Entity::find_by_id(share.id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Shared views"))?;
    let mut received = with_child_and_meeting(db, vec![share]).await?;
    let received = received
        .pop()
        .ok_or_else(|| ApiError::Internal("share vanished".into()))?;
    let answers = crate::answers::points::answers_of(db, [views.id]).await?;
    Ok(Opened {
        received,
        version,
        content,
        answers,
    })
}

/// Open, for the chair's meeting page, every child's views for `meeting_id` shared with the
/// viewer: for each child the newest version shared, as `open(Which::Views)` picks it, under the
/// same policy (`read_share`). Each opening is marked read and recorded for its child as `open`
/// records it. The same statements however many children (no read per child). Only a meeting of
/// the viewer's authority.
pub async fn open_for_meeting(
    db: &DatabaseConnection,
    viewer: &Viewer,
    meeting_id: i32,
) -> ApiResult<Vec<Opened>> {
    let staff = share_recipient(viewer)?.clone();
    // Another authority's meeting answers exactly like a missing one.
    let meeting = meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    same_tenant(viewer, meeting.local_authority_id, "Meeting")?;
    let all_views = views::Entity::find()
        .filter(views::Column::LocalAuthorityId.eq(staff.tenant.0))
        .filter(views::Column::MeetingId.eq(meeting_id))
        .all(db)
        .await?;
    if all_views.is_empty() {
        return Ok(Vec::new());
    }
    let shares = views_share::Entity::find()
        .filter(views_share::Column::LocalAuthorityId.eq(staff.tenant.0))
        .filter(views_share::Column::RecipientId.eq(staff.id))
        .filter(views_share::Column::ViewsId.is_in(all_views.iter().map(|v| v.id)))
        .order_by_desc(views_share::Column::Version)
        .order_by_desc(views_share::Column::Id)
        .all(db)
        .await?;
    // Newest first, so the first share of each views is the one to open; a share the child no
    // longer agrees to is left out, as `open` would refuse it.
    let mut picked: Vec<(views_share::Model, &views::Model)> = Vec::new();
    for share in shares {
        let Some(views) = all_views.iter().find(|v| v.id == share.views_id) else {
            continue;
        };
        let facts = ShareFacts {
            tenant: share.local_authority_id,
            recipient_id: share.recipient_id,
            audience: share.audience,
        };
        let allowed = read_share(viewer, facts, consent_of(views)).is_ok();
        if allowed && !picked.iter().any(|(s, _)| s.views_id == share.views_id) {
            picked.push((share, views));
        }
    }
    if picked.is_empty() {
        return Ok(Vec::new());
    }
    let frozen = picked.iter().fold(Condition::any(), |any, (share, _)| {
        any.add(
            views_version::Column::ViewsId
                .eq(share.views_id)
                .and(views_version::Column::Version.eq(share.version)),
        )
    });
    let versions = views_version::Entity::find().filter(frozen).all(db).await?;

    let share_ids: Vec<i32> = picked.iter().map(|(s, _)| s.id).collect();
    let txn = crate::db::begin_write(db).await?;
    views_share::Entity::update_many()
        .set(views_share::ActiveModel {
            read_at: Set(Some(Utc::now())),
            ..Default::default()
        })
        .filter(views_share::Column::Id.is_in(share_ids.clone()))
        .filter(views_share::Column::ReadAt.is_null())
        .exec(&txn)
        .await?;
    let events = picked.iter().map(|(share, views)| {
        let detail = json!({ "shareId": share.id, "version": share.version });
        read_event(&staff, views, detail)
    });
    audit_event::Entity::insert_many(events)
        .exec_without_returning(&txn)
        .await?;
    txn.commit().await?;

    // Read back, so the times shown are the stored ones (as `open` does).
    let shares = views_share::Entity::find()
        .filter(views_share::Column::Id.is_in(share_ids))
        .all(db)
        .await?;
    let answers = crate::answers::points::answers_of(db, shares.iter().map(|s| s.views_id)).await?;
    let mut opened = Vec::with_capacity(shares.len());
    for received in with_child_and_meeting(db, shares).await? {
        let version = versions
            .iter()
            .find(|v| v.views_id == received.share.views_id && v.version == received.share.version)
            .cloned()
            .ok_or_else(|| ApiError::Internal("shared version not frozen".into()))?;
        let content = snapshot_content(&version)?;
        let answers = answers
            .iter()
            .filter(|a| a.views_id == received.share.views_id)
            .cloned()
            .collect();
        opened.push(Opened {
            received,
            version,
            content,
            answers,
        });
    }
    opened.sort_by(|a, b| {
        a.received
            .child
            .preferred_name
            .cmp(&b.received.child.preferred_name)
    });
    Ok(opened)
}
