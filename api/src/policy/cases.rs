//! Cases: an advocate sees only the cases allocated to them; the advocate or the coordinator closes
//! one, and only the coordinator reopens it.
use entity::advocacy_case;
use entity::enums::StaffRole;

use super::{same_tenant, staff_in};
use crate::auth::{StaffViewer, TenantId, Viewer};
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

/// Who is closing a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closer {
    /// The advocate it is allocated to: their own cases only.
    Advocate { tenant: TenantId, staff_id: i32 },
    /// The coordinator: any case of the authority.
    Coordinator { tenant: TenantId },
}

impl Closer {
    pub fn tenant(self) -> TenantId {
        match self {
            Self::Advocate { tenant, .. } | Self::Coordinator { tenant } => tenant,
        }
    }
}

/// `closeCase`: an advocate or the coordinator, asked before any case is looked up.
pub fn close(viewer: &Viewer) -> ApiResult<Closer> {
    let staff = staff_in(viewer, &[StaffRole::Advocate, StaffRole::Coordinator])?;
    Ok(match staff.role {
        StaffRole::Advocate => Closer::Advocate {
            tenant: staff.tenant,
            staff_id: staff.id,
        },
        _ => Closer::Coordinator {
            tenant: staff.tenant,
        },
    })
}

/// One case: another authority's, or (for an advocate) another advocate's, is not found: the
/// advocate's caseload is all an advocate knows of.
pub fn close_row(closer: Closer, row: &advocacy_case::Model) -> ApiResult<()> {
    if row.local_authority_id != closer.tenant().0 {
        return Err(ApiError::NotFound("Case"));
    }
    match closer {
        Closer::Advocate { staff_id, .. } if row.advocate_id != staff_id => {
            Err(ApiError::NotFound("Case"))
        }
        _ => Ok(()),
    }
}

/// `reopenCase`: the coordinator, who allocates the work, decides it is not finished after all.
pub fn reopen(viewer: &Viewer) -> ApiResult<TenantId> {
    staff_in(viewer, &[StaffRole::Coordinator]).map(|s| s.tenant)
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
            close_reason: None,
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

    #[test]
    fn the_allocated_advocate_or_the_coordinator_closes_and_only_the_coordinator_reopens() {
        let own = close(&advocate(7)).unwrap();
        assert!(close_row(own, &case(1, 7)).is_ok());
        assert!(matches!(
            close_row(own, &case(1, 8)),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            close_row(own, &case(2, 7)),
            Err(ApiError::NotFound(_))
        ));
        let coordinator = Viewer::Staff(StaffViewer {
            id: 3,
            tenant: TenantId(1),
            role: StaffRole::Coordinator,
        });
        let closer = close(&coordinator).unwrap();
        assert!(close_row(closer, &case(1, 8)).is_ok());
        assert!(matches!(
            close_row(closer, &case(2, 8)),
            Err(ApiError::NotFound(_))
        ));
        assert_eq!(reopen(&coordinator).ok(), Some(TenantId(1)));
        assert!(matches!(reopen(&advocate(7)), Err(ApiError::Forbidden)));
        let social_worker = Viewer::Staff(StaffViewer {
            id: 4,
            tenant: TenantId(1),
            role: StaffRole::SocialWorker,
        });
        assert!(matches!(close(&social_worker), Err(ApiError::Forbidden)));
        assert!(matches!(
            close(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
