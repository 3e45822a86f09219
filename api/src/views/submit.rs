//! "My views are finished": freeze the current version, once per idempotency key.
use chrono::{SubsecRound, Utc};
use entity::enums::{ActorKind, ViewsStatus};
use entity::{meeting, views, views_version};
use sea_orm::sea_query::{Expr, ExprTrait, JoinType};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    FromQueryResult, Iterable, QueryFilter, QueryTrait, Set, SqlErr,
};
use serde_json::json;

use super::{Content, IdempotencyKey, Snapshot, current_json, find, linked_meeting, still_to_come};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::{ChildViewer, TenantId};
use crate::error::{ApiError, ApiResult};
use crate::group_commit::{Appends, GroupCommit};

/// Submit the child's views at `expected_version`. A retry with the same key (sequential or at the
/// same moment) answers with the views as they are and never writes a second version. The write
/// goes through the group commit: the answer comes once it is on disk.
pub async fn submit(
    db: &DatabaseConnection,
    writes: &GroupCommit,
    child: &ChildViewer,
    meeting_id: i32,
    expected_version: i32,
    key: IdempotencyKey,
) -> ApiResult<views::Model> {
    let (meeting, current, key_elsewhere) = meeting_and_views(db, child, meeting_id, &key).await?;
    let Some(current) = current else {
        return Err(nothing_yet());
    };
    if already_sent_with(db, &current, key_elsewhere, &key).await? {
        // Read again: the submission this retries may have committed after `current` was read.
        return find(db, child, meeting_id).await?.ok_or_else(nothing_yet);
    }
    still_to_come(&meeting)?;
    check_can_submit(&current, expected_version)?;

    let claim = {
        let (tenant, child_id) = (child.tenant, child.child_id);
        let key = key.as_ref().to_owned();
        writes
            .run(Box::new(move |txn, appends| {
                let (current, key) = (current.clone(), key.clone());
                Box::pin(claim(txn, appends, tenant, child_id, current, key))
            }))
            .await?
    };
    match claim {
        Claim::Submitted(submitted) => Ok(submitted),
        Claim::Lost => {
            let (now_current, key_elsewhere) = current_and_key(db, child, meeting_id, &key).await?;
            let now_current = now_current.ok_or_else(nothing_yet)?;
            if already_sent_with(db, &now_current, key_elsewhere, &key).await? {
                return Ok(now_current);
            }
            check_can_submit(&now_current, expected_version)?;
            Err(super::stale(Some(&now_current)))
        }
    }
}

enum Claim {
    Submitted(views::Model),
    /// Another request changed or submitted the views first.
    Lost,
}

/// The write: freeze the version, keep a snapshot, audit it. Written first and guarded by version
/// and status, so of two requests at once only one submits; the other finds the key afterwards and
/// answers as a retry. The snapshot and the event are only added, so they go with the batch's.
async fn claim(
    txn: &DatabaseTransaction,
    appends: &mut Appends,
    tenant: TenantId,
    child_id: i32,
    current: views::Model,
    key: String,
) -> ApiResult<Claim> {
    // Microseconds, as PostgreSQL keeps them: the answer below is built from `now`, not read back.
    let now = Utc::now().trunc_subsecs(6);
    let (views_id, expected_version) = (current.id, current.version);
    let claimed = views::Entity::update_many()
        .set(views::ActiveModel {
            status: Set(ViewsStatus::Submitted),
            submitted_at: Set(Some(now)),
            idempotency_key: Set(Some(key.clone())),
            updated_at: Set(now),
            ..Default::default()
        })
        .filter(views::Column::Id.eq(views_id))
        .filter(views::Column::Version.eq(expected_version))
        .filter(views::Column::Status.eq(ViewsStatus::Draft))
        .exec(txn)
        .await;
    match claimed {
        Ok(result) if result.rows_affected == 1 => {}
        Ok(_) => return Ok(Claim::Lost),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            return Err(key_used_elsewhere());
        }
        Err(e) => return Err(e.into()),
    }
    // Guarded by version and status, the update changed only these fields of the row as read
    // (every change to the words moves the version on), so it need not be read again.
    let submitted = views::Model {
        status: ViewsStatus::Submitted,
        submitted_at: Some(now),
        idempotency_key: Some(key.clone()),
        updated_at: now,
        ..current
    };
    let snapshot = Snapshot {
        content: Content::of(&submitted),
        idempotency_key: Some(key),
    };
    appends.add(views_version::ActiveModel {
        local_authority_id: Set(tenant.0),
        views_id: Set(submitted.id),
        version: Set(submitted.version),
        snapshot: Set(serde_json::to_value(&snapshot)
            .map_err(|e| ApiError::Internal(format!("snapshot: {e}")))?),
        status: Set(ViewsStatus::Submitted),
        submitted_at: Set(Some(now)),
        created_at: Set(now),
        ..Default::default()
    });
    appends.add(audit::event(
        tenant,
        (ActorKind::Child, Some(child_id)),
        AuditAction::ViewsSubmitted,
        Subject::new("views", submitted.id),
        Some(json!({ "version": submitted.version })),
    ));
    Ok(Claim::Submitted(submitted))
}

/// The child's meeting (only one they are linked to), their views for it, and whether `key` already
/// names their views of another meeting: one read, on the path of every submission.
async fn meeting_and_views(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
    key: &IdempotencyKey,
) -> ApiResult<(meeting::Model, Option<views::Model>, bool)> {
    const VIEWS: &str = "views_";
    let column = |c: views::Column| Expr::col((views::Entity, c));
    let mut select = linked_meeting(child, meeting_id).into_query();
    select.join(
        JoinType::LeftJoin,
        views::Entity,
        Condition::all()
            .add(column(views::Column::LocalAuthorityId).eq(child.tenant.0))
            .add(column(views::Column::ChildId).eq(child.child_id))
            .add(
                Condition::any()
                    .add(
                        column(views::Column::MeetingId)
                            .equals((meeting::Entity, meeting::Column::Id)),
                    )
                    .add(column(views::Column::IdempotencyKey).eq(key.as_ref())),
            ),
    );
    crate::db::prefixed(&mut select, views::Column::iter(), VIEWS);
    let rows = db.query_all(&select).await?;
    let first = rows.first().ok_or(ApiError::NotFound("Meeting"))?;
    let meeting = meeting::Model::from_query_result(first, "")?;
    let mut views = Vec::with_capacity(rows.len());
    for row in &rows {
        // No views joined: the left join's columns are all NULL.
        if row.try_get::<Option<i32>>(VIEWS, "id")?.is_some() {
            views.push(views::Model::from_query_result(row, VIEWS)?);
        }
    }
    let (current, elsewhere) = this_meeting_and_key(views, meeting_id, key);
    Ok((meeting, current, elsewhere))
}

/// The child's views for this meeting, and whether `key` already names their views of another
/// meeting: one read.
async fn current_and_key(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
    key: &IdempotencyKey,
) -> ApiResult<(Option<views::Model>, bool)> {
    let rows = views::Entity::find()
        .filter(views::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(views::Column::ChildId.eq(child.child_id))
        .filter(
            Condition::any()
                .add(views::Column::MeetingId.eq(meeting_id))
                .add(views::Column::IdempotencyKey.eq(key.as_ref())),
        )
        .all(db)
        .await?;
    Ok(this_meeting_and_key(rows, meeting_id, key))
}

/// Of the child's views for this meeting or under this key: this meeting's, and whether the key is
/// on another meeting's.
fn this_meeting_and_key(
    rows: Vec<views::Model>,
    meeting_id: i32,
    key: &IdempotencyKey,
) -> (Option<views::Model>, bool) {
    let elsewhere = rows
        .iter()
        .any(|v| v.meeting_id != meeting_id && v.idempotency_key.as_deref() == Some(key.as_ref()));
    let current = rows.into_iter().find(|v| v.meeting_id == meeting_id);
    (current, elsewhere)
}

/// Was this key already used to submit these views (now or for an earlier version)? A key used for
/// the child's views of another meeting (`key_elsewhere`) is refused.
async fn already_sent_with(
    db: &DatabaseConnection,
    current: &views::Model,
    key_elsewhere: bool,
    key: &IdempotencyKey,
) -> ApiResult<bool> {
    if current.idempotency_key.as_deref() == Some(key.as_ref()) {
        return Ok(true);
    }
    if key_elsewhere {
        return Err(key_used_elsewhere());
    }
    // Only a submission writes a version row, one per version: at version 1 the only possible one
    // is the current row's own, checked above. Most submissions are a child's first.
    if current.version == 1 {
        return Ok(false);
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
