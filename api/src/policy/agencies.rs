//! Partner agencies (police, health, school…): the authority's admin adds and changes them; their
//! staff are then invited with `inviteStaff(role: AGENCY, agencyId)`. Another authority's agency does
//! not exist for the admin (the service looks agencies up inside the admin's own authority).
use entity::enums::StaffRole;

use super::staff_in;
use crate::auth::{StaffViewer, Viewer};
use crate::error::ApiResult;

/// `createAgency`, `updateAgency`: an admin, for their own authority.
pub fn manage(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::TenantId;
    use crate::error::ApiError;

    fn staff(role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id: 1,
            tenant: TenantId(1),
            role,
        })
    }

    #[test]
    fn only_admins_manage_agencies() {
        assert!(manage(&staff(StaffRole::Admin)).is_ok());
        for role in [
            StaffRole::SocialWorker,
            StaffRole::Isro,
            StaffRole::Coordinator,
            StaffRole::Agency,
            StaffRole::Advocate,
        ] {
            assert!(matches!(manage(&staff(role)), Err(ApiError::Forbidden)));
        }
        assert!(matches!(
            manage(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
