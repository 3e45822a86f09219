//! Children and meetings written by a case-management system: only an integrator whose key carries
//! `WRITE_RECORDS`, and only in its own local authority (the key decides which; no argument can).
//! Staff add children and meetings by hand elsewhere, never through these operations.
use super::integrator_with;
use crate::auth::{Scope, TenantId, Viewer};
use crate::error::ApiResult;

/// `upsertChild`, `upsertMeeting`.
pub fn write(viewer: &Viewer) -> ApiResult<TenantId> {
    integrator_with(viewer, Scope::WriteRecords).map(|key| key.tenant)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::auth::{IntegratorViewer, StaffViewer};
    use crate::error::ApiError;
    use entity::enums::StaffRole;

    fn key(scopes: &[Scope]) -> Viewer {
        Viewer::Integrator(IntegratorViewer {
            key_id: 9,
            tenant: TenantId(3),
            scopes: scopes.iter().copied().collect::<BTreeSet<_>>(),
        })
    }

    #[test]
    fn only_a_key_with_write_records_writes_records_in_its_own_authority() {
        assert_eq!(write(&key(&[Scope::WriteRecords])).ok(), Some(TenantId(3)));
        assert!(matches!(
            write(&key(&[Scope::WriteReferrals, Scope::ReadMeetings])),
            Err(ApiError::Forbidden)
        ));
        let admin = Viewer::Staff(StaffViewer {
            id: 1,
            tenant: TenantId(3),
            role: StaffRole::Admin,
        });
        assert!(matches!(write(&admin), Err(ApiError::Forbidden)));
        assert!(matches!(
            write(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
