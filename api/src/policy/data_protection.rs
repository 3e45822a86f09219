//! Data protection (issue 22): retention periods, legal holds and erasure. An admin only, and only
//! for their own local authority: another authority's children and requests answer NOT_FOUND,
//! exactly like missing ones (the services look up within the admin's authority). Erasure needs two
//! different admins.
use entity::enums::StaffRole;
use entity::erasure_request;

use super::staff_in;
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// See and set retention periods, find children, place and lift holds, ask for or cancel an
/// erasure: an admin. Asked before anything is looked up.
pub fn manage(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}

/// Confirm an erasure: an admin of the request's authority who is not the one who asked.
pub fn confirm_erasure(admin: &StaffViewer, request: &erasure_request::Model) -> ApiResult<()> {
    if request.local_authority_id != admin.tenant.0 {
        return Err(ApiError::NotFound("Erasure request"));
    }
    if request.requested_by == admin.id {
        return Err(ApiError::bad_input(
            "requestId",
            "You asked for this erasure, so another administrator must confirm it.",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::TenantId;
    use chrono::Utc;

    fn admin(id: i32, tenant: i32) -> StaffViewer {
        StaffViewer {
            id,
            tenant: TenantId(tenant),
            role: StaffRole::Admin,
        }
    }

    fn request(tenant: i32, by: i32) -> erasure_request::Model {
        let now = Utc::now();
        erasure_request::Model {
            id: 1,
            local_authority_id: tenant,
            child_id: 1,
            reason: "Asked by the young person".into(),
            requested_by: by,
            requested_at: now,
            expires_at: now,
            confirmed_by: None,
            confirmed_at: None,
            cancelled_by: None,
            cancelled_at: None,
            created_at: now,
        }
    }

    #[test]
    fn only_admins_manage_data_protection() {
        assert!(manage(&Viewer::Staff(admin(1, 1))).is_ok());
        for role in [
            StaffRole::Advocate,
            StaffRole::Coordinator,
            StaffRole::SocialWorker,
            StaffRole::Isro,
            StaffRole::Agency,
        ] {
            let staff = Viewer::Staff(StaffViewer {
                id: 1,
                tenant: TenantId(1),
                role,
            });
            assert!(matches!(manage(&staff), Err(ApiError::Forbidden)));
        }
        assert!(matches!(
            manage(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn a_second_admin_of_the_same_authority_confirms() {
        assert!(confirm_erasure(&admin(2, 1), &request(1, 1)).is_ok());
        assert!(matches!(
            confirm_erasure(&admin(1, 1), &request(1, 1)),
            Err(ApiError::BadUserInput { .. })
        ));
        assert!(matches!(
            confirm_erasure(&admin(2, 2), &request(1, 1)),
            Err(ApiError::NotFound(_))
        ));
    }
}
