//! Pieces shared by the child's and the staff pages.
mod child_words;
mod form;

pub use child_words::{ChildWords, Heading, VIEWS_WORDS_FIELDS, ViewsWords};
pub use form::{ErrorSummary, FieldError};
