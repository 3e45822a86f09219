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

#[Object]
impl MetaQuery {
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
