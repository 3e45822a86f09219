//! The staff pages: sign in, then each role's own pages. Desktop first, fine on a tablet, and the
//! same rules as the child's pages: plain forms without JavaScript, data only through the schema.
pub mod api;
pub mod caseload;
pub mod home;
pub mod layout;
pub mod sign_in;
pub mod words;

pub use layout::StaffPage;
