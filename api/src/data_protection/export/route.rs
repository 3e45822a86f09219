//! `GET /data-protection/exports/:token`: the download. The admin's credentials come as the
//! `Authorization` header (a client of the API) or the staff session cookie (the admin's page,
//! with or without JavaScript). The answer is an attachment that no cache may keep.
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::auth::{Authenticator, viewer_from_headers};
use crate::error::ApiError;
use crate::web::{ApiState, staff_cookie_access_token};

pub async fn download(
    State(state): State<ApiState>,
    Path(token): Path<String>,
    headers: HeaderMap,
) -> Response {
    let mut headers = headers;
    if !headers.contains_key(header::AUTHORIZATION)
        && let Some(access) = staff_cookie_access_token(&headers)
        && let Ok(value) = HeaderValue::from_str(&format!("Bearer {access}"))
    {
        headers.insert(header::AUTHORIZATION, value);
    }
    let auth = Authenticator {
        tokens: &state.tokens,
        sessions: state.events.sessions(),
        db: &state.db,
    };
    let answer = match viewer_from_headers(&headers, auth).await {
        Ok(viewer) => super::download(&state.db, &viewer, &token).await,
        Err(error) => Err(error),
    };
    match answer {
        Ok(export) => {
            let name = format!(
                "attachment; filename=\"child-{}-record-{}.zip\"",
                export.child_id,
                export.made_at.format("%Y-%m-%d")
            );
            let mut response = export.bytes.into_response();
            let h = response.headers_mut();
            h.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/zip"),
            );
            h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            if let Ok(value) = HeaderValue::from_str(&name) {
                h.insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Err(error) => refused(error),
    }
}

/// Staff words, no detail: the same answer for a link that is spent, expired or not theirs.
fn refused(error: ApiError) -> Response {
    let (status, words) = match error {
        ApiError::Unauthenticated => (
            StatusCode::UNAUTHORIZED,
            "Sign in as an administrator, then ask for the export again.",
        ),
        ApiError::Forbidden => (
            StatusCode::FORBIDDEN,
            "Only an administrator can download a child's record.",
        ),
        ApiError::NotFound(_) => (
            StatusCode::NOT_FOUND,
            "This download link has been used, has expired, or is not yours. Ask for the export again from the child's page.",
        ),
        ApiError::Unavailable { .. } => (
            StatusCode::SERVICE_UNAVAILABLE,
            "The service is busy. Try again in a minute.",
        ),
        other => {
            let detail = match &other {
                ApiError::Internal(detail) => detail.as_str(),
                _ => "",
            };
            tracing::error!(
                code = other.code(),
                detail,
                "a child's record could not be exported"
            );
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "The export could not be made. Try again.",
            )
        }
    };
    let mut response = (status, words).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}
