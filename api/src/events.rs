//! Things that happened, for live updates (GraphQL subscriptions). Published after the transaction
//! commits; a subscriber filters to what its viewer may see.
//!
//! Within an instance a broadcast channel carries them. On PostgreSQL every event also goes out with
//! `NOTIFY`, and every instance `LISTEN`s, so a client connected to any instance of the service
//! hears what happened on another. Only ids cross: the subscriber's policy check runs on receipt,
//! exactly as for a local event, and content is fetched through queries.
use std::time::Duration;

use sea_orm::sqlx::postgres::{PgListener, PgPool, PgPoolOptions};
use sea_orm::{DatabaseConnection, DbBackend};
use serde::{Deserialize, Serialize};
use tokio::sync::{broadcast, mpsc, oneshot};

use crate::auth::{Person, SessionRegistry, TenantId};

/// The PostgreSQL channel all instances of one database share.
const CHANNEL: &str = "myvoice_events";
/// Events waiting to be sent to the other instances; beyond this they are dropped (and logged),
/// as for a lagging subscriber: the database has the change, and pages show it on reload.
const OUTBOX: usize = 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A case was allocated to, or changed for, this advocate.
    CaseloadChanged {
        tenant: TenantId,
        advocate_id: i32,
        case_id: i32,
    },
    /// A child pressed "I'm not safe right now"; their advocate must see it at once.
    UrgentHelpRaised {
        tenant: TenantId,
        advocate_id: i32,
        urgent_help_id: i32,
    },
    /// A child's views were shared with this member of staff.
    ViewsShared {
        tenant: TenantId,
        recipient_id: i32,
        views_id: i32,
    },
    /// Someone's sessions ended (staff deactivated, a child's code replaced, a key revoked): their
    /// tokens stop working and their live sockets close.
    SessionsEnded { tenant: TenantId, person: Person },
}

#[derive(Clone)]
pub struct EventBus {
    local: broadcast::Sender<Event>,
    /// PostgreSQL only: events for the other instances.
    outbox: Option<mpsc::Sender<Event>>,
    /// What this instance remembers of current sessions; told at once when sessions end.
    sessions: SessionRegistry,
}

impl Default for EventBus {
    /// This process only (SQLite, and tests of a single instance).
    fn default() -> Self {
        Self {
            local: broadcast::channel(1024).0,
            outbox: None,
            sessions: SessionRegistry::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("cannot listen for live updates on the database: {0}")]
pub struct ListenError(String);

impl EventBus {
    /// On PostgreSQL, events travel between all instances on the database; elsewhere they stay in
    /// this process. Listening has begun when this returns, so nothing published after is missed.
    pub async fn for_database(db: &DatabaseConnection) -> Result<Self, ListenError> {
        let bus = Self::default();
        if db.get_database_backend() != DbBackend::Postgres {
            return Ok(bus);
        }
        // Two connections of their own: LISTEN holds one for good, NOTIFY uses the other, and
        // neither waits behind requests for the request pool.
        let options = db.get_postgres_connection_pool().connect_options();
        let pool = PgPoolOptions::new()
            .max_connections(2)
            .connect_with((*options).clone())
            .await
            .map_err(|e| ListenError(e.to_string()))?;
        let mut listener = PgListener::connect_with(&pool)
            .await
            .map_err(|e| ListenError(e.to_string()))?;
        listener
            .listen(CHANNEL)
            .await
            .map_err(|e| ListenError(e.to_string()))?;
        let instance: u64 = rand::random();
        let (outbox, pending) = mpsc::channel(OUTBOX);
        // When the last bus is dropped the sender stops, and tells the listener to stop too.
        let (stop, stopped) = oneshot::channel::<()>();
        tokio::spawn(send_to_others(pool, instance, pending, stop));
        let heard = Heard {
            local: bus.local.clone(),
            sessions: bus.sessions.clone(),
        };
        tokio::spawn(hear_others(listener, instance, heard, stopped));
        Ok(Self {
            outbox: Some(outbox),
            ..bus
        })
    }

    /// Nobody listening is fine: the change is in the database, and pages show it on reload.
    /// Sessions that ended are forgotten here before this returns, so the next request on this
    /// instance is refused; other instances forget them when the notice reaches them.
    pub fn publish(&self, event: Event) {
        if let Event::SessionsEnded { person, .. } = event {
            self.sessions.forget(person);
        }
        if let Some(outbox) = &self.outbox
            && outbox.try_send(event.clone()).is_err()
        {
            tracing::warn!(
                ?event,
                "live update not sent to other instances: outbox full"
            );
        }
        let _ = self.local.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.local.subscribe()
    }

    pub fn sessions(&self) -> &SessionRegistry {
        &self.sessions
    }
}

/// What crosses between instances: the event's ids, and which instance sent it.
#[derive(Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Notice {
    from: u64,
    kind: Kind,
    tenant: i32,
    /// The advocate or recipient the event is addressed to.
    to: i32,
    id: i32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
enum Kind {
    CaseloadChanged,
    UrgentHelpRaised,
    ViewsShared,
    StaffSessionsEnded,
    ChildSessionsEnded,
    KeySessionsEnded,
}

impl Notice {
    fn of(event: &Event, from: u64) -> Self {
        let (kind, tenant, to, id) = match *event {
            Event::CaseloadChanged {
                tenant,
                advocate_id,
                case_id,
            } => (Kind::CaseloadChanged, tenant, advocate_id, case_id),
            Event::UrgentHelpRaised {
                tenant,
                advocate_id,
                urgent_help_id,
            } => (Kind::UrgentHelpRaised, tenant, advocate_id, urgent_help_id),
            Event::ViewsShared {
                tenant,
                recipient_id,
                views_id,
            } => (Kind::ViewsShared, tenant, recipient_id, views_id),
            Event::SessionsEnded { tenant, person } => match person {
                Person::Staff(id) => (Kind::StaffSessionsEnded, tenant, id, 0),
                Person::Child(id) => (Kind::ChildSessionsEnded, tenant, id, 0),
                Person::ApiKey(id) => (Kind::KeySessionsEnded, tenant, id, 0),
            },
        };
        Self {
            from,
            kind,
            tenant: tenant.0,
            to,
            id,
        }
    }

    fn event(&self) -> Event {
        let tenant = TenantId(self.tenant);
        match self.kind {
            Kind::CaseloadChanged => Event::CaseloadChanged {
                tenant,
                advocate_id: self.to,
                case_id: self.id,
            },
            Kind::UrgentHelpRaised => Event::UrgentHelpRaised {
                tenant,
                advocate_id: self.to,
                urgent_help_id: self.id,
            },
            Kind::ViewsShared => Event::ViewsShared {
                tenant,
                recipient_id: self.to,
                views_id: self.id,
            },
            Kind::StaffSessionsEnded => Event::SessionsEnded {
                tenant,
                person: Person::Staff(self.to),
            },
            Kind::ChildSessionsEnded => Event::SessionsEnded {
                tenant,
                person: Person::Child(self.to),
            },
            Kind::KeySessionsEnded => Event::SessionsEnded {
                tenant,
                person: Person::ApiKey(self.to),
            },
        }
    }
}

/// One at a time, in order: `NOTIFY` each published event to the other instances.
async fn send_to_others(
    pool: PgPool,
    instance: u64,
    mut pending: mpsc::Receiver<Event>,
    _stop_listening_when_done: oneshot::Sender<()>,
) {
    while let Some(event) = pending.recv().await {
        let payload = match serde_json::to_string(&Notice::of(&event, instance)) {
            Ok(payload) => payload,
            Err(error) => {
                tracing::error!(%error, "live update not encoded");
                continue;
            }
        };
        let sent = sea_orm::sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(payload)
            .execute(&pool)
            .await;
        if let Err(error) = sent {
            tracing::warn!(%error, ?event, "live update not sent to other instances");
        }
    }
}

/// Where what other instances publish goes on this one.
struct Heard {
    local: broadcast::Sender<Event>,
    sessions: SessionRegistry,
}

/// Hand what other instances published to this instance's subscribers. The listener reconnects by
/// itself after a lost connection (what was sent meanwhile is missed, as for a lagging subscriber;
/// sessions that ended meanwhile are caught by forgetting every remembered session).
async fn hear_others(
    mut listener: PgListener,
    instance: u64,
    here: Heard,
    mut stopped: oneshot::Receiver<()>,
) {
    loop {
        let heard = tokio::select! {
            _ = &mut stopped => return,
            heard = listener.recv() => heard,
        };
        match heard {
            Ok(notification) => match serde_json::from_str::<Notice>(notification.payload()) {
                Ok(notice) if notice.from != instance => {
                    let event = notice.event();
                    if let Event::SessionsEnded { person, .. } = event {
                        here.sessions.forget(person);
                    }
                    let _ = here.local.send(event);
                }
                Ok(_) => {}
                Err(error) => tracing::warn!(%error, "unreadable live update ignored"),
            },
            Err(error) => {
                here.sessions.forget_everyone();
                tracing::warn!(%error, "listening for live updates failed; retrying");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_notice_carries_ids_only_and_gives_back_the_same_event() {
        let events = [
            Event::CaseloadChanged {
                tenant: TenantId(1),
                advocate_id: 2,
                case_id: 3,
            },
            Event::UrgentHelpRaised {
                tenant: TenantId(4),
                advocate_id: 5,
                urgent_help_id: 6,
            },
            Event::ViewsShared {
                tenant: TenantId(7),
                recipient_id: 8,
                views_id: 9,
            },
            Event::SessionsEnded {
                tenant: TenantId(1),
                person: Person::Staff(2),
            },
            Event::SessionsEnded {
                tenant: TenantId(1),
                person: Person::Child(3),
            },
            Event::SessionsEnded {
                tenant: TenantId(1),
                person: Person::ApiKey(4),
            },
        ];
        for event in events {
            let wire = serde_json::to_string(&Notice::of(&event, 42)).unwrap();
            assert!(wire.len() < 100, "{wire}");
            let back: Notice = serde_json::from_str(&wire).unwrap();
            assert_eq!(back.from, 42);
            assert_eq!(back.event(), event);
        }
    }

    #[tokio::test]
    async fn without_postgres_events_stay_in_the_process() {
        let bus = EventBus::default();
        let mut receiver = bus.subscribe();
        let event = Event::UrgentHelpRaised {
            tenant: TenantId(1),
            advocate_id: 2,
            urgent_help_id: 3,
        };
        bus.publish(event.clone());
        assert_eq!(receiver.recv().await.unwrap(), event);
    }
}
