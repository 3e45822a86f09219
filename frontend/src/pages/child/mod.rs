//! The child's pages: sign in, my meeting, my views, send, after the meeting, and help when not safe.
//! Every page works as plain HTML forms (JavaScript off) and is enhanced when the bundle loads.
pub mod after;
#[cfg(feature = "hydrate")]
mod autosave;
pub mod data;
pub mod islands;
pub mod journey;
pub mod language;
pub mod layout;
pub mod meeting;
pub mod names;
pub mod not_safe;
pub mod send;
pub mod sign_in;
pub mod typing;
pub mod views;
pub mod who_read;

pub use layout::{ChildPage, ReadAloud};
