//! An admin sets how long one kind of record is kept in their authority.
use chrono::Utc;
use entity::retention_setting::{self, RetentionKind};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, Set, TransactionTrait};
use serde_json::json;

use super::retention::{MAX_DAYS, MIN_DAYS, periods};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::StaffViewer;
use crate::error::{ApiError, ApiResult};

/// A number of days an admin may set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Days(i32);

impl Days {
    pub fn parse(days: i32) -> ApiResult<Self> {
        if (MIN_DAYS..=MAX_DAYS).contains(&days) {
            Ok(Self(days))
        } else {
            Err(ApiError::bad_input(
                "days",
                format!("Choose between {MIN_DAYS} and {MAX_DAYS} days."),
            ))
        }
    }

    pub fn get(self) -> i32 {
        self.0
    }
}

/// Set (or set again) the period; the audit keeps the old and the new number.
pub async fn set_period(
    db: &DatabaseConnection,
    admin: &StaffViewer,
    kind: RetentionKind,
    days: Days,
) -> ApiResult<i32> {
    let txn = db.begin().await?;
    let before = periods(&txn, admin.tenant)
        .await?
        .into_iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, d)| d);
    let now = Utc::now();
    retention_setting::Entity::insert(retention_setting::ActiveModel {
        local_authority_id: Set(admin.tenant.0),
        kind: Set(kind),
        days: Set(days.get()),
        updated_by: Set(Some(admin.id)),
        updated_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    })
    .on_conflict(
        OnConflict::columns([
            retention_setting::Column::LocalAuthorityId,
            retention_setting::Column::Kind,
        ])
        .update_columns([
            retention_setting::Column::Days,
            retention_setting::Column::UpdatedBy,
            retention_setting::Column::UpdatedAt,
        ])
        .to_owned(),
    )
    .exec(&txn)
    .await?;
    let row = retention_setting::Entity::find()
        .filter(retention_setting::Column::LocalAuthorityId.eq(admin.tenant.0))
        .filter(retention_setting::Column::Kind.eq(kind))
        .one(&txn)
        .await?
        .ok_or_else(|| ApiError::Internal("retention setting vanished".into()))?;
    audit::record(
        &txn,
        admin.tenant,
        (entity::enums::ActorKind::Staff, Some(admin.id)),
        AuditAction::RetentionPeriodSet,
        Subject::new("retention_setting", row.id),
        Some(json!({ "kind": kind, "from_days": before, "to_days": days.get() })),
    )
    .await?;
    txn.commit().await?;
    Ok(row.days)
}
