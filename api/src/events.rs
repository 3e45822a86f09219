//! Things that happened, for live updates (GraphQL subscriptions). Published after the transaction
//! commits; a subscriber filters to what its viewer may see.
use tokio::sync::broadcast;

use crate::auth::TenantId;

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
}

#[derive(Clone)]
pub struct EventBus(broadcast::Sender<Event>);

impl Default for EventBus {
    fn default() -> Self {
        Self(broadcast::channel(1024).0)
    }
}

impl EventBus {
    /// Nobody listening is fine: the change is in the database, and pages show it on reload.
    pub fn publish(&self, event: Event) {
        let _ = self.0.send(event);
    }

    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.0.subscribe()
    }
}
