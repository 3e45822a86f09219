//! Every page, by who it is for, then one folder per page: the page (`mod.rs`), its GraphQL
//! operations (`ops.graphql`, typed in `ops.rs`) and, where it is big, its parts beside it.
//! Shared parts live in `crate::components`; the GraphQL runner in `crate::gql`.
//!
//! Each browser bundle compiles only its audience's pages, so a child's phone never gets staff code.
#[cfg(any(feature = "ssr", feature = "child-bundle"))]
pub mod child;
#[cfg(any(feature = "ssr", feature = "child-bundle"))]
pub mod public;
#[cfg(any(feature = "ssr", feature = "staff-bundle"))]
pub mod staff;
