//! The pages' only way to data: the one GraphQL schema, executed in-process by the server with the
//! page's session, so every read and write goes through the same policy as an integrator's.
//!
//! Each page keeps its operations in an `ops.graphql` file beside it; `operations!` turns them into
//! Rust types checked against `schema.graphql` when the crate compiles (graphql_client), and
//! `exec` runs one of them.
pub mod prelude;
#[cfg(feature = "ssr")]
mod run;

#[cfg(feature = "ssr")]
pub use run::*;
