//! The child's settings for their own pages (younger-child mode): who may change them.
//!
//! - Child: their own settings, with their own token (naming no child, or themselves).
//! - Advocate: the settings of a child of one of their open cases (an advocate helps the child choose).
//! - Everyone else: FORBIDDEN. Another authority's child is NOT_FOUND, as if it did not exist.
use entity::enums::StaffRole;

use super::same_tenant;
use crate::auth::Viewer;
use crate::error::{ApiError, ApiResult};

/// What the rules need to know about the child whose settings would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildFacts {
    pub id: i32,
    pub tenant: i32,
    /// The advocates of the child's cases that are not closed.
    pub open_case_advocates: Vec<i32>,
}

/// Which child a change is about, before anything is looked up: a child's own unless they name one;
/// an advocate must name the child. Refused roles learn nothing about which children exist.
pub fn target(viewer: &Viewer, named: Option<i32>) -> ApiResult<i32> {
    match viewer {
        Viewer::Anonymous => Err(ApiError::Unauthenticated),
        Viewer::Child(child) => Ok(named.unwrap_or(child.child_id)),
        Viewer::Staff(staff) if staff.role == StaffRole::Advocate => named.ok_or_else(|| {
            ApiError::bad_input("childId", "Say which child's setting to change (childId).")
        }),
        _ => Err(ApiError::Forbidden),
    }
}

/// The child's own names for their meeting and views: the child alone reads and sets them, for
/// themselves (staff do not name things for the child). The child whose names these are.
pub fn own_names(viewer: &Viewer) -> ApiResult<i32> {
    match viewer {
        Viewer::Anonymous => Err(ApiError::Unauthenticated),
        Viewer::Child(child) => Ok(child.child_id),
        _ => Err(ApiError::Forbidden),
    }
}

/// The language of the child's pages: the child chooses it for themselves (on the sign-in page or
/// any of their pages); staff record the child's language on the child's record instead.
pub fn own_language(viewer: &Viewer) -> ApiResult<i32> {
    own_names(viewer)
}

/// Changing the child's settings: the child themselves, or the advocate of one of their open cases.
pub fn change(viewer: &Viewer, child: &ChildFacts) -> ApiResult<()> {
    same_tenant(viewer, child.tenant, "Child")?;
    let allowed = match viewer {
        Viewer::Child(me) => me.child_id == child.id,
        Viewer::Staff(staff) if staff.role == StaffRole::Advocate => {
            child.open_case_advocates.contains(&staff.id)
        }
        _ => false,
    };
    if allowed {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{ChildViewer, StaffViewer, TenantId};

    fn staff(id: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    fn child(id: i32) -> Viewer {
        Viewer::Child(ChildViewer {
            child_id: id,
            tenant: TenantId(1),
        })
    }

    fn mia() -> ChildFacts {
        ChildFacts {
            id: 3,
            tenant: 1,
            open_case_advocates: vec![7],
        }
    }

    #[test]
    fn a_child_changes_their_own_settings_only() {
        assert_eq!(target(&child(3), None).unwrap(), 3);
        assert!(change(&child(3), &mia()).is_ok());
        assert!(matches!(
            change(&child(4), &mia()),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn the_advocate_of_an_open_case_changes_the_childs_settings() {
        let advocate = staff(7, StaffRole::Advocate);
        assert_eq!(target(&advocate, Some(3)).unwrap(), 3);
        assert!(matches!(
            target(&advocate, None),
            Err(ApiError::BadUserInput { .. })
        ));
        assert!(change(&advocate, &mia()).is_ok());
        assert!(matches!(
            change(&staff(8, StaffRole::Advocate), &mia()),
            Err(ApiError::Forbidden)
        ));
        let elsewhere = ChildFacts { tenant: 2, ..mia() };
        assert!(matches!(
            change(&advocate, &elsewhere),
            Err(ApiError::NotFound(_))
        ));
    }

    #[test]
    fn nobody_else_changes_them() {
        for role in [
            StaffRole::SocialWorker,
            StaffRole::Isro,
            StaffRole::Coordinator,
            StaffRole::Agency,
            StaffRole::Admin,
        ] {
            assert!(matches!(
                target(&staff(7, role), Some(3)),
                Err(ApiError::Forbidden)
            ));
            assert!(matches!(
                change(&staff(7, role), &mia()),
                Err(ApiError::Forbidden)
            ));
        }
        assert!(matches!(
            target(&Viewer::Anonymous, None),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn only_the_child_chooses_their_pages_language() {
        assert_eq!(own_language(&child(4)).unwrap(), 4);
        assert!(matches!(
            own_language(&staff(7, StaffRole::Advocate)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            own_language(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn only_the_child_names_their_own_things() {
        assert_eq!(own_names(&child(3)).unwrap(), 3);
        for role in [
            StaffRole::Advocate,
            StaffRole::SocialWorker,
            StaffRole::Admin,
        ] {
            assert!(matches!(
                own_names(&staff(7, role)),
                Err(ApiError::Forbidden)
            ));
        }
        assert!(matches!(
            own_names(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
