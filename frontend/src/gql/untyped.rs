//! The pages' old hand-written queries, while the last of them move to typed operations
//! (`operations!`). Nothing new uses this; it goes when the last page has moved.
use http::request::Parts;
use leptos::prelude::use_context;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Gql, GqlRequest, decode};
use crate::error::PageError;

#[derive(Deserialize)]
pub struct Connection<T> {
    pub edges: Vec<Edge<T>>,
}

#[derive(Deserialize)]
pub struct Edge<T> {
    pub node: T,
}

/// A date and time sent as text, in words (see `crate::dates::in_words`).
pub fn in_words(rfc3339: &str) -> Option<String> {
    let at = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
    Some(crate::dates::in_words(&at.with_timezone(&chrono::Utc)))
}

/// Run `query` as the signed-in child of this page and decode `data` into `T`.
pub async fn run<T: DeserializeOwned>(
    query: impl Into<String>,
    variables: Value,
) -> Result<T, PageError> {
    let bearer = crate::session::current();
    run_as(bearer, query, variables).await
}

/// Run `query` with these credentials (none: anonymous) and decode `data` into `T`.
pub async fn run_as<T: DeserializeOwned>(
    bearer: Option<String>,
    query: impl Into<String>,
    variables: Value,
) -> Result<T, PageError> {
    let gql = use_context::<Gql>().ok_or(PageError::Unexpected)?;
    let parts = use_context::<Parts>().ok_or(PageError::Unexpected)?;
    let response = (gql.0)(GqlRequest {
        parts,
        bearer,
        query: query.into(),
        operation_name: None,
        variables,
    })
    .await;
    decode(response)
}
