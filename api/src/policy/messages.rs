//! Messages to a child (issue 20): who may send one, and who reads and answers them.
//!
//! - Advocate: sends to a child whose open case is allocated to them.
//! - ISRO: sends to a child of a current or upcoming meeting they chair.
//! - Child: reads only their own messages and answers only those.
//! - Everyone else is refused. Another authority's child, or a child not theirs, does not exist.
use entity::enums::StaffRole;

use super::{child, same_tenant, staff_in};
use crate::auth::{ChildViewer, StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// Who is linked to one child now, for the send rule.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChildLinks {
    pub tenant: i32,
    /// Advocates of the child's open cases, with each case's meeting.
    pub advocates: Vec<(i32, i32)>,
    /// Chairs of the child's current or upcoming meetings, with each meeting.
    pub chairs: Vec<(i32, i32)>,
}

/// Asked before any child is looked up: only advocates and chairs send messages.
pub fn sender(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Advocate, StaffRole::Isro])
}

/// Sending to this child: the meeting the message is about (the case's, or the one the chair
/// chairs; `meeting` picks one when given).
pub fn send(viewer: &Viewer, links: &ChildLinks, meeting: Option<i32>) -> ApiResult<i32> {
    let staff = sender(viewer)?;
    same_tenant(viewer, links.tenant, "Child")?;
    let mine = match staff.role {
        StaffRole::Advocate => &links.advocates,
        _ => &links.chairs,
    };
    mine.iter()
        .filter(|(who, _)| *who == staff.id)
        .map(|(_, meeting_id)| *meeting_id)
        .find(|m| meeting.is_none_or(|wanted| wanted == *m))
        .ok_or(ApiError::NotFound("Child"))
}

/// Reading or answering messages: only the child, with their own token.
pub fn own(viewer: &Viewer) -> ApiResult<&ChildViewer> {
    child(viewer)
}

/// One message: only the child it was sent to; any other is not found.
pub fn answer(viewer: &Viewer, tenant: i32, child_id: i32) -> ApiResult<&ChildViewer> {
    let me = own(viewer)?;
    same_tenant(viewer, tenant, "Message")?;
    if me.child_id != child_id {
        return Err(ApiError::NotFound("Message"));
    }
    Ok(me)
}

/// The chair's list of messages they sent for a meeting.
pub fn chair(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Isro])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::TenantId;

    fn staff(id: i32, role: StaffRole) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    fn links() -> ChildLinks {
        ChildLinks {
            tenant: 1,
            advocates: vec![(7, 40)],
            chairs: vec![(9, 41)],
        }
    }

    #[test]
    fn only_the_childs_advocate_or_chair_sends() {
        assert_eq!(
            send(&staff(7, StaffRole::Advocate), &links(), None).ok(),
            Some(40)
        );
        assert_eq!(
            send(&staff(9, StaffRole::Isro), &links(), None).ok(),
            Some(41)
        );
        assert!(matches!(
            send(&staff(9, StaffRole::Isro), &links(), Some(40)),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            send(&staff(8, StaffRole::Advocate), &links(), None),
            Err(ApiError::NotFound(_))
        ));
        // The chair's id as an advocate's is no key: roles are not mixed.
        assert!(matches!(
            send(&staff(9, StaffRole::Advocate), &links(), None),
            Err(ApiError::NotFound(_))
        ));
        let elsewhere = ChildLinks {
            tenant: 2,
            ..links()
        };
        assert!(matches!(
            send(&staff(7, StaffRole::Advocate), &elsewhere, None),
            Err(ApiError::NotFound(_))
        ));
        for role in [
            StaffRole::SocialWorker,
            StaffRole::Coordinator,
            StaffRole::Agency,
            StaffRole::Admin,
        ] {
            assert!(matches!(
                send(&staff(7, role), &links(), None),
                Err(ApiError::Forbidden)
            ));
        }
    }

    #[test]
    fn a_child_answers_only_their_own() {
        let me = Viewer::Child(ChildViewer {
            child_id: 3,
            tenant: TenantId(1),
        });
        assert!(answer(&me, 1, 3).is_ok());
        assert!(matches!(answer(&me, 1, 4), Err(ApiError::NotFound(_))));
        assert!(matches!(answer(&me, 2, 3), Err(ApiError::NotFound(_))));
        assert!(matches!(
            answer(&staff(7, StaffRole::Advocate), 1, 3),
            Err(ApiError::Forbidden)
        ));
    }
}
