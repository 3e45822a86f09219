//! "My views are finished": freeze the current version, once per idempotency key.
use chrono::Utc;
use entity::enums::{ActorKind, ViewsStatus};
use entity::{views, views_version};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, SqlErr,
    TransactionTrait,
};
use serde_json::json;

use super::{Content, IdempotencyKey, Snapshot, child_meeting, current_json, find, still_to_come};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::ChildViewer;
use crate::error::{ApiError, ApiResult};

/// Submit the child's views at `expected_version`. A retry with the same key (sequential or at the
/// same moment) answers with the views as they are and never writes a second version.
pub async fn submit(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
    expected_version: i32,
    key: IdempotencyKey,
) -> ApiResult<views::Model> {
    let meeting = child_meeting(db, child, meeting_id).await?;
    let Some(current) = find(db, child, meeting_id).await? else {
        return Err(nothing_yet());
    };
    if already_sent_with(db, child, &current, &key).await? {
        // Read again: the submission this retries may have committed after `current` was read.
        return find(db, child, meeting_id).await?.ok_or_else(nothing_yet);
    }
    still_to_come(&meeting)?;
    check_can_submit(&current, expected_version)?;

    let txn = db.begin().await?;
    // Written first and guarded by version and status, so of two requests at once only one submits;
    // the other finds the key below and answers as a retry.
    let now = Utc::now();
    let claimed = views::Entity::update_many()
        .set(views::ActiveModel {
            status: Set(ViewsStatus::Submitted),
            submitted_at: Set(Some(now)),
            idempotency_key: Set(Some(key.as_ref().to_owned())),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(views::Column::Id.eq(current.id))
        .filter(views::Column::Version.eq(expected_version))
        .filter(views::Column::Status.eq(ViewsStatus::Draft))
        .exec(&txn)
        .await;
    let claimed = match claimed {
        Ok(result) => result.rows_affected == 1,
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(key_used_elsewhere());
        }
        Err(e) => return Err(e.into()),
    };
    if !claimed {
        drop(txn);
        let now_current = find(db, child, meeting_id).await?.ok_or_else(nothing_yet)?;
        if already_sent_with(db, child, &now_current, &key).await? {
            return Ok(now_current);
        }
        check_can_submit(&now_current, expected_version)?;
        return Err(super::stale(Some(&now_current)));
    }

    let submitted = views::Entity::find_by_id(current.id)
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::Internal("views vanished during submit".into()))?;
    let snapshot = Snapshot {
        content: Content::of(&submitted),
        idempotency_key: Some(key.as_ref().to_owned()),
    };
    views_version::ActiveModel {
        local_authority_id: Set(child.tenant.0),
        views_id: Set(submitted.id),
        version: Set(submitted.version),
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
        child.tenant,
        (ActorKind::Child, Some(child.child_id)),
        AuditAction::ViewsSubmitted,
        Subject::new("views", submitted.id),
        Some(json!({ "version": submitted.version })),
    )
    .await?;
    txn.commit().await?;
    Ok(submitted)
}

/// Was this key already used to submit these views (now or for an earlier version)? A key used for
/// the child's views of another meeting is refused.
async fn already_sent_with(
    db: &DatabaseConnection,
    child: &ChildViewer,
    current: &views::Model,
    key: &IdempotencyKey,
) -> ApiResult<bool> {
    if current.idempotency_key.as_deref() == Some(key.as_ref()) {
        return Ok(true);
    }
    let elsewhere = views::Entity::find()
        .filter(views::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(views::Column::ChildId.eq(child.child_id))
        .filter(views::Column::IdempotencyKey.eq(key.as_ref()))
        .filter(views::Column::Id.ne(current.id))
        .one(db)
        .await?;
    if elsewhere.is_some() {
        return Err(key_used_elsewhere());
    }
    // Earlier submissions keep their key in their snapshot (a handful of rows per views).
    let versions = views_version::Entity::find()
        .filter(views_version::Column::ViewsId.eq(current.id))
        .all(db)
        .await?;
    Ok(versions.into_iter().any(|v| {
        serde_json::from_value::<Snapshot>(v.snapshot)
            .is_ok_and(|s| s.idempotency_key.as_deref() == Some(key.as_ref()))
    }))
}

fn check_can_submit(current: &views::Model, expected_version: i32) -> ApiResult<()> {
    if current.version != expected_version {
        return Err(super::stale(Some(current)));
    }
    if current.status != ViewsStatus::Draft {
        return Err(ApiError::Conflict {
            message: "You have already sent these views. Change something first if you want \
                      to send them again."
                .into(),
            current: Some(current_json(current)),
        });
    }
    Ok(())
}

fn nothing_yet() -> ApiError {
    ApiError::Conflict {
        message: "Please save your views before you send them.".into(),
        current: Some(serde_json::Value::Null),
    }
}

fn key_used_elsewhere() -> ApiError {
    ApiError::bad_input(
        "idempotencyKey",
        "This idempotencyKey was already used for other views. Send a new one.",
    )
}
