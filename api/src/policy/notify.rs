//! Who may set up notices and read the delivery log: the authority's admin, for their own
//! authority only (another authority's endpoints and contacts are NOT_FOUND, like missing ones).
//! Where notices go is decided by `notify::recipients`, never by the caller.
use entity::enums::StaffRole;

use super::staff_in;
use crate::auth::{StaffViewer, Viewer};
use crate::error::ApiResult;

/// Add or remove webhook endpoints and duty contacts; read the notices sent.
pub fn manage(viewer: &Viewer) -> ApiResult<&StaffViewer> {
    staff_in(viewer, &[StaffRole::Admin])
}
