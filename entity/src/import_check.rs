//! A dry run of an import, kept for a day with the files it checked (see the migration).
use sea_orm::entity::prelude::*;

#[sea_orm::model]
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "import_check")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub local_authority_id: i32,
    /// The admin who checked: the only one who may read it or import its files.
    pub staff_id: i32,
    #[sea_orm(unique, column_type = "Text")]
    pub token: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub staff_csv: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub children_csv: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub meetings_csv: Option<String>,
    /// Counts and problems, as JSON text.
    #[sea_orm(column_type = "Text")]
    pub report: String,
    pub expires_at: DateTimeUtc,
    pub created_at: DateTimeUtc,
}

impl ActiveModelBehavior for ActiveModel {}
