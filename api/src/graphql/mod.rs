//! The one GraphQL schema: every reader and writer (pages, integrators, GraphiQL) goes through it.
pub mod context;
pub mod ids;
pub mod loaders;
mod meta;
pub mod pagination;

pub use context::ContextExt;

use async_graphql::{EmptyMutation, EmptySubscription, MergedObject, Schema};
use sea_orm::DatabaseConnection;

use crate::auth::TokenIssuer;
use crate::events::EventBus;
use crate::ratelimit::RateLimits;

/// Every query capability, merged into one root.
#[derive(MergedObject, Default)]
pub struct QueryRoot(meta::MetaQuery);

pub type AppSchema = Schema<QueryRoot, EmptyMutation, EmptySubscription>;

/// Limits and shared data are set here, once.
pub fn build_schema(db: DatabaseConnection, tokens: TokenIssuer, events: EventBus) -> AppSchema {
    schema_builder()
        .data(db)
        .data(tokens)
        .data(events)
        .data(RateLimits::default())
        .finish()
}

/// The schema as SDL, for `myvoice export-schema` and the committed `schema.graphql`.
pub fn build_schema_sdl() -> String {
    schema_builder().finish().sdl()
}

fn schema_builder() -> async_graphql::SchemaBuilder<QueryRoot, EmptyMutation, EmptySubscription> {
    Schema::build(QueryRoot::default(), EmptyMutation, EmptySubscription)
        .limit_depth(12)
        .limit_complexity(500)
        .limit_recursive_depth(16)
}
