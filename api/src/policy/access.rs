//! Who may hand out ways in: children's access codes and integrators' API keys.
use entity::advocacy_case;
use entity::enums::{CaseStatus, StaffRole};

use super::{same_tenant, staff_in};
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// Only the advocate allocated to an open case may give its child a code and PIN.
pub fn issue_child_access<'v>(
    viewer: &'v Viewer,
    case: &advocacy_case::Model,
) -> ApiResult<&'v StaffViewer> {
    let advocate = staff_in(viewer, &[StaffRole::Advocate])?;
    same_tenant(viewer, case.local_authority_id, "Case")?;
    if case.advocate_id != advocate.id {
        return Err(ApiError::Forbidden);
    }
    if case.status == CaseStatus::Closed {
        return Err(ApiError::conflict(
            "This case is closed; a closed case cannot have a new sign-in code.",
        ));
    }
    Ok(advocate)
}

/// API keys are an admin's job, and only for their own local authority.
pub fn manage_api_keys(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}
