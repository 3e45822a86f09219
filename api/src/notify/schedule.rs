//! Notices that come from time passing: urgent help nobody acknowledged, and outcomes an agency
//! has not acknowledged. Each is marked in the same transaction as its notices, with a conditional
//! update, so with several instances exactly one of them sends it.
use chrono::{DateTime, Datelike, Duration, Utc, Weekday};
use entity::{outcome_distribution as dist, urgent_help};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect, Set};

use super::{Notice, NotifySettings, enqueue};
use crate::auth::TenantId;
use crate::error::ApiResult;

const BATCH: u64 = 50;

pub async fn run(
    db: &DatabaseConnection,
    settings: &NotifySettings,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    escalate_urgent_help(db, now - settings.escalate_after, now).await?;
    chase_outcomes(
        db,
        working_days_before(now, settings.chase_after_working_days),
        now,
    )
    .await
}

/// Requests for help raised before `cutoff` and still not acknowledged go to the duty contacts and
/// coordinators.
async fn escalate_urgent_help(
    db: &DatabaseConnection,
    cutoff: DateTime<Utc>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let waiting = urgent_help::Entity::find()
        .filter(urgent_help::Column::AcknowledgedAt.is_null())
        .filter(urgent_help::Column::EscalatedAt.is_null())
        .filter(urgent_help::Column::RaisedAt.lte(cutoff))
        .limit(BATCH)
        .all(db)
        .await?;
    for help in waiting {
        escalate(db, &help, now).await?;
    }
    Ok(())
}

/// Mark one request escalated and tell the duty contacts and coordinators, unless another instance
/// (or the advocate's acknowledgement) got there first.
pub async fn escalate(
    db: &DatabaseConnection,
    help: &urgent_help::Model,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let txn = crate::db::begin_write(db).await?;
    let marked = urgent_help::Entity::update_many()
        .set(urgent_help::ActiveModel {
            escalated_at: Set(Some(now)),
            ..Default::default()
        })
        .filter(urgent_help::Column::Id.eq(help.id))
        .filter(urgent_help::Column::AcknowledgedAt.is_null())
        .filter(urgent_help::Column::EscalatedAt.is_null())
        .exec(&txn)
        .await?;
    if marked.rows_affected == 1 {
        enqueue(
            &txn,
            TenantId(help.local_authority_id),
            Notice::UrgentHelpEscalated { help_id: help.id },
            now,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(())
}

/// Outcomes sent before `cutoff` and not acknowledged: the agency is reminded, once.
async fn chase_outcomes(
    db: &DatabaseConnection,
    cutoff: DateTime<Utc>,
    now: DateTime<Utc>,
) -> ApiResult<()> {
    let waiting = dist::Entity::find()
        .filter(dist::Column::AcknowledgedAt.is_null())
        .filter(dist::Column::ChasedAt.is_null())
        .filter(dist::Column::SentAt.lte(cutoff))
        .limit(BATCH)
        .all(db)
        .await?;
    for row in waiting {
        let txn = crate::db::begin_write(db).await?;
        let marked = dist::Entity::update_many()
            .set(dist::ActiveModel {
                chased_at: Set(Some(now)),
                ..Default::default()
            })
            .filter(dist::Column::Id.eq(row.id))
            .filter(dist::Column::AcknowledgedAt.is_null())
            .filter(dist::Column::ChasedAt.is_null())
            .exec(&txn)
            .await?;
        if marked.rows_affected == 1 {
            let notice = Notice::OutcomeChase {
                distribution_id: row.id,
                agency_id: row.agency_id,
            };
            enqueue(&txn, TenantId(row.local_authority_id), notice, now).await?;
        }
        txn.commit().await?;
    }
    Ok(())
}

/// The moment `days` working days (Monday to Friday) before `now`.
pub fn working_days_before(now: DateTime<Utc>, days: u32) -> DateTime<Utc> {
    let mut at = now;
    let mut left = days;
    while left > 0 {
        at -= Duration::days(1);
        if !matches!(at.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn working_days_skip_weekends() {
        // Tuesday 8 December 2026, 10:00: three working days back is Thursday 3 December.
        let tuesday = Utc.with_ymd_and_hms(2026, 12, 8, 10, 0, 0).unwrap();
        assert_eq!(
            working_days_before(tuesday, 3),
            Utc.with_ymd_and_hms(2026, 12, 3, 10, 0, 0).unwrap()
        );
        // Monday back one working day is the Friday before.
        let monday = Utc.with_ymd_and_hms(2026, 12, 7, 9, 0, 0).unwrap();
        assert_eq!(
            working_days_before(monday, 1),
            Utc.with_ymd_and_hms(2026, 12, 4, 9, 0, 0).unwrap()
        );
        assert_eq!(working_days_before(monday, 0), monday);
    }
}
