//! The pages' only way to data: the one GraphQL schema, executed in-process by the server with the
//! page's session, so every read and write goes through the same policy as an integrator's.
use std::{future::Future, pin::Pin, sync::Arc};

use http::request::Parts;
use leptos::prelude::use_context;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{ErrorCode, PageError};

/// One GraphQL request made on behalf of a page.
pub struct GqlRequest {
    /// The browser's request, for the client address (rate limits) and anything else the server needs.
    pub parts: Parts,
    /// The session's access token, if signed in.
    pub bearer: Option<String>,
    pub query: String,
    pub variables: Value,
}

/// The whole GraphQL response (`data` and `errors`) as JSON.
pub type Execution = Pin<Box<dyn Future<Output = Value> + Send>>;

/// Provided by the server as Leptos context; the frontend cannot see the schema's Rust types.
#[derive(Clone)]
pub struct Gql(Arc<dyn Fn(GqlRequest) -> Execution + Send + Sync>);

impl Gql {
    pub fn new(execute: impl Fn(GqlRequest) -> Execution + Send + Sync + 'static) -> Self {
        Self(Arc::new(execute))
    }
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
        variables,
    })
    .await;
    decode(response)
}

fn decode<T: DeserializeOwned>(mut response: Value) -> Result<T, PageError> {
    if let Some(error) = response["errors"]
        .as_array()
        .and_then(|errors| errors.first())
    {
        let code = error["extensions"]["code"]
            .as_str()
            .map_or(ErrorCode::Unexpected, ErrorCode::parse);
        return Err(PageError::Api {
            code,
            message: error["message"].as_str().unwrap_or_default().to_owned(),
            details: error["extensions"].clone(),
        });
    }
    serde_json::from_value(response["data"].take()).map_err(|error| {
        tracing::error!(%error, "GraphQL data did not match the page's shape");
        PageError::Unexpected
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn errors_keep_their_code_and_details() {
        let response = json!({"data": null, "errors": [{"message": "Changed elsewhere",
            "extensions": {"code": "CONFLICT", "currentVersion": 3}}]});
        let Err(PageError::Api { code, details, .. }) = decode::<Value>(response) else {
            panic!("expected an API error")
        };
        assert_eq!(code, ErrorCode::Conflict);
        assert_eq!(details["currentVersion"], 3);
    }

    #[test]
    fn data_is_decoded_into_the_page_shape() {
        #[derive(serde::Deserialize)]
        struct Shape {
            a: i32,
        }
        let shape: Shape = decode(json!({"data": {"a": 7}})).expect("decodes");
        assert_eq!(shape.a, 7);
    }
}
