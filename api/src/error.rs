//! The API's one error type, mapped once to GraphQL errors with an extension `code`.
use async_graphql::ErrorExtensions;
use sea_orm::{ConnAcquireErr, DbErr};

/// Deliberately not `Display`: async-graphql turns any `Display` error into a message without a code,
/// so only the conversion below exists and a `?` in a resolver always carries the `code` extension.
#[derive(Debug)]
pub enum ApiError {
    /// No valid credentials: sign in again.
    Unauthenticated,
    /// Sign-in details that do not match; the text never says which part was wrong.
    WrongCredentials(&'static str),
    /// Signed in, but this is not yours to see or do.
    Forbidden,
    /// Absent, or another local authority's: the two are never told apart.
    NotFound(&'static str),
    BadUserInput {
        field: Option<&'static str>,
        message: String,
    },
    /// A stale version, a duplicate, or a state that does not allow the change.
    Conflict {
        message: String,
        current: Option<serde_json::Value>,
    },
    RateLimited {
        retry_after_secs: u64,
    },
    /// Every database connection stayed busy for the whole wait: overloaded, try again shortly
    /// (HTTP 503 with `Retry-After`).
    Unavailable {
        retry_after_secs: u64,
    },
    /// Logged in full; the caller learns nothing internal.
    Internal(String),
}

impl ApiError {
    pub fn bad_input(field: &'static str, message: impl Into<String>) -> Self {
        Self::BadUserInput {
            field: Some(field),
            message: message.into(),
        }
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Self::Conflict {
            message: message.into(),
            current: None,
        }
    }

    /// The text the caller sees: plain, and never internal detail.
    pub fn message(&self) -> String {
        match self {
            Self::Unauthenticated => "Please sign in.".into(),
            Self::WrongCredentials(message) => (*message).into(),
            Self::Forbidden => "You are not allowed to do this.".into(),
            Self::NotFound(what) => format!("{what} not found."),
            Self::BadUserInput { message, .. } | Self::Conflict { message, .. } => message.clone(),
            Self::RateLimited { retry_after_secs } => {
                format!("Too many attempts. Please wait {retry_after_secs} seconds and try again.")
            }
            Self::Unavailable { retry_after_secs } => format!(
                "myvoice is very busy right now. Please try again in {retry_after_secs} seconds."
            ),
            Self::Internal(_) => {
                "Something went wrong on our side. Nothing was changed; please try again.".into()
            }
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            Self::Unauthenticated | Self::WrongCredentials(_) => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::NotFound(_) => "NOT_FOUND",
            Self::BadUserInput { .. } => "BAD_USER_INPUT",
            Self::Conflict { .. } => "CONFLICT",
            Self::RateLimited { .. } => "RATE_LIMITED",
            Self::Unavailable { .. } => UNAVAILABLE,
            Self::Internal(_) => "INTERNAL_SERVER_ERROR",
        }
    }
}

const UNAVAILABLE: &str = "SERVICE_UNAVAILABLE";

/// How long a caller is asked to wait when no database connection was free.
pub const BUSY_RETRY_AFTER_SECS: u64 = 1;

impl From<DbErr> for ApiError {
    fn from(error: DbErr) -> Self {
        match error {
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout) => Self::Unavailable {
                retry_after_secs: BUSY_RETRY_AFTER_SECS,
            },
            other => Self::Internal(other.to_string()),
        }
    }
}

/// A per-request loader's database error: shared between the fields that waited on it, the same
/// mapping as a direct query (an exhausted pool is 503, not an internal error).
impl From<std::sync::Arc<DbErr>> for ApiError {
    fn from(error: std::sync::Arc<DbErr>) -> Self {
        match &*error {
            DbErr::ConnectionAcquire(ConnAcquireErr::Timeout) => Self::Unavailable {
                retry_after_secs: BUSY_RETRY_AFTER_SECS,
            },
            other => Self::Internal(other.to_string()),
        }
    }
}

/// A loader's result, as the API reports it.
pub(crate) fn loaded<T>(result: Result<T, std::sync::Arc<DbErr>>) -> ApiResult<T> {
    result.map_err(ApiError::from)
}

impl ErrorExtensions for ApiError {
    fn extend(&self) -> async_graphql::Error {
        if let Self::Internal(detail) = self {
            tracing::error!(%detail, "internal error");
        }
        async_graphql::Error::new(self.message()).extend_with(|_, ext| {
            ext.set("code", self.code());
            match self {
                Self::BadUserInput {
                    field: Some(field), ..
                } => ext.set("field", *field),
                Self::Conflict {
                    current: Some(current),
                    ..
                } => ext.set(
                    "current",
                    async_graphql::Value::from_json(current.clone()).unwrap_or_default(),
                ),
                Self::RateLimited { retry_after_secs } | Self::Unavailable { retry_after_secs } => {
                    ext.set("retryAfter", *retry_after_secs)
                }
                _ => {}
            }
        })
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(error: ApiError) -> Self {
        error.extend()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// The wait to ask for when a response failed because the service was overloaded.
pub fn busy_retry_after(response: &async_graphql::Response) -> Option<u64> {
    response
        .errors
        .iter()
        .filter_map(|e| e.extensions.as_ref())
        .any(|ext| ext.get("code") == Some(&async_graphql::Value::from(UNAVAILABLE)))
        .then_some(BUSY_RETRY_AFTER_SECS)
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;

    fn code(error: ApiError) -> String {
        let error = error.extend();
        let ext = error.extensions.expect("extensions");
        ext.get("code").expect("code").to_string()
    }

    #[test]
    fn a_pool_timeout_is_busy_whether_a_query_or_a_loader_met_it() {
        let timeout = || DbErr::ConnectionAcquire(ConnAcquireErr::Timeout);
        assert_eq!(
            code(ApiError::from(timeout())),
            format!("\"{UNAVAILABLE}\"")
        );
        assert_eq!(
            code(ApiError::from(Arc::new(timeout()))),
            format!("\"{UNAVAILABLE}\"")
        );
        assert!(matches!(
            loaded::<()>(Err(Arc::new(DbErr::Custom("broken".into())))),
            Err(ApiError::Internal(_))
        ));
    }
}
