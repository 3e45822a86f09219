//! The child's own words, one item per thing they said.
use sea_orm::FromJsonQueryResult;
use serde::{Deserialize, Serialize};

/// A list of the child's exact words (a "house" in Three Houses: worries, good things, hopes).
/// Stored as a JSON array of strings: `jsonb` on PostgreSQL, JSON text on SQLite.
#[derive(
    Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, FromJsonQueryResult,
)]
pub struct ViewItems(pub Vec<String>);
