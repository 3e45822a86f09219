//! Batched loading: every relation a list resolves goes through here, so a list of any length costs
//! a constant number of SQL statements. One loader per request (never shared between viewers).
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, QuerySelect};

pub struct DbLoader {
    db: DatabaseConnection,
}

pub type Loaders = DataLoader<DbLoader>;

pub fn per_request(db: DatabaseConnection) -> Loaders {
    DataLoader::new(DbLoader { db }, tokio::spawn)
}

/// A key type per table, so one loader serves them all with one `IN (…)` query each.
macro_rules! by_id {
    ($key:ident, $module:ident) => {
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $key(pub i32);

        impl Loader<$key> for DbLoader {
            type Value = entity::$module::Model;
            type Error = Arc<DbErr>;

            async fn load(&self, keys: &[$key]) -> Result<HashMap<$key, Self::Value>, Self::Error> {
                let rows = entity::$module::Entity::find()
                    .filter(entity::$module::Column::Id.is_in(keys.iter().map(|k| k.0)))
                    .all(&self.db)
                    .await
                    .map_err(Arc::new)?;
                Ok(rows.into_iter().map(|row| ($key(row.id), row)).collect())
            }
        }
    };
}

by_id!(AgencyKey, agency);
by_id!(CaseKey, advocacy_case);
by_id!(ChildKey, child);
by_id!(MeetingKey, meeting);
by_id!(ReferralKey, referral);
by_id!(StaffKey, staff_user);

/// The agencies invited to a meeting, by meeting id: their ids, for `AgencyKey` (one statement for
/// any number of meetings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MeetingAgenciesKey(pub i32);

impl Loader<MeetingAgenciesKey> for DbLoader {
    type Value = Vec<i32>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[MeetingAgenciesKey],
    ) -> Result<HashMap<MeetingAgenciesKey, Self::Value>, Self::Error> {
        use entity::meeting_agency;
        let links = meeting_agency::Entity::find()
            .filter(meeting_agency::Column::MeetingId.is_in(keys.iter().map(|k| k.0)))
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        let mut out: HashMap<MeetingAgenciesKey, Self::Value> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for link in links {
            if let Some(list) = out.get_mut(&MeetingAgenciesKey(link.meeting_id)) {
                list.push(link.agency_id);
            }
        }
        Ok(out)
    }
}

/// The children a meeting is about, by meeting id (two statements for any number of meetings).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct MeetingChildrenKey(pub i32);

impl Loader<MeetingChildrenKey> for DbLoader {
    type Value = Vec<entity::child::Model>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[MeetingChildrenKey],
    ) -> Result<HashMap<MeetingChildrenKey, Self::Value>, Self::Error> {
        use entity::{child, meeting_child};
        let links = meeting_child::Entity::find()
            .filter(meeting_child::Column::MeetingId.is_in(keys.iter().map(|k| k.0)))
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        let children: HashMap<i32, child::Model> = child::Entity::find()
            .filter(child::Column::Id.is_in(links.iter().map(|l| l.child_id)))
            .all(&self.db)
            .await
            .map_err(Arc::new)?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let mut out: HashMap<MeetingChildrenKey, Self::Value> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for link in links {
            if let (Some(list), Some(child)) = (
                out.get_mut(&MeetingChildrenKey(link.meeting_id)),
                children.get(&link.child_id),
            ) {
                list.push(child.clone());
            }
        }
        for list in out.values_mut() {
            list.sort_by(|a, b| a.preferred_name.cmp(&b.preferred_name));
        }
        Ok(out)
    }
}

/// A child's meetings, by child id, soonest first (two statements for any number of children).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ChildMeetingsKey(pub i32);

impl Loader<ChildMeetingsKey> for DbLoader {
    type Value = Vec<entity::meeting::Model>;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[ChildMeetingsKey],
    ) -> Result<HashMap<ChildMeetingsKey, Self::Value>, Self::Error> {
        use entity::{meeting, meeting_child};
        let links = meeting_child::Entity::find()
            .filter(meeting_child::Column::ChildId.is_in(keys.iter().map(|k| k.0)))
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        let meetings: HashMap<i32, meeting::Model> = meeting::Entity::find()
            .filter(meeting::Column::Id.is_in(links.iter().map(|l| l.meeting_id)))
            .all(&self.db)
            .await
            .map_err(Arc::new)?
            .into_iter()
            .map(|m| (m.id, m))
            .collect();
        let mut out: HashMap<ChildMeetingsKey, Self::Value> =
            keys.iter().map(|k| (*k, Vec::new())).collect();
        for link in links {
            if let (Some(list), Some(meeting)) = (
                out.get_mut(&ChildMeetingsKey(link.child_id)),
                meetings.get(&link.meeting_id),
            ) {
                list.push(meeting.clone());
            }
        }
        for list in out.values_mut() {
            // Soonest first; meetings with no time (advice, complaints) last.
            list.sort_by_key(|m| (m.scheduled_at.is_none(), m.scheduled_at, m.id));
        }
        Ok(out)
    }
}

/// Where a child's views for one meeting are (at most one row per child and meeting), for the
/// caseload: the status only, never the child's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ViewsForMeetingKey {
    pub child_id: i32,
    pub meeting_id: i32,
}

impl Loader<ViewsForMeetingKey> for DbLoader {
    type Value = entity::enums::ViewsStatus;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[ViewsForMeetingKey],
    ) -> Result<HashMap<ViewsForMeetingKey, Self::Value>, Self::Error> {
        use entity::views;
        let (children, wanted) = by_child(keys.iter().copied());
        // By child alone: the (child, meeting) index answers one lookup per child, where adding
        // `meeting_id IN (…)` makes SQLite probe every child × meeting pair. A child has a few
        // views; the pairs nobody asked for are dropped below.
        let rows: Vec<(i32, i32, entity::enums::ViewsStatus)> = views::Entity::find()
            .select_only()
            .columns([
                views::Column::ChildId,
                views::Column::MeetingId,
                views::Column::Status,
            ])
            .filter(views::Column::ChildId.is_in(children))
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        Ok(rows
            .into_iter()
            .map(|(child_id, meeting_id, status)| {
                let key = ViewsForMeetingKey {
                    child_id,
                    meeting_id,
                };
                (key, status)
            })
            .filter(|(key, _)| wanted.contains(key))
            .collect())
    }
}

/// The children asked about, and the (child, meeting) pairs asked for.
fn by_child(
    keys: impl Iterator<Item = ViewsForMeetingKey>,
) -> (HashSet<i32>, HashSet<ViewsForMeetingKey>) {
    let wanted: HashSet<ViewsForMeetingKey> = keys.collect();
    (wanted.iter().map(|k| k.child_id).collect(), wanted)
}

/// A child's own views for one of their meetings, words and all: only for the child's own
/// reads (`MyMeeting.myViews`), by the same lookup as `ViewsForMeetingKey`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OwnViewsKey(pub ViewsForMeetingKey);

impl Loader<OwnViewsKey> for DbLoader {
    type Value = entity::views::Model;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[OwnViewsKey],
    ) -> Result<HashMap<OwnViewsKey, Self::Value>, Self::Error> {
        use entity::views;
        let (children, wanted) = by_child(keys.iter().map(|k| k.0));
        let rows = views::Entity::find()
            .filter(views::Column::ChildId.is_in(children))
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let key = ViewsForMeetingKey {
                    child_id: row.child_id,
                    meeting_id: row.meeting_id,
                };
                (OwnViewsKey(key), row)
            })
            .filter(|(key, _)| wanted.contains(&key.0))
            .collect())
    }
}

/// How many requests for help now a child has made that nobody has acknowledged yet (absent: none).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct OpenUrgentHelpKey(pub i32);

impl Loader<OpenUrgentHelpKey> for DbLoader {
    type Value = u32;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[OpenUrgentHelpKey],
    ) -> Result<HashMap<OpenUrgentHelpKey, Self::Value>, Self::Error> {
        use entity::urgent_help;
        let rows = urgent_help::Entity::find()
            .filter(urgent_help::Column::ChildId.is_in(keys.iter().map(|k| k.0)))
            .filter(urgent_help::Column::AcknowledgedAt.is_null())
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        let mut out: HashMap<OpenUrgentHelpKey, u32> = HashMap::new();
        for row in rows {
            *out.entry(OpenUrgentHelpKey(row.child_id)).or_default() += 1;
        }
        Ok(out)
    }
}

/// The case opened for a referral, if an advocate is allocated (one case per referral at most).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct CaseByReferralKey(pub i32);

impl Loader<CaseByReferralKey> for DbLoader {
    type Value = entity::advocacy_case::Model;
    type Error = Arc<DbErr>;

    async fn load(
        &self,
        keys: &[CaseByReferralKey],
    ) -> Result<HashMap<CaseByReferralKey, Self::Value>, Self::Error> {
        use entity::advocacy_case;
        let rows = advocacy_case::Entity::find()
            .filter(advocacy_case::Column::ReferralId.is_in(keys.iter().map(|k| k.0)))
            .all(&self.db)
            .await
            .map_err(Arc::new)?;
        Ok(rows
            .into_iter()
            .map(|c| (CaseByReferralKey(c.referral_id), c))
            .collect())
    }
}
