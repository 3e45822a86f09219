//! The advocate's side: the child's views read exactly as the child wrote them (every read audited).
//! There is deliberately no way here to change the child's words.
use entity::enums::ActorKind;
use entity::{advocacy_case, audit_event, views};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
};
use serde_json::json;

use super::history::{Version, versions};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::policy::views::{CaseFacts, case_advocate};

/// A case the viewer is the allocated advocate of; anything else is refused or not found.
pub async fn allocated_case(
    conn: &impl ConnectionTrait,
    viewer: &Viewer,
    case_id: i32,
) -> ApiResult<(StaffViewer, advocacy_case::Model)> {
    // Role first, so a refused role learns nothing about which cases exist.
    crate::policy::staff_in(viewer, &[entity::enums::StaffRole::Advocate])?;
    let case = advocacy_case::Entity::find_by_id(case_id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Case"))?;
    let staff = case_advocate(
        viewer,
        CaseFacts {
            tenant: case.local_authority_id,
            advocate_id: case.advocate_id,
        },
    )?
    .clone();
    Ok((staff, case))
}

/// The views of the case's child for the case's meeting.
pub(crate) async fn views_of_case(
    conn: &impl ConnectionTrait,
    case: &advocacy_case::Model,
) -> ApiResult<Option<views::Model>> {
    Ok(views::Entity::find()
        .filter(views::Column::LocalAuthorityId.eq(case.local_authority_id))
        .filter(views::Column::ChildId.eq(case.child_id))
        .filter(views::Column::MeetingId.eq(case.meeting_id))
        .one(conn)
        .await?)
}

/// The child's current views on a case (drafts included: the advocate helps the child write them).
pub async fn case_views(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
) -> ApiResult<Option<views::Model>> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    let views = views_of_case(db, &case).await?;
    if let Some(views) = &views {
        record_read(
            db,
            &staff,
            views,
            json!({ "caseId": case.id, "version": views.version }),
        )
        .await?;
    }
    Ok(views)
}

/// Every version the child submitted on a case, oldest first.
pub async fn case_history(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
) -> ApiResult<Vec<Version>> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    let Some(views) = views_of_case(db, &case).await? else {
        return Ok(Vec::new());
    };
    let all = versions(db, &views).await?;
    if !all.is_empty() {
        let numbers: Vec<i32> = all.iter().map(|v| v.row.version).collect();
        record_read(
            db,
            &staff,
            &views,
            json!({ "caseId": case.id, "versions": numbers }),
        )
        .await?;
    }
    Ok(all)
}

/// Every read of a child's views by anyone but the child leaves a `views.read` event.
pub(crate) async fn record_read(
    conn: &impl ConnectionTrait,
    staff: &StaffViewer,
    views: &views::Model,
    detail: serde_json::Value,
) -> ApiResult<()> {
    read_event(staff, views, detail).insert(conn).await?;
    Ok(())
}

/// The `views.read` event of one read, for a caller that records several in one statement.
pub(crate) fn read_event(
    staff: &StaffViewer,
    views: &views::Model,
    detail: serde_json::Value,
) -> audit_event::ActiveModel {
    audit::event(
        TenantId(views.local_authority_id),
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::ViewsRead,
        Subject::new("views", views.id),
        Some(detail),
    )
}
