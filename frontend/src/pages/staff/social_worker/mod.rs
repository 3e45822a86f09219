//! The social worker's pages: my children and their meetings (the first page), "Request an
//! advocate" with its completeness meter, the sent referral, and the views children shared.
pub mod children;
pub mod refer;
pub mod shared;
