//! Words recorded for a child (issue 20, item 3): the advocate writes down the child's views from a
//! visit or a paper sheet, as a submitted version like the child's own (earlier versions kept),
//! marked as written by the advocate until the child confirms them on their phone ("Is this what
//! you said?") or the advocate records that the child confirmed in person, with the day.
//! When the child changes them instead, the saved words are the child's own again (`update`).
use chrono::{NaiveDate, SubsecRound, Utc};
use entity::enums::{ActorKind, CaseStatus, ConfirmedHow, ViewsAuthor, ViewsStatus};
use entity::{meeting, views, views_version};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    Set,
};
use serde_json::json;

use super::advocate::{allocated_case, views_of_case};
use super::{Content, Snapshot, find, parts, still_to_come, write_over};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// Where the advocate heard the child's words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Heard {
    /// On a visit: the advocate wrote down what the child said.
    Visit,
    /// From a paper sheet the child filled in.
    Paper,
}

/// The advocate of an open case writes the child's views for the case's meeting, submitted at once.
pub async fn record(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
    content: Content,
    heard: Heard,
) -> ApiResult<views::Model> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    if case.status == CaseStatus::Closed {
        return Err(ApiError::bad_input(
            "caseId",
            "This case is closed: the child's views can no longer be recorded on it.",
        ));
    }
    let content = content.checked()?;
    let meeting = meeting::Entity::find_by_id(case.meeting_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    still_to_come(&meeting)?;
    let current = views_of_case(db, &case).await?;
    let now = Utc::now().trunc_subsecs(6);
    let txn = crate::db::begin_write(db).await?;
    let saved = match current {
        None => {
            let mut row = views::ActiveModel {
                local_authority_id: Set(case.local_authority_id),
                child_id: Set(case.child_id),
                meeting_id: Set(case.meeting_id),
                case_id: Set(Some(case.id)),
                status: Set(ViewsStatus::Submitted),
                version: Set(1),
                submitted_at: Set(Some(now)),
                idempotency_key: Set(None),
                updated_at: Set(now),
                created_at: Set(now),
                part_versions: Set(Some(parts::after_save(None, &content, 1))),
                written_by: Set(ViewsAuthor::Advocate),
                confirmed_at: Set(None),
                confirmed_how: Set(None),
                confirmed_on: Set(None),
                ..Default::default()
            };
            content.write_to(&mut row);
            row.insert(&txn).await?
        }
        Some(current) => {
            let version = current.version + 1;
            let mut row = views::ActiveModel {
                status: Set(ViewsStatus::Submitted),
                submitted_at: Set(Some(now)),
                idempotency_key: Set(None),
                updated_at: Set(now),
                part_versions: Set(Some(parts::after_save(Some(&current), &content, version))),
                written_by: Set(ViewsAuthor::Advocate),
                confirmed_at: Set(None),
                confirmed_how: Set(None),
                confirmed_on: Set(None),
                ..Default::default()
            };
            content.write_to(&mut row);
            // Guarded by the version read, so a save by the child meanwhile is never overwritten.
            write_over(&txn, &current, row)
                .await?
                .ok_or_else(|| ApiError::Conflict {
                    message: "The child changed their views just now. Open the case again and \
                              look before you record them."
                        .into(),
                    current: None,
                })?
        }
    };
    let snapshot = Snapshot {
        content: Content::of(&saved),
        idempotency_key: None,
    };
    views_version::ActiveModel {
        local_authority_id: Set(saved.local_authority_id),
        views_id: Set(saved.id),
        version: Set(saved.version),
        snapshot: Set(serde_json::to_value(&snapshot)
            .map_err(|e| ApiError::Internal(format!("snapshot: {e}")))?),
        status: Set(ViewsStatus::Submitted),
        submitted_at: Set(Some(now)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::ViewsRecordedByAdvocate,
        Subject::new("views", saved.id),
        Some(json!({ "version": saved.version, "heard": heard })),
    )
    .await?;
    txn.commit().await?;
    Ok(saved)
}

/// The child says "Yes, that is right" about the words their advocate wrote for a meeting.
pub async fn confirm_on_phone(
    db: &DatabaseConnection,
    viewer: &Viewer,
    meeting_id: i32,
) -> ApiResult<views::Model> {
    let child = crate::policy::views::own(viewer)?.clone();
    super::child_meeting(db, &child, meeting_id).await?;
    let views = find(db, &child, meeting_id)
        .await?
        .ok_or(ApiError::NotFound("Views"))?;
    confirm(
        db,
        child.tenant,
        (ActorKind::Child, Some(child.child_id)),
        views,
        ConfirmedHow::OnPhone,
        None,
    )
    .await
}

/// The advocate records that the child confirmed their words in person, on `on`.
pub async fn confirmed_in_person(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
    on: NaiveDate,
) -> ApiResult<views::Model> {
    let (staff, case) = allocated_case(db, viewer, case_id).await?;
    if on > Utc::now().date_naive() {
        return Err(ApiError::bad_input(
            "on",
            "The day the child confirmed cannot be in the future.",
        ));
    }
    let views = views_of_case(db, &case)
        .await?
        .ok_or(ApiError::NotFound("Views"))?;
    confirm(
        db,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        views,
        ConfirmedHow::InPerson,
        Some(on),
    )
    .await
}

async fn confirm(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: (ActorKind, Option<i32>),
    views: views::Model,
    how: ConfirmedHow,
    on: Option<NaiveDate>,
) -> ApiResult<views::Model> {
    if views.written_by != ViewsAuthor::Advocate {
        return Err(ApiError::bad_input(
            "views",
            "These words are the child's own: there is nothing to confirm.",
        ));
    }
    if views.confirmed_at.is_some() {
        return Ok(views);
    }
    let txn = crate::db::begin_write(db).await?;
    // Guarded by the version: a confirmation is of the words as they were shown.
    views::Entity::update_many()
        .set(views::ActiveModel {
            confirmed_at: Set(Some(Utc::now())),
            confirmed_how: Set(Some(how)),
            confirmed_on: Set(on),
            ..Default::default()
        })
        .filter(views::Column::Id.eq(views.id))
        .filter(views::Column::Version.eq(views.version))
        .filter(views::Column::ConfirmedAt.is_null())
        .exec(&txn)
        .await?;
    audit::record(
        &txn,
        tenant,
        actor,
        AuditAction::ViewsConfirmed,
        Subject::new("views", views.id),
        Some(json!({ "version": views.version, "how": how })),
    )
    .await?;
    txn.commit().await?;
    reread(db, views.id).await
}

async fn reread(conn: &impl ConnectionTrait, id: i32) -> ApiResult<views::Model> {
    views::Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Views"))
}
