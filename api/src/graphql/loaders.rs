//! Batched loading: every relation a list resolves goes through here, so a list of any length costs
//! a constant number of SQL statements. One loader per request (never shared between viewers).
use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::{DataLoader, Loader};
use sea_orm::{ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter};

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
