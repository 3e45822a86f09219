//! Who may hand out ways in: children's access codes and integrators' API keys.
use entity::advocacy_case;
use entity::enums::{CaseStatus, StaffRole};

use super::staff_in;
use crate::auth::{StaffViewer, Viewer};
use crate::error::{ApiError, ApiResult};

/// Giving a child a code and PIN is an advocate's job: asked before the case is looked up, so other
/// roles learn nothing about which cases exist. The lookup keeps to the advocate's authority.
pub fn issue_child_access_role(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Advocate])
}

/// Only the advocate allocated to an open case may give its child a code and PIN.
pub fn issue_child_access(advocate: &StaffViewer, case: &advocacy_case::Model) -> ApiResult<()> {
    if case.local_authority_id != advocate.tenant.0 {
        return Err(ApiError::NotFound("Case"));
    }
    if case.advocate_id != advocate.id {
        return Err(ApiError::Forbidden);
    }
    if case.status == CaseStatus::Closed {
        return Err(ApiError::conflict(
            "This case is closed; a closed case cannot have a new sign-in code.",
        ));
    }
    Ok(())
}

/// API keys are an admin's job, and only for their own local authority.
pub fn manage_api_keys(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}
