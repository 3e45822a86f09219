//! The child's views: THE one place that answers "who may read (or write) a child's views".
//!
//! - Child: writes and reads only their own views (a child token; nobody else may ever write them).
//! - Advocate: reads the views of the cases allocated to them, exactly as the child wrote them, and
//!   acts on those cases (shares, notes, urgent help). Never changes the child's words; may write
//!   down what the child said on a visit or a paper sheet (`views::recorded`), which stays marked
//!   as the advocate's writing until the child confirms it.
//! - Social worker / ISRO: reads a version of the views only when it was shared with them AND the child
//!   still agrees to that audience (social worker, chair).
//! - Coordinator, agency, admin, integrators: never the content.
//! - The printed statement of the views is read by the same people, under the same rules: the
//!   allocated advocate, or a person a version was shared with while the child agrees. Only the
//!   advocate records that they handed it to the family or the meeting, and only when the child agreed.
//!
//! Another authority's row, or a row that is not the viewer's to see at all, is NOT_FOUND.
use entity::enums::{Audience, StaffRole};

use super::{child, same_tenant, staff_in};
use crate::auth::{ChildViewer, StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// What the rules need to know about one piece of advocacy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseFacts {
    pub tenant: i32,
    pub advocate_id: i32,
}

/// What the rules need to know about one share of a child's views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShareFacts {
    pub tenant: i32,
    pub recipient_id: i32,
    pub audience: Audience,
}

/// The child's current consent, per audience.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Consent {
    pub social_worker: bool,
    pub chair: bool,
    pub family: bool,
    pub meeting: bool,
}

impl Consent {
    pub fn allows(self, audience: Audience) -> bool {
        match audience {
            Audience::SocialWorker => self.social_worker,
            Audience::Chair => self.chair,
            Audience::Family => self.family,
            Audience::Meeting => self.meeting,
        }
    }
}

/// Writing views, and reading one's own: only the child, with their own token. Whose views they are
/// is decided by the token, never by an argument, so a child cannot name another child's views.
pub fn own(viewer: &Viewer) -> ApiResult<&ChildViewer> {
    child(viewer)
}

/// The advocate a case is allocated to: reads that child's views and acts on the case.
pub fn case_advocate(viewer: &Viewer, case: CaseFacts) -> ApiResult<&StaffViewer> {
    let staff = staff_in(viewer, &[StaffRole::Advocate])?;
    same_tenant(viewer, case.tenant, "Case")?;
    if case.advocate_id != staff.id {
        return Err(ApiError::NotFound("Case"));
    }
    Ok(staff)
}

/// Who may receive shared views at all (asked before any share is looked up).
pub fn share_recipient(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::SocialWorker, StaffRole::Isro])
}

/// Reading the content of one share: its recipient, while the child still agrees to that audience.
pub fn read_share(viewer: &Viewer, share: ShareFacts, consent: Consent) -> ApiResult<&StaffViewer> {
    let staff = share_recipient(viewer)?;
    same_tenant(viewer, share.tenant, "Shared views")?;
    if share.recipient_id != staff.id || !consent.allows(share.audience) {
        return Err(ApiError::NotFound("Shared views"));
    }
    Ok(staff)
}

/// Who is asking for the printed statement of a child's views; each then passes the rule above
/// for their kind (`case_advocate` or `read_share`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatementReader {
    Advocate,
    Recipient,
}

pub fn statement_reader(viewer: &Viewer) -> ApiResult<StatementReader> {
    let staff = staff_in(
        viewer,
        &[
            StaffRole::Advocate,
            StaffRole::SocialWorker,
            StaffRole::Isro,
        ],
    )?;
    Ok(match staff.role {
        StaffRole::Advocate => StatementReader::Advocate,
        _ => StatementReader::Recipient,
    })
}

/// The family and everyone at the meeting receive no share: the advocate hands them the printed
/// statement, only when the child agreed to that audience. (The social worker and the chair are
/// served by `shareViews`.)
pub fn hand_statement(audience: Audience, consent: Consent) -> ApiResult<()> {
    match audience {
        Audience::SocialWorker | Audience::Chair => Err(ApiError::bad_input(
            "audience",
            "The social worker and the chair receive the views when you share them.",
        )),
        _ if !consent.allows(audience) => Err(ApiError::bad_input(
            "audience",
            "The child has not agreed that these people may see their views.",
        )),
        _ => Ok(()),
    }
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

    const CASE: CaseFacts = CaseFacts {
        tenant: 1,
        advocate_id: 7,
    };

    #[test]
    fn only_the_allocated_advocate_acts_on_a_case() {
        assert!(case_advocate(&staff(7, StaffRole::Advocate), CASE).is_ok());
        assert!(matches!(
            case_advocate(&staff(8, StaffRole::Advocate), CASE),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            case_advocate(
                &staff(7, StaffRole::Advocate),
                CaseFacts { tenant: 2, ..CASE }
            ),
            Err(ApiError::NotFound(_))
        ));
        for role in [
            StaffRole::SocialWorker,
            StaffRole::Isro,
            StaffRole::Coordinator,
            StaffRole::Agency,
            StaffRole::Admin,
        ] {
            assert!(matches!(
                case_advocate(&staff(7, role), CASE),
                Err(ApiError::Forbidden)
            ));
        }
        assert!(matches!(
            case_advocate(&Viewer::Anonymous, CASE),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn only_the_child_writes_views() {
        let child = Viewer::Child(ChildViewer {
            child_id: 3,
            tenant: TenantId(1),
        });
        assert!(own(&child).is_ok());
        assert!(matches!(
            own(&staff(7, StaffRole::Advocate)),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn the_statement_is_handed_only_where_the_child_agreed_and_no_share_goes() {
        let family = Consent {
            family: true,
            social_worker: true,
            ..Consent::default()
        };
        assert!(hand_statement(Audience::Family, family).is_ok());
        assert!(hand_statement(Audience::Meeting, family).is_err());
        assert!(hand_statement(Audience::SocialWorker, family).is_err());
        assert_eq!(
            statement_reader(&staff(7, StaffRole::Advocate)).ok(),
            Some(StatementReader::Advocate)
        );
        assert!(matches!(
            statement_reader(&staff(7, StaffRole::Coordinator)),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn shares_are_read_by_their_recipient_with_the_childs_consent() {
        let share = ShareFacts {
            tenant: 1,
            recipient_id: 5,
            audience: Audience::SocialWorker,
        };
        let yes = Consent {
            social_worker: true,
            ..Consent::default()
        };
        assert!(read_share(&staff(5, StaffRole::SocialWorker), share, yes).is_ok());
        assert!(matches!(
            read_share(
                &staff(5, StaffRole::SocialWorker),
                share,
                Consent::default()
            ),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            read_share(&staff(6, StaffRole::SocialWorker), share, yes),
            Err(ApiError::NotFound(_))
        ));
        for role in [
            StaffRole::Coordinator,
            StaffRole::Admin,
            StaffRole::Agency,
            StaffRole::Advocate,
        ] {
            assert!(matches!(
                read_share(&staff(5, role), share, yes),
                Err(ApiError::Forbidden)
            ));
        }
    }
}
