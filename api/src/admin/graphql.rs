//! Administration in the schema: staff accounts and the audit log (admin only, own authority only).
//! Resolvers parse, ask the policy, call the service, and map the answer.
use async_graphql::{Context, Enum, ID, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::enums;

use super::audit_log::AuditEntry;
use super::staff::Email;
use super::{AuditFilter, NewStaff, StaffFilter};
use crate::auth::Person;
use crate::events::Event;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};
use crate::policy::admin as policy;
use crate::text::{self, SHORT};

/// What a member of staff does; decides what they may see and do.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::StaffRole")]
pub enum StaffRole {
    /// An independent advocate: works only for the child and presents only the child's views.
    Advocate,
    /// The child's allocated social worker; usually makes the advocacy referral.
    SocialWorker,
    /// Independent Safeguarding Reviewing Officer: CP chair and IRO.
    Isro,
    /// The advocacy coordinator: receives referrals and allocates advocates.
    Coordinator,
    /// Someone from a partner agency who receives conference outcomes.
    Agency,
    /// Looks after the service's set-up, staff accounts and API keys.
    Admin,
}

/// Who did something recorded in the audit log.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::ActorKind")]
pub enum ActorKind {
    /// A signed-in member of staff.
    Staff,
    /// A child signed in with their access code.
    Child,
    /// Another system calling with an API key.
    ApiKey,
    /// myvoice itself (scheduled jobs, the demo seed).
    System,
    /// Nobody signed in (for example a failed sign-in).
    Anonymous,
}

/// A member of staff's account, as an admin sees it.
#[derive(SimpleObject)]
pub struct StaffMember {
    /// The member of staff's opaque ID.
    pub id: ID,
    /// Full name.
    pub name: String,
    /// The e-mail address they sign in with (lower case).
    pub email: String,
    /// What they do.
    pub role: StaffRole,
    /// False once deactivated: they can no longer sign in.
    pub active: bool,
    /// The agency they work for: required for partner agency staff (role AGENCY), and only
    /// for them.
    pub agency_id: Option<ID>,
    /// When the account was made.
    pub created_at: DateTime<Utc>,
}

impl From<entity::staff_user::Model> for StaffMember {
    fn from(row: entity::staff_user::Model) -> Self {
        Self {
            id: NodeKind::StaffUser.id(row.id),
            name: row.name,
            email: row.email,
            role: row.role.into(),
            active: row.active,
            agency_id: row.agency_id.map(|id| NodeKind::Agency.id(id)),
            created_at: row.created_at,
        }
    }
}

/// A new member of staff.
#[derive(InputObject)]
pub struct InviteStaffInput {
    /// Their full name.
    pub name: String,
    /// The e-mail address they will sign in with; unique within the local authority.
    pub email: String,
    /// What they do.
    pub role: StaffRole,
    /// Partner agency staff only: the agency they work for.
    pub agency_id: Option<ID>,
}

/// A member of staff just added: the only time their link to choose a password is shown. No
/// password is ever made for them.
#[derive(SimpleObject)]
pub struct InvitedStaff {
    /// The new account.
    pub staff: StaffMember,
    /// The whole link to send them, to them only, e.g.
    /// `https://myvoice.example.gov.uk/set-password?token=…` (`MYVOICE_PUBLIC_URL`, else the
    /// address this request came to, in front of `passwordLinkPath`). It works once, for 72 hours.
    pub password_link_url: String,
    /// `/set-password?token=…`: the same link without the address in front. Shown only here.
    pub password_link_path: String,
    /// When the password link stops working.
    pub password_link_expires_at: DateTime<Utc>,
}

/// What the audit log is narrowed to; every part is optional.
#[derive(InputObject, Default)]
pub struct AuditLogFilter {
    /// Only events by this kind of actor.
    pub actor_kind: Option<ActorKind>,
    /// Only this action, exactly as recorded, e.g. `views.read` or `staff.deactivated`.
    pub action: Option<String>,
    /// Only events about this kind of record, e.g. `staff_user`, `api_key`, `views`.
    pub subject_type: Option<String>,
    /// From this moment (inclusive).
    pub from: Option<DateTime<Utc>>,
    /// Up to this moment (exclusive).
    pub to: Option<DateTime<Utc>>,
}

/// One entry of the audit log: who did what to which record, and when.
#[derive(SimpleObject)]
pub struct AuditEvent {
    /// When it happened.
    pub occurred_at: DateTime<Utc>,
    /// What kind of actor did it.
    pub actor_kind: ActorKind,
    /// The member of staff (StaffUser ID), API key (ApiKey ID) or child (Child ID) who did it.
    pub actor_id: Option<ID>,
    /// The member of staff's or API key's name; null for children, myvoice itself and nobody.
    pub actor_name: Option<String>,
    /// What happened, e.g. `views.read`.
    pub action: String,
    /// The kind of record it was about, e.g. `views`.
    pub subject_type: String,
    /// The record's opaque ID, where the schema has IDs of that kind.
    pub subject_id: Option<ID>,
}

fn node_kind(subject_type: &str) -> Option<NodeKind> {
    Some(match subject_type {
        "advocacy_case" => NodeKind::Case,
        "advocate_note" => NodeKind::AdvocateNote,
        "api_key" => NodeKind::ApiKey,
        "child" => NodeKind::Child,
        "meeting" => NodeKind::Meeting,
        "outcome_distribution" => NodeKind::OutcomeDistribution,
        "referral" => NodeKind::Referral,
        "staff_user" => NodeKind::StaffUser,
        "urgent_help" => NodeKind::UrgentHelp,
        "views" => NodeKind::Views,
        _ => return None,
    })
}

impl From<AuditEntry> for AuditEvent {
    fn from(entry: AuditEntry) -> Self {
        let e = entry.event;
        let actor = match e.actor_kind {
            enums::ActorKind::Staff => Some(NodeKind::StaffUser),
            enums::ActorKind::ApiKey => Some(NodeKind::ApiKey),
            enums::ActorKind::Child => Some(NodeKind::Child),
            _ => None,
        };
        Self {
            occurred_at: e.occurred_at,
            actor_kind: e.actor_kind.into(),
            actor_id: actor.zip(e.actor_id).map(|(kind, id)| kind.id(id)),
            actor_name: entry.actor_name,
            subject_id: node_kind(&e.subject_type)
                .zip(e.subject_id)
                .map(|(kind, id)| kind.id(id)),
            action: e.action,
            subject_type: e.subject_type,
        }
    }
}

#[derive(Default)]
pub struct AdminQuery;

#[Object]
impl AdminQuery {
    /// The local authority's staff accounts, by name (admin only).
    async fn staff_users(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return the staff after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only staff with this role.")] role: Option<StaffRole>,
        #[graphql(desc = "true: only active accounts; false: only deactivated ones.")]
        active: Option<bool>,
    ) -> async_graphql::Result<List<StaffMember>> {
        let admin = policy::manage_staff(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let filter = StaffFilter {
            role: role.map(Into::into),
            active,
        };
        let (rows, total) = super::list_staff(ctx.db()?, admin.tenant, filter, page).await?;
        Ok(page.connection(rows.into_iter().map(StaffMember::from).collect(), total))
    }

    /// The local authority's audit log, newest first (admin only).
    async fn audit_log(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many events to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return the events after this cursor.")] after: Option<String>,
        #[graphql(desc = "What to narrow the log to.")] filter: Option<AuditLogFilter>,
    ) -> async_graphql::Result<List<AuditEvent>> {
        let tenant = policy::read_audit(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let filter = filter.unwrap_or_default();
        let filter = AuditFilter {
            actor_kind: filter.actor_kind.map(Into::into),
            action: text::optional("action", filter.action.as_deref(), SHORT)?,
            subject_type: text::optional("subjectType", filter.subject_type.as_deref(), SHORT)?,
            from: filter.from,
            to: filter.to,
        };
        let (entries, total) = super::audit_log(ctx.db()?, tenant, &filter, page).await?;
        Ok(page.connection(entries.into_iter().map(AuditEvent::from).collect(), total))
    }
}

#[derive(Default)]
pub struct AdminMutation;

#[Object]
impl AdminMutation {
    /// Add a member of staff to your local authority (admin only). The link with which they
    /// choose their password is shown once, here. CONFLICT if someone here already has the
    /// e-mail address.
    async fn invite_staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Who to add.")] input: InviteStaffInput,
    ) -> async_graphql::Result<InvitedStaff> {
        let admin = policy::manage_staff(ctx.viewer())?;
        let new = NewStaff {
            name: text::required("name", &input.name, SHORT)?,
            email: Email::parse(&input.email)?,
            role: input.role.into(),
            agency_id: input
                .agency_id
                .as_ref()
                .map(|id| NodeKind::Agency.parse(id, "agencyId"))
                .transpose()?,
        };
        let invited = super::invite(ctx.db()?, admin, new).await?;
        let base = ctx
            .data_opt::<crate::config::PublicBase>()
            .map_or(crate::config::PublicBase::DEFAULT, |b| b.origin());
        Ok(InvitedStaff {
            password_link_url: invited.link.url(base),
            password_link_path: invited.link.path(),
            password_link_expires_at: invited.link.expires_at,
            staff: invited.row.into(),
        })
    }

    /// Deactivate a member of staff (admin only, not yourself): they cannot sign in again, and their
    /// sessions end at once (access and refresh tokens refused, live updates closed). Deactivating
    /// twice is harmless.
    async fn deactivate_staff(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The member of staff to deactivate.")] id: ID,
    ) -> async_graphql::Result<StaffMember> {
        let admin = policy::manage_staff(ctx.viewer())?;
        let id = NodeKind::StaffUser.parse(&id, "id")?;
        let db = ctx.db()?;
        let target = super::staff::find(db, admin.tenant, id).await?;
        policy::deactivate_staff(admin, &target)?;
        let row = super::deactivate(db, admin, target).await?;
        // After the commit: every instance forgets the session and closes its sockets.
        ctx.events()?.publish(Event::SessionsEnded {
            tenant: admin.tenant,
            person: Person::Staff(row.id),
        });
        Ok(row.into())
    }

    /// Let a member of staff sign in again now (admin only), after ten wrong passwords in a row
    /// locked their e-mail address for 15 minutes. Harmless when nothing is locked.
    async fn unlock_staff_sign_in(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The member of staff whose sign-in to unlock.")] id: ID,
    ) -> async_graphql::Result<StaffMember> {
        let admin = policy::manage_staff(ctx.viewer())?;
        let id = NodeKind::StaffUser.parse(&id, "id")?;
        let db = ctx.db()?;
        let target = super::staff::find(db, admin.tenant, id).await?;
        Ok(super::unlock_sign_in(db, admin, target).await?.into())
    }
}
