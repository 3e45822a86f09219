//! Pieces shared by the child's and the staff pages.
mod child_words;
mod form;
mod islands;
mod language;
mod picture;
#[cfg(feature = "ssr")]
pub mod server;
mod text_box;
mod written_by;

pub use child_words::{ChildWords, Heading, ViewsWords};
pub use form::{ErrorSummary, FieldError};
pub use islands::{Bundle, IslandLoader, use_hydrated};
pub use language::{ChooseLanguage, LanguagePicker, Linked};
pub use picture::{Pic, Picture};
pub use text_box::TextBox;
pub use written_by::{Authorship, WrittenBy};
