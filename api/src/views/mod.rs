//! The child's views: written and submitted only by the child, read by their advocate, shared by the
//! advocate with the people the child agreed to. Services here take parsed input and a viewer the
//! policy (`crate::policy::views`) has already accepted.
//!
//! Versions: `views.version` counts saved drafts (an edit with a stale version is refused with the
//! current views, nothing overwritten); a submission freezes the current version in `views_version`.
pub mod advocate;
pub mod content;
pub mod graphql;
mod graphql_advocate;
mod graphql_child;
pub(crate) use graphql_child::{PersonWhoRead, ViewsReader, people_who_read, readers};
mod graphql_received;
mod graphql_recorded;
pub mod history;
pub mod notes;
pub mod parts;
pub mod received;
pub mod recorded;
pub mod share;
pub mod submit;
pub mod urgent;

pub use content::{Content, IdempotencyKey, Snapshot};
pub use parts::{Part, PartValue};

use chrono::Utc;
use entity::enums::{ActorKind, MeetingStatus, ViewsAuthor, ViewsStatus};
use entity::{advocacy_case, meeting, meeting_child, views};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, Select, Set, SqlErr,
};
use serde_json::{Value, json};

use crate::audit::{self, AuditAction, Subject};
use crate::auth::ChildViewer;
use crate::error::{ApiError, ApiResult};
use crate::graphql::ids::NodeKind;

/// The child's views for one of their meetings; `None` when they have not started.
pub async fn my_views(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
) -> ApiResult<Option<views::Model>> {
    child_meeting(db, child, meeting_id).await?;
    find(db, child, meeting_id).await
}

/// What a save changes: the whole of the views (`saveViewsDraft`) or one part (`saveViewsPart`).
#[derive(Clone, Debug)]
pub enum Change {
    Whole(Content),
    Part(PartValue),
}

impl Change {
    /// Trimmed and checked before anything is read, so a mistake is BAD_USER_INPUT whatever the
    /// version.
    fn checked(self) -> ApiResult<Self> {
        Ok(match self {
            Change::Whole(whole) => Change::Whole(whole.checked()?),
            Change::Part(value) => {
                let part = value.part();
                Change::Part(PartValue::of(
                    part,
                    value.onto(Content::default()).checked()?,
                ))
            }
        })
    }

    /// The views after this change.
    fn onto(self, content: Content) -> Content {
        match self {
            Change::Whole(whole) => whole,
            Change::Part(value) => value.onto(content),
        }
    }

    /// Whether a save made from `expected` may go on top of `current`: the whole views only when
    /// nothing changed since; one part also when that part did not change since.
    fn fits(&self, current: &views::Model, expected: i32) -> bool {
        match self {
            _ if expected == current.version => true,
            Change::Part(value) if expected < current.version => {
                parts::last_changed(current, value.part()) <= expected
            }
            _ => false,
        }
    }
}

/// Create the draft (`expected_version` 0: "I have nothing yet") or change it when the child saw the
/// current version, or (one part) when that part did not change since the version the child saw.
/// Anything else is a conflict carrying the current views; nothing is overwritten.
pub async fn save_draft(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
    expected_version: i32,
    change: Change,
    key: Option<IdempotencyKey>,
) -> ApiResult<views::Model> {
    if expected_version < 0 {
        return Err(ApiError::bad_input(
            "expectedVersion",
            "expectedVersion is 0 for new views, or the version you last saw.",
        ));
    }
    let change = change.checked()?;
    let meeting = child_meeting(db, child, meeting_id).await?;
    still_to_come(&meeting)?;
    match find(db, child, meeting_id).await? {
        None if expected_version == 0 => {
            let content = change.onto(Content::default());
            create(db, child, &meeting, content, key).await
        }
        None => Err(stale(None)),
        // The same save again (its answer was lost on the way): it is in already.
        Some(current)
            if key.is_some() && current.save_key.as_deref() == key.as_ref().map(AsRef::as_ref) =>
        {
            Ok(current)
        }
        Some(current) if change.fits(&current, expected_version) => {
            let content = change.onto(Content::of(&current));
            update(db, child, &current, content, key).await
        }
        Some(current) => Err(stale(Some(&current))),
    }
}

async fn create(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting: &meeting::Model,
    content: Content,
    key: Option<IdempotencyKey>,
) -> ApiResult<views::Model> {
    let case_id = open_case(db, child, Some(meeting.id)).await?.map(|c| c.id);
    let now = Utc::now();
    let mut row = views::ActiveModel {
        local_authority_id: Set(child.tenant.0),
        child_id: Set(child.child_id),
        meeting_id: Set(meeting.id),
        case_id: Set(case_id),
        status: Set(ViewsStatus::Draft),
        version: Set(1),
        submitted_at: Set(None),
        idempotency_key: Set(None),
        save_key: Set(key.map(|k| k.as_ref().to_owned())),
        updated_at: Set(now),
        created_at: Set(now),
        part_versions: Set(Some(parts::after_save(None, &content, 1))),
        written_by: Set(ViewsAuthor::Child),
        ..Default::default()
    };
    content.write_to(&mut row);
    let txn = crate::db::begin_write(db).await?;
    let saved = match row.insert(&txn).await {
        Ok(saved) => saved,
        // Two first saves at once: the other one won; show the child what is there now.
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {
            drop(txn);
            return Err(stale(find(db, child, meeting.id).await?.as_ref()));
        }
        Err(e) => return Err(e.into()),
    };
    record_draft(&txn, child, &saved).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Write `content` over `current`, only if nobody saved since it was read.
async fn update(
    db: &DatabaseConnection,
    child: &ChildViewer,
    current: &views::Model,
    content: Content,
    key: Option<IdempotencyKey>,
) -> ApiResult<views::Model> {
    let versions = parts::after_save(Some(current), &content, current.version + 1);
    let mut row = views::ActiveModel {
        // Edited views are a draft again until the child submits them (earlier versions are kept).
        status: Set(ViewsStatus::Draft),
        updated_at: Set(Utc::now()),
        part_versions: Set(Some(versions)),
        // Changed by the child: the words are the child's own now, even if their advocate wrote
        // them first (`recorded`).
        written_by: Set(ViewsAuthor::Child),
        confirmed_at: Set(None),
        confirmed_how: Set(None),
        confirmed_on: Set(None),
        save_key: Set(key.map(|k| k.as_ref().to_owned())),
        ..Default::default()
    };
    content.write_to(&mut row);
    let txn = crate::db::begin_write(db).await?;
    let Some(saved) = write_over(&txn, current, row).await? else {
        drop(txn);
        return Err(stale(find(db, child, current.meeting_id).await?.as_ref()));
    };
    record_draft(&txn, child, &saved).await?;
    txn.commit().await?;
    Ok(saved)
}

/// Write `row` over `current` as its next version, only if nobody saved since `current` was read;
/// `None` when someone did (nothing written). Run it first in the transaction: guarded by the
/// version, two writes of the same version cannot both win on either engine.
pub(crate) async fn write_over(
    txn: &impl ConnectionTrait,
    current: &views::Model,
    row: views::ActiveModel,
) -> ApiResult<Option<views::Model>> {
    let result = views::Entity::update_many()
        .set(row)
        .col_expr(
            views::Column::Version,
            Expr::col(views::Column::Version).add(1),
        )
        .filter(views::Column::Id.eq(current.id))
        .filter(views::Column::Version.eq(current.version))
        .exec(txn)
        .await?;
    if result.rows_affected == 0 {
        return Ok(None);
    }
    let saved = views::Entity::find_by_id(current.id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::Internal("views vanished during save".into()))?;
    Ok(Some(saved))
}

async fn record_draft(
    txn: &impl ConnectionTrait,
    child: &ChildViewer,
    saved: &views::Model,
) -> ApiResult<()> {
    audit::record(
        txn,
        child.tenant,
        (ActorKind::Child, Some(child.child_id)),
        AuditAction::ViewsDraftSaved,
        Subject::new("views", saved.id),
        Some(json!({ "version": saved.version })),
    )
    .await?;
    Ok(())
}

/// The child's views for a meeting (only ever their own: the child comes from the token).
pub(crate) async fn find(
    conn: &impl ConnectionTrait,
    child: &ChildViewer,
    meeting_id: i32,
) -> ApiResult<Option<views::Model>> {
    Ok(views::Entity::find()
        .filter(views::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(views::Column::ChildId.eq(child.child_id))
        .filter(views::Column::MeetingId.eq(meeting_id))
        .one(conn)
        .await?)
}

/// A meeting the child is linked to; any other meeting (or another authority's) does not exist.
pub(crate) async fn child_meeting(
    conn: &impl ConnectionTrait,
    child: &ChildViewer,
    meeting_id: i32,
) -> ApiResult<meeting::Model> {
    linked_meeting(child, meeting_id)
        .one(conn)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))
}

/// The meeting, only if the child is linked to it: one statement, on the path of every save and
/// submit.
pub(crate) fn linked_meeting(child: &ChildViewer, meeting_id: i32) -> Select<meeting::Entity> {
    let linked = Query::select()
        .column(meeting_child::Column::MeetingId)
        .from(meeting_child::Entity)
        .and_where(meeting_child::Column::MeetingId.eq(meeting_id))
        .and_where(meeting_child::Column::ChildId.eq(child.child_id))
        .and_where(meeting_child::Column::LocalAuthorityId.eq(child.tenant.0))
        .to_owned();
    meeting::Entity::find_by_id(meeting_id).filter(meeting::Column::Id.in_subquery(linked))
}

/// Views can change only before the meeting.
pub(crate) fn still_to_come(meeting: &meeting::Model) -> ApiResult<()> {
    let past = meeting.scheduled_at.is_some_and(|at| at <= Utc::now());
    match meeting.status {
        MeetingStatus::Cancelled => Err(ApiError::bad_input(
            "meetingId",
            "This meeting is not happening any more, so your views for it cannot be changed.",
        )),
        MeetingStatus::Held => Err(ApiError::bad_input(
            "meetingId",
            "This meeting has already happened, so your views for it cannot be changed now.",
        )),
        MeetingStatus::Scheduled if past => Err(ApiError::bad_input(
            "meetingId",
            "This meeting has already happened, so your views for it cannot be changed now.",
        )),
        MeetingStatus::Scheduled => Ok(()),
    }
}

/// The child's open piece of advocacy: for this meeting when given, else the latest one.
pub(crate) async fn open_case(
    conn: &impl ConnectionTrait,
    child: &ChildViewer,
    meeting_id: Option<i32>,
) -> ApiResult<Option<advocacy_case::Model>> {
    let mut query = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(advocacy_case::Column::ChildId.eq(child.child_id))
        .filter(advocacy_case::Column::Status.ne(entity::enums::CaseStatus::Closed));
    if let Some(meeting_id) = meeting_id {
        query = query.filter(advocacy_case::Column::MeetingId.eq(meeting_id));
    }
    Ok(query
        .order_by_desc(advocacy_case::Column::AllocatedAt)
        .order_by_desc(advocacy_case::Column::Id)
        .one(conn)
        .await?)
}

/// "Someone changed these since you opened them": CONFLICT with the current views (or null).
pub(crate) fn stale(current: Option<&views::Model>) -> ApiError {
    ApiError::Conflict {
        message: match current {
            Some(_) => "Your views changed since you opened them. Here is the newest version: \
                        have a look, then save again."
                .into(),
            None => "You have not saved any views for this meeting yet.".into(),
        },
        current: Some(current.map_or(Value::Null, current_json)),
    }
}

/// The views as the GraphQL `Views` type shows them, for `extensions.current` of a conflict.
pub fn current_json(model: &views::Model) -> Value {
    let content = Content::of(model);
    json!({
        "id": NodeKind::Views.id(model.id).to_string(),
        "meetingId": NodeKind::Meeting.id(model.meeting_id).to_string(),
        "worries": content.worries,
        "goingWell": content.going_well,
        "wantToHappen": content.want_to_happen,
        "feeling": graphql_name(content.feeling),
        "freeWords": content.free_words,
        "attendance": graphql_name(content.attendance),
        "shareWithSocialWorker": content.share_with_social_worker,
        "shareWithChair": content.share_with_chair,
        "shareWithFamily": content.share_with_family,
        "shareWithMeeting": content.share_with_meeting,
        "sharedWith": content.shared_with().into_iter().map(|a| graphql_name(Some(a))).collect::<Vec<_>>(),
        "status": graphql_name(Some(model.status)),
        "version": model.version,
        "submittedAt": model.submitted_at.map(|t| t.to_rfc3339()),
        "updatedAt": model.updated_at.to_rfc3339(),
        "writtenBy": graphql_name(Some(model.written_by)),
        "confirmedAt": model.confirmed_at.map(|t| t.to_rfc3339()),
        "confirmedHow": graphql_name(model.confirmed_how),
        "confirmedOn": model.confirmed_on.map(|d| d.to_string()),
    })
}

/// Stored `snake_case` values are the GraphQL enum names in lower case.
fn graphql_name(value: Option<impl serde::Serialize>) -> Value {
    match value.map(|v| serde_json::to_value(v)) {
        Some(Ok(Value::String(s))) => Value::String(s.to_uppercase()),
        _ => Value::Null,
    }
}
