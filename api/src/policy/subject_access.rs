//! Data protection (issue 22): a subject access export of everything held about one child. Only an
//! admin, only for a child of their own authority (another authority's child is NOT_FOUND, like a
//! missing one), and the download link only for the admin who asked for it.
use entity::enums::StaffRole;

use super::staff_in;
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// Ask for an export (`exportChildRecord`): an admin. Asked before the child is looked up, and the
/// lookup keeps to the admin's authority.
pub fn export_child_record(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}

/// Who a download link was made for.
#[derive(Debug, Clone, Copy)]
pub struct ExportLink {
    pub tenant: i32,
    pub admin_id: i32,
}

/// Download an export: the admin who asked for it, still an admin. Anyone else's link answers as
/// one that does not exist (and is not spent by their try).
pub fn download_export<'v>(viewer: &'v Viewer, link: &ExportLink) -> ApiResult<&'v StaffViewer> {
    let admin = staff_in(viewer, &[StaffRole::Admin])?;
    if admin.tenant.0 != link.tenant || admin.id != link.admin_id {
        return Err(ApiError::NotFound("Export"));
    }
    Ok(admin)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::TenantId;

    fn staff(id: i32, tenant: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(tenant),
            role,
        })
    }

    #[test]
    fn only_admins_ask_for_an_export() {
        assert!(export_child_record(&staff(1, 1, StaffRole::Admin)).is_ok());
        for role in [
            StaffRole::Coordinator,
            StaffRole::Advocate,
            StaffRole::SocialWorker,
            StaffRole::Isro,
            StaffRole::Agency,
        ] {
            assert!(matches!(
                export_child_record(&staff(1, 1, role)),
                Err(ApiError::Forbidden)
            ));
        }
        assert!(matches!(
            export_child_record(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn a_link_is_only_for_the_admin_who_asked() {
        let link = ExportLink {
            tenant: 1,
            admin_id: 7,
        };
        assert!(download_export(&staff(7, 1, StaffRole::Admin), &link).is_ok());
        assert!(matches!(
            download_export(&staff(8, 1, StaffRole::Admin), &link),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            download_export(&staff(7, 2, StaffRole::Admin), &link),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            download_export(&staff(7, 1, StaffRole::Advocate), &link),
            Err(ApiError::Forbidden)
        ));
    }
}
