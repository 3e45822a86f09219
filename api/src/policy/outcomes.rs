//! Conference outcomes and their distribution to agencies.
//!
//! - The chair distributes the outcome of a meeting they chair and follows its distribution up.
//! - The coordinator follows up the distribution of any meeting of their authority.
//! - Integrators with `READ_OUTCOMES` read distributions of their authority.
//! - Agency users see and acknowledge only the outcomes distributed to their own agency.
//! - The chair, the coordinator, the admin and social workers (who invite agencies to meetings) list
//!   their authority's agencies.
use entity::enums::StaffRole;

use super::meetings::MeetingFacts;
use super::{integrator_with, same_tenant, staff_in};
use crate::auth::{Scope, StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// Only the meeting's chair sends its outcome out.
pub fn distribute(viewer: &Viewer, meeting: &MeetingFacts) -> ApiResult<TenantId> {
    super::meetings::record(viewer, meeting)
}

/// Asked before the meeting is looked up: a refused role learns nothing.
pub fn may_read_distribution(viewer: &Viewer) -> ApiResult<()> {
    match viewer {
        Viewer::Integrator(_) => integrator_with(viewer, Scope::ReadOutcomes).map(|_| ()),
        _ => staff_in(viewer, &[StaffRole::Isro, StaffRole::Coordinator]).map(|_| ()),
    }
}

/// Who an outcome went to and who acknowledged it, for one meeting.
pub fn read_distribution(viewer: &Viewer, meeting: &MeetingFacts) -> ApiResult<()> {
    may_read_distribution(viewer)?;
    same_tenant(viewer, meeting.tenant, "Meeting")?;
    match viewer {
        Viewer::Staff(s) if s.role == StaffRole::Coordinator => Ok(()),
        Viewer::Staff(s) if s.role == StaffRole::Isro && meeting.chair_id == Some(s.id) => Ok(()),
        Viewer::Integrator(_) => Ok(()),
        _ => Err(ApiError::Forbidden),
    }
}

/// The agencies of the viewer's own authority.
pub fn list_agencies(viewer: &Viewer) -> ApiResult<TenantId> {
    staff_in(
        viewer,
        &[
            StaffRole::Isro,
            StaffRole::Coordinator,
            StaffRole::Admin,
            StaffRole::SocialWorker,
        ],
    )
    .map(|s| s.tenant)
}

/// An agency user; the service then finds the agency they belong to.
pub fn agency_user(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Agency])
}

/// The outcomes sent to the agency the viewer belongs to; an agency account without one sees none.
pub fn agency_outcomes(viewer: &Viewer, viewer_agency: Option<i32>) -> ApiResult<i32> {
    agency_user(viewer)?;
    viewer_agency.ok_or(ApiError::Forbidden)
}

/// One distribution, for an agency user belonging to `viewer_agency`.
pub fn acknowledge(
    viewer: &Viewer,
    viewer_agency: Option<i32>,
    distribution_tenant: i32,
    distribution_agency: i32,
) -> ApiResult<()> {
    agency_user(viewer)?;
    same_tenant(viewer, distribution_tenant, "Outcome distribution")?;
    if viewer_agency == Some(distribution_agency) {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(id: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    fn meeting() -> MeetingFacts {
        MeetingFacts {
            tenant: 1,
            chair_id: Some(10),
            social_worker_id: Some(20),
            children_social_workers: vec![],
        }
    }

    #[test]
    fn the_chair_and_the_coordinator_follow_distribution_up() {
        assert!(read_distribution(&staff(10, StaffRole::Isro), &meeting()).is_ok());
        assert!(read_distribution(&staff(30, StaffRole::Coordinator), &meeting()).is_ok());
        assert!(matches!(
            read_distribution(&staff(11, StaffRole::Isro), &meeting()),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read_distribution(&staff(20, StaffRole::SocialWorker), &meeting()),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn agencies_acknowledge_only_their_own_outcomes() {
        let agency = staff(40, StaffRole::Agency);
        assert!(acknowledge(&agency, Some(5), 1, 5).is_ok());
        assert!(matches!(
            acknowledge(&agency, Some(5), 1, 6),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            acknowledge(&agency, Some(5), 2, 5),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            acknowledge(&staff(10, StaffRole::Isro), None, 1, 5),
            Err(ApiError::Forbidden)
        ));
    }
}
