//! The schema as every request meets it: how much one request may ask for, checked once per
//! request before the schema does any work, and which of two schemas answers it.
//!
//! - Aliases are capped: depth and complexity limits do not stop `a1: me a2: me … a5000: me`.
//! - Fragments are counted as the schema will inline them, with each fragment counted once: a
//!   fragment spreading another eight times, twelve times over, would otherwise be 8^12 fields of
//!   work in the schema's own validation before its complexity limit could say no.
//! - The depth limit is for data. An operation that reads only the schema (`__schema`, `__type`,
//!   `__typename`) goes to a second schema built `introspection_only`, with room for the standard
//!   introspection query's nested type references (15 levels) but not one data field: there, data
//!   fields resolve to null and mutations do nothing. What makes introspection expensive is lists
//!   inside lists (`fields { type { fields { type { fields …`); like graphql-js'
//!   `MaxIntrospectionDepthRule`, fewer than three of them may nest, wherever the operation goes.
//!
//! These checks run here rather than in an async-graphql extension: with any extension in the
//! schema every field of every answer runs through the extension chain, which cost the caseload a
//! measured share of its time (docs/benchmarks/NOTES.md).
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use async_graphql::futures_util::stream::{self, BoxStream, StreamExt};
use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet,
};
use async_graphql::{Data, Executor, Request, Response, Schema};

use super::codes;
use super::{MutationRoot, QueryRoot, SubscriptionRoot};

pub const MAX_ALIASES: usize = 30;
/// Fields a request may ask for, counted as the schema counts them.
pub const MAX_COMPLEXITY: usize = 500;
/// Fields nested in fields, for data.
pub const MAX_DEPTH: usize = 12;
/// Selection sets nested in the text of a query (the parser's own guard against deep recursion).
pub const MAX_RECURSIVE_DEPTH: usize = 16;
/// Nesting for operations that read only the schema: the standard query needs 15.
pub const MAX_INTROSPECTION_DEPTH: usize = 32;
/// Fields a document may hold once its fragments are inlined, whatever its operations.
pub const MAX_SELECTIONS: usize = 4 * MAX_COMPLEXITY;
/// Introspection lists that may nest inside each other, plus one (graphql-js' `MAX_LISTS_DEPTH`).
const MAX_INTROSPECTION_LISTS: usize = 3;
/// The introspection fields that answer lists of types' parts.
const INTROSPECTION_LISTS: [&str; 4] = ["fields", "interfaces", "possibleTypes", "inputFields"];
/// Root fields that read the schema, not data.
const SCHEMA_FIELDS: [&str; 3] = ["__schema", "__type", "__typename"];

type Inner = Schema<QueryRoot, MutationRoot, SubscriptionRoot>;

/// The one schema, for `/graphql`, the pages and subscriptions alike.
#[derive(Clone)]
pub struct AppSchema {
    data: Inner,
    /// Built `introspection_only`: answers operations that read the schema, and nothing else.
    schema_only: Inner,
    /// Operations run since start, from integrators and pages alike: what a page costs in round
    /// trips (`/metrics`, and the tests of issue 18).
    executions: Arc<AtomicU64>,
}

/// What to do with one request.
enum Plan {
    /// Answered already: it does not parse, or asks for too much.
    Answer(Response),
    Data,
    SchemaOnly,
}

impl AppSchema {
    pub(super) fn new(data: Inner, schema_only: Inner) -> Self {
        Self {
            data,
            schema_only,
            executions: Arc::default(),
        }
    }

    /// The count of operations run (see `executions`).
    pub fn execution_counter(&self) -> Arc<AtomicU64> {
        self.executions.clone()
    }

    pub async fn execute(&self, mut request: Request) -> Response {
        self.executions.fetch_add(1, Ordering::Relaxed);
        let response = match plan(&mut request) {
            Plan::Answer(response) => response,
            Plan::Data => self.data.execute(request).await,
            Plan::SchemaOnly => self.schema_only.execute(request).await,
        };
        codes::with_codes(response)
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
        self.executions.fetch_add(1, Ordering::Relaxed);
        match plan(&mut request) {
            Plan::Answer(response) => stream::once(async move { response }).boxed(),
            Plan::Data | Plan::SchemaOnly => {
                Executor::execute_stream(&self.data, request, session_data)
                    .map(codes::with_codes)
                    .boxed()
            }
        }
    }
}

/// The document parsed here is kept in the request, so the schema does not parse it again.
fn plan(request: &mut Request) -> Plan {
    let operation_name = request.operation_name.clone();
    let document = match request.parsed_query() {
        Ok(document) => document,
        Err(error) => {
            return Plan::Answer(Response::from_errors(vec![codes::coded(
                error,
                codes::PARSE_FAILED,
            )]));
        }
    };
    if let Some(problem) = too_much(document) {
        return Plan::Answer(Response::from_errors(vec![codes::error(
            codes::TOO_COMPLEX,
            problem,
        )]));
    }
    if reads_only_the_schema(document, operation_name.as_deref()) {
        Plan::SchemaOnly
    } else {
        Plan::Data
    }
}

/// Why the document asks for too much, if it does.
fn too_much(document: &ExecutableDocument) -> Option<String> {
    let mut walk = Walk::new(document);
    if walk.aliases() > MAX_ALIASES {
        return Some(format!("A request may use at most {MAX_ALIASES} aliases."));
    }
    let selections = document.operations.iter().fold(0usize, |sum, (_, op)| {
        sum.saturating_add(walk.size(&op.node.selection_set.node))
    });
    if selections > MAX_SELECTIONS {
        return Some(format!(
            "Query is too complex: it asks for more than {MAX_SELECTIONS} fields with its fragments."
        ));
    }
    let too_deep = document.operations.iter().any(|(_, op)| {
        walk.root_fields(&op.node.selection_set.node)
            .into_iter()
            .filter(|field| matches!(field.name, "__schema" | "__type"))
            .any(|field| walk.lists(field.selection_set) >= MAX_INTROSPECTION_LISTS)
    });
    too_deep.then(|| {
        format!(
            "Introspection may nest at most {} of `fields`, `interfaces`, `possibleTypes` and `inputFields`.",
            MAX_INTROSPECTION_LISTS - 1
        )
    })
}

/// The operation that will run is a query whose every root field reads the schema.
fn reads_only_the_schema(document: &ExecutableDocument, operation_name: Option<&str>) -> bool {
    let operation = match (&document.operations, operation_name) {
        (DocumentOperations::Single(op), None) => op,
        (DocumentOperations::Multiple(ops), Some(name)) => match ops.get(name) {
            Some(op) => op,
            None => return false,
        },
        (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => match ops.values().next() {
            Some(op) => op,
            None => return false,
        },
        _ => return false,
    };
    if operation.node.ty != OperationType::Query {
        return false;
    }
    let roots = Walk::new(document).root_fields(&operation.node.selection_set.node);
    !roots.is_empty()
        && roots
            .iter()
            .all(|field| SCHEMA_FIELDS.contains(&field.name))
}

/// A field at the root of an operation, once its fragments are looked through.
struct RootField<'a> {
    name: &'a str,
    selection_set: &'a SelectionSet,
}

/// Walks over one document, each fragment's figures worked out once. A fragment met again while
/// its own figures are being worked out (a cycle, which the schema's validation refuses) counts 0.
struct Walk<'a> {
    document: &'a ExecutableDocument,
    sizes: HashMap<&'a str, Option<usize>>,
    lists: HashMap<&'a str, Option<usize>>,
}

impl<'a> Walk<'a> {
    fn new(document: &'a ExecutableDocument) -> Self {
        Self {
            document,
            sizes: HashMap::new(),
            lists: HashMap::new(),
        }
    }

    fn fragment(&self, name: &str) -> Option<(&'a str, &'a SelectionSet)> {
        self.document
            .fragments
            .get_key_value(name)
            .map(|(name, f)| (name.as_str(), &f.node.selection_set.node))
    }

    /// Aliases written in the document (each fragment once).
    fn aliases(&self) -> usize {
        let mut sets: Vec<&SelectionSet> = self
            .document
            .operations
            .iter()
            .map(|(_, op)| &op.node.selection_set.node)
            .chain(
                self.document
                    .fragments
                    .values()
                    .map(|f| &f.node.selection_set.node),
            )
            .collect();
        let mut aliases = 0;
        // A loop over a stack, not recursion: this runs before any limit on nesting.
        while let Some(set) = sets.pop() {
            for item in &set.items {
                match &item.node {
                    Selection::Field(field) => {
                        aliases += usize::from(field.node.alias.is_some());
                        sets.push(&field.node.selection_set.node);
                    }
                    Selection::InlineFragment(f) => sets.push(&f.node.selection_set.node),
                    Selection::FragmentSpread(_) => {}
                }
            }
        }
        aliases
    }

    /// Fields in a selection set with its fragments inlined. Recursive: the parser has already
    /// refused documents nested more than 64 deep.
    fn size(&mut self, set: &'a SelectionSet) -> usize {
        set.items.iter().fold(0usize, |sum, item| {
            let n = match &item.node {
                Selection::Field(field) => {
                    1usize.saturating_add(self.size(&field.node.selection_set.node))
                }
                Selection::InlineFragment(f) => self.size(&f.node.selection_set.node),
                Selection::FragmentSpread(spread) => {
                    match self.fragment(&spread.node.fragment_name.node) {
                        Some((name, set)) => match self.sizes.get(name) {
                            Some(known) => known.unwrap_or(0),
                            None => {
                                self.sizes.insert(name, None);
                                let n = self.size(set);
                                self.sizes.insert(name, Some(n));
                                n
                            }
                        },
                        None => 0,
                    }
                }
            };
            sum.saturating_add(n)
        })
    }

    /// The most introspection lists nested on any path through a selection set.
    fn lists(&mut self, set: &'a SelectionSet) -> usize {
        set.items
            .iter()
            .map(|item| match &item.node {
                Selection::Field(field) => {
                    let own = INTROSPECTION_LISTS.contains(&field.node.name.node.as_str());
                    usize::from(own) + self.lists(&field.node.selection_set.node)
                }
                Selection::InlineFragment(f) => self.lists(&f.node.selection_set.node),
                Selection::FragmentSpread(spread) => {
                    match self.fragment(&spread.node.fragment_name.node) {
                        Some((name, set)) => match self.lists.get(name) {
                            Some(known) => known.unwrap_or(0),
                            None => {
                                self.lists.insert(name, None);
                                let n = self.lists(set);
                                self.lists.insert(name, Some(n));
                                n
                            }
                        },
                        None => 0,
                    }
                }
            })
            .max()
            .unwrap_or(0)
    }

    /// The fields at the root of a selection set, looking through its fragments (each once).
    fn root_fields(&self, set: &'a SelectionSet) -> Vec<RootField<'a>> {
        let mut fields = Vec::new();
        let mut seen = Vec::new();
        let mut sets = vec![set];
        while let Some(set) = sets.pop() {
            for item in &set.items {
                match &item.node {
                    Selection::Field(field) => fields.push(RootField {
                        name: field.node.name.node.as_str(),
                        selection_set: &field.node.selection_set.node,
                    }),
                    Selection::InlineFragment(f) => sets.push(&f.node.selection_set.node),
                    Selection::FragmentSpread(spread) => {
                        if let Some((name, set)) = self.fragment(&spread.node.fragment_name.node)
                            && !seen.contains(&name)
                        {
                            seen.push(name);
                            sets.push(set);
                        }
                    }
                }
            }
        }
        fields
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::parser::parse_query;

    use super::*;

    fn problem(query: &str) -> Option<String> {
        too_much(&parse_query(query).expect("parses"))
    }

    fn schema_only(query: &str, name: Option<&str>) -> bool {
        reads_only_the_schema(&parse_query(query).expect("parses"), name)
    }

    #[test]
    fn only_queries_of_the_schema_alone_go_to_the_schema_only_schema() {
        assert!(schema_only("{ __schema { types { name } } }", None));
        assert!(schema_only(
            "{ __typename __type(name: \"Meeting\") { name } }",
            None
        ));
        assert!(schema_only(
            "query A { __schema { queryType { name } } } query B { me { kind } }",
            Some("A")
        ));
        assert!(!schema_only(
            "query A { __schema { queryType { name } } } query B { me { kind } }",
            Some("B")
        ));
        assert!(!schema_only(
            "query A { __typename } query B { __typename }",
            None
        ));
        assert!(!schema_only(
            "{ __schema { types { name } } me { kind } }",
            None
        ));
        assert!(!schema_only(
            "{ ...F } fragment F on QueryRoot { me { kind } }",
            None
        ));
        assert!(!schema_only(
            "{ ... on QueryRoot { __typename apiVersion } }",
            None
        ));
        assert!(!schema_only("mutation { __typename }", None));
        assert!(!schema_only("subscription { __typename }", None));
        assert!(!schema_only("{ __typename }", Some("Named")));
        assert!(schema_only(
            "{ ...F ...F } fragment F on QueryRoot { __typename ...F }",
            None
        ));
    }

    #[test]
    fn introspection_lists_may_nest_twice() {
        assert_eq!(
            problem("{ __schema { types { fields { type { fields { name } } } } } }"),
            None
        );
        let three =
            "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }";
        assert!(problem(three).is_some());
        let hidden = "{ __type(name: \"Meeting\") { ...A } }
            fragment A on __Type { fields { type { ...B } } }
            fragment B on __Type { interfaces { ...C } }
            fragment C on __Type { possibleTypes { name } }";
        assert!(problem(hidden).is_some());
    }

    #[test]
    fn fragments_count_as_inlined_without_inlining_them() {
        // Twelve deep, within the schema's own recursion limit, and eight wide: 8^12 fields.
        let mut query = String::from("{ ...F0 }");
        for i in 0..12 {
            let spreads = vec![format!("...F{}", i + 1); 8].join(" ");
            query.push_str(&format!(
                " fragment F{i} on QueryRoot {{ apiVersion {spreads} }}"
            ));
        }
        query.push_str(" fragment F12 on QueryRoot { apiVersion }");
        let refused = problem(&query).expect("8^12 fields refused");
        assert!(refused.contains("too complex"), "{refused}");
        assert_eq!(
            problem("{ ...A } fragment A on QueryRoot { ...A apiVersion }"),
            None
        );
    }

    #[test]
    fn aliases_are_capped() {
        let fields: Vec<String> = (0..=MAX_ALIASES)
            .map(|i| format!("a{i}: apiVersion"))
            .collect();
        assert!(problem(&format!("{{ {} }}", fields.join(" "))).is_some());
        assert_eq!(problem(&format!("{{ {} }}", fields[1..].join(" "))), None);
    }
}
