//! The staff session: a short access token renewed with the refresh token when it runs out, so a
//! member of staff working through a caseload is not thrown out every 15 minutes.
use serde::{Deserialize, Serialize};

use crate::error::PageError;

/// Who is signed in, as the staff pages need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffUser {
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Advocate,
    SocialWorker,
    Isro,
    Coordinator,
    Agency,
    Admin,
}

impl Role {
    /// The role as staff say it.
    pub fn title(self) -> &'static str {
        match self {
            Self::Advocate => "Advocate",
            Self::SocialWorker => "Social worker",
            Self::Isro => "ISRO",
            Self::Coordinator => "Advocacy coordinator",
            Self::Agency => "Partner agency",
            Self::Admin => "Administrator",
        }
    }
}

/// The signed-in member of staff, or `None` when signed out.
#[leptos::server(prefix = "/api/staff", endpoint = "me")]
pub async fn current_staff() -> Result<Option<StaffUser>, PageError> {
    server::whoami().await
}

#[cfg(feature = "ssr")]
pub mod server {
    use serde::de::DeserializeOwned;
    use serde_json::{Value, json};

    use super::*;
    use crate::error::ErrorCode;
    use crate::session::{self, Who};

    /// Access and refresh token, kept together in the staff cookie.
    pub struct Tokens {
        pub access: String,
        pub refresh: String,
    }

    impl Tokens {
        const SEPARATOR: char = '~';

        fn from_cookie() -> Option<Self> {
            let parts = leptos::prelude::use_context::<http::request::Parts>()?;
            let value = session::latest(&parts, Who::Staff)?;
            let (access, refresh) = value.split_once(Self::SEPARATOR)?;
            Some(Self {
                access: access.into(),
                refresh: refresh.into(),
            })
        }

        pub fn save(&self) {
            session::write(
                Who::Staff,
                &format!("{}{}{}", self.access, Self::SEPARATOR, self.refresh),
            );
        }
    }

    #[derive(Deserialize)]
    pub struct StaffSession {
        #[serde(rename = "accessToken")]
        pub access_token: String,
        #[serde(rename = "refreshToken")]
        pub refresh_token: String,
    }

    /// Run `query` as the signed-in member of staff. An expired access token is renewed once; a
    /// session that cannot be renewed signs out and sends the browser to sign in.
    pub async fn run<T: DeserializeOwned>(
        query: impl Into<String>,
        variables: Value,
    ) -> Result<T, PageError> {
        let query = query.into();
        let Some(tokens) = Tokens::from_cookie() else {
            return Err(signed_out(false));
        };
        match crate::gql::run_as(
            Some(tokens.access.clone()),
            query.clone(),
            variables.clone(),
        )
        .await
        {
            Err(error) if error.code() == ErrorCode::Unauthenticated => {
                let renewed = refresh(&tokens.refresh)
                    .await
                    .map_err(|_| signed_out(true))?;
                renewed.save();
                crate::gql::run_as(Some(renewed.access), query, variables).await
            }
            other => other,
        }
    }

    async fn refresh(refresh_token: &str) -> Result<Tokens, PageError> {
        #[derive(Deserialize)]
        struct Refreshed {
            #[serde(rename = "refreshSession")]
            session: StaffSession,
        }
        let refreshed: Refreshed = crate::gql::run_as(
            None,
            "mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }",
            json!({ "t": refresh_token }),
        )
        .await?;
        Ok(Tokens {
            access: refreshed.session.access_token,
            refresh: refreshed.session.refresh_token,
        })
    }

    /// End the session here and on the server (the refresh token stops working).
    pub async fn sign_out() {
        if let Some(tokens) = Tokens::from_cookie() {
            let _: Result<Value, _> = crate::gql::run_as(
                None,
                "mutation SignOut($t: String!) { signOut(refreshToken: $t) }",
                json!({ "t": tokens.refresh }),
            )
            .await;
        }
        session::clear(Who::Staff);
        crate::drafts::forget_all().await;
    }

    pub async fn whoami() -> Result<Option<StaffUser>, PageError> {
        #[derive(Deserialize)]
        struct Me {
            me: Whoami,
        }
        #[derive(Deserialize)]
        struct Whoami {
            kind: String,
            name: Option<String>,
            role: Option<Role>,
        }
        if Tokens::from_cookie().is_none() {
            return Ok(None);
        }
        let me: Me = run("{ me { kind name role } }", json!({})).await?;
        Ok(match (me.me.kind.as_str(), me.me.role) {
            ("STAFF", Some(role)) => Some(StaffUser {
                name: me.me.name.unwrap_or_default(),
                role,
            }),
            _ => None,
        })
    }

    /// Like `whoami`, but a page that needs someone signed in sends the browser to sign in.
    pub async fn require() -> Result<StaffUser, PageError> {
        whoami().await?.ok_or_else(|| signed_out(false))
    }

    /// A page for one role. Anyone else signed in is refused here, as the API would refuse them.
    pub async fn require_role(role: Role) -> Result<StaffUser, PageError> {
        let user = require().await?;
        if user.role == role {
            Ok(user)
        } else {
            Err(PageError::Api {
                code: ErrorCode::Forbidden,
                message: format!("This page is for the {} role.", role.title()),
                details: Value::Null,
            })
        }
    }

    fn signed_out(expired: bool) -> PageError {
        session::clear(Who::Staff);
        leptos_axum::redirect(if expired {
            "/staff/sign-in?why=expired"
        } else {
            "/staff/sign-in"
        });
        PageError::SignedOut
    }
}
