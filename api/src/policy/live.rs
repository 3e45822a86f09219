//! Who receives which live event: only the member of staff it is addressed to, in their own authority.
use entity::enums::StaffRole;

use super::staff_in;
use crate::auth::{StaffViewer, Viewer};
use crate::error::ApiResult;
use crate::events::Event;

/// Advocates may listen for their caseload and urgent help; social workers and ISROs for views shared.
pub fn subscribe<'v>(viewer: &'v Viewer, roles: &[StaffRole]) -> ApiResult<&'v StaffViewer> {
    staff_in(viewer, roles)
}

pub fn may_receive(staff: &StaffViewer, event: &Event) -> bool {
    match event {
        Event::CaseloadChanged {
            tenant,
            advocate_id,
            ..
        }
        | Event::UrgentHelpRaised {
            tenant,
            advocate_id,
            ..
        } => *tenant == staff.tenant && *advocate_id == staff.id,
        Event::ViewsShared {
            tenant,
            recipient_id,
            ..
        } => *tenant == staff.tenant && *recipient_id == staff.id,
        // Not a live update: it closes the person's sockets (`live::socket`).
        Event::SessionsEnded { .. } => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::TenantId;

    #[test]
    fn events_reach_only_the_member_of_staff_they_name_in_their_own_authority() {
        let advocate = StaffViewer {
            id: 7,
            tenant: TenantId(1),
            role: StaffRole::Advocate,
        };
        let alert = |tenant, advocate_id| Event::UrgentHelpRaised {
            tenant: TenantId(tenant),
            advocate_id,
            urgent_help_id: 1,
        };
        assert!(may_receive(&advocate, &alert(1, 7)));
        assert!(
            !may_receive(&advocate, &alert(1, 8)),
            "another advocate's child"
        );
        assert!(
            !may_receive(&advocate, &alert(2, 7)),
            "same id in another authority"
        );
        let shared = Event::ViewsShared {
            tenant: TenantId(1),
            recipient_id: 9,
            views_id: 1,
        };
        assert!(!may_receive(&advocate, &shared));
    }
}
