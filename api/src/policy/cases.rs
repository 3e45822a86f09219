//! Cases: an advocate sees only the cases allocated to them.
use entity::advocacy_case;
use entity::enums::StaffRole;

use super::{same_tenant, staff_in};
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// `myCaseload`: a signed-in advocate.
pub fn caseload(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Advocate])
}

/// One case: only the advocate it is allocated to.
pub fn read(viewer: &Viewer, row: &advocacy_case::Model) -> ApiResult<()> {
    let advocate = caseload(viewer)?;
    same_tenant(viewer, row.local_authority_id, "Case")?;
    if row.advocate_id == advocate.id {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::{ChildViewer, TenantId};
    use chrono::Utc;
    use entity::enums::CaseStatus;

    fn advocate(id: i32) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role: StaffRole::Advocate,
        })
    }

    fn case(tenant: i32, advocate_id: i32) -> advocacy_case::Model {
        let now = Utc::now();
        advocacy_case::Model {
            id: 1,
            local_authority_id: tenant,
            referral_id: 1,
            child_id: 1,
            meeting_id: 1,
            advocate_id,
            status: CaseStatus::Allocated,
            allocated_at: now,
            closed_at: None,
            created_at: now,
        }
    }

    #[test]
    fn only_the_allocated_advocate_reads_a_case() {
        assert!(read(&advocate(7), &case(1, 7)).is_ok());
        assert!(matches!(
            read(&advocate(8), &case(1, 7)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read(&advocate(7), &case(2, 7)),
            Err(ApiError::NotFound(_))
        ));
        let coordinator = Viewer::Staff(StaffViewer {
            id: 7,
            tenant: TenantId(1),
            role: StaffRole::Coordinator,
        });
        assert!(matches!(
            read(&coordinator, &case(1, 7)),
            Err(ApiError::Forbidden)
        ));
        let child = Viewer::Child(ChildViewer {
            child_id: 1,
            tenant: TenantId(1),
        });
        assert!(matches!(
            read(&child, &case(1, 7)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read(&Viewer::Anonymous, &case(1, 7)),
            Err(ApiError::Unauthenticated)
        ));
    }
}
