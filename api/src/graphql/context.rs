//! What every resolver can ask its context for.
use async_graphql::Context;
use sea_orm::DatabaseConnection;

use super::loaders::Loaders;
use crate::auth::{ClientAddr, TokenIssuer, Viewer};
use crate::error::{ApiError, ApiResult};
use crate::events::EventBus;
use crate::group_commit::GroupCommit;
use crate::ratelimit::{Bucket, RateLimits};

static ANONYMOUS: Viewer = Viewer::Anonymous;

pub trait ContextExt {
    /// The request's viewer; anonymous when the request carried no credentials.
    fn viewer(&self) -> &Viewer;
    fn db(&self) -> ApiResult<&DatabaseConnection>;
    /// Writes a child is told are safe: committed in groups, answered once on disk.
    fn writes(&self) -> ApiResult<&GroupCommit>;
    fn tokens(&self) -> ApiResult<&TokenIssuer>;
    fn client_addr(&self) -> Option<ClientAddr>;
    fn loaders(&self) -> ApiResult<&Loaders>;
    fn events(&self) -> ApiResult<&EventBus>;
    /// Spend one attempt from a per-client budget (sign-in, self-referral).
    fn rate_limit(&self, bucket: Bucket) -> ApiResult<()>;
}

impl ContextExt for Context<'_> {
    fn viewer(&self) -> &Viewer {
        self.data_opt::<Viewer>().unwrap_or(&ANONYMOUS)
    }

    fn db(&self) -> ApiResult<&DatabaseConnection> {
        self.data::<DatabaseConnection>()
            .map_err(|_| ApiError::Internal("no database in the schema".into()))
    }

    fn writes(&self) -> ApiResult<&GroupCommit> {
        self.data::<GroupCommit>()
            .map_err(|_| ApiError::Internal("no group commit in the schema".into()))
    }

    fn tokens(&self) -> ApiResult<&TokenIssuer> {
        self.data::<TokenIssuer>()
            .map_err(|_| ApiError::Internal("no token issuer in the schema".into()))
    }

    fn client_addr(&self) -> Option<ClientAddr> {
        self.data_opt::<ClientAddr>().copied()
    }

    fn events(&self) -> ApiResult<&EventBus> {
        self.data::<EventBus>()
            .map_err(|_| ApiError::Internal("no event bus in the schema".into()))
    }

    fn rate_limit(&self, bucket: Bucket) -> ApiResult<()> {
        let limits = self
            .data::<RateLimits>()
            .map_err(|_| ApiError::Internal("no rate limits in the schema".into()))?;
        // In-process calls (the pages) carry the browser's address; no address means no limit to apply.
        match self.client_addr() {
            Some(ClientAddr(ip)) => limits.check(bucket, ip),
            None => Ok(()),
        }
    }

    fn loaders(&self) -> ApiResult<&Loaders> {
        self.data::<Loaders>()
            .map_err(|_| ApiError::Internal("no loaders in the request".into()))
    }
}
