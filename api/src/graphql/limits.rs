//! The schema as every request meets it, with a cap on aliases: depth and complexity limits do not
//! stop `a1: me a2: me … a5000: me`, which multiplies the work of one small request. The cap is
//! checked here, once per request, rather than in an async-graphql extension: with any extension
//! in the schema every field of every answer runs through the extension chain, which cost the
//! caseload a measured share of its time (docs/benchmarks/NOTES.md).
use std::sync::Arc;

use async_graphql::futures_util::stream::{self, BoxStream, StreamExt};
use async_graphql::parser::types::{ExecutableDocument, Selection};
use async_graphql::{Data, ErrorExtensions, Executor, Request, Response, Schema};

use super::{MutationRoot, QueryRoot, SubscriptionRoot};
use crate::error::ApiError;

pub const MAX_ALIASES: usize = 30;

/// The one schema, for `/graphql`, the pages and subscriptions alike.
#[derive(Clone)]
pub struct AppSchema(pub(super) Schema<QueryRoot, MutationRoot, SubscriptionRoot>);

impl AppSchema {
    pub async fn execute(&self, mut request: Request) -> Response {
        match refused(&mut request) {
            Some(refusal) => refusal,
            None => self.0.execute(request).await,
        }
    }
}

impl Executor for AppSchema {
    async fn execute(&self, request: Request) -> Response {
        AppSchema::execute(self, request).await
    }

    fn execute_stream(
        &self,
        mut request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        match refused(&mut request) {
            Some(refusal) => stream::once(async move { refusal }).boxed(),
            None => Executor::execute_stream(&self.0, request, session_data),
        }
    }
}

/// The answer for a request over the cap. The document parsed here is kept in the request, so the
/// schema does not parse it again; one that does not parse is left to the schema to explain.
fn refused(request: &mut Request) -> Option<Response> {
    let document = request.parsed_query().ok()?;
    if count(document) <= MAX_ALIASES {
        return None;
    }
    let error = ApiError::bad_input(
        "query",
        format!("A request may use at most {MAX_ALIASES} aliases."),
    );
    Some(Response::from_errors(vec![
        error.extend().into_server_error(Default::default()),
    ]))
}

/// Aliases in every operation and fragment. A loop over a stack, not recursion: this runs before
/// the schema's own limit on nesting.
fn count(document: &ExecutableDocument) -> usize {
    let mut sets: Vec<_> = document
        .operations
        .iter()
        .map(|(_, op)| &op.node.selection_set.node)
        .chain(
            document
                .fragments
                .values()
                .map(|f| &f.node.selection_set.node),
        )
        .collect();
    let mut aliases = 0;
    while let Some(set) = sets.pop() {
        for item in &set.items {
            match &item.node {
                Selection::Field(field) => {
                    aliases += usize::from(field.node.alias.is_some());
                    sets.push(&field.node.selection_set.node);
                }
                Selection::InlineFragment(fragment) => sets.push(&fragment.node.selection_set.node),
                Selection::FragmentSpread(_) => {}
            }
        }
    }
    aliases
}
