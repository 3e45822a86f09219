//! The audit trail: who did what to which record, when. Append-only: database triggers reject
//! UPDATE and DELETE on both engines.
use sea_orm::entity::prelude::*;

use crate::enums::ActorKind;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    pub actor_kind: ActorKind,
    /// The staff or child id, by `actor_kind`; not a foreign key, so the trail outlives the rows.
    pub actor_id: Option<i32>,
    /// Free text such as `views.read`.
    pub action: String,
    /// The table of the record acted on, e.g. `views`.
    pub subject_type: String,
    pub subject_id: Option<i32>,
    #[sea_orm(column_type = "JsonBinary", nullable)]
    pub detail: Option<Json>,
    pub occurred_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
