//! One file per page.
pub mod landing;
pub mod not_found;
