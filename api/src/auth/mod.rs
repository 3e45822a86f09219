//! Who is asking: staff sessions, children's access codes and PINs, integrators' API keys, tokens.
mod child_code;
mod password;
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
    let _ = db; // API keys are looked up here once they exist.
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
