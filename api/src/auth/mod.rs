//! Who is asking: staff sessions, children's access codes and PINs, integrators' API keys, tokens.
pub mod api_keys;
mod child_code;
pub mod child_sign_in;
mod current;
pub mod graphql;
pub mod issue_access;
pub mod lockout;
mod password;
pub(crate) mod secrets;
pub mod sessions;
pub mod tokens;
mod viewer;

pub use child_code::{AccessCode, AccessCodeError, Pin, PinError};
pub use current::{Person, SessionRegistry};
pub use password::{PasswordError, hash_secret, prepare, verify_or_spend, verify_secret};
pub use tokens::{TokenError, TokenIssuer, Verified};
pub use viewer::{ChildViewer, ClientAddr, IntegratorViewer, Scope, StaffViewer, TenantId, Viewer};

use axum::http::HeaderMap;
use sea_orm::DatabaseConnection;

use crate::error::{ApiError, ApiResult};

/// What a connection's credentials established: who, and the session epoch of their token. A live
/// socket keeps it, to check now and then that the session still holds.
#[derive(Debug, Clone)]
pub struct Session {
    pub viewer: Viewer,
    epoch: i32,
}

impl Session {
    /// False once the session has ended (staff deactivated, child's code replaced, key revoked).
    pub async fn still_current(
        &self,
        db: &DatabaseConnection,
        sessions: &SessionRegistry,
    ) -> ApiResult<bool> {
        match &self.viewer {
            Viewer::Anonymous => Ok(true),
            Viewer::Integrator(key) => api_keys::still_valid(db, key.key_id).await,
            viewer => {
                let token = Verified {
                    viewer: viewer.clone(),
                    epoch: self.epoch,
                };
                match sessions.check(db, &token).await {
                    Ok(()) => Ok(true),
                    Err(ApiError::Unauthenticated) => Ok(false),
                    Err(other) => Err(other),
                }
            }
        }
    }
}

/// What checks a request's credentials: the token key, and what this instance knows of sessions.
#[derive(Clone, Copy)]
pub struct Authenticator<'a> {
    pub tokens: &'a TokenIssuer,
    pub sessions: &'a SessionRegistry,
    pub db: &'a DatabaseConnection,
}

/// The viewer named by a request's credentials: `Authorization: Bearer <jwt>` for staff and children,
/// `X-Api-Key` for integrators. No credentials is anonymous; bad credentials are an error, never
/// anonymous, and so is a token whose session has ended.
pub async fn viewer_from_headers(
    headers: &HeaderMap,
    auth: Authenticator<'_>,
) -> ApiResult<Viewer> {
    let header = |name: &str| {
        headers
            .get(name)
            .map(|v| v.to_str().map_err(|_| ApiError::Unauthenticated))
    };
    let authorization = header("authorization").transpose()?;
    let api_key = header("x-api-key").transpose()?;
    let session = session_from_credentials(authorization, api_key, auth).await?;
    Ok(session.viewer)
}

/// The same rule for a WebSocket's `connection_init` payload (`{"Authorization": "Bearer …"}` or
/// `{"X-Api-Key": "…"}`, any letter case), where browsers cannot set headers.
pub async fn session_from_init_payload(
    payload: &serde_json::Value,
    auth: Authenticator<'_>,
) -> ApiResult<Session> {
    let field = |name: &str| {
        payload
            .as_object()
            .and_then(|o| o.iter().find(|(k, _)| k.eq_ignore_ascii_case(name)))
            .and_then(|(_, v)| v.as_str())
    };
    session_from_credentials(field("authorization"), field("x-api-key"), auth).await
}

async fn session_from_credentials(
    authorization: Option<&str>,
    api_key: Option<&str>,
    auth: Authenticator<'_>,
) -> ApiResult<Session> {
    if let Some(key) = api_key {
        let viewer = api_keys::authenticate(auth.db, key).await?;
        return Ok(Session {
            viewer: Viewer::Integrator(viewer),
            epoch: 0,
        });
    }
    let Some(value) = authorization else {
        return Ok(Session {
            viewer: Viewer::Anonymous,
            epoch: 0,
        });
    };
    let token = value
        .strip_prefix("Bearer ")
        .ok_or(ApiError::Unauthenticated)?;
    let verified = auth
        .tokens
        .verify(token.trim())
        .map_err(|_| ApiError::Unauthenticated)?;
    auth.sessions.check(auth.db, &verified).await?;
    Ok(Session {
        viewer: verified.viewer,
        epoch: verified.epoch,
    })
}
