//! Pages for anyone: the landing page, asking for an advocate, and "not found".
pub mod ask;
pub mod landing;
pub mod not_found;
