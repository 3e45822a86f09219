//! Access tokens (JWT, RFC 8725): one fixed algorithm, issuer and audience checked, key from config.
use chrono::{Duration, Utc};
use entity::enums::StaffRole;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};

use super::viewer::{ChildViewer, StaffViewer, TenantId, Viewer};
use crate::config::JwtSecret;

const ISSUER: &str = "myvoice";
const STAFF_AUDIENCE: &str = "myvoice:staff";
const CHILD_AUDIENCE: &str = "myvoice:child";
/// Short-lived: a stolen staff token is useful for minutes, and refresh tokens rotate.
pub const STAFF_TOKEN_MINUTES: i64 = 15;
/// Long enough for a child to finish with their advocate, short enough for a shared phone.
pub const CHILD_TOKEN_MINUTES: i64 = 120;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    /// `staff:<id>` or `child:<id>`.
    sub: String,
    iat: i64,
    nbf: i64,
    exp: i64,
    /// The local authority.
    la: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<StaffRole>,
    /// The person's session epoch when the token was issued: a token from an earlier epoch (the
    /// account was deactivated, the child's code replaced) no longer works.
    ep: i32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("invalid token")]
    Invalid,
}

#[derive(Clone)]
pub struct TokenIssuer {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

pub struct IssuedToken {
    pub token: String,
    pub expires_at: chrono::DateTime<Utc>,
}

/// What a well-signed, unexpired token says: who, and the session epoch it was issued in (checked
/// against the person's current one by `auth::current`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub viewer: Viewer,
    pub epoch: i32,
}

impl TokenIssuer {
    pub fn new(secret: &JwtSecret) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[STAFF_AUDIENCE, CHILD_AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "nbf", "iss", "aud", "sub"]);
        validation.validate_nbf = true;
        validation.leeway = 30;
        Self {
            encoding: EncodingKey::from_secret(secret.expose()),
            decoding: DecodingKey::from_secret(secret.expose()),
            validation,
        }
    }

    /// A member of staff's token, in their current session `epoch` (`staff_user.session_epoch`).
    pub fn issue_staff(&self, staff: &StaffViewer, epoch: i32) -> Result<IssuedToken, TokenError> {
        self.issue(
            (STAFF_AUDIENCE, format!("staff:{}", staff.id)),
            staff.tenant,
            Some(staff.role),
            epoch,
            STAFF_TOKEN_MINUTES,
        )
    }

    /// A child's token, in their current session `epoch` (`child.session_epoch`).
    pub fn issue_child(&self, child: &ChildViewer, epoch: i32) -> Result<IssuedToken, TokenError> {
        self.issue(
            (CHILD_AUDIENCE, format!("child:{}", child.child_id)),
            child.tenant,
            None,
            epoch,
            CHILD_TOKEN_MINUTES,
        )
    }

    fn issue(
        &self,
        (aud, sub): (&str, String),
        tenant: TenantId,
        role: Option<StaffRole>,
        epoch: i32,
        minutes: i64,
    ) -> Result<IssuedToken, TokenError> {
        let now = Utc::now();
        let expires_at = now + Duration::minutes(minutes);
        let claims = Claims {
            iss: ISSUER.into(),
            aud: aud.into(),
            sub,
            iat: now.timestamp(),
            nbf: now.timestamp(),
            exp: expires_at.timestamp(),
            la: tenant.0,
            role,
            ep: epoch,
        };
        let token = encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|_| TokenError::Invalid)?;
        Ok(IssuedToken { token, expires_at })
    }

    /// The viewer a token names; any flaw (signature, algorithm, time, audience, shape) is simply
    /// invalid. Whether its session is still current is `auth::current`'s question.
    pub fn verify(&self, token: &str) -> Result<Verified, TokenError> {
        let claims = decode::<Claims>(token, &self.decoding, &self.validation)
            .map_err(|_| TokenError::Invalid)?
            .claims;
        let tenant = TenantId(claims.la);
        let id = |prefix: &str| -> Result<i32, TokenError> {
            claims
                .sub
                .strip_prefix(prefix)
                .and_then(|id| id.parse().ok())
                .ok_or(TokenError::Invalid)
        };
        let viewer = match (claims.aud.as_str(), claims.role) {
            (STAFF_AUDIENCE, Some(role)) => Viewer::Staff(StaffViewer {
                id: id("staff:")?,
                tenant,
                role,
            }),
            (CHILD_AUDIENCE, None) => Viewer::Child(ChildViewer {
                child_id: id("child:")?,
                tenant,
            }),
            _ => return Err(TokenError::Invalid),
        };
        Ok(Verified {
            viewer,
            epoch: claims.ep,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn issuer(secret: &str) -> TokenIssuer {
        TokenIssuer::new(&JwtSecret::parse(secret).unwrap())
    }

    const KEY: &str = "0123456789abcdef0123456789abcdef";

    fn staff() -> StaffViewer {
        StaffViewer {
            id: 7,
            tenant: TenantId(1),
            role: StaffRole::Advocate,
        }
    }

    #[test]
    fn a_staff_token_round_trips_to_the_same_viewer() {
        let tokens = issuer(KEY);
        let issued = tokens.issue_staff(&staff(), 3).unwrap();
        assert_eq!(
            tokens.verify(&issued.token),
            Ok(Verified {
                viewer: Viewer::Staff(staff()),
                epoch: 3
            })
        );
    }

    #[test]
    fn a_token_signed_with_another_key_is_refused() {
        let issued = issuer("another-key-another-key-another-key!")
            .issue_staff(&staff(), 0)
            .unwrap();
        assert_eq!(issuer(KEY).verify(&issued.token), Err(TokenError::Invalid));
    }

    #[test]
    fn alg_none_is_refused() {
        use base64::Engine;
        let b64 = |text: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(text);
        let header = b64(r#"{"alg":"none","typ":"JWT"}"#);
        let now = Utc::now().timestamp();
        let payload = b64(&format!(
            r#"{{"iss":"myvoice","aud":"myvoice:staff","sub":"staff:7","iat":{now},"nbf":{now},"exp":{},"la":1,"role":"admin","ep":0}}"#,
            now + 600
        ));
        assert_eq!(
            issuer(KEY).verify(&format!("{header}.{payload}.")),
            Err(TokenError::Invalid)
        );
    }
}
