//! The advocate sends the child's submitted views, before the meeting, to the people the child agreed
//! to: the meeting's social worker and its chair (the ISRO). Never for family group conferences.
use chrono::Utc;
use entity::enums::{Audience, CaseStatus, MeetingKind, StaffRole, ViewsStatus};
use entity::{advocacy_case, child, meeting, staff_user, views, views_share, views_version};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;

use super::advocate::{allocated_case, views_of_case};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::events::Event;

/// What a share did: the views (now shared) and one row per person who received them.
#[derive(Debug, Clone)]
pub struct Shared {
    pub views: views::Model,
    pub shares: Vec<(views_share::Model, staff_user::Model)>,
}

impl Shared {
    /// One event per recipient, to publish after the commit.
    pub fn events(&self) -> Vec<Event> {
        self.shares
            .iter()
            .map(|(share, _)| Event::ViewsShared {
                tenant: TenantId(share.local_authority_id),
                recipient_id: share.recipient_id,
                views_id: share.views_id,
            })
            .collect()
    }
}

pub async fn share_views(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
) -> ApiResult<Shared> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    let meeting = meeting::Entity::find_by_id(case.meeting_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    if meeting.kind == MeetingKind::FamilyGroupConference {
        return Err(ApiError::conflict(
            "Views are not sent in advance for a family group conference: the family plans \
             together at the conference, where the child or their advocate shares the views.",
        ));
    }
    let past = meeting.scheduled_at.is_some_and(|at| at <= Utc::now());
    if past || meeting.status != entity::enums::MeetingStatus::Scheduled {
        return Err(ApiError::conflict(
            "The meeting has already happened or was cancelled, so the views can no longer be \
             sent before it.",
        ));
    }
    let views = views_of_case(db, &case)
        .await?
        .filter(|v| v.status != ViewsStatus::Draft)
        .ok_or_else(|| {
            ApiError::conflict(
                "The child has not submitted their views yet, so there is nothing to share.",
            )
        })?;
    if views.status == ViewsStatus::Shared {
        return Err(ApiError::conflict(
            "This version of the views has already been shared. Share again after the child \
             submits a new version.",
        ));
    }
    let recipients = recipients(db, &case, &meeting, &views).await?;

    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    // Guarded write first: two shares at once cannot both send the same version.
    let claimed = views::Entity::update_many()
        .set(views::ActiveModel {
            status: Set(ViewsStatus::Shared),
            ..Default::default()
        })
        .filter(views::Column::Id.eq(views.id))
        .filter(views::Column::Version.eq(views.version))
        .filter(views::Column::Status.eq(ViewsStatus::Submitted))
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        return Err(ApiError::conflict(
            "The child's views changed while you were sharing them. Please look again.",
        ));
    }
    views_version::Entity::update_many()
        .set(views_version::ActiveModel {
            status: Set(ViewsStatus::Shared),
            ..Default::default()
        })
        .filter(views_version::Column::ViewsId.eq(views.id))
        .filter(views_version::Column::Version.eq(views.version))
        .exec(&txn)
        .await?;
    advocacy_case::Entity::update_many()
        .set(advocacy_case::ActiveModel {
            status: Set(CaseStatus::ViewsShared),
            ..Default::default()
        })
        .filter(advocacy_case::Column::Id.eq(case.id))
        .exec(&txn)
        .await?;
    let mut shares = Vec::new();
    for (person, audience) in recipients {
        let share = views_share::ActiveModel {
            local_authority_id: Set(views.local_authority_id),
            views_id: Set(views.id),
            version: Set(views.version),
            recipient_id: Set(person.id),
            audience: Set(audience),
            shared_by: Set(staff.id),
            shared_at: Set(now),
            read_at: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        shares.push((share, person));
    }
    audit::record(
        &txn,
        staff.tenant,
        (entity::enums::ActorKind::Staff, Some(staff.id)),
        AuditAction::ViewsShared,
        Subject::new("views", views.id),
        Some(json!({
            "caseId": case.id,
            "version": views.version,
            "recipients": shares.iter().map(|(s, _)| json!({
                "staffId": s.recipient_id,
                "audience": s.audience,
            })).collect::<Vec<_>>(),
        })),
    )
    .await?;
    for (share, _) in &shares {
        let notice = crate::notify::Notice::ViewsShared {
            share_id: share.id,
            recipient_id: share.recipient_id,
        };
        crate::notify::enqueue(&txn, staff.tenant, notice, now).await?;
    }
    txn.commit().await?;
    let views = views::Model {
        status: ViewsStatus::Shared,
        ..views
    };
    Ok(Shared { views, shares })
}

/// The meeting's social worker (else the child's allocated one) if the child agreed, and the chair if
/// the child agreed. Nobody left to send to is a conflict that says why.
async fn recipients(
    db: &DatabaseConnection,
    case: &advocacy_case::Model,
    meeting: &meeting::Model,
    views: &views::Model,
) -> ApiResult<Vec<(staff_user::Model, Audience)>> {
    if !views.share_with_social_worker && !views.share_with_chair {
        return Err(ApiError::conflict(
            "The child has not agreed to share their views with the social worker or the chair \
             of the meeting, so they cannot be sent.",
        ));
    }
    let mut wanted: Vec<(i32, Audience, StaffRole)> = Vec::new();
    if views.share_with_social_worker {
        let child_sw = child::Entity::find_by_id(case.child_id)
            .one(db)
            .await?
            .and_then(|c| c.social_worker_id);
        if let Some(id) = meeting.social_worker_id.or(child_sw) {
            wanted.push((id, Audience::SocialWorker, StaffRole::SocialWorker));
        }
    }
    if views.share_with_chair
        && let Some(id) = meeting.chair_id
        && !wanted.iter().any(|(w, _, _)| *w == id)
    {
        wanted.push((id, Audience::Chair, StaffRole::Isro));
    }
    let people = staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(case.local_authority_id))
        .filter(staff_user::Column::Id.is_in(wanted.iter().map(|(id, _, _)| *id)))
        .filter(staff_user::Column::Active.eq(true))
        .all(db)
        .await?;
    let found: Vec<(staff_user::Model, Audience)> = wanted
        .into_iter()
        .filter_map(|(id, audience, role)| {
            people
                .iter()
                .find(|p| p.id == id && p.role == role)
                .map(|p| (p.clone(), audience))
        })
        .collect();
    if found.is_empty() {
        return Err(ApiError::conflict(
            "Nobody the child agreed to is recorded for this meeting: add the meeting's social \
             worker or chair first.",
        ));
    }
    Ok(found)
}
