//! Sign-in and credentials in the schema.
use std::collections::BTreeSet;

use async_graphql::{Context, Enum, ID, Object, Result, SimpleObject};
use chrono::{DateTime, Utc};
use entity::advocacy_case;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

use super::{
    AccessCode, Person, Pin, Scope, Viewer, api_keys, child_sign_in, issue_access, sessions,
};
use crate::admin::graphql::StaffRole;
use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::policy;
use crate::ratelimit::Bucket;
use crate::text;

#[derive(Default)]
pub struct AuthQuery;

#[derive(Default)]
pub struct AuthMutation;

/// Whose credentials these are.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewerKind {
    /// A member of staff, signed in with e-mail and password.
    Staff,
    /// A child, signed in with their access code and PIN.
    Child,
    /// An integrator, with an API key.
    Integrator,
    /// Nobody is signed in.
    Anonymous,
}

/// Who the current credentials belong to.
#[derive(SimpleObject)]
pub struct Me {
    /// STAFF, CHILD, INTEGRATOR or ANONYMOUS.
    pub kind: ViewerKind,
    /// Staff: full name. Child: the name they like to be called. Integrator: the key's name.
    pub name: Option<String>,
    /// Staff role in lower case (advocate, social_worker, isro, coordinator, agency, admin).
    #[graphql(deprecation = "use staffRole")]
    pub role: Option<String>,
    /// Staff: their role. Null for children, integrators and anonymous.
    pub staff_role: Option<StaffRole>,
    /// Integrator: the scopes of the key.
    pub scopes: Vec<Scope>,
    /// Child: whether their pages use younger-child mode (bigger pictures, fewer words, read aloud).
    /// Null for staff, integrators and anonymous.
    pub younger_mode: Option<bool>,
    /// Child: the language code of their pages as kept on their record (like cy or pl; staff may
    /// have written a name such as Polish). Null for staff, integrators and anonymous.
    pub language: Option<String>,
}

/// A signed-in member of staff's tokens. Send the access token as `Authorization: Bearer …`.
#[derive(SimpleObject)]
pub struct StaffSession {
    /// Short-lived (15 minutes) token for `Authorization: Bearer`.
    pub access_token: String,
    /// When the access token stops working (refresh before then).
    pub access_token_expires_at: DateTime<Utc>,
    /// Use once with `refreshSession` for a new pair; keep it secret.
    pub refresh_token: String,
    /// When the refresh token stops working: sign in again after that.
    pub refresh_token_expires_at: DateTime<Utc>,
    /// The member of staff's name.
    pub name: String,
    /// Their role (advocate, social_worker, isro, coordinator, agency, admin).
    #[graphql(deprecation = "use staffRole")]
    pub role: String,
    /// Their role.
    pub staff_role: StaffRole,
}

/// A child's token after signing in with their code and PIN (valid about 2 hours).
#[derive(SimpleObject)]
pub struct ChildSession {
    /// Send as `Authorization: Bearer …`; it names this child only.
    pub access_token: String,
    /// When the child must sign in again.
    pub access_token_expires_at: DateTime<Utc>,
}

/// A new code and PIN for a child, shown once: write them on the child's slip now.
#[derive(SimpleObject)]
pub struct ChildAccessSlip {
    /// The child's access code, like `K7QF-2MXP`.
    pub access_code: String,
    /// The child's 4-digit PIN.
    pub pin: String,
    /// The code stops working after this time.
    pub expires_at: DateTime<Utc>,
    /// The child's first name, for the slip.
    pub child_name: String,
}

/// An integrator's key. The secret itself is only ever shown when it is created.
#[derive(SimpleObject)]
pub struct ApiKey {
    /// The key's opaque ID (to revoke it).
    pub id: ID,
    /// What the admin called the key, e.g. the system that uses it.
    pub name: String,
    /// The first characters of the key, to tell keys apart.
    pub prefix: String,
    /// What the key may do.
    pub scopes: Vec<Scope>,
    /// When the key was created.
    pub created_at: DateTime<Utc>,
    /// When the key was revoked; null while it works.
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<entity::api_key::Model> for ApiKey {
    fn from(row: entity::api_key::Model) -> Self {
        Self {
            id: NodeKind::ApiKey.id(row.id),
            scopes: api_keys::scopes_of(&row).into_iter().collect(),
            name: row.name,
            prefix: row.key_prefix,
            created_at: row.created_at,
            revoked_at: row.revoked_at,
        }
    }
}

/// A key just created: the only time its secret is shown.
#[derive(SimpleObject)]
pub struct CreatedApiKey {
    /// The key as it will be listed.
    pub key: ApiKey,
    /// Send as the `X-Api-Key` header. Store it now: it cannot be shown again.
    pub secret: String,
}

#[Object]
impl AuthQuery {
    /// Who the current credentials belong to (anyone may ask).
    async fn me(&self, ctx: &Context<'_>) -> Result<Me> {
        let db = ctx.db()?;
        Ok(match ctx.viewer() {
            Viewer::Anonymous => Me {
                kind: ViewerKind::Anonymous,
                name: None,
                role: None,
                staff_role: None,
                scopes: vec![],
                younger_mode: None,
                language: None,
            },
            Viewer::Staff(s) => {
                let row = entity::staff_user::Entity::find_by_id(s.id)
                    .one(db)
                    .await
                    .map_err(crate::error::ApiError::from)?;
                Me {
                    kind: ViewerKind::Staff,
                    name: row.map(|r| r.name),
                    role: Some(role_name(s.role)),
                    staff_role: Some(s.role.into()),
                    scopes: vec![],
                    younger_mode: None,
                    language: None,
                }
            }
            Viewer::Child(c) => {
                let row = entity::child::Entity::find_by_id(c.child_id)
                    .one(db)
                    .await
                    .map_err(crate::error::ApiError::from)?;
                Me {
                    kind: ViewerKind::Child,
                    younger_mode: row.as_ref().map(|r| r.younger_mode),
                    language: row.as_ref().map(|r| r.language.clone()),
                    name: row.map(|r| r.preferred_name),
                    role: None,
                    staff_role: None,
                    scopes: vec![],
                }
            }
            Viewer::Integrator(i) => {
                let row = entity::api_key::Entity::find_by_id(i.key_id)
                    .one(db)
                    .await
                    .map_err(crate::error::ApiError::from)?;
                Me {
                    kind: ViewerKind::Integrator,
                    name: row.map(|r| r.name),
                    role: None,
                    staff_role: None,
                    scopes: i.scopes.iter().copied().collect(),
                    younger_mode: None,
                    language: None,
                }
            }
        })
    }

    /// The local authority's API keys (admin only).
    async fn api_keys(&self, ctx: &Context<'_>) -> Result<Vec<ApiKey>> {
        let admin = policy::access::manage_api_keys(ctx.viewer())?;
        Ok(api_keys::list(ctx.db()?, admin.tenant)
            .await?
            .into_iter()
            .map(ApiKey::from)
            .collect())
    }
}

fn role_name(role: entity::enums::StaffRole) -> String {
    serde_json::to_value(role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[Object]
impl AuthMutation {
    /// Staff sign-in with e-mail and password. Rate-limited per client address; ten wrong passwords
    /// in a row for one e-mail address lock it for 15 minutes, from any address (RATE_LIMITED with
    /// `retryAfter`, whether or not the address has an account).
    async fn sign_in(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The member of staff's e-mail address (any letter case).")] email: String,
        #[graphql(desc = "Their password.")] password: String,
    ) -> Result<StaffSession> {
        ctx.rate_limit(Bucket::SignIn)?;
        let email = text::required("email", &email, text::SHORT)?;
        let password = text::required("password", &password, text::SHORT)?;
        let session = sessions::sign_in(ctx.db()?, ctx.tokens()?, &email, &password).await?;
        Ok(staff_session(session))
    }

    /// Swap a refresh token for a new access token and refresh token. Each refresh token works once;
    /// presenting a used one signs that session out everywhere.
    async fn refresh_session(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The refresh token from `signIn` or the last `refreshSession`.")]
        refresh_token: String,
    ) -> Result<StaffSession> {
        Ok(staff_session(
            sessions::refresh(ctx.db()?, ctx.tokens()?, refresh_token.trim()).await?,
        ))
    }

    /// End the session this refresh token belongs to. Always succeeds.
    async fn sign_out(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The session's current refresh token.")] refresh_token: String,
    ) -> Result<bool> {
        sessions::sign_out(ctx.db()?, refresh_token.trim()).await?;
        Ok(true)
    }

    /// A child signs in with the code and PIN from their advocate. Five wrong tries lock the code
    /// for 15 minutes, from any address. Rate-limited per client address.
    async fn child_sign_in(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The code on the child's slip, like ABCD-1234 (letter case, spaces and dashes do not matter)."
        )]
        access_code: String,
        #[graphql(desc = "The child's PIN: 4 to 6 numbers.")] pin: String,
    ) -> Result<ChildSession> {
        ctx.rate_limit(Bucket::SignIn)?;
        let code = AccessCode::parse(&access_code)
            .map_err(|e| crate::error::ApiError::bad_input("accessCode", e.to_string()))?;
        let pin = Pin::parse(&pin)
            .map_err(|e| crate::error::ApiError::bad_input("pin", e.to_string()))?;
        let session = child_sign_in::sign_in(ctx.db()?, ctx.tokens()?, &code, &pin).await?;
        Ok(ChildSession {
            access_token: session.access.token,
            access_token_expires_at: session.access.expires_at,
        })
    }

    /// Give the child of one of your cases a new sign-in code and PIN (advocate of the case only).
    /// Any earlier code for the child stops working, and the child is signed out everywhere.
    async fn issue_child_access(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The case whose child gets the new code.")] case_id: ID,
    ) -> Result<ChildAccessSlip> {
        let advocate = policy::access::issue_child_access_role(ctx.viewer())?;
        let id = NodeKind::Case.parse(&case_id, "caseId")?;
        let db = ctx.db()?;
        let case = advocacy_case::Entity::find_by_id(id)
            .filter(advocacy_case::Column::LocalAuthorityId.eq(advocate.tenant.0))
            .one(db)
            .await
            .map_err(crate::error::ApiError::from)?
            .ok_or(crate::error::ApiError::NotFound("Case"))?;
        policy::access::issue_child_access(advocate, &case)?;
        let issued = issue_access::issue(db, advocate, &case).await?;
        // After the commit: the child's earlier sessions end on every instance.
        ctx.events()?.publish(Event::SessionsEnded {
            tenant: advocate.tenant,
            person: Person::Child(case.child_id),
        });
        Ok(ChildAccessSlip {
            access_code: issued.code.display(),
            pin: issued.pin.expose().to_owned(),
            expires_at: issued.expires_at,
            child_name: issued.child_name,
        })
    }

    /// Create an API key for an integrator (admin only). The secret is shown once.
    async fn create_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A name for the key, e.g. the system that will use it.")] name: String,
        #[graphql(desc = "What the key may do (at least one).")] scopes: Vec<Scope>,
    ) -> Result<CreatedApiKey> {
        let admin = policy::access::manage_api_keys(ctx.viewer())?;
        let name = text::required("name", &name, text::SHORT)?;
        let scopes: BTreeSet<Scope> = scopes.into_iter().collect();
        let created = api_keys::create(ctx.db()?, admin, name, &scopes).await?;
        Ok(CreatedApiKey {
            key: created.row.into(),
            secret: created.secret,
        })
    }

    /// Revoke an API key at once (admin only). Revoking twice is harmless.
    async fn revoke_api_key(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The key to revoke.")] id: ID,
    ) -> Result<ApiKey> {
        let admin = policy::access::manage_api_keys(ctx.viewer())?;
        let id = NodeKind::ApiKey.parse(&id, "id")?;
        let revoked = api_keys::revoke(ctx.db()?, admin, id).await?;
        // Its open live sockets close on every instance.
        ctx.events()?.publish(Event::SessionsEnded {
            tenant: admin.tenant,
            person: Person::ApiKey(revoked.id),
        });
        Ok(revoked.into())
    }
}

fn staff_session(session: sessions::Session) -> StaffSession {
    StaffSession {
        access_token: session.access.token,
        access_token_expires_at: session.access.expires_at,
        refresh_token: session.refresh_token,
        refresh_token_expires_at: session.refresh_expires_at,
        name: session.staff.name,
        role: role_name(session.staff.role),
        staff_role: session.staff.role.into(),
    }
}
