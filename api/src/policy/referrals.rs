//! Referrals: social workers (and case-management systems with `write:referrals`) make them, the
//! coordinator works the inbox of their own local authority, integrators with `read:referrals` read it.
use entity::enums::StaffRole;
use entity::referral;

use super::{integrator_with, same_tenant, staff_in};
use crate::auth::{Scope, TenantId, Viewer};
use crate::error::{ApiError, ApiResult};

/// Who is making a referral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Maker {
    /// A social worker, who is the referrer.
    SocialWorker { tenant: TenantId, staff_id: i32 },
    /// A case-management system; it must name the social worker it refers for.
    Integrator { tenant: TenantId },
}

impl Maker {
    pub fn tenant(self) -> TenantId {
        match self {
            Self::SocialWorker { tenant, .. } | Self::Integrator { tenant } => tenant,
        }
    }
}

/// `createReferral`: a social worker, or an integrator whose key may write referrals.
pub fn create(viewer: &Viewer) -> ApiResult<Maker> {
    match viewer {
        Viewer::Integrator(_) => integrator_with(viewer, Scope::WriteReferrals)
            .map(|key| Maker::Integrator { tenant: key.tenant }),
        _ => staff_in(viewer, &[StaffRole::SocialWorker]).map(|s| Maker::SocialWorker {
            tenant: s.tenant,
            staff_id: s.id,
        }),
    }
}

/// The referrer (the signed-in social worker, or the one an integrator names) must be the child's
/// allocated social worker or the meeting's: nobody refers, or learns about, a child who is not theirs.
pub fn refer_for(
    referrer_id: i32,
    child: &entity::child::Model,
    meeting: &entity::meeting::Model,
) -> ApiResult<()> {
    if child.social_worker_id == Some(referrer_id) || meeting.social_worker_id == Some(referrer_id)
    {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

/// Who is checking an unsaved referral draft (`assessReferral`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Assessor {
    /// A social worker: only for children and meetings they may refer for (see `refer_for`).
    SocialWorker { tenant: TenantId, staff_id: i32 },
    /// The coordinator, checking what a referral would need for any child of the authority.
    Coordinator { tenant: TenantId },
}

impl Assessor {
    pub fn tenant(self) -> TenantId {
        match self {
            Self::SocialWorker { tenant, .. } | Self::Coordinator { tenant } => tenant,
        }
    }

    /// The social worker whose children the draft must be about; `None` for the coordinator.
    pub fn referrer(self) -> Option<i32> {
        match self {
            Self::SocialWorker { staff_id, .. } => Some(staff_id),
            Self::Coordinator { .. } => None,
        }
    }
}

/// `assessReferral`: a social worker or the coordinator. Nothing is written; integrators use
/// the completeness of the referrals they created.
pub fn assess(viewer: &Viewer) -> ApiResult<Assessor> {
    let staff = staff_in(viewer, &[StaffRole::SocialWorker, StaffRole::Coordinator])?;
    Ok(match staff.role {
        StaffRole::SocialWorker => Assessor::SocialWorker {
            tenant: staff.tenant,
            staff_id: staff.id,
        },
        _ => Assessor::Coordinator {
            tenant: staff.tenant,
        },
    })
}

/// Accepting, declining, allocating and suggesting advocates: the coordinator, in their authority.
pub fn coordinate(viewer: &Viewer) -> ApiResult<TenantId> {
    staff_in(viewer, &[StaffRole::Coordinator]).map(|s| s.tenant)
}

/// Who may change a referral after it was made (record parental agreement, withdraw it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amender {
    /// The social worker who made it: their own referrals only.
    Referrer { tenant: TenantId, staff_id: i32 },
    /// The coordinator: any referral of the authority (a self-referral has no referrer).
    Coordinator { tenant: TenantId },
}

impl Amender {
    pub fn tenant(self) -> TenantId {
        match self {
            Self::Referrer { tenant, .. } | Self::Coordinator { tenant } => tenant,
        }
    }
}

/// `recordParentalAgreement`, `withdrawReferral`: a social worker or the coordinator, asked before
/// any referral is looked up so a refused role learns nothing about which exist.
pub fn amend(viewer: &Viewer) -> ApiResult<Amender> {
    let staff = staff_in(viewer, &[StaffRole::SocialWorker, StaffRole::Coordinator])?;
    Ok(match staff.role {
        StaffRole::SocialWorker => Amender::Referrer {
            tenant: staff.tenant,
            staff_id: staff.id,
        },
        _ => Amender::Coordinator {
            tenant: staff.tenant,
        },
    })
}

/// One referral: another authority's does not exist; another social worker's is refused, as
/// reading it is.
pub fn amend_row(amender: Amender, row: &referral::Model) -> ApiResult<()> {
    if row.local_authority_id != amender.tenant().0 {
        return Err(ApiError::NotFound("Referral"));
    }
    match amender {
        Amender::Referrer { staff_id, .. } if row.referrer_id != Some(staff_id) => {
            Err(ApiError::Forbidden)
        }
        _ => Ok(()),
    }
}

/// The whole referral inbox of an authority: its coordinator, or an integrator with `read:referrals`.
pub fn read_inbox(viewer: &Viewer) -> ApiResult<TenantId> {
    match viewer {
        Viewer::Integrator(_) => integrator_with(viewer, Scope::ReadReferrals).map(|k| k.tenant),
        _ => coordinate(viewer),
    }
}

/// `myReferrals`: a social worker's own referrals.
pub fn mine(viewer: &Viewer) -> ApiResult<(TenantId, i32)> {
    staff_in(viewer, &[StaffRole::SocialWorker]).map(|s| (s.tenant, s.id))
}

/// Whether this viewer may read any referral at all: asked before one is looked up.
pub fn reader(viewer: &Viewer) -> ApiResult<()> {
    match viewer {
        Viewer::Staff(s) if s.role == StaffRole::SocialWorker => Ok(()),
        _ => read_inbox(viewer).map(|_| ()),
    }
}

/// One referral: whoever reads the inbox, or the social worker who made it.
pub fn read(viewer: &Viewer, row: &referral::Model) -> ApiResult<()> {
    reader(viewer)?;
    same_tenant(viewer, row.local_authority_id, "Referral")?;
    match viewer {
        Viewer::Staff(s) if s.role == StaffRole::SocialWorker && row.referrer_id != Some(s.id) => {
            Err(ApiError::Forbidden)
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::auth::{ChildViewer, IntegratorViewer, StaffViewer};
    use chrono::Utc;
    use entity::enums::{ParentalAgreement, ReferralSource, ReferralStatus};

    fn staff(role: StaffRole, id: i32) -> Viewer {
        Viewer::Staff(StaffViewer {
            id,
            tenant: TenantId(1),
            role,
        })
    }

    fn key(scopes: &[Scope]) -> Viewer {
        Viewer::Integrator(IntegratorViewer {
            key_id: 9,
            tenant: TenantId(1),
            scopes: scopes.iter().copied().collect::<BTreeSet<_>>(),
        })
    }

    fn row(tenant: i32, referrer: i32) -> referral::Model {
        let now = Utc::now();
        referral::Model {
            id: 1,
            local_authority_id: tenant,
            child_id: None,
            meeting_id: None,
            source: ReferralSource::SocialWorker,
            referrer_id: Some(referrer),
            self_referral_contact: None,
            reason: None,
            how_to_contact_child: None,
            lives_with: None,
            visit_risks: None,
            communication_needs: None,
            other_information: None,
            parental_agreement: ParentalAgreement::Given,
            status: ReferralStatus::Received,
            decline_reason: None,
            withdrawal_reason: None,
            received_at: now,
            created_at: now,
        }
    }

    #[test]
    fn only_social_workers_and_writing_keys_make_referrals() {
        assert!(matches!(
            create(&staff(StaffRole::SocialWorker, 4)),
            Ok(Maker::SocialWorker { staff_id: 4, .. })
        ));
        assert!(matches!(
            create(&key(&[Scope::WriteReferrals])),
            Ok(Maker::Integrator { .. })
        ));
        assert!(matches!(
            create(&key(&[Scope::ReadReferrals])),
            Err(ApiError::Forbidden)
        ));
        for role in [
            StaffRole::Advocate,
            StaffRole::Coordinator,
            StaffRole::Admin,
        ] {
            assert!(matches!(create(&staff(role, 1)), Err(ApiError::Forbidden)));
        }
        assert!(matches!(
            create(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
        let child = Viewer::Child(ChildViewer {
            child_id: 1,
            tenant: TenantId(1),
        });
        assert!(matches!(create(&child), Err(ApiError::Forbidden)));
    }

    #[test]
    fn only_social_workers_and_the_coordinator_assess_drafts() {
        assert_eq!(
            assess(&staff(StaffRole::SocialWorker, 4))
                .map(Assessor::referrer)
                .ok(),
            Some(Some(4))
        );
        assert_eq!(
            assess(&staff(StaffRole::Coordinator, 2))
                .map(Assessor::referrer)
                .ok(),
            Some(None)
        );
        for role in [
            StaffRole::Advocate,
            StaffRole::Isro,
            StaffRole::Admin,
            StaffRole::Agency,
        ] {
            assert!(matches!(assess(&staff(role, 1)), Err(ApiError::Forbidden)));
        }
        assert!(matches!(
            assess(&key(&[Scope::WriteReferrals, Scope::ReadReferrals])),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            assess(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }

    #[test]
    fn the_inbox_is_for_the_coordinator_and_reading_keys() {
        assert!(read_inbox(&staff(StaffRole::Coordinator, 1)).is_ok());
        assert!(read_inbox(&key(&[Scope::ReadReferrals])).is_ok());
        assert!(matches!(
            read_inbox(&key(&[Scope::WriteReferrals])),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            read_inbox(&staff(StaffRole::SocialWorker, 1)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            coordinate(&key(&[Scope::ReadReferrals])),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn a_social_worker_reads_only_their_own_referrals_and_no_one_crosses_authorities() {
        let sw = staff(StaffRole::SocialWorker, 4);
        assert!(read(&sw, &row(1, 4)).is_ok());
        assert!(matches!(read(&sw, &row(1, 5)), Err(ApiError::Forbidden)));
        assert!(matches!(read(&sw, &row(2, 4)), Err(ApiError::NotFound(_))));
        let coordinator = staff(StaffRole::Coordinator, 1);
        assert!(read(&coordinator, &row(1, 5)).is_ok());
        assert!(matches!(
            read(&coordinator, &row(2, 5)),
            Err(ApiError::NotFound(_))
        ));
        assert!(matches!(
            read(&staff(StaffRole::Advocate, 1), &row(1, 5)),
            Err(ApiError::Forbidden)
        ));
    }

    #[test]
    fn the_referrer_or_the_coordinator_amends_a_referral() {
        let sw = amend(&staff(StaffRole::SocialWorker, 4)).unwrap();
        assert!(amend_row(sw, &row(1, 4)).is_ok());
        assert!(matches!(
            amend_row(sw, &row(1, 5)),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            amend_row(sw, &row(2, 4)),
            Err(ApiError::NotFound(_))
        ));
        let coordinator = amend(&staff(StaffRole::Coordinator, 1)).unwrap();
        assert!(amend_row(coordinator, &row(1, 5)).is_ok());
        assert!(matches!(
            amend_row(coordinator, &row(2, 5)),
            Err(ApiError::NotFound(_))
        ));
        for role in [
            StaffRole::Advocate,
            StaffRole::Isro,
            StaffRole::Admin,
            StaffRole::Agency,
        ] {
            assert!(matches!(amend(&staff(role, 1)), Err(ApiError::Forbidden)));
        }
        assert!(matches!(
            amend(&key(&[Scope::WriteReferrals, Scope::ReadReferrals])),
            Err(ApiError::Forbidden)
        ));
        assert!(matches!(
            amend(&Viewer::Anonymous),
            Err(ApiError::Unauthenticated)
        ));
    }
}
