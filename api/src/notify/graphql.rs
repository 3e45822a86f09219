//! Notices in the schema: an admin sets up webhook endpoints and duty contacts and reads what was
//! sent (the delivery log). Resolvers ask the policy, call `admin`, and map the answer.
use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, Utc};
use entity::enums;
use entity::{duty_contact, notice, webhook_endpoint};

use super::admin;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};
use crate::policy::notify as policy;

/// How a notice travels.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "enums::NoticeChannel")]
pub enum NoticeChannel {
    /// E-mail to a member of staff, an agency or a duty contact.
    Email,
    /// A signed HTTP POST to one of your webhook endpoints.
    Webhook,
}

/// Where a notice's delivery is.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeliveryStatus {
    /// Waiting to be sent, or to be tried again after a failure.
    Waiting,
    /// Sent: the mail server took it, or the endpoint answered 2xx.
    Delivered,
    /// Given up after the last try; `lastError` says why.
    Failed,
}

/// One notice to one recipient. It names nobody and holds none of a child's words: only what
/// it is about and where to look.
#[derive(SimpleObject)]
pub struct Notice {
    /// The notice's opaque ID.
    pub id: ID,
    /// What it is about, as webhook receivers see it (e.g. `referral.received`).
    pub event: String,
    /// E-mail or webhook.
    pub channel: NoticeChannel,
    /// The e-mail address, or the webhook endpoint's address.
    pub recipient: String,
    /// The page it points to, relative to myvoice's address.
    pub link: String,
    /// Waiting, delivered or given up.
    pub status: DeliveryStatus,
    /// Tries so far.
    pub attempts: i32,
    /// Why the last try failed, if it did.
    pub last_error: Option<String>,
    /// When the change it tells of happened.
    pub created_at: DateTime<Utc>,
    /// When it was delivered; null until then.
    pub delivered_at: Option<DateTime<Utc>>,
}

impl Notice {
    fn from_row(row: notice::Model, endpoints: &[webhook_endpoint::Model]) -> Self {
        let status = match (row.delivered_at, row.failed_at) {
            (Some(_), _) => DeliveryStatus::Delivered,
            (None, Some(_)) => DeliveryStatus::Failed,
            _ => DeliveryStatus::Waiting,
        };
        let recipient = match row.channel {
            enums::NoticeChannel::Email => row.recipient,
            enums::NoticeChannel::Webhook => endpoints
                .iter()
                .find(|e| e.id.to_string() == row.recipient)
                .map_or_else(|| "a removed endpoint".into(), |e| e.url.clone()),
        };
        Self {
            id: NodeKind::Notice.id(row.id),
            event: super::event_name(row.topic).into(),
            channel: row.channel.into(),
            recipient,
            link: row.link,
            status,
            attempts: row.attempts,
            last_error: row.last_error,
            created_at: row.created_at,
            delivered_at: row.delivered_at,
        }
    }
}

/// Where signed webhooks go.
#[derive(SimpleObject)]
pub struct WebhookEndpoint {
    /// The endpoint's opaque ID.
    pub id: ID,
    /// Where deliveries are POSTed.
    pub url: String,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

impl From<webhook_endpoint::Model> for WebhookEndpoint {
    fn from(row: webhook_endpoint::Model) -> Self {
        Self {
            id: NodeKind::WebhookEndpoint.id(row.id),
            url: row.url,
            created_at: row.created_at,
        }
    }
}

/// An endpoint just added, with the only sight of its secret.
#[derive(SimpleObject)]
pub struct NewWebhookEndpoint {
    /// The endpoint added.
    pub endpoint: WebhookEndpoint,
    /// Every delivery carries `myvoice-signature: t=<unix seconds>,v1=<hex>` where the hex is
    /// HMAC-SHA256 with this secret over `<t>.<raw body>`. Check it, and refuse a `t` more than
    /// five minutes old. Keep the secret safe: it is not shown again. `myvoice-delivery` is the
    /// same on every retry of one delivery, so you can ignore one you have already handled.
    pub secret: String,
}

/// Someone on the duty rota who hears of urgent help nobody else picked up.
#[derive(SimpleObject)]
pub struct DutyContact {
    /// The contact's opaque ID.
    pub id: ID,
    /// A team or role, such as "Children's services duty team".
    pub name: String,
    /// Where urgent help is e-mailed.
    pub email: String,
}

impl From<duty_contact::Model> for DutyContact {
    fn from(row: duty_contact::Model) -> Self {
        Self {
            id: NodeKind::DutyContact.id(row.id),
            name: row.name,
            email: row.email,
        }
    }
}

#[derive(Default)]
pub struct NotifyQuery;

#[Object]
impl NotifyQuery {
    /// What myvoice has sent, or is about to send, for your authority, newest first: e-mail and
    /// webhooks, with how each delivery went (admin only).
    async fn notices(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "How many to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return the notices after this cursor.")] after: Option<String>,
        #[graphql(desc = "Only e-mail, or only webhooks.")] channel: Option<NoticeChannel>,
    ) -> async_graphql::Result<List<Notice>> {
        let staff = policy::manage(ctx.viewer())?;
        let page = Page::parse(first, after)?;
        let db = ctx.db()?;
        let (rows, total) = admin::notices(db, staff.tenant, channel.map(Into::into), page).await?;
        let endpoints = admin::every_endpoint(db, staff.tenant).await?;
        let items = rows
            .into_iter()
            .map(|r| Notice::from_row(r, &endpoints))
            .collect();
        Ok(page.connection(items, total))
    }

    /// Your authority's webhook endpoints (admin only).
    async fn webhook_endpoints(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<WebhookEndpoint>> {
        let staff = policy::manage(ctx.viewer())?;
        let rows = admin::endpoints(ctx.db()?, staff.tenant).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }

    /// Who hears of urgent help the child's advocate has not acknowledged in time, or from a child
    /// with no advocate, besides the advocacy coordinators (admin only).
    async fn duty_contacts(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<DutyContact>> {
        let staff = policy::manage(ctx.viewer())?;
        let rows = admin::duty_contacts(ctx.db()?, staff.tenant).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}

#[derive(Default)]
pub struct NotifyMutation;

#[Object]
impl NotifyMutation {
    /// Send signed webhooks for your authority's events to this address (admin only). The answer
    /// holds the signing secret, shown only here. CONFLICT when it is already set up.
    async fn add_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The full https address to POST to.")] url: String,
    ) -> async_graphql::Result<NewWebhookEndpoint> {
        let staff = policy::manage(ctx.viewer())?;
        let (endpoint, secret) = admin::add_endpoint(ctx.db()?, staff, &url).await?;
        Ok(NewWebhookEndpoint {
            endpoint: endpoint.into(),
            secret,
        })
    }

    /// Stop sending webhooks to this endpoint, including any still waiting (admin only).
    async fn remove_webhook_endpoint(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The endpoint to remove.")] id: ID,
    ) -> async_graphql::Result<WebhookEndpoint> {
        let staff = policy::manage(ctx.viewer())?;
        let id = NodeKind::WebhookEndpoint.parse(&id, "id")?;
        Ok(admin::remove_endpoint(ctx.db()?, staff, id).await?.into())
    }

    /// Add a duty contact (admin only). CONFLICT when the address is already one.
    async fn add_duty_contact(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "A team or role, such as \"Children's services duty team\".")]
        name: String,
        #[graphql(desc = "The e-mail address to send urgent help to.")] email: String,
    ) -> async_graphql::Result<DutyContact> {
        let staff = policy::manage(ctx.viewer())?;
        Ok(admin::add_duty_contact(ctx.db()?, staff, &name, &email)
            .await?
            .into())
    }

    /// Remove a duty contact (admin only). Answers true.
    async fn remove_duty_contact(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The duty contact to remove.")] id: ID,
    ) -> async_graphql::Result<bool> {
        let staff = policy::manage(ctx.viewer())?;
        let id = NodeKind::DutyContact.parse(&id, "id")?;
        admin::remove_duty_contact(ctx.db()?, staff, id).await?;
        Ok(true)
    }
}
