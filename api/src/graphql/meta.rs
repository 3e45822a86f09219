//! Facts about the service itself, open to everyone.
use async_graphql::{Context, Object, SimpleObject};
use sea_orm::DatabaseConnection;

#[derive(Default)]
pub struct MetaQuery;

/// Whether the service can do its work right now.
#[derive(SimpleObject)]
pub struct Health {
    /// The server process is up (always true when you get an answer).
    pub up: bool,
    /// The database answers queries.
    pub database: bool,
}

/// How much text the API accepts, so pages can say so before a child or worker types too much.
/// Letters are Unicode characters, counted after trimming.
#[derive(SimpleObject)]
pub struct TextLimits {
    /// Most boxes in one list of a child's views (`worries`, `goingWell`, `wantToHappen`).
    pub views_items: usize,
    /// Most letters in one box of a child's views.
    pub views_item_letters: usize,
    /// Most letters in the child's `freeWords`.
    pub free_words_letters: usize,
    /// Most letters in an advocate's note.
    pub note_letters: usize,
    /// Most letters in each staff-words part of a meeting record (whiteboard, outcome).
    pub record_staff_words_letters: usize,
    /// Most letters in a meeting's outcome told in the child's words.
    pub record_child_words_letters: usize,
}

#[Object]
impl MetaQuery {
    /// How much text the API accepts in the fields pages show as text boxes (anyone may ask).
    async fn limits(&self) -> TextLimits {
        use crate::meetings::record::{CHILD_WORDS_MAX, STAFF_WORDS_MAX};
        use crate::views::content::{MAX_FREE_WORDS, MAX_ITEM_CHARS, MAX_ITEMS};
        TextLimits {
            views_items: MAX_ITEMS,
            views_item_letters: MAX_ITEM_CHARS,
            free_words_letters: MAX_FREE_WORDS,
            note_letters: crate::views::notes::NOTE_MAX,
            record_staff_words_letters: STAFF_WORDS_MAX,
            record_child_words_letters: CHILD_WORDS_MAX,
        }
    }

    /// Version of the myvoice API, as `major.minor.patch`.
    async fn api_version(&self) -> &'static str {
        env!("CARGO_PKG_VERSION")
    }

    /// Health of the service and its database.
    async fn health(&self, ctx: &Context<'_>) -> Health {
        let database = match ctx.data::<DatabaseConnection>() {
            Ok(db) => crate::db::is_ready(db).await,
            Err(_) => false,
        };
        Health { up: true, database }
    }
}
