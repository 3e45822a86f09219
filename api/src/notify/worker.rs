//! Delivers the outbox. Every instance runs one worker; a notice is taken with a conditional
//! update (only the instance whose update changed the row sends it), held for a lease while it is
//! sent, and marked delivered only by that instance. A failed delivery is retried with back-off
//! and, after the last try, kept as failed with its error for the delivery log.
use chrono::{DateTime, Utc};
use entity::enums::NoticeChannel;
use entity::{notice, webhook_endpoint};
use sea_orm::{
    ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    Set,
};
use serde_json::json;

use super::messages;
use super::settings::NotifySettings;
use super::transport::{self, Mailer};

/// How long an instance holds a notice it is sending; longer than any send's timeout.
const LEASE: chrono::Duration = chrono::Duration::minutes(2);
/// Tries before a notice is given up (about two hours of back-off in all).
pub const MAX_ATTEMPTS: i32 = 8;
const BATCH: u64 = 20;

pub struct Worker {
    db: DatabaseConnection,
    settings: NotifySettings,
    mailer: Option<Mailer>,
    http: reqwest::Client,
    /// Links in e-mail start here (the public address, or the bound one).
    base_url: String,
    instance: String,
}

impl Worker {
    pub fn new(
        db: DatabaseConnection,
        settings: NotifySettings,
        base_url: String,
    ) -> Result<Self, String> {
        let mailer = Mailer::from_settings(&settings)?;
        if mailer.is_none() {
            tracing::warn!(
                "MYVOICE_SMTP_URL is not set: e-mail notices wait in the outbox until it is"
            );
        }
        Ok(Self {
            db,
            settings,
            mailer,
            http: transport::http_client(),
            base_url,
            instance: uuid_like(),
        })
    }

    /// Run until the process ends: schedules first (they add notices), then deliveries.
    pub async fn run(self) {
        loop {
            let now = self.settings.clock.now();
            if let Err(e) = super::schedule::run(&self.db, &self.settings, now).await {
                tracing::error!(error = ?e, "notice schedules failed; trying again shortly");
            }
            if let Err(e) = self.deliver_due(now).await {
                tracing::error!(error = %e, "delivering notices failed; trying again shortly");
            }
            tokio::time::sleep(self.settings.poll).await;
        }
    }

    async fn deliver_due(&self, now: DateTime<Utc>) -> Result<(), sea_orm::DbErr> {
        let mut due = notice::Entity::find()
            .filter(notice::Column::DeliveredAt.is_null())
            .filter(notice::Column::FailedAt.is_null())
            .filter(notice::Column::DueAt.lte(now))
            .filter(
                Condition::any()
                    .add(notice::Column::ClaimedUntil.is_null())
                    .add(notice::Column::ClaimedUntil.lt(now)),
            );
        if self.mailer.is_none() {
            due = due.filter(notice::Column::Channel.ne(NoticeChannel::Email));
        }
        let due = due
            .order_by_asc(notice::Column::Id)
            .limit(BATCH)
            .all(&self.db)
            .await?;
        for row in due {
            if self.claim(&row, now).await? {
                let result = self.send(&row, now).await;
                self.settle(&row, now, result).await?;
            }
        }
        Ok(())
    }

    /// Take the notice for this instance; false when another instance has it.
    async fn claim(&self, row: &notice::Model, now: DateTime<Utc>) -> Result<bool, sea_orm::DbErr> {
        let taken = notice::Entity::update_many()
            .set(notice::ActiveModel {
                claimed_until: Set(Some(now + LEASE)),
                claimed_by: Set(Some(self.instance.clone())),
                ..Default::default()
            })
            .filter(notice::Column::Id.eq(row.id))
            .filter(notice::Column::DeliveredAt.is_null())
            .filter(notice::Column::FailedAt.is_null())
            .filter(
                Condition::any()
                    .add(notice::Column::ClaimedUntil.is_null())
                    .add(notice::Column::ClaimedUntil.lt(now)),
            )
            .exec(&self.db)
            .await?;
        Ok(taken.rows_affected == 1)
    }

    async fn send(&self, row: &notice::Model, now: DateTime<Utc>) -> Result<(), String> {
        match row.channel {
            NoticeChannel::Email => {
                let mailer = self.mailer.as_ref().ok_or("no mail server is set")?;
                let url = format!("{}{}", self.base_url, row.link);
                let message = messages::email(row.topic, &url);
                mailer
                    .send(row.id, &row.recipient, message.subject, message.body)
                    .await
            }
            NoticeChannel::Webhook => {
                let endpoint = row
                    .recipient
                    .parse::<i32>()
                    .ok()
                    .map(|id| webhook_endpoint::Entity::find_by_id(id).one(&self.db));
                let endpoint = match endpoint {
                    Some(find) => find.await.map_err(|e| e.to_string())?,
                    None => None,
                }
                .filter(|e| e.active && e.local_authority_id == row.local_authority_id)
                .ok_or("the endpoint was removed")?;
                let data: serde_json::Value =
                    serde_json::from_str(&row.payload).unwrap_or_default();
                let event = super::event_name(row.topic);
                let body = json!({
                    "id": row.dedupe_key,
                    "event": event,
                    "occurredAt": row.created_at,
                    "data": data,
                });
                let body = serde_json::to_vec(&body).map_err(|e| e.to_string())?;
                transport::post_webhook(
                    &self.http,
                    &endpoint.url,
                    &endpoint.secret,
                    &row.dedupe_key,
                    event,
                    body,
                    now.timestamp(),
                )
                .await
            }
        }
    }

    async fn settle(
        &self,
        row: &notice::Model,
        now: DateTime<Utc>,
        result: Result<(), String>,
    ) -> Result<(), sea_orm::DbErr> {
        let attempts = row.attempts + 1;
        let update = match result {
            Ok(()) => notice::ActiveModel {
                attempts: Set(attempts),
                delivered_at: Set(Some(now)),
                last_error: Set(None),
                ..Default::default()
            },
            Err(error) => {
                tracing::warn!(notice = row.id, attempts, %error, "a notice was not delivered");
                let gave_up = attempts >= MAX_ATTEMPTS;
                notice::ActiveModel {
                    attempts: Set(attempts),
                    due_at: Set(now + backoff(attempts)),
                    claimed_until: Set(None),
                    failed_at: Set(gave_up.then_some(now)),
                    last_error: Set(Some(error.chars().take(500).collect())),
                    ..Default::default()
                }
            }
        };
        notice::Entity::update_many()
            .set(update)
            .filter(notice::Column::Id.eq(row.id))
            .filter(notice::Column::ClaimedBy.eq(self.instance.clone()))
            .exec(&self.db)
            .await?;
        Ok(())
    }
}

/// 30 s, 1 min, 2 min… up to an hour between tries.
pub fn backoff(attempts: i32) -> chrono::Duration {
    let exp = attempts.clamp(1, 8) - 1;
    let secs = 30i64 << exp;
    chrono::Duration::seconds(secs.min(3600))
}

/// An instance name for claims: unique across instances and restarts.
fn uuid_like() -> String {
    crate::auth::secrets::random_token(12)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_an_hour() {
        assert_eq!(backoff(1), chrono::Duration::seconds(30));
        assert_eq!(backoff(2), chrono::Duration::seconds(60));
        assert_eq!(backoff(5), chrono::Duration::seconds(480));
        assert_eq!(backoff(8), chrono::Duration::seconds(3600));
        assert_eq!(backoff(50), chrono::Duration::seconds(3600));
    }
}
