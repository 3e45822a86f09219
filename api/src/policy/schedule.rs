//! Meetings set up, moved and cancelled by hand (issue 19, item 2).
//!
//! - The social worker sets up a meeting about children allocated to them, and moves or cancels
//!   the meetings they may read (theirs, or about their children).
//! - The ISRO sets up the follow-up agreed at the end of a meeting they chair (a review after a
//!   conference), and moves or cancels the meetings they chair.
//! - The advocacy coordinator sets up advocacy that has no meeting (advice and assistance, a
//!   complaint) for any child of their authority, e.g. after a self-referral.
//! - Integrators cancel by their own reference with `WRITE_RECORDS` (see `records`).
//! - Nobody else; another authority's child or meeting does not exist.
use entity::enums::{MeetingKind, StaffRole};

use super::children::ChildFacts;
use super::meetings::{MeetingFacts, is_chair, is_social_worker};
use super::{same_tenant, staff_in};
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// `createMeeting` about `children`, perhaps as the follow-up of `follow_up_of`.
pub fn create<'v>(
    viewer: &'v Viewer,
    kind: MeetingKind,
    children: &[ChildFacts],
    follow_up_of: Option<&MeetingFacts>,
) -> ApiResult<&'v StaffViewer> {
    let staff = may_create(viewer)?;
    for child in children {
        same_tenant(viewer, child.tenant, "Child")?;
    }
    if let Some(earlier) = follow_up_of {
        same_tenant(viewer, earlier.tenant, "Meeting")?;
    }
    let allowed = match staff.role {
        StaffRole::SocialWorker => children
            .iter()
            .all(|c| c.social_worker_id == Some(staff.id)),
        StaffRole::Isro => follow_up_of.is_some_and(|m| is_chair(staff, m)),
        StaffRole::Coordinator => {
            matches!(
                kind,
                MeetingKind::AdviceAndAssistance | MeetingKind::Complaint
            )
        }
        _ => false,
    };
    if allowed {
        Ok(staff)
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Asked before anything is looked up, so a refused role learns nothing about which meetings or
/// children exist.
pub fn may_create(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(
        viewer,
        &[
            StaffRole::SocialWorker,
            StaffRole::Isro,
            StaffRole::Coordinator,
        ],
    )
}

/// Asked before the meeting is looked up (see `may_create`).
pub fn may_change(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::SocialWorker, StaffRole::Isro])
}

/// `moveMeeting`, `cancelMeeting`: the meeting's social worker (or a social worker of a child it is
/// about) or its chair.
pub fn change<'v>(viewer: &'v Viewer, meeting: &MeetingFacts) -> ApiResult<&'v StaffViewer> {
    let staff = may_change(viewer)?;
    same_tenant(viewer, meeting.tenant, "Meeting")?;
    if is_chair(staff, meeting) || is_social_worker(staff, meeting) {
        Ok(staff)
    } else {
        Err(ApiError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::TenantId;

    fn staff(id: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    fn child(tenant: i32, social_worker_id: i32) -> ChildFacts {
        ChildFacts {
            tenant,
            social_worker_id: Some(social_worker_id),
        }
    }

    fn meeting(tenant: i32) -> MeetingFacts {
        MeetingFacts {
            tenant,
            chair_id: Some(10),
            social_worker_id: Some(20),
            children_social_workers: vec![Some(21)],
        }
    }

    const CIN: MeetingKind = MeetingKind::ChildInNeedMeeting;

    #[test]
    fn a_social_worker_sets_up_meetings_only_about_their_own_children() {
        let sw = staff(20, StaffRole::SocialWorker);
        assert!(create(&sw, CIN, &[child(1, 20)], None).is_ok());
        assert!(matches!(
            create(&sw, CIN, &[child(1, 20), child(1, 21)], None),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            create(&sw, CIN, &[child(2, 20)], None),
            Err(ApiError::NotFound(_))
        ));
    }

    #[test]
    fn the_chair_sets_up_follow_ups_and_the_coordinator_advocacy_without_a_meeting() {
        let chair = staff(10, StaffRole::Isro);
        let review = MeetingKind::ChildProtectionReview;
        assert!(create(&chair, review, &[child(1, 21)], Some(&meeting(1))).is_ok());
        assert!(matches!(
            create(&chair, review, &[child(1, 21)], None),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            create(&staff(11, StaffRole::Isro), review, &[], Some(&meeting(1))),
            Err(ApiError::Forbidden)
        ));
        let k = staff(30, StaffRole::Coordinator);
        let advice = MeetingKind::AdviceAndAssistance;
        assert!(create(&k, advice, &[child(1, 21)], None).is_ok());
        assert!(matches!(
            create(&k, CIN, &[child(1, 21)], None),
            Err(ApiError::Forbidden)
        ));
        for role in [StaffRole::Advocate, StaffRole::Admin, StaffRole::Agency] {
            assert!(matches!(
                create(&staff(20, role), advice, &[child(1, 20)], None),
                Err(ApiError::Forbidden)
            ));
        }
    }

    #[test]
    fn the_social_workers_and_the_chair_move_or_cancel() {
        assert!(change(&staff(10, StaffRole::Isro), &meeting(1)).is_ok());
        assert!(change(&staff(20, StaffRole::SocialWorker), &meeting(1)).is_ok());
        assert!(change(&staff(21, StaffRole::SocialWorker), &meeting(1)).is_ok());
        assert!(matches!(
            change(&staff(22, StaffRole::SocialWorker), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            change(&staff(11, StaffRole::Isro), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            change(&staff(30, StaffRole::Coordinator), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            change(&staff(10, StaffRole::Isro), &meeting(2)),
            Err(ApiError::NotFound(_))
        ));
    }
}
