//! Administration: staff accounts and the audit trail. Only an admin, and only for their own local
//! authority; another authority's staff do not exist for them.
use entity::enums::StaffRole;
use entity::staff_user;

use super::{same_tenant, staff_in};
use crate::auth::{StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// List and invite the authority's staff.
pub fn manage_staff(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}

/// Deactivate one member of staff: an admin of the same authority, and never themselves (an
/// authority must not lock out its last admin by accident).
pub fn deactivate_staff<'v>(
    viewer: &'v Viewer,
    target: &staff_user::Model,
) -> ApiResult<&'v StaffViewer> {
    let admin = staff_in(viewer, &[StaffRole::Admin])?;
    same_tenant(viewer, target.local_authority_id, "Staff member")?;
    if target.id == admin.id {
        return Err(ApiError::bad_input(
            "id",
            "You cannot deactivate your own account. Ask another administrator.",
        ));
    }
    Ok(admin)
}

/// Read the authority's audit trail.
pub fn read_audit(viewer: &Viewer) -> ApiResult<TenantId> {
    staff_in(viewer, &[StaffRole::Admin]).map(|admin| admin.tenant)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::IntegratorViewer;
    use chrono::Utc;

    fn staff(id: i32, tenant: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(tenant),
            role,
        })
    }

    fn row(id: i32, tenant: i32) -> staff_user::Model {
        staff_user::Model {
            id,
            local_authority_id: tenant,
            name: "Sam".into(),
            email: "sam@example.org".into(),
            role: StaffRole::Advocate,
            password_hash: String::new(),
            active: true,
            agency_id: None,
            created_at: Utc::now(),
        }
    }

    #[test]
    fn only_admins_manage_staff_and_read_the_audit() {
        assert!(manage_staff(&staff(1, 1, StaffRole::Admin)).is_ok());
        assert!(read_audit(&staff(1, 1, StaffRole::Admin)).is_ok());
        for role in [StaffRole::Coordinator, StaffRole::Advocate, StaffRole::Isro] {
            assert!(matches!(
                manage_staff(&staff(1, 1, role)),
                Err(ApiError::Forbidden)
            ));
            assert!(matches!(
                read_audit(&staff(1, 1, role)),
                Err(ApiError::Forbidden)
            ));
        }
        let key = Viewer::Integrator(IntegratorViewer {
            key_id: 1,
            tenant: TenantId(1),
            scopes: Default::default(),
        });
        assert!(matches!(read_audit(&key), Err(ApiError::Forbidden)));
        assert!(matches!(
            read_audit(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn an_admin_deactivates_others_of_their_own_authority_only() {
        let admin = staff(7, 1, StaffRole::Admin);
        assert!(deactivate_staff(&admin, &row(8, 1)).is_ok());
        assert!(matches!(
            deactivate_staff(&admin, &row(8, 2)),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            deactivate_staff(&admin, &row(7, 1)),
            Err(ApiError::BadUserInput { .. })
        ));
        assert!(matches!(
            deactivate_staff(&staff(9, 1, StaffRole::Coordinator), &row(8, 1)),
            Err(ApiError::Forbidden)
        ));
    }
}
