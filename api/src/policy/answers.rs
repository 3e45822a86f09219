//! Answers to the child's points ("You said → we decided").
//!
//! - ISRO: answers only for a meeting they chair, in the same write as its record (the record's
//!   rule, `meetings::record`), and only the points of views the child shared with them.
//! - Child: reads only the answers to their own views.
//! - Staff who may open the shared views see the answers beside the points (`views::read_share`).
//! - Everyone else: refused.
use super::meetings::{self, MeetingFacts};
use crate::auth::{ChildViewer, TenantId, Viewer};
use crate::error::ApiResult;

/// The chair answering while recording a meeting they chair.
pub fn give(viewer: &Viewer, meeting: &MeetingFacts) -> ApiResult<TenantId> {
    meetings::record(viewer, meeting)
}

/// A child reading the answers to their own points (the query is limited to their own views).
pub fn read_own(viewer: &Viewer) -> ApiResult<&ChildViewer> {
    super::child(viewer)
}

#[cfg(test)]
mod tests {
    use entity::enums::StaffRole;

    use super::*;
    use crate::auth::StaffViewer;
    use crate::error::ApiError;

    fn meeting() -> MeetingFacts {
        MeetingFacts {
            tenant: 1,
            chair_id: Some(10),
            social_worker_id: Some(20),
            children_social_workers: vec![],
        }
    }

    fn staff(id: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    #[test]
    fn only_the_chair_answers_and_only_children_read_their_own() {
        assert!(give(&staff(10, StaffRole::Isro), &meeting()).is_ok());
        assert!(matches!(
            give(&staff(11, StaffRole::Isro), &meeting()),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read_own(&staff(10, StaffRole::Isro)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read_own(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
