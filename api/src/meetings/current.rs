//! Which of a child's meetings their pages are about: the next one still to come, or, when none is,
//! the last one that happened or was called off (so a child whose meeting was cancelled is told so,
//! with their views still there). The child's pages used to choose it themselves; the rule lives here
//! so every client gets the same answer (`myCurrentMeeting`).
use chrono::{DateTime, Utc};
use entity::enums::MeetingStatus;
use entity::{meeting, meeting_child};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use crate::auth::ChildViewer;
use crate::error::ApiResult;

/// The child's current meeting; `None` when they have none.
pub async fn of_child(
    db: &impl ConnectionTrait,
    child: &ChildViewer,
) -> ApiResult<Option<meeting::Model>> {
    let mut meetings = meeting::Entity::find()
        .filter(
            meeting::Column::Id.in_subquery(
                Query::select()
                    .column(meeting_child::Column::MeetingId)
                    .from(meeting_child::Entity)
                    .and_where(meeting_child::Column::ChildId.eq(child.child_id))
                    .and_where(meeting_child::Column::LocalAuthorityId.eq(child.tenant.0))
                    .to_owned(),
            ),
        )
        .all(db)
        .await?;
    let when = meetings.iter().map(|m| When {
        at: m.scheduled_at,
        id: m.id,
        status: m.status,
    });
    let chosen = current(when.collect());
    Ok(chosen.and_then(|id| {
        let i = meetings.iter().position(|m| m.id == id)?;
        Some(meetings.swap_remove(i))
    }))
}

/// What the rule looks at in a meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub at: Option<DateTime<Utc>>,
    pub id: i32,
    pub status: MeetingStatus,
}

/// The first scheduled meeting by time (one with no time yet comes first), else the last one held
/// or cancelled.
/// Meetings at the same time go by when they were added. Answers the chosen meeting's id.
pub fn current(mut meetings: Vec<When>) -> Option<i32> {
    meetings.sort_by_key(|m| (m.at, m.id));
    let next = meetings
        .iter()
        .find(|m| m.status == MeetingStatus::Scheduled);
    next.or_else(|| {
        meetings
            .iter()
            .rev()
            .find(|m| m.status != MeetingStatus::Scheduled)
    })
    .map(|m| m.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(id: i32, at: Option<&str>, status: MeetingStatus) -> When {
        let at = at.map(|at| at.parse::<DateTime<Utc>>().expect("a time"));
        When { at, id, status }
    }

    #[test]
    fn the_next_meeting_to_come_is_chosen_before_past_ones() {
        let chosen = current(vec![
            meeting(1, Some("2026-12-20T10:00:00Z"), MeetingStatus::Scheduled),
            meeting(2, Some("2026-10-01T10:00:00Z"), MeetingStatus::Held),
            meeting(3, Some("2026-12-01T10:00:00Z"), MeetingStatus::Scheduled),
        ]);
        assert_eq!(chosen, Some(3));
    }

    #[test]
    fn after_the_last_meeting_it_is_still_chosen() {
        let chosen = current(vec![
            meeting(1, Some("2026-09-01T10:00:00Z"), MeetingStatus::Held),
            meeting(2, Some("2026-08-01T10:00:00Z"), MeetingStatus::Cancelled),
            meeting(3, Some("2026-10-01T10:00:00Z"), MeetingStatus::Held),
        ]);
        assert_eq!(chosen, Some(3));
        assert!(current(vec![]).is_none());
    }

    #[test]
    fn a_cancelled_meeting_is_chosen_until_another_is_set_up() {
        let mut meetings = vec![
            meeting(1, Some("2026-09-01T10:00:00Z"), MeetingStatus::Held),
            meeting(2, Some("2026-12-01T10:00:00Z"), MeetingStatus::Cancelled),
        ];
        assert_eq!(current(meetings.clone()), Some(2));
        meetings.push(meeting(
            3,
            Some("2027-01-12T10:00:00Z"),
            MeetingStatus::Scheduled,
        ));
        assert_eq!(current(meetings), Some(3));
    }

    #[test]
    fn a_meeting_with_no_time_yet_comes_first() {
        let chosen = current(vec![
            meeting(1, Some("2026-12-01T10:00:00Z"), MeetingStatus::Scheduled),
            meeting(2, None, MeetingStatus::Scheduled),
        ]);
        assert_eq!(chosen, Some(2));
    }
}
