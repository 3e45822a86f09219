//! The admin's pages: staff users (`/staff`), partner agencies (`/staff/agencies`), API keys
//! (`/staff/api-keys`), notifications (`/staff/notifications`), the audit log (`/staff/audit`),
//! importing from files (`/staff/import`), and data protection: children's holds and erasure
//! (`/staff/admin/children`), a child's whole record for a subject access request
//! (`/staff/admin/children/:childId/export`) and how long records are kept
//! (`/staff/admin/retention`). Plain forms that work without JavaScript, enhanced when it is on.
pub mod agencies;
pub mod api_keys;
pub mod audit;
pub mod children;
pub mod export;
pub mod import;
pub mod notices;
pub mod retention;
pub mod staff_users;

pub use agencies::AdminAgencies;
pub use api_keys::AdminApiKeys;
pub use audit::AdminAudit;
pub use children::{AdminChildRecord, AdminChildren};
pub use export::AdminChildExport;
pub use import::AdminImport;
pub use notices::AdminNotices;
pub use retention::AdminRetention;
pub use staff_users::StaffUsers;

/// The GraphQL error's field (`extensions.field`) and message, for a form's error summary.
#[cfg(feature = "ssr")]
pub(crate) fn field_error(error: &crate::error::PageError) -> Option<(String, String)> {
    match error {
        crate::error::PageError::Api {
            code: crate::error::ErrorCode::BadUserInput | crate::error::ErrorCode::Conflict,
            message,
            details,
        } => Some((
            details["field"].as_str().unwrap_or_default().to_owned(),
            message.clone(),
        )),
        _ => None,
    }
}
