//! Who is asking: staff sessions, children's access codes and PINs, integrators' API keys, tokens.
pub mod api_keys;
mod child_code;
pub mod child_sign_in;
pub mod graphql;
pub mod issue_access;
mod password;
pub(crate) mod secrets;
pub mod sessions;
pub mod tokens;
mod viewer;

pub use child_code::{AccessCode, AccessCodeError, Pin, PinError};
pub use password::{PasswordError, hash_secret, verify_secret};
pub use tokens::{TokenError, TokenIssuer};
pub use viewer::{ChildViewer, ClientAddr, IntegratorViewer, Scope, StaffViewer, TenantId, Viewer};

use axum::http::HeaderMap;

use crate::error::ApiError;

/// The viewer named by a request's credentials: `Authorization: Bearer <jwt>` for staff and children,
/// `X-Api-Key` for integrators. No credentials is anonymous; bad credentials are an error, never anonymous.
pub async fn viewer_from_headers(
    headers: &HeaderMap,
    tokens: &TokenIssuer,
    db: &sea_orm::DatabaseConnection,
) -> Result<Viewer, ApiError> {
    let header = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().map_err(|_| ApiError::Unauthenticated))
    };
    let authorization = header("authorization").transpose()?;
    let api_key = header("x-api-key").transpose()?;
    viewer_from_credentials(authorization, api_key, tokens, db).await
}

/// The same rule for a WebSocket's `connection_init` payload (`{"Authorization": "Bearer …"}` or
/// `{"X-Api-Key": "…"}`, any letter case), where browsers cannot set headers.
pub async fn viewer_from_init_payload(
    payload: &serde_json::Value,
    tokens: &TokenIssuer,
    db: &sea_orm::DatabaseConnection,
) -> Result<Viewer, ApiError> {
    let field = |name: &str| {
        payload
            .as_object()
            .and_then(|o| o.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
            .and_then(|(_, v)| v.as_str())
    };
    viewer_from_credentials(field("authorization"), field("x-api-key"), tokens, db).await
}

async fn viewer_from_credentials(
    authorization: Option<&str>,
    api_key: Option<&str>,
    tokens: &TokenIssuer,
    db: &sea_orm::DatabaseConnection,
) -> Result<Viewer, ApiError> {
    if let Some(key) = api_key {
        return api_keys::authenticate(db, key)
            .await
            .map(Viewer::Integrator);
    }
    if let Some(value) = authorization {
        let token = value
            .strip_prefix("Bearer ")
            .ok_or(ApiError::Unauthenticated)?;
        return tokens
            .verify(token.trim())
            .map_err(|_| ApiError::Unauthenticated);
    }
    Ok(Viewer::Anonymous)
}
