//! The admin's pages: staff users (`/staff`), partner agencies (`/staff/agencies`), API keys
//! (`/staff/api-keys`), notifications (`/staff/notifications`), the audit log (`/staff/audit`) and
//! importing from files (`/staff/import`). Plain forms that work without JavaScript, enhanced when
//! it is on.
pub mod agencies;
pub mod api_keys;
pub mod audit;
pub mod import;
pub mod notices;
pub mod staff_users;

pub use agencies::AdminAgencies;
pub use api_keys::AdminApiKeys;
pub use audit::AdminAudit;
pub use import::AdminImport;
pub use notices::AdminNotices;
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
