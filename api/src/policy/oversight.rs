//! Oversight measures: aggregate numbers only, no child-level data. The coordinator and the admin of
//! an authority read them, and integrators whose key carries `READ_OVERSIGHT`.
use entity::enums::StaffRole;

use super::{integrator_with, staff_in};
use crate::auth::{Scope, TenantId, Viewer};
use crate::error::ApiResult;

pub fn metrics(viewer: &Viewer) -> ApiResult<TenantId> {
    match viewer {
        Viewer::Integrator(_) => integrator_with(viewer, Scope::ReadOversight).map(|k| k.tenant),
        _ => staff_in(viewer, &[StaffRole::Coordinator, StaffRole::Admin]).map(|s| s.tenant),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{ChildViewer, StaffViewer};
    use crate::error::ApiError;

    #[test]
    fn only_coordinators_admins_and_oversight_keys() {
        let staff = |role| {
            Viewer::Staff(StaffViewer {
                id: 1,
                tenant: TenantId(1),
                role,
            })
        };
        assert!(metrics(&staff(StaffRole::Coordinator)).is_ok());
        assert!(metrics(&staff(StaffRole::Admin)).is_ok());
        assert!(matches!(
            metrics(&staff(StaffRole::Isro)),
            Err(ApiError::Forbidden)
        ));
        let child = Viewer::Child(ChildViewer {
            child_id: 1,
            tenant: TenantId(1),
        });
        assert!(matches!(metrics(&child), Err(ApiError::Forbidden)));
        assert!(matches!(
            metrics(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
