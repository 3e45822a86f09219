//! What the child can look back on: the versions they sent, and who has read their views.
use std::collections::HashMap;

use chrono::{DateTime, Utc};
use entity::enums::{ActorKind, StaffRole};
use entity::{audit_event, staff_user, views, views_version};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
};

use super::{Content, Snapshot, child_meeting, find};
use crate::audit::AuditAction;
use crate::auth::ChildViewer;
use crate::error::{ApiError, ApiResult};

/// One submitted version, as it was frozen.
#[derive(Debug, Clone)]
pub struct Version {
    pub row: views_version::Model,
    pub content: Content,
}

/// One read of the child's views by a member of staff.
#[derive(Debug, Clone)]
pub struct Reader {
    pub staff_id: i32,
    pub role: StaffRole,
    pub first_name: String,
    pub read_at: DateTime<Utc>,
}

/// The versions the child submitted for this meeting, oldest first.
pub async fn my_history(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
) -> ApiResult<Vec<Version>> {
    child_meeting(db, child, meeting_id).await?;
    match find(db, child, meeting_id).await? {
        Some(views) => versions(db, &views).await,
        None => Ok(Vec::new()),
    }
}

/// Every frozen version of these views, oldest first.
pub(crate) async fn versions(
    conn: &impl ConnectionTrait,
    views: &views::Model,
) -> ApiResult<Vec<Version>> {
    views_version::Entity::find()
        .filter(views_version::Column::LocalAuthorityId.eq(views.local_authority_id))
        .filter(views_version::Column::ViewsId.eq(views.id))
        .order_by_asc(views_version::Column::Version)
        .all(conn)
        .await?
        .into_iter()
        .map(|row| {
            let content = snapshot_content(&row)?;
            Ok(Version { row, content })
        })
        .collect()
}

pub(crate) fn snapshot_content(row: &views_version::Model) -> ApiResult<Content> {
    serde_json::from_value::<Snapshot>(row.snapshot.clone())
        .map(|s| s.content)
        .map_err(|e| ApiError::Internal(format!("views_version {} snapshot: {e}", row.id)))
}

/// Who has read the child's views for this meeting, from the audit trail, oldest first.
pub async fn who_has_read(
    db: &DatabaseConnection,
    child: &ChildViewer,
    meeting_id: i32,
) -> ApiResult<Vec<Reader>> {
    child_meeting(db, child, meeting_id).await?;
    let Some(views) = find(db, child, meeting_id).await? else {
        return Ok(Vec::new());
    };
    let reads = audit_event::Entity::find()
        .filter(audit_event::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(audit_event::Column::SubjectType.eq("views"))
        .filter(audit_event::Column::SubjectId.eq(views.id))
        .filter(audit_event::Column::Action.eq(AuditAction::ViewsRead.as_str()))
        .filter(audit_event::Column::ActorKind.eq(ActorKind::Staff))
        .order_by_asc(audit_event::Column::OccurredAt)
        .order_by_asc(audit_event::Column::Id)
        .all(db)
        .await?;
    let staff: HashMap<i32, staff_user::Model> = staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(child.tenant.0))
        .filter(staff_user::Column::Id.is_in(reads.iter().filter_map(|r| r.actor_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(reads
        .into_iter()
        .filter_map(|read| {
            let person = staff.get(&read.actor_id?)?;
            Some(Reader {
                staff_id: person.id,
                role: person.role,
                first_name: first_name(&person.name),
                read_at: read.occurred_at,
            })
        })
        .collect())
}

/// One person who read the child's views: their first and last read, and how many times.
#[derive(Debug, Clone)]
pub struct PersonRead {
    pub reader: Reader,
    pub last_read_at: DateTime<Utc>,
    pub times: usize,
}

/// The reads (oldest first) with each person once, in the order they first read.
pub fn by_person(reads: Vec<Reader>) -> Vec<PersonRead> {
    let mut people: Vec<PersonRead> = Vec::new();
    for read in reads {
        match people
            .iter_mut()
            .find(|p| p.reader.staff_id == read.staff_id)
        {
            Some(person) => {
                person.last_read_at = person.last_read_at.max(read.read_at);
                person.times += 1;
            }
            None => people.push(PersonRead {
                last_read_at: read.read_at,
                reader: read,
                times: 1,
            }),
        }
    }
    people
}

/// Who someone is, in the child's words.
pub fn in_child_words(role: StaffRole) -> &'static str {
    match role {
        StaffRole::SocialWorker => "your social worker",
        StaffRole::Isro => "the person chairing your meeting",
        StaffRole::Advocate => "your advocate",
        StaffRole::Coordinator | StaffRole::Agency | StaffRole::Admin => {
            "someone who works with your advocate"
        }
    }
}

pub(crate) fn first_name(full: &str) -> String {
    full.split_whitespace().next().unwrap_or(full).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn read(staff_id: i32, hour: u32) -> Reader {
        Reader {
            staff_id,
            role: StaffRole::SocialWorker,
            first_name: format!("S{staff_id}"),
            read_at: Utc.with_ymd_and_hms(2026, 12, 1, hour, 0, 0).unwrap(),
        }
    }

    #[test]
    fn each_person_once_with_their_first_and_last_read() {
        let people = by_person(vec![read(1, 9), read(2, 10), read(1, 11), read(1, 12)]);
        assert_eq!(people.len(), 2);
        assert_eq!(people[0].reader.staff_id, 1);
        assert_eq!(people[0].reader.read_at, read(1, 9).read_at);
        assert_eq!(people[0].last_read_at, read(1, 12).read_at);
        assert_eq!(people[0].times, 3);
        assert_eq!((people[1].reader.staff_id, people[1].times), (2, 1));
    }
}
