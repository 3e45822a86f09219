//! The staff session: a short access token renewed with the refresh token when it runs out, so a
//! member of staff working through a caseload is not thrown out every 15 minutes.
use serde::{Deserialize, Serialize};

/// Who is signed in, as the staff pages need it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffUser {
    pub name: String,
    pub role: Role,
}

pub use crate::model::StaffRole as Role;

/// A staff page's one read (issue 18): who is signed in with the page's data; or, for someone
/// signed in with another role, only who they are, so the page can say it is not theirs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum StaffRead<T> {
    Page(StaffUser, T),
    NotYours(StaffUser),
}

impl<T> StaffRead<T> {
    pub fn map<U>(self, shape: impl FnOnce(T) -> U) -> StaffRead<U> {
        match self {
            Self::Page(user, data) => StaffRead::Page(user, shape(data)),
            Self::NotYours(user) => StaffRead::NotYours(user),
        }
    }
}

#[cfg(feature = "ssr")]
mod ops;

#[cfg(feature = "ssr")]
pub mod server {
    use graphql_client::GraphQLQuery;
    use serde::de::DeserializeOwned;
    use serde_json::Value;

    use super::ops::{self, refresh, sign_out, whoami};
    use super::*;
    use crate::error::{ErrorCode, PageError};
    use crate::gql::Operation;
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

    /// Run operation `Q` as the signed-in member of staff. An expired access token is renewed
    /// once; a session that cannot be renewed signs out and sends the browser to sign in.
    pub async fn exec<Q: GraphQLQuery>(
        variables: Q::Variables,
    ) -> Result<Q::ResponseData, PageError> {
        exec_into::<Q, Q::ResponseData>(variables).await
    }

    async fn exec_into<Q: GraphQLQuery, T: DeserializeOwned>(
        variables: Q::Variables,
    ) -> Result<T, PageError> {
        let operation = Operation::of::<Q>(variables)?;
        let Some(tokens) = Tokens::from_cookie() else {
            return Err(signed_out(false));
        };
        match operation.send(Some(tokens.access.clone())).await {
            Err(error) if error.code() == ErrorCode::Unauthenticated => {
                let renewed = renew(&tokens.refresh).await.map_err(|_| signed_out(true))?;
                renewed.save();
                operation.send(Some(renewed.access)).await
            }
            other => other,
        }
    }

    /// Who an answer names: every staff page's one operation asks `me { name staffRole }`.
    #[derive(serde::Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Me {
        name: Option<String>,
        staff_role: Option<Role>,
    }

    /// A staff page for `role`, read with operation `Q` alone: `Q` asks `me { name staffRole }`
    /// beside the page's data, and the role is checked on its answer. Someone whose session names
    /// another role is read as who they are instead (`Whoami`): one read either way.
    pub async fn page<Q: GraphQLQuery>(
        role: Role,
        variables: Q::Variables,
    ) -> Result<StaffRead<Q::ResponseData>, PageError> {
        if let Some(other) = other_role(role).await? {
            return Ok(other);
        }
        let answer: Value = exec_into::<Q, Value>(variables).await?;
        let undecodable = |error: serde_json::Error| {
            tracing::error!(%error, "GraphQL data did not match the page's shape");
            PageError::Unexpected
        };
        let me: Me = serde_json::from_value(answer["me"].clone()).map_err(|error| {
            tracing::error!(%error, "a staff page's operation must ask me {{ name staffRole }}");
            PageError::Unexpected
        })?;
        let Some(staff_role) = me.staff_role else {
            return Err(forbidden(role));
        };
        let user = StaffUser {
            name: me.name.unwrap_or_default(),
            role: staff_role,
        };
        if staff_role != role {
            return Ok(StaffRead::NotYours(user));
        }
        Ok(StaffRead::Page(
            user,
            serde_json::from_value(answer).map_err(undecodable)?,
        ))
    }

    /// A staff page for `role` with nothing to read but who is signed in (`Whoami`).
    pub async fn signed_in_as(role: Role) -> Result<StaffRead<()>, PageError> {
        let user = require().await?;
        Ok(if user.role == role {
            StaffRead::Page(user, ())
        } else {
            StaffRead::NotYours(user)
        })
    }

    /// Before a page's read: signed out goes to sign in; a session naming another role than
    /// `role` is read as who it is. `None`: read the page.
    async fn other_role<T>(role: Role) -> Result<Option<StaffRead<T>>, PageError> {
        if Tokens::from_cookie().is_none() {
            return Err(signed_out(false));
        }
        if session_role() == Some(role) {
            return Ok(None);
        }
        let user = require().await?;
        // A token whose role could not be read but is the page's: read the page after all.
        Ok((user.role != role).then_some(StaffRead::NotYours(user)))
    }

    async fn renew(refresh_token: &str) -> Result<Tokens, PageError> {
        let refreshed = crate::gql::exec_as::<ops::Refresh>(
            None,
            refresh::Variables {
                refresh_token: refresh_token.to_owned(),
            },
        )
        .await?;
        Ok(Tokens {
            access: refreshed.refresh_session.access_token,
            refresh: refreshed.refresh_session.refresh_token,
        })
    }

    /// End the session here and on the server (the refresh token stops working).
    pub async fn sign_out() {
        if let Some(tokens) = Tokens::from_cookie() {
            // Signed out here whatever the server says: the cookie goes below.
            let _ = crate::gql::exec_as::<ops::SignOut>(
                None,
                sign_out::Variables {
                    refresh_token: tokens.refresh,
                },
            )
            .await;
        }
        session::clear(Who::Staff);
        crate::drafts::forget_all().await;
    }

    pub async fn whoami() -> Result<Option<StaffUser>, PageError> {
        if Tokens::from_cookie().is_none() {
            return Ok(None);
        }
        let me = exec::<ops::Whoami>(whoami::Variables {}).await?.me;
        Ok(match (me.kind, me.staff_role) {
            (whoami::ViewerKind::STAFF, Some(role)) => Some(StaffUser {
                name: me.name.unwrap_or_default(),
                role,
            }),
            _ => None,
        })
    }

    /// The role the session's access token names, for a page that asks a different operation
    /// per role to choose it before its one read. Only a choice: the API checks the token, and
    /// the page checks the role it answers with (`me`). `None` when signed out.
    pub fn session_role() -> Option<Role> {
        let tokens = Tokens::from_cookie()?;
        let payload = tokens.access.split('.').nth(1)?;
        let claims: Value = serde_json::from_slice(&base64url(payload)?).ok()?;
        let role = claims["role"].as_str()?.to_ascii_uppercase();
        serde_json::from_value(Value::String(role)).ok()
    }

    fn base64url(text: &str) -> Option<Vec<u8>> {
        let mut out = Vec::with_capacity(text.len() * 3 / 4);
        let (mut bits, mut count) = (0u32, 0u8);
        for byte in text.bytes().take_while(|b| *b != b'=') {
            let value = match byte {
                b'A'..=b'Z' => byte - b'A',
                b'a'..=b'z' => byte - b'a' + 26,
                b'0'..=b'9' => byte - b'0' + 52,
                b'-' | b'+' => 62,
                b'_' | b'/' => 63,
                _ => return None,
            };
            bits = (bits << 6) | u32::from(value);
            count += 6;
            if count >= 8 {
                count -= 8;
                out.push((bits >> count) as u8);
                bits &= (1 << count) - 1;
            }
        }
        Some(out)
    }

    #[cfg(test)]
    #[test]
    fn a_tokens_claims_decode() {
        let claims = base64url("eyJyb2xlIjoic29jaWFsX3dvcmtlciJ9").expect("base64url");
        assert_eq!(claims, br#"{"role":"social_worker"}"#);
        assert!(base64url("not base64!").is_none());
    }

    /// Like `whoami`, but a page that needs someone signed in sends the browser to sign in.
    pub async fn require() -> Result<StaffUser, PageError> {
        whoami().await?.ok_or_else(|| signed_out(false))
    }

    /// The refusal of a page for `role` to someone else.
    pub fn forbidden(role: Role) -> PageError {
        PageError::Api {
            code: ErrorCode::Forbidden,
            message: format!("This page is for the {} role.", role.title()),
            details: Value::Null,
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
