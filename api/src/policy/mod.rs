//! Who may do what: the one place every resolver asks before it reads or writes. Deny by default:
//! anything not allowed here is refused. One file per capability; the rules shared by all are below.
//!
//! Tenancy: a row of another local authority is reported as NOT_FOUND, exactly like a row that does
//! not exist, so IDs of other authorities reveal nothing.
pub mod answers;
pub mod meetings;
pub mod messages;
pub mod notify;
pub mod outcomes;
pub mod oversight;
pub mod preferences;
pub mod records;
pub mod views;

pub mod access;
pub mod admin;
pub mod agencies;
pub mod cases;
pub mod children;
pub mod data_protection;
pub mod live;
pub mod referrals;
pub mod schedule;
pub mod subject_access;

use entity::enums::StaffRole;

use crate::auth::{ChildViewer, IntegratorViewer, Scope, StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// Any signed-in viewer; their local authority.
pub fn signed_in(viewer: &Viewer) -> ApiResult<TenantId> {
    viewer.tenant().ok_or(ApiError::Unauthenticated)
}

/// A member of staff in one of `roles`.
pub fn staff_in<'v>(viewer: &'v Viewer, roles: &[StaffRole]) -> ApiResult<&'v StaffViewer> {
    match viewer {
        Viewer::Anonymous => Err(ApiError::Unauthenticated),
        Viewer::Staff(staff) if roles.contains(&staff.role) => Ok(staff),
        _ => Err(ApiError::Forbidden),
    }
}

/// A child signed in with their access code and PIN.
pub fn child(viewer: &Viewer) -> ApiResult<&ChildViewer> {
    match viewer {
        Viewer::Anonymous => Err(ApiError::Unauthenticated),
        Viewer::Child(child) => Ok(child),
        _ => Err(ApiError::Forbidden),
    }
}

/// An integrator whose key carries `scope`.
pub fn integrator_with(viewer: &Viewer, scope: Scope) -> ApiResult<&IntegratorViewer> {
    match viewer {
        Viewer::Anonymous => Err(ApiError::Unauthenticated),
        Viewer::Integrator(key) if key.scopes.contains(&scope) => Ok(key),
        _ => Err(ApiError::Forbidden),
    }
}

/// A row is visible only inside its own local authority; elsewhere it does not exist.
pub fn same_tenant(viewer: &Viewer, row_tenant: i32, what: &'static str) -> ApiResult<()> {
    match viewer.tenant() {
        Some(TenantId(t)) if t == row_tenant => Ok(()),
        Some(_) => Err(ApiError::NotFound(what)),
        None => Err(ApiError::Unauthenticated),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id: 1,
            tenant: TenantId(1),
            role,
        })
    }

    #[test]
    fn anonymous_is_unauthenticated_and_wrong_roles_are_forbidden() {
        assert!(matches!(
            staff_in(&Viewer::Anonymous, &[StaffRole::Admin]),
            Err(ApiError::Unauthenticated)
        ));
        assert!(matches!(
            staff_in(&staff(StaffRole::Advocate), &[StaffRole::Admin]),
            Err(ApiError::Forbidden)
        ));
        assert!(staff_in(&staff(StaffRole::Admin), &[StaffRole::Admin]).is_ok());
        let child = Viewer::Child(ChildViewer {
            child_id: 3,
            tenant: TenantId(1),
        });
        assert!(matches!(
            staff_in(&child, &[StaffRole::Advocate]),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn other_tenants_rows_do_not_exist() {
        assert!(matches!(
            same_tenant(&staff(StaffRole::Admin), 2, "Child"),
            Err(ApiError::NotFound("Child"))
        ));
        assert!(same_tenant(&staff(StaffRole::Admin), 1, "Child").is_ok());
    }
}
