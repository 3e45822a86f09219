//! Who is asking: staff sessions, children's access codes and PINs, integrators' API keys, tokens.
pub mod api_keys;
mod child_code;
pub mod child_sign_in;
pub mod graphql;
pub mod issue_access;
mod password;
mod secrets;
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
    if let Some(value) = headers.get("x-api-key") {
        let key = value.to_str().map_err(|_| ApiError::Unauthenticated)?;
        return api_keys::authenticate(db, key)
            .await
            .map(Viewer::Integrator);
    }
    if let Some(value) = headers.get(axum::http::header::AUTHORIZATION) {
        let token = value
            .to_str()
            .ok()
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(ApiError::Unauthenticated)?;
        return tokens
            .verify(token.trim())
            .map_err(|_| ApiError::Unauthenticated);
    }
    Ok(Viewer::Anonymous)
}
