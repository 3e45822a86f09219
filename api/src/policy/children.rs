//! Children added and changed by hand (issue 19, item 2).
//!
//! - A social worker adds a child, who is then allocated to them; they change the children
//!   allocated to them.
//! - The advocacy coordinator adds a child too (a child or family who asked for an advocate
//!   themselves may not be known yet), naming the social worker if there is one, and changes any
//!   child of their authority (to complete a self-referral).
//! - Nobody else; another authority's child does not exist.
use entity::enums::StaffRole;

use super::{same_tenant, staff_in};
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// Who may add a child, and who the child's social worker is then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Allocation {
    /// The social worker adding the child becomes their social worker.
    ToViewer,
    /// The coordinator names the social worker, or none yet.
    AsNamed,
}

/// `createChild`.
pub fn create(viewer: &Viewer) -> ApiResult<(&StaffViewer, Allocation)> {
    let staff = staff_in(viewer, &[StaffRole::SocialWorker, StaffRole::Coordinator])?;
    let allocation = match staff.role {
        StaffRole::SocialWorker => Allocation::ToViewer,
        _ => Allocation::AsNamed,
    };
    Ok((staff, allocation))
}

/// What the rules need to know about one child.
#[derive(Debug, Clone, Copy)]
pub struct ChildFacts {
    pub tenant: i32,
    pub social_worker_id: Option<i32>,
}

/// `updateChild`: the child's own social worker, or the coordinator.
pub fn update<'v>(
    viewer: &'v Viewer,
    child: &ChildFacts,
) -> ApiResult<(&'v StaffViewer, Allocation)> {
    let (staff, allocation) = create(viewer)?;
    same_tenant(viewer, child.tenant, "Child")?;
    match allocation {
        Allocation::ToViewer if child.social_worker_id != Some(staff.id) => {
            Err(ApiError::Forbidden)
        }
        _ => Ok((staff, allocation)),
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

    fn child(tenant: i32, social_worker_id: Option<i32>) -> ChildFacts {
        ChildFacts {
            tenant,
            social_worker_id,
        }
    }

    #[test]
    fn social_workers_and_coordinators_add_children() {
        let sw = staff(5, StaffRole::SocialWorker);
        assert_eq!(create(&sw).map(|(_, a)| a).ok(), Some(Allocation::ToViewer));
        let k = staff(6, StaffRole::Coordinator);
        assert_eq!(create(&k).map(|(_, a)| a).ok(), Some(Allocation::AsNamed));
        for role in [
            StaffRole::Isro,
            StaffRole::Advocate,
            StaffRole::Admin,
            StaffRole::Agency,
        ] {
            assert!(matches!(create(&staff(1, role)), Err(ApiError::Forbidden)));
        }
        assert!(matches!(
            create(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn only_the_childs_social_worker_or_the_coordinator_changes_a_child() {
        let sw = staff(5, StaffRole::SocialWorker);
        assert!(update(&sw, &child(1, Some(5))).is_ok());
        assert!(matches!(
            update(&sw, &child(1, Some(7))),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            update(&sw, &child(1, None)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            update(&sw, &child(2, Some(5))),
            Err(ApiError::NotFound(_))
        ));
        let k = staff(6, StaffRole::Coordinator);
        assert!(update(&k, &child(1, None)).is_ok());
        assert!(matches!(
            update(&k, &child(2, None)),
            Err(ApiError::NotFound(_))
        ));
    }
}
