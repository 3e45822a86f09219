//! How long each kind of record is kept, and what is due to go on a given day.
//!
//! A child's records are counted from the day their last piece of advocacy closed. A child with
//! open work (a case not closed, a referral not yet decided or not yet allocated) or a meeting still
//! to come is never due, however old the records are. A child with no case at all is counted from
//! the later of when the child was added and their last referral. Audit events and sign-in records
//! are counted from when they happened (or, for sessions and links, when they stopped working).
//! Periods are whole days: a record counted from day D with a period of N days goes on day D + N,
//! never the day before.
use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use entity::enums::{CaseStatus, MeetingStatus, ReferralStatus};
use entity::retention_setting::{self, RetentionKind};
use entity::{advocacy_case, child, legal_hold, meeting, meeting_child, referral};
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, Iterable, JoinType, QueryFilter,
    QuerySelect, RelationTrait,
};

use crate::auth::TenantId;

/// Every kind, in the order the job removes them (what points at views before the views).
pub fn kinds() -> Vec<RetentionKind> {
    RetentionKind::iter().collect()
}

/// The default period of each kind, in days, when an admin has not set one. The README's "Data
/// protection" section states the same numbers and why (the readme test keeps them in step).
pub fn default_days(kind: RetentionKind) -> i32 {
    match kind {
        // Six years after the work ends: the Limitation Act 1980's six years for a claim, and
        // common practice of UK advocacy services.
        RetentionKind::Views
        | RetentionKind::SharesAndReads
        | RetentionKind::AdvocateNotes
        | RetentionKind::Outcomes
        | RetentionKind::ChildRecord => 6 * 365,
        // A year longer than the records it explains.
        RetentionKind::AuditEvents => 7 * 365,
        // Long enough to look into a suspicious sign-in, no longer.
        RetentionKind::SignInRecords => 90,
    }
}

/// What a period is counted from, in words for admins.
pub fn counted_from(kind: RetentionKind) -> &'static str {
    match kind {
        RetentionKind::AuditEvents => "when the event happened",
        RetentionKind::SignInRecords => "when the session or link stopped working",
        _ => "the day the child's last piece of advocacy closed",
    }
}

/// Fewest and most days an admin may set.
pub const MIN_DAYS: i32 = 1;
pub const MAX_DAYS: i32 = 36_500;

/// The authority's period for each kind in the job's order, defaults filled in.
pub async fn periods(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
) -> Result<Vec<(RetentionKind, i32)>, DbErr> {
    let set: HashMap<RetentionKind, i32> = retention_setting::Entity::find()
        .filter(retention_setting::Column::LocalAuthorityId.eq(tenant.0))
        .all(conn)
        .await?
        .into_iter()
        .map(|row| (row.kind, row.days))
        .collect();
    Ok(kinds()
        .into_iter()
        .map(|kind| (kind, set.get(&kind).copied().unwrap_or(default_days(kind))))
        .collect())
}

/// The first moment of `today - days + 1`: whatever happened before it has been kept `days` days
/// by the end of yesterday, so goes today.
pub fn cutoff(today: NaiveDate, days: i32) -> DateTime<Utc> {
    (today - Duration::days(i64::from(days) - 1))
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// The children of the authority, each with the day their records are counted from; children
/// with open work or a meeting to come are left out, and so are children under a legal hold
/// (returned apart, so the job can say how many it left alone).
pub struct Counting {
    pub from: Vec<(i32, NaiveDate)>,
    pub held: Vec<i32>,
}

pub async fn counting(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    now: DateTime<Utc>,
) -> Result<Counting, DbErr> {
    let children: Vec<(i32, DateTime<Utc>)> = child::Entity::find()
        .select_only()
        .columns([child::Column::Id, child::Column::CreatedAt])
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .into_tuple()
        .all(conn)
        .await?;
    let cases: Vec<(i32, i32, CaseStatus, Option<DateTime<Utc>>)> = advocacy_case::Entity::find()
        .select_only()
        .columns([
            advocacy_case::Column::ChildId,
            advocacy_case::Column::ReferralId,
            advocacy_case::Column::Status,
            advocacy_case::Column::ClosedAt,
        ])
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .into_tuple()
        .all(conn)
        .await?;
    let referrals: Vec<(i32, Option<i32>, ReferralStatus, DateTime<Utc>)> =
        referral::Entity::find()
            .select_only()
            .columns([
                referral::Column::Id,
                referral::Column::ChildId,
                referral::Column::Status,
                referral::Column::ReceivedAt,
            ])
            .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
            .filter(referral::Column::ChildId.is_not_null())
            .into_tuple()
            .all(conn)
            .await?;
    let to_come: Vec<i32> = meeting_child::Entity::find()
        .select_only()
        .column(meeting_child::Column::ChildId)
        .join(JoinType::InnerJoin, meeting_child::Relation::Meeting.def())
        .filter(meeting_child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting::Column::Status.eq(MeetingStatus::Scheduled))
        .filter(
            Condition::any()
                .add(meeting::Column::ScheduledAt.is_null())
                .add(meeting::Column::ScheduledAt.gt(now)),
        )
        .into_tuple()
        .all(conn)
        .await?;
    let held: HashSet<i32> = legal_hold::Entity::find()
        .select_only()
        .column(legal_hold::Column::ChildId)
        .filter(legal_hold::Column::LocalAuthorityId.eq(tenant.0))
        .filter(legal_hold::Column::LiftedAt.is_null())
        .into_tuple::<i32>()
        .all(conn)
        .await?
        .into_iter()
        .collect();

    let mut open: HashSet<i32> = to_come.into_iter().collect();
    let mut closed_on: HashMap<i32, DateTime<Utc>> = HashMap::new();
    let allocated: HashSet<i32> = cases.iter().map(|c| c.1).collect();
    for (child_id, _, status, closed_at) in &cases {
        match (status, closed_at) {
            (CaseStatus::Closed, Some(at)) => {
                let latest = closed_on.entry(*child_id).or_insert(*at);
                *latest = (*latest).max(*at);
            }
            _ => {
                open.insert(*child_id);
            }
        }
    }
    let mut referred_on: HashMap<i32, DateTime<Utc>> = HashMap::new();
    for (id, child_id, status, received_at) in &referrals {
        let Some(child_id) = child_id else { continue };
        let waiting = matches!(
            status,
            ReferralStatus::Received | ReferralStatus::PendingConsent
        ) || (*status == ReferralStatus::Accepted && !allocated.contains(id));
        if waiting {
            open.insert(*child_id);
        }
        let latest = referred_on.entry(*child_id).or_insert(*received_at);
        *latest = (*latest).max(*received_at);
    }
    let mut from = Vec::new();
    let mut held_out = Vec::new();
    for (id, created_at) in children {
        if open.contains(&id) {
            continue;
        }
        if held.contains(&id) {
            held_out.push(id);
            continue;
        }
        let since = match closed_on.get(&id) {
            Some(closed) => *closed,
            None => referred_on
                .get(&id)
                .map_or(created_at, |r| (*r).max(created_at)),
        };
        from.push((id, since.date_naive()));
    }
    Ok(Counting {
        from,
        held: held_out,
    })
}

/// The children whose records of a kind kept `days` days are due on `today`.
pub fn due(counting: &Counting, today: NaiveDate, days: i32) -> Vec<i32> {
    counting
        .from
        .iter()
        .filter(|(_, from)| *from + Duration::days(i64::from(days)) <= today)
        .map(|(id, _)| *id)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("date")
    }

    #[test]
    fn a_record_goes_on_its_day_and_not_the_day_before() {
        let counting = Counting {
            from: vec![(1, day("2027-01-01")), (2, day("2027-01-02"))],
            held: vec![],
        };
        assert_eq!(due(&counting, day("2027-01-30"), 30), Vec::<i32>::new());
        assert_eq!(due(&counting, day("2027-01-31"), 30), vec![1]);
        assert_eq!(due(&counting, day("2027-02-01"), 30), vec![1, 2]);
    }

    #[test]
    fn the_cutoff_keeps_what_happened_within_the_period() {
        // Kept 30 days: an event on 1 January goes on 31 January, not on the 30th.
        let event = day("2027-01-01")
            .and_hms_opt(23, 59, 0)
            .expect("time")
            .and_utc();
        assert!(event >= cutoff(day("2027-01-30"), 30));
        assert!(event < cutoff(day("2027-01-31"), 30));
    }

    #[test]
    fn defaults_are_within_what_an_admin_may_set() {
        for kind in kinds() {
            assert!((MIN_DAYS..=MAX_DAYS).contains(&default_days(kind)));
        }
    }
}
