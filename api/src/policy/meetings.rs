//! Meetings: who may read a meeting, how much of its record they see, and who records it.
//!
//! - ISRO: the meetings they chair, whiteboard and outcome included; only the chair records one.
//! - Social worker: meetings of the children allocated to them, or where they are the meeting's social
//!   worker, whiteboard and outcome included.
//! - Integrator: `READ_MEETINGS` or `READ_OUTCOMES` reads its authority's meetings and whiteboards;
//!   only `READ_OUTCOMES` adds the outcome text.
//! - Child: only their own meetings, through `myMeetings` (see `child_meetings`), never the whiteboard
//!   nor the outcome in staff words.
//! - Everyone else: refused.
use entity::enums::StaffRole;

use super::{child, integrator_with, same_tenant, staff_in};
use crate::auth::{ChildViewer, Scope, StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// How much of a meeting's record a reader may see, once they may see the meeting at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Exposure {
    /// The five whiteboard headings.
    pub whiteboard: bool,
    /// The outcome, in staff words and in the child's words.
    pub outcome: bool,
}

impl Exposure {
    pub const FULL: Self = Self {
        whiteboard: true,
        outcome: true,
    };
}

/// What the rules need to know about one meeting.
#[derive(Debug, Clone)]
pub struct MeetingFacts {
    pub tenant: i32,
    pub chair_id: Option<i32>,
    pub social_worker_id: Option<i32>,
    /// The allocated social worker of each child the meeting is about.
    pub children_social_workers: Vec<Option<i32>>,
}

/// May this viewer read any staff view of meetings at all? Asked before a meeting is looked up, so that
/// a refused role learns nothing about which meetings exist.
pub fn may_read_meetings(viewer: &Viewer) -> ApiResult<()> {
    match viewer {
        Viewer::Integrator(_) => integrator_meetings(viewer).map(|_| ()),
        _ => staff_in(viewer, &[StaffRole::Isro, StaffRole::SocialWorker]).map(|_| ()),
    }
}

/// One meeting for a viewer who passed `may_read_meetings`.
pub fn read(viewer: &Viewer, meeting: &MeetingFacts) -> ApiResult<Exposure> {
    may_read_meetings(viewer)?;
    same_tenant(viewer, meeting.tenant, "Meeting")?;
    match viewer {
        Viewer::Staff(staff) if is_chair(staff, meeting) => Ok(Exposure::FULL),
        Viewer::Staff(staff) if is_social_worker(staff, meeting) => Ok(Exposure::FULL),
        Viewer::Integrator(_) => integrator_meetings(viewer),
        _ => Err(ApiError::Forbidden),
    }
}

/// The ISRO's own list of the meetings they chair.
pub fn chaired_meetings(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Isro])
}

/// The social worker's own list of the children allocated to them (and their meetings).
pub fn allocated_children(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::SocialWorker])
}

/// An integrator listing its authority's meetings; the exposure its scopes allow.
pub fn integrator_meetings(viewer: &Viewer) -> ApiResult<Exposure> {
    let outcome = integrator_with(viewer, Scope::ReadOutcomes).is_ok();
    if outcome || integrator_with(viewer, Scope::ReadMeetings).is_ok() {
        return Ok(Exposure {
            whiteboard: true,
            outcome,
        });
    }
    match viewer {
        Viewer::Anonymous => Err(ApiError::Unauthenticated),
        _ => Err(ApiError::Forbidden),
    }
}

/// A child's own meetings (and their outcome in child words only).
pub fn child_meetings(viewer: &Viewer) -> ApiResult<&ChildViewer> {
    child(viewer)
}

/// Only the meeting's chair records it; another authority's meeting does not exist.
pub fn record(viewer: &Viewer, meeting: &MeetingFacts) -> ApiResult<TenantId> {
    let staff = staff_in(viewer, &[StaffRole::Isro])?;
    same_tenant(viewer, meeting.tenant, "Meeting")?;
    if is_chair(staff, meeting) {
        Ok(staff.tenant)
    } else {
        Err(ApiError::Forbidden)
    }
}

pub(super) fn is_chair(staff: &StaffViewer, meeting: &MeetingFacts) -> bool {
    staff.role == StaffRole::Isro && meeting.chair_id == Some(staff.id)
}

pub(super) fn is_social_worker(staff: &StaffViewer, meeting: &MeetingFacts) -> bool {
    staff.role == StaffRole::SocialWorker
        && (meeting.social_worker_id == Some(staff.id)
            || meeting.children_social_workers.contains(&Some(staff.id)))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::auth::IntegratorViewer;

    fn staff(id: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    fn key(scopes: &[Scope]) -> Viewer {
        Viewer::Integrator(IntegratorViewer {
            key_id: 1,
            tenant: TenantId(1),
            scopes: scopes.iter().copied().collect::<BTreeSet<_>>(),
        })
    }

    fn meeting(tenant: i32) -> MeetingFacts {
        MeetingFacts {
            tenant,
            chair_id: Some(10),
            social_worker_id: Some(20),
            children_social_workers: vec![Some(21)],
        }
    }

    #[test]
    fn the_chair_and_the_social_workers_read_everything() {
        assert_eq!(
            read(&staff(10, StaffRole::Isro), &meeting(1)).unwrap(),
            Exposure::FULL
        );
        assert_eq!(
            read(&staff(20, StaffRole::SocialWorker), &meeting(1)).unwrap(),
            Exposure::FULL
        );
        assert_eq!(
            read(&staff(21, StaffRole::SocialWorker), &meeting(1)).unwrap(),
            Exposure::FULL
        );
    }

    #[test]
    fn other_staff_are_refused_and_other_tenants_meetings_do_not_exist() {
        assert!(matches!(
            read(&staff(11, StaffRole::Isro), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read(&staff(10, StaffRole::Advocate), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read(&staff(10, StaffRole::Isro), &meeting(2)),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            read(&Viewer::Anonymous, &meeting(1)),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn integrators_see_outcomes_only_with_read_outcomes() {
        let meetings_only = read(&key(&[Scope::ReadMeetings]), &meeting(1)).unwrap();
        assert!(meetings_only.whiteboard && !meetings_only.outcome);
        assert_eq!(
            read(&key(&[Scope::ReadOutcomes]), &meeting(1)).unwrap(),
            Exposure::FULL
        );
        assert!(matches!(
            read(&key(&[Scope::ReadOversight]), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn only_the_chair_records() {
        assert!(record(&staff(10, StaffRole::Isro), &meeting(1)).is_ok());
        assert!(matches!(
            record(&staff(11, StaffRole::Isro), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            record(&staff(20, StaffRole::SocialWorker), &meeting(1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            record(&staff(10, StaffRole::Isro), &meeting(2)),
            Err(ApiError::NotFound(_))
        ));
    }
}
