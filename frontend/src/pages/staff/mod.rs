//! The staff pages: sign in, then each role's own pages. Desktop first, fine on a tablet, and the
//! same rules as the child's pages: plain forms without JavaScript, data only through the schema.
pub mod admin;
pub mod advocate;
pub mod agency;
pub mod api;
pub mod caseload;
pub mod coordinator;
pub mod gate;
pub mod home;
pub mod isro;
pub mod layout;
#[cfg(feature = "ssr")]
pub mod once;
pub mod oversight;
pub mod set_password;
pub mod sign_in;
pub mod social_worker;
pub mod statement;
pub mod words;

pub use layout::StaffPage;
