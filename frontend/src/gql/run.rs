//! Running a page's operation in-process, as the page's viewer.
use std::{future::Future, pin::Pin, sync::Arc};

use graphql_client::GraphQLQuery;
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
    /// Which operation of `query` to run (an `ops.graphql` file may hold several).
    pub operation_name: Option<String>,
    pub variables: Value,
}

/// The whole GraphQL response (`data` and `errors`) as JSON.
pub type Execution = Pin<Box<dyn Future<Output = Value> + Send>>;

/// Provided by the server as Leptos context; the frontend cannot see the schema's Rust types.
#[derive(Clone)]
pub struct Gql(pub(crate) Arc<dyn Fn(GqlRequest) -> Execution + Send + Sync>);

impl Gql {
    pub fn new(execute: impl Fn(GqlRequest) -> Execution + Send + Sync + 'static) -> Self {
        Self(Arc::new(execute))
    }
}

/// One operation of a page, with its variables, ready to run (and to run again after a renewed
/// staff session).
pub struct Operation {
    query: &'static str,
    name: &'static str,
    variables: Value,
}

impl Operation {
    pub fn of<Q: GraphQLQuery>(variables: Q::Variables) -> Result<Self, PageError> {
        let body = Q::build_query(variables);
        let variables = serde_json::to_value(&body.variables).map_err(|error| {
            tracing::error!(%error, operation = body.operation_name, "could not encode variables");
            PageError::Unexpected
        })?;
        Ok(Self {
            query: body.query,
            name: body.operation_name,
            variables,
        })
    }

    /// Run with these credentials (none: anonymous) and decode `data`.
    pub async fn send<T: DeserializeOwned>(&self, bearer: Option<String>) -> Result<T, PageError> {
        let gql = use_context::<Gql>().ok_or(PageError::Unexpected)?;
        let parts = use_context::<Parts>().ok_or(PageError::Unexpected)?;
        let response = (gql.0)(GqlRequest {
            parts,
            bearer,
            query: self.query.to_owned(),
            operation_name: Some(self.name.to_owned()),
            variables: self.variables.clone(),
        })
        .await;
        decode(response)
    }
}

/// Run operation `Q` as the signed-in child of this page (or anonymously when nobody is).
pub async fn exec<Q: GraphQLQuery>(variables: Q::Variables) -> Result<Q::ResponseData, PageError> {
    exec_as::<Q>(crate::session::current(), variables).await
}

/// Run operation `Q` with these credentials (none: anonymous).
pub async fn exec_as<Q: GraphQLQuery>(
    bearer: Option<String>,
    variables: Q::Variables,
) -> Result<Q::ResponseData, PageError> {
    Operation::of::<Q>(variables)?.send(bearer).await
}

pub(crate) fn decode<T: DeserializeOwned>(mut response: Value) -> Result<T, PageError> {
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
