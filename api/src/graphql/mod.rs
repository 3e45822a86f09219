//! The one GraphQL schema: every reader and writer (pages, integrators, GraphiQL) goes through it.
pub mod codes;
pub mod context;
pub mod ids;
mod limits;
pub mod loaders;
mod meta;
mod node;
pub mod pagination;

pub use context::ContextExt;
pub use limits::AppSchema;

use async_graphql::{MergedObject, MergedSubscription, Schema};
use sea_orm::DatabaseConnection;

use crate::auth::TokenIssuer;
use crate::events::EventBus;
use crate::ratelimit::RateLimits;

/// Every query capability, merged into one root.
#[derive(MergedObject, Default)]
pub struct QueryRoot(
    meta::MetaQuery,
    crate::views::graphql::ViewsQuery,
    crate::statement::graphql::StatementQuery,
    crate::auth::graphql::AuthQuery,
    crate::meetings::graphql::MeetingsQuery,
    crate::outcomes::graphql::OutcomesQuery,
    crate::oversight::graphql::OversightQuery,
    crate::referrals::graphql::ReferralQuery,
    crate::referrals::link_choices::LinkChoicesQuery,
    crate::cases::graphql::CaseQuery,
    crate::admin::graphql::AdminQuery,
    crate::notify::graphql::NotifyQuery,
    crate::children::graphql::ChildrenQuery,
    crate::import::graphql::ImportQuery,
    crate::preferences::graphql::PreferencesQuery,
    crate::meetings::graphql_schedule::ScheduleQuery,
    crate::messages::graphql::MessagesQuery,
    crate::data_protection::graphql::DataProtectionQuery,
    node::NodeQuery,
);

/// Every change, merged into one root. Each mutation runs in one transaction.
#[derive(MergedObject, Default)]
pub struct MutationRoot(
    crate::auth::graphql::AuthMutation,
    crate::views::graphql::ViewsMutation,
    crate::statement::graphql::StatementMutation,
    crate::meetings::graphql::MeetingsMutation,
    crate::outcomes::graphql::OutcomesMutation,
    crate::referrals::graphql::ReferralMutation,
    crate::referrals::graphql_lifecycle::ReferralLifecycleMutation,
    crate::cases::graphql_lifecycle::CaseLifecycleMutation,
    crate::records::graphql::RecordsMutation,
    crate::import::graphql::ImportMutation,
    crate::preferences::graphql::PreferencesMutation,
    crate::admin::graphql::AdminMutation,
    crate::notify::graphql::NotifyMutation,
    crate::authorities::graphql::PasswordLinkMutation,
    crate::agencies::graphql::AgenciesMutation,
    crate::children::graphql::ChildrenMutation,
    crate::meetings::graphql_schedule::ScheduleMutation,
    crate::data_protection::graphql::DataProtectionMutation,
    crate::messages::graphql::MessagesMutation,
    crate::data_protection::export::graphql::SubjectAccessMutation,
);

/// Every live update, merged into one root (graphql-ws at `/graphql/ws`).
#[derive(MergedSubscription, Default)]
pub struct SubscriptionRoot(crate::live::LiveSubscription);

/// Limits and shared data are set here, once. Operations that read only the schema go to a second
/// schema that resolves no data at all (see `limits`).
pub fn build_schema(db: DatabaseConnection, tokens: TokenIssuer, events: EventBus) -> AppSchema {
    let data = schema_builder()
        .limit_depth(limits::MAX_DEPTH)
        .limit_recursive_depth(limits::MAX_RECURSIVE_DEPTH)
        .data(crate::group_commit::GroupCommit::new(db.clone()))
        .data(db)
        .data(tokens)
        .data(events)
        .data(RateLimits::default())
        .finish();
    let schema_only = schema_builder()
        .introspection_only()
        .limit_depth(limits::MAX_INTROSPECTION_DEPTH)
        .limit_recursive_depth(limits::MAX_INTROSPECTION_DEPTH)
        .finish();
    AppSchema::new(data, schema_only)
}

/// The schema as SDL, for `myvoice export-schema` and the committed `schema.graphql`.
pub fn build_schema_sdl() -> String {
    schema_builder().finish().sdl()
}

fn schema_builder() -> async_graphql::SchemaBuilder<QueryRoot, MutationRoot, SubscriptionRoot> {
    Schema::build(
        QueryRoot::default(),
        MutationRoot::default(),
        SubscriptionRoot::default(),
    )
    .limit_complexity(limits::MAX_COMPLEXITY)
}
