//! What every resolver can ask its context for.
use async_graphql::Context;
use sea_orm::DatabaseConnection;

use super::loaders::Loaders;
use crate::auth::{ClientAddr, TokenIssuer, Viewer};
use crate::error::{ApiError, ApiResult};

static ANONYMOUS: Viewer = Viewer::Anonymous;

pub trait ContextExt {
    /// The request's viewer; anonymous when the request carried no credentials.
    fn viewer(&self) -> &Viewer;
    fn db(&self) -> ApiResult<&DatabaseConnection>;
    fn tokens(&self) -> ApiResult<&TokenIssuer>;
    fn client_addr(&self) -> Option<ClientAddr>;
    fn loaders(&self) -> ApiResult<&Loaders>;
}

impl ContextExt for Context<'_> {
    fn viewer(&self) -> &Viewer {
        self.data_opt::<Viewer>().unwrap_or(&ANONYMOUS)
    }

    fn db(&self) -> ApiResult<&DatabaseConnection> {
        self.data::<DatabaseConnection>()
            .map_err(|_| ApiError::Internal("no database in the schema".into()))
    }

    fn tokens(&self) -> ApiResult<&TokenIssuer> {
        self.data::<TokenIssuer>()
            .map_err(|_| ApiError::Internal("no token issuer in the schema".into()))
    }

    fn client_addr(&self) -> Option<ClientAddr> {
        self.data_opt::<ClientAddr>().copied()
    }

    fn loaders(&self) -> ApiResult<&Loaders> {
        self.data::<Loaders>()
            .map_err(|_| ApiError::Internal("no loaders in the request".into()))
    }
}
