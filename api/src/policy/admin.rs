//! Administration: staff accounts and the audit trail. Only an admin, and only for their own local
//! authority; another authority's staff do not exist for them.
use entity::enums::StaffRole;
use entity::staff_user;

use super::staff_in;
use crate::auth::{StaffViewer, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// List, invite, deactivate and unlock the authority's staff: an admin. Asked before anything is
/// looked up, so another role learns nothing about which accounts exist; lookups then keep to the
/// admin's own authority, so another authority's staff are NOT_FOUND, exactly like missing ones.
pub fn manage_staff(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}

/// Deactivate this member of staff: never yourself (an authority must not lock out its last admin
/// by accident).
pub fn deactivate_staff(admin: &StaffViewer, target: &staff_user::Model) -> ApiResult<()> {
    if target.local_authority_id != admin.tenant.0 {
        return Err(ApiError::NotFound("Staff member"));
    }
    if target.id == admin.id {
        return Err(ApiError::bad_input(
            "id",
            "You cannot deactivate your own account. Ask another administrator.",
        ));
    }
    Ok(())
}

/// Import staff, children and meetings from CSV files (`importRecords`): an admin, into their own
/// authority. Not an integrator key, even with `WRITE_RECORDS`: an import creates staff accounts
/// and hands back their set-password links, which must reach a person, not another system; a
/// system keeps records in step one at a time with `upsertChild`/`upsertMeeting`.
pub fn import_records(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
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
            session_epoch: 0,
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
    fn only_an_admin_imports_never_a_key_even_with_write_records() {
        let admin = import_records(&staff(4, 2, StaffRole::Admin)).map(|a| a.tenant);
        assert_eq!(admin.ok(), Some(TenantId(2)));
        for role in [
            StaffRole::Coordinator,
            StaffRole::SocialWorker,
            StaffRole::Isro,
        ] {
            assert!(matches!(
                import_records(&staff(1, 2, role)),
                Err(ApiError::Forbidden)
            ));
        }
        let key = Viewer::Integrator(IntegratorViewer {
            key_id: 1,
            tenant: TenantId(2),
            scopes: [crate::auth::Scope::WriteRecords].into_iter().collect(),
        });
        assert!(matches!(import_records(&key), Err(ApiError::Forbidden)));
        assert!(matches!(
            import_records(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn an_admin_deactivates_others_of_their_own_authority_only() {
        let admin = StaffViewer {
            id: 7,
            tenant: TenantId(1),
            role: StaffRole::Admin,
        };
        assert!(deactivate_staff(&admin, &row(8, 1)).is_ok());
        assert!(matches!(
            deactivate_staff(&admin, &row(8, 2)),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            deactivate_staff(&admin, &row(7, 1)),
            Err(ApiError::BadUserInput { .. })
        ));
        assert!(manage_staff(&Viewer::Staff(admin)).is_ok());
        assert!(matches!(
            manage_staff(&staff(9, 1, StaffRole::Coordinator)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            manage_staff(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
