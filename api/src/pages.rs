//! The pages reach data only through the GraphQL schema: this hands the frontend a way to run it
//! in-process, with the page's session token standing in for the `Authorization` header.
use std::net::SocketAddr;

use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, HeaderValue, header};
use frontend::gql::{Gql, GqlRequest};

use crate::web::{ApiState, execute};

pub fn bridge(state: ApiState) -> Gql {
    Gql::new(move |page: GqlRequest| {
        let state = state.clone();
        Box::pin(async move {
            let client = page
                .parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|ConnectInfo(peer)| peer.ip());
            let mut headers = HeaderMap::new();
            if let Some(token) = page.bearer
                && let Ok(value) = HeaderValue::from_str(&format!("Bearer {token}"))
            {
                headers.insert(header::AUTHORIZATION, value);
            }
            let mut request = async_graphql::Request::new(page.query)
                .variables(async_graphql::Variables::from_json(page.variables));
            if let Some(name) = page.operation_name {
                request = request.operation_name(name);
            }
            let response = execute(&state, &headers, client, request).await;
            serde_json::to_value(&response).unwrap_or_else(|error| {
                tracing::error!(%error, "could not encode a GraphQL response for a page");
                serde_json::json!({ "errors": [{ "message": "Something went wrong", "extensions": { "code": "INTERNAL" } }] })
            })
        })
    })
}
