//! One file per page.
pub mod ask;
pub mod landing;
pub mod not_found;
