//! Whether a token's session is still current. Deactivating a member of staff or replacing a
//! child's code moves the person's session epoch on in the database, and tokens name the epoch
//! they were issued in: one from an earlier epoch is refused at once, on every instance.
//!
//! Reading the epoch on every request would add a statement to each (the caseload is one), so each
//! instance remembers the current epoch of people who made requests, for `REMEMBER_FOR` at most.
//! It forgets a person the moment it hears their sessions ended: `forget` is called by the events
//! bus, in-process and for what other instances publish over LISTEN/NOTIFY. The time limit bounds
//! how long a lost notification can matter (a PostgreSQL listener that reconnects forgets
//! everyone; see `events`).
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use entity::enums::StaffRole;
use entity::{child, staff_user};
use sea_orm::{ConnectionTrait, EntityTrait, QuerySelect};

use super::tokens::Verified;
use super::viewer::Viewer;
use crate::error::{ApiError, ApiResult};

/// How long an instance trusts what it read of a person's session without being told otherwise.
const REMEMBER_FOR: Duration = Duration::from_secs(30);
/// Beyond this many people remembered, start again (each costs one read to learn again).
const MAX_REMEMBERED: usize = 100_000;

/// Someone whose sessions can be ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Person {
    Staff(i32),
    Child(i32),
    /// An integrator's key: revoking it ends its open live sockets.
    ApiKey(i32),
}

/// A person's session as the database has it; a token must say exactly this.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Current {
    epoch: i32,
    tenant: i32,
    role: Option<StaffRole>,
}

#[derive(Default)]
struct Remembered {
    people: HashMap<Person, (Current, Instant)>,
    /// Moves on with every `forget`: a read that overlapped one is not remembered, since it may
    /// have seen the epoch from before.
    generation: u64,
}

/// What this instance remembers of current sessions. Cheap to clone (shared).
#[derive(Clone, Default)]
pub struct SessionRegistry {
    remembered: Arc<Mutex<Remembered>>,
}

impl SessionRegistry {
    fn lock(&self) -> MutexGuard<'_, Remembered> {
        // Nothing can be left half-done under this lock: a poisoned one is still consistent.
        self.remembered
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Ok when the token's session is the person's current one; UNAUTHENTICATED when the account
    /// is gone or deactivated, the epoch has moved on, or the role or authority no longer match.
    pub async fn check(&self, db: &impl ConnectionTrait, token: &Verified) -> ApiResult<()> {
        let (person, claimed) = match &token.viewer {
            Viewer::Staff(s) => (
                Person::Staff(s.id),
                Current {
                    epoch: token.epoch,
                    tenant: s.tenant.0,
                    role: Some(s.role),
                },
            ),
            Viewer::Child(c) => (
                Person::Child(c.child_id),
                Current {
                    epoch: token.epoch,
                    tenant: c.tenant.0,
                    role: None,
                },
            ),
            // Tokens name staff and children only; keys are checked by `api_keys`.
            Viewer::Anonymous | Viewer::Integrator(_) => return Err(ApiError::Unauthenticated),
        };
        let current = match self.recall(person) {
            Some(current) => Some(current),
            None => {
                let generation = self.lock().generation;
                let current = read(db, person).await?;
                if let Some(current) = current {
                    self.remember(person, current, generation);
                }
                current
            }
        };
        if current == Some(claimed) {
            Ok(())
        } else {
            Err(ApiError::Unauthenticated)
        }
    }

    /// The person's sessions ended (or may have): read them again next time.
    pub fn forget(&self, person: Person) {
        let mut remembered = self.lock();
        remembered.generation += 1;
        remembered.people.remove(&person);
    }

    /// Notifications may have been missed: read everyone again.
    pub fn forget_everyone(&self) {
        let mut remembered = self.lock();
        remembered.generation += 1;
        remembered.people.clear();
    }

    fn recall(&self, person: Person) -> Option<Current> {
        let remembered = self.lock();
        let (current, at) = remembered.people.get(&person)?;
        (at.elapsed() < REMEMBER_FOR).then_some(*current)
    }

    fn remember(&self, person: Person, current: Current, read_in: u64) {
        let mut remembered = self.lock();
        if remembered.generation != read_in {
            return;
        }
        if remembered.people.len() >= MAX_REMEMBERED {
            remembered.people.clear();
        }
        remembered.people.insert(person, (current, Instant::now()));
    }
}

/// One statement: the person's current session, if they may still have one.
async fn read(db: &impl ConnectionTrait, person: Person) -> ApiResult<Option<Current>> {
    Ok(match person {
        Person::Staff(id) => staff_user::Entity::find_by_id(id)
            .select_only()
            .columns([
                staff_user::Column::Active,
                staff_user::Column::SessionEpoch,
                staff_user::Column::LocalAuthorityId,
                staff_user::Column::Role,
            ])
            .into_tuple::<(bool, i32, i32, StaffRole)>()
            .one(db)
            .await?
            .filter(|(active, ..)| *active)
            .map(|(_, epoch, tenant, role)| Current {
                epoch,
                tenant,
                role: Some(role),
            }),
        Person::Child(id) => child::Entity::find_by_id(id)
            .select_only()
            .columns([child::Column::SessionEpoch, child::Column::LocalAuthorityId])
            .into_tuple::<(i32, i32)>()
            .one(db)
            .await?
            .map(|(epoch, tenant)| Current {
                epoch,
                tenant,
                role: None,
            }),
        Person::ApiKey(_) => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn current(epoch: i32) -> Current {
        Current {
            epoch,
            tenant: 1,
            role: None,
        }
    }

    #[test]
    fn a_read_that_overlapped_a_forget_is_not_remembered() {
        let registry = SessionRegistry::default();
        let person = Person::Child(7);
        let before = registry.lock().generation;
        registry.forget(person);
        registry.remember(person, current(0), before);
        assert_eq!(registry.recall(person), None, "may be the old epoch");
        let now = registry.lock().generation;
        registry.remember(person, current(1), now);
        assert_eq!(registry.recall(person), Some(current(1)));
        registry.forget(person);
        assert_eq!(registry.recall(person), None);
    }

    #[test]
    fn forgetting_everyone_forgets_everyone() {
        let registry = SessionRegistry::default();
        for id in 0..3 {
            let generation = registry.lock().generation;
            registry.remember(Person::Staff(id), current(0), generation);
        }
        registry.forget_everyone();
        assert!((0..3).all(|id| registry.recall(Person::Staff(id)).is_none()));
    }
}
