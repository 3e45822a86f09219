//! Children added and changed by hand by staff (issue 19, item 2): only what the advocacy work
//! needs. Integrators write children with `upsertChild` (`records`); both share its checks.
pub mod graphql;

use chrono::{DateTime, NaiveDate, Utc};
use entity::child;
use entity::enums::{ActorKind, StaffRole};
use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::{StaffViewer, TenantId};
use crate::error::{ApiError, ApiResult};
use crate::policy::children::{self as policy, Allocation, ChildFacts};
use crate::records::{born_by, staff_in_role};

/// A child as staff entered them, checked at the edge.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChildDetails {
    pub preferred_name: String,
    pub full_name: Option<String>,
    pub date_of_birth: NaiveDate,
    pub looked_after: bool,
    pub language: String,
    pub interpreter_needed: bool,
    pub parental_responsibility: Option<String>,
    /// The day the child agreed to have an advocate; None if they have not (yet).
    pub agreed_to_advocacy_on: Option<NaiveDate>,
    pub communication_needs: Option<String>,
    pub lives_with: Option<String>,
    /// Only the coordinator names one; a social worker's children are allocated to them.
    pub social_worker_id: Option<i32>,
}

impl ChildDetails {
    /// Whether the child agreed, and when, told together: a date without agreement, or agreement
    /// without a date, is a mistake.
    pub fn agreement(agreed: bool, on: Option<NaiveDate>) -> ApiResult<Option<NaiveDate>> {
        match (agreed, on) {
            (true, Some(day)) => Ok(Some(crate::dates::day("agreedToAdvocacyOn", day)?)),
            (true, None) => Err(ApiError::bad_input(
                "agreedToAdvocacyOn",
                "Give the date the child agreed to have an advocate.",
            )),
            (false, Some(_)) => Err(ApiError::bad_input(
                "agreedToAdvocacyOn",
                "Leave the date empty unless the child agreed to have an advocate.",
            )),
            (false, None) => Ok(None),
        }
    }

    fn check(&self, now: DateTime<Utc>) -> ApiResult<()> {
        born_by(self.date_of_birth, now)?;
        if let Some(day) = self.agreed_to_advocacy_on {
            if day > now.date_naive() {
                return Err(ApiError::bad_input(
                    "agreedToAdvocacyOn",
                    "The date the child agreed is in the future.",
                ));
            }
            if day < self.date_of_birth {
                return Err(ApiError::bad_input(
                    "agreedToAdvocacyOn",
                    "The date the child agreed is before their date of birth.",
                ));
            }
        }
        Ok(())
    }
}

/// The social worker the child is allocated to, as the rules say for this viewer.
async fn allocated_to(
    txn: &impl sea_orm::ConnectionTrait,
    staff: &StaffViewer,
    allocation: Allocation,
    named: Option<i32>,
) -> ApiResult<Option<i32>> {
    match allocation {
        Allocation::ToViewer => match named {
            Some(id) if id != staff.id => Err(ApiError::bad_input(
                "socialWorkerId",
                "Children you add are allocated to you.",
            )),
            _ => Ok(Some(staff.id)),
        },
        Allocation::AsNamed => {
            let sw = StaffRole::SocialWorker;
            staff_in_role(txn, staff.tenant, named, sw, "socialWorkerId").await
        }
    }
}

fn apply(active: &mut child::ActiveModel, details: ChildDetails, social_worker: Option<i32>) {
    active.preferred_name = Set(details.preferred_name);
    active.full_name = Set(details.full_name);
    active.date_of_birth = Set(details.date_of_birth);
    active.looked_after = Set(details.looked_after);
    active.language = Set(details.language);
    active.interpreter_needed = Set(details.interpreter_needed);
    active.parental_responsibility = Set(details.parental_responsibility);
    active.agreed_to_advocacy = Set(details.agreed_to_advocacy_on.is_some());
    active.agreed_to_advocacy_on = Set(details.agreed_to_advocacy_on);
    active.communication_needs = Set(details.communication_needs);
    active.lives_with = Set(details.lives_with);
    active.social_worker_id = Set(social_worker);
}

pub async fn create(
    db: &DatabaseConnection,
    staff: &StaffViewer,
    allocation: Allocation,
    details: ChildDetails,
    now: DateTime<Utc>,
) -> ApiResult<child::Model> {
    details.check(now)?;
    let txn = crate::db::begin_write(db).await?;
    let social_worker = allocated_to(&txn, staff, allocation, details.social_worker_id).await?;
    let mut active = child::ActiveModel {
        local_authority_id: Set(staff.tenant.0),
        younger_mode: Set(false),
        session_epoch: Set(0),
        created_at: Set(now),
        ..Default::default()
    };
    apply(&mut active, details, social_worker);
    let row = active.insert(&txn).await?;
    let detail = json!({ "socialWorkerId": row.social_worker_id });
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::ChildCreated,
        Subject::new("child", row.id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

/// One child of the authority; another authority's is not found.
pub async fn find(
    db: &impl sea_orm::ConnectionTrait,
    tenant: TenantId,
    id: i32,
) -> ApiResult<child::Model> {
    child::Entity::find_by_id(id)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Child"))
}

pub fn facts(row: &child::Model) -> ChildFacts {
    ChildFacts {
        tenant: row.local_authority_id,
        social_worker_id: row.social_worker_id,
    }
}

/// Change a child's record. The viewer passed `policy::update` for this child; a social worker
/// keeps the child allocated to them.
pub async fn update(
    db: &DatabaseConnection,
    viewer: &crate::auth::Viewer,
    id: i32,
    details: ChildDetails,
    now: DateTime<Utc>,
) -> ApiResult<child::Model> {
    details.check(now)?;
    let txn = crate::db::begin_write(db).await?;
    let tenant = crate::policy::signed_in(viewer)?;
    let row = find(&txn, tenant, id).await?;
    let (staff, allocation) = policy::update(viewer, &facts(&row))?;
    // Naming nobody keeps the child's social worker: a form without the field never un-allocates.
    let named = details.social_worker_id.or(row.social_worker_id);
    let social_worker = allocated_to(&txn, staff, allocation, named).await?;
    let mut active: child::ActiveModel = row.into();
    apply(&mut active, details, social_worker);
    let row = active.update(&txn).await?;
    let detail = json!({ "socialWorkerId": row.social_worker_id });
    audit::record(
        &txn,
        staff.tenant,
        (ActorKind::Staff, Some(staff.id)),
        AuditAction::ChildUpdated,
        Subject::new("child", row.id),
        Some(detail),
    )
    .await?;
    txn.commit().await?;
    Ok(row)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agreement_to_advocacy_comes_with_its_date() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 2).expect("a day");
        assert_eq!(
            ChildDetails::agreement(true, Some(day)).ok(),
            Some(Some(day))
        );
        assert_eq!(ChildDetails::agreement(false, None).ok(), Some(None));
        assert!(ChildDetails::agreement(true, None).is_err());
        assert!(ChildDetails::agreement(false, Some(day)).is_err());
    }
}
