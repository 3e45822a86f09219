//! Administration of one local authority: its staff accounts (invite, deactivate, unlock sign-in) and reading its
//! audit trail. Services take the connection and parsed values; the policy is asked by the resolvers.
pub mod audit_log;
pub mod graphql;
pub mod staff;

pub use audit_log::{AuditFilter, audit_log};
pub use staff::{Invited, NewStaff, StaffFilter, deactivate, invite, list_staff, unlock_sign_in};
