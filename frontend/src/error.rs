//! What can go wrong behind a page, in a form that crosses from server to browser.
use leptos::server_fn::{ServerFnError, codec::JsonEncoding, error::FromServerFnError};
use serde::{Deserialize, Serialize};

/// The API's error codes (`extensions.code`), as the pages need to tell them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ErrorCode {
    Unauthenticated,
    Forbidden,
    NotFound,
    BadUserInput,
    Conflict,
    RateLimited,
    Unexpected,
}

impl ErrorCode {
    pub fn parse(code: &str) -> Self {
        match code {
            "UNAUTHENTICATED" => Self::Unauthenticated,
            "FORBIDDEN" => Self::Forbidden,
            "NOT_FOUND" => Self::NotFound,
            "BAD_USER_INPUT" => Self::BadUserInput,
            "CONFLICT" => Self::Conflict,
            "RATE_LIMITED" => Self::RateLimited,
            _ => Self::Unexpected,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub enum PageError {
    /// The API said no; `details` are its error extensions (e.g. the current views on CONFLICT).
    #[error("{message}")]
    Api {
        code: ErrorCode,
        message: String,
        details: serde_json::Value,
    },
    /// Not signed in, or the session ended.
    #[error("signed out")]
    SignedOut,
    /// Something broke; the details are in the server log, not on the child's screen.
    #[error("something went wrong")]
    Unexpected,
}

impl PageError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Api { code, .. } => *code,
            Self::SignedOut => ErrorCode::Unauthenticated,
            Self::Unexpected => ErrorCode::Unexpected,
        }
    }
}

impl FromServerFnError for PageError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        Self::Unexpected
    }
}

impl From<ServerFnError> for PageError {
    fn from(_: ServerFnError) -> Self {
        Self::Unexpected
    }
}
