//! A partner agency (police, health, school…) that must receive conference outcomes.
use sea_orm::entity::prelude::*;

use crate::enums::AgencyKind;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agency")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    /// Unique within the local authority.
    pub name: String,
    pub kind: AgencyKind,
    pub contact_email: Option<String>,
    pub created_at: DateTimeUtc,
    #[sea_orm(belongs_to, from = "local_authority_id", to = "id")]
    pub local_authority: BelongsTo<super::local_authority::Entity>,
}

impl ActiveModelBehavior for ActiveModel {}
