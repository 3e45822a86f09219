//! A reply to the child (issue 20, item 2): the child's advocate or their meeting's chair sends a
//! short message the child sees on their next visit. No chat: the child can answer only "thank
//! you" or "I have a question", and a question alerts their advocate through the outbox.
//! Who may do what is decided in `crate::policy::messages`.
pub mod graphql;

use std::collections::HashMap;

use chrono::{Duration, Utc};
use entity::enums::{ActorKind, CaseStatus, MeetingStatus, MessageReply, StaffRole};
use entity::{advocacy_case, child, child_message, meeting, meeting_child, staff_user};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::Viewer;
use crate::error::{ApiError, ApiResult};
use crate::notify::{self, Notice};
use crate::policy::messages::{self as rules, ChildLinks};
use crate::policy::same_tenant;

/// Longest message: a few short sentences a child can read at once.
pub const MAX_WORDS: usize = 500;
/// How many of the newest messages the child's page shows.
const SHOWN: u64 = 20;
/// A meeting stays "current" for the chair this long after its time (they may write afterwards).
const CURRENT_FOR_DAYS: i64 = 7;

/// A message with what the pages show about it.
#[derive(Debug, Clone)]
pub struct Message {
    pub row: child_message::Model,
    pub from_name: String,
    pub from_role: StaffRole,
    pub child_first_name: String,
}

/// Send `words` to a child as their advocate or their meeting's chair.
pub async fn send(
    db: &DatabaseConnection,
    viewer: &Viewer,
    child_id: i32,
    meeting: Option<i32>,
    words: &str,
) -> ApiResult<Message> {
    let staff = rules::sender(viewer)?.clone();
    let words = crate::text::required("words", words, MAX_WORDS)?;
    let child = child::Entity::find_by_id(child_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Child"))?;
    same_tenant(viewer, child.local_authority_id, "Child")?;
    let links = links(db, &child).await?;
    let meeting_id = rules::send(viewer, &links, meeting)?;
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let row = child_message::ActiveModel {
        local_authority_id: Set(child.local_authority_id),
        child_id: Set(child.id),
        meeting_id: Set(Some(meeting_id)),
        from_staff_id: Set(staff.id),
        words: Set(words),
        sent_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        staff.tenant,
        audit::actor(viewer),
        AuditAction::ChildMessageSent,
        Subject::new("child_message", row.id),
        Some(json!({ "childId": child.id })),
    )
    .await?;
    txn.commit().await?;
    let sender = staff_user::Entity::find_by_id(staff.id).one(db).await?;
    Ok(Message {
        row,
        from_name: sender.map(|s| s.name).unwrap_or_default(),
        from_role: staff.role,
        child_first_name: child.preferred_name,
    })
}

/// The child's advocates (open cases) and the chairs of their current or upcoming meetings.
async fn links(conn: &impl ConnectionTrait, child: &child::Model) -> ApiResult<ChildLinks> {
    let advocates = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(child.local_authority_id))
        .filter(advocacy_case::Column::ChildId.eq(child.id))
        .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
        .all(conn)
        .await?
        .into_iter()
        .map(|c| (c.advocate_id, c.meeting_id))
        .collect();
    let linked = Query::select()
        .column(meeting_child::Column::MeetingId)
        .from(meeting_child::Entity)
        .and_where(meeting_child::Column::ChildId.eq(child.id))
        .and_where(meeting_child::Column::LocalAuthorityId.eq(child.local_authority_id))
        .to_owned();
    let since = Utc::now() - Duration::days(CURRENT_FOR_DAYS);
    let chairs = meeting::Entity::find()
        .filter(meeting::Column::Id.in_subquery(linked))
        .filter(meeting::Column::Status.ne(MeetingStatus::Cancelled))
        .filter(
            Condition::any()
                .add(meeting::Column::ScheduledAt.is_null())
                .add(meeting::Column::ScheduledAt.gte(since)),
        )
        .all(conn)
        .await?
        .into_iter()
        .filter_map(|m| m.chair_id.map(|chair| (chair, m.id)))
        .collect();
    Ok(ChildLinks {
        tenant: child.local_authority_id,
        advocates,
        chairs,
    })
}

/// The child's newest messages. Showing them is seeing them: those not seen before are marked
/// seen (and recorded) in the same read.
pub async fn mine(db: &DatabaseConnection, viewer: &Viewer) -> ApiResult<Vec<Message>> {
    let me = rules::own(viewer)?.clone();
    let rows = child_message::Entity::find()
        .filter(child_message::Column::LocalAuthorityId.eq(me.tenant.0))
        .filter(child_message::Column::ChildId.eq(me.child_id))
        .order_by_desc(child_message::Column::SentAt)
        .order_by_desc(child_message::Column::Id)
        .limit(SHOWN)
        .all(db)
        .await?;
    let unseen: Vec<i32> = rows
        .iter()
        .filter(|m| m.seen_at.is_none())
        .map(|m| m.id)
        .collect();
    if !unseen.is_empty() {
        let txn = crate::db::begin_write(db).await?;
        child_message::Entity::update_many()
            .set(child_message::ActiveModel {
                seen_at: Set(Some(Utc::now())),
                ..Default::default()
            })
            .filter(child_message::Column::Id.is_in(unseen.clone()))
            .filter(child_message::Column::SeenAt.is_null())
            .exec(&txn)
            .await?;
        for id in &unseen {
            audit::record(
                &txn,
                me.tenant,
                (ActorKind::Child, Some(me.child_id)),
                AuditAction::ChildMessageSeen,
                Subject::new("child_message", *id),
                None,
            )
            .await?;
        }
        txn.commit().await?;
    }
    // Read back, so the times shown are the stored ones.
    let ids: Vec<i32> = rows.iter().map(|m| m.id).collect();
    let rows = child_message::Entity::find()
        .filter(child_message::Column::Id.is_in(ids))
        .order_by_desc(child_message::Column::SentAt)
        .order_by_desc(child_message::Column::Id)
        .all(db)
        .await?;
    described(db, rows).await
}

/// The child answers one of their messages. The same answer again changes nothing; a different
/// one after the first is refused (one answer per message).
pub async fn reply(
    db: &DatabaseConnection,
    viewer: &Viewer,
    message_id: i32,
    answer: MessageReply,
) -> ApiResult<Message> {
    rules::own(viewer)?;
    let row = child_message::Entity::find_by_id(message_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Message"))?;
    let me = rules::answer(viewer, row.local_authority_id, row.child_id)?.clone();
    match row.reply {
        Some(given) if given == answer => return one(db, row).await,
        Some(_) => {
            return Err(ApiError::Conflict {
                message: "You have already answered this message.".into(),
                current: None,
            });
        }
        None => {}
    }
    let now = Utc::now();
    let txn = crate::db::begin_write(db).await?;
    let done = child_message::Entity::update_many()
        .set(child_message::ActiveModel {
            reply: Set(Some(answer)),
            replied_at: Set(Some(now)),
            seen_at: Set(Some(row.seen_at.unwrap_or(now))),
            ..Default::default()
        })
        .filter(child_message::Column::Id.eq(row.id))
        .filter(child_message::Column::Reply.is_null())
        .exec(&txn)
        .await?;
    if done.rows_affected == 1 {
        audit::record(
            &txn,
            me.tenant,
            (ActorKind::Child, Some(me.child_id)),
            AuditAction::ChildMessageReplied,
            Subject::new("child_message", row.id),
            Some(json!({ "reply": answer })),
        )
        .await?;
        if answer == MessageReply::HaveAQuestion {
            let case = advocacy_case::Entity::find()
                .filter(advocacy_case::Column::LocalAuthorityId.eq(me.tenant.0))
                .filter(advocacy_case::Column::ChildId.eq(me.child_id))
                .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
                .order_by_desc(advocacy_case::Column::AllocatedAt)
                .one(&txn)
                .await?;
            // The child's advocate hears of it; with no open case, whoever sent the message.
            let notice = Notice::ChildQuestion {
                message_id: row.id,
                advocate_id: case.as_ref().map_or(row.from_staff_id, |c| c.advocate_id),
                case_id: case.map(|c| c.id),
            };
            notify::enqueue(&txn, me.tenant, notice, now).await?;
        }
    }
    txn.commit().await?;
    let row = child_message::Entity::find_by_id(row.id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Message"))?;
    one(db, row).await
}

/// Every message to the case's child, newest first, with the child's answers: the allocated
/// advocate only.
pub async fn for_case(
    db: &DatabaseConnection,
    viewer: &Viewer,
    case_id: i32,
) -> ApiResult<Vec<Message>> {
    let (_, case) = crate::views::advocate::allocated_case(db, viewer, case_id).await?;
    let rows = child_message::Entity::find()
        .filter(child_message::Column::LocalAuthorityId.eq(case.local_authority_id))
        .filter(child_message::Column::ChildId.eq(case.child_id))
        .order_by_desc(child_message::Column::SentAt)
        .order_by_desc(child_message::Column::Id)
        .all(db)
        .await?;
    described(db, rows).await
}

/// The messages the chair sent about one meeting they chair, with the children's answers.
pub async fn for_meeting(
    db: &DatabaseConnection,
    viewer: &Viewer,
    meeting_id: i32,
) -> ApiResult<Vec<Message>> {
    let staff = rules::chair(viewer)?.clone();
    let meeting = meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))?;
    same_tenant(viewer, meeting.local_authority_id, "Meeting")?;
    if meeting.chair_id != Some(staff.id) {
        return Err(ApiError::NotFound("Meeting"));
    }
    let rows = child_message::Entity::find()
        .filter(child_message::Column::LocalAuthorityId.eq(staff.tenant.0))
        .filter(child_message::Column::MeetingId.eq(meeting_id))
        .filter(child_message::Column::FromStaffId.eq(staff.id))
        .order_by_desc(child_message::Column::SentAt)
        .order_by_desc(child_message::Column::Id)
        .all(db)
        .await?;
    described(db, rows).await
}

async fn one(db: &DatabaseConnection, row: child_message::Model) -> ApiResult<Message> {
    described(db, vec![row])
        .await?
        .pop()
        .ok_or(ApiError::NotFound("Message"))
}

/// Who sent each message and to whom: two reads whatever the number of messages.
async fn described(
    db: &DatabaseConnection,
    rows: Vec<child_message::Model>,
) -> ApiResult<Vec<Message>> {
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    let staff: HashMap<i32, staff_user::Model> = staff_user::Entity::find()
        .filter(staff_user::Column::Id.is_in(rows.iter().map(|m| m.from_staff_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    let children: HashMap<i32, String> = child::Entity::find()
        .filter(child::Column::Id.is_in(rows.iter().map(|m| m.child_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.preferred_name))
        .collect();
    rows.into_iter()
        .map(|row| {
            let sender = staff
                .get(&row.from_staff_id)
                .ok_or_else(|| ApiError::Internal("message without sender".into()))?;
            Ok(Message {
                from_name: sender.name.clone(),
                from_role: sender.role,
                child_first_name: children.get(&row.child_id).cloned().unwrap_or_default(),
                row,
            })
        })
        .collect()
}
