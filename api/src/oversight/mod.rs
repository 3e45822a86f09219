//! Oversight: how well the service works, per month and kind of meeting, for the coordinator and the
//! admin (the audit found sparse and late referrals, and outcomes that never reached agencies).
//! A fixed number of statements whatever the period's size; the measures themselves are in `measures`.
pub mod graphql;
pub mod measures;

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::{AttendanceChoice, MeetingKind, MeetingStatus};
use entity::{meeting, outcome_distribution as dist, referral, views, views_share};
use sea_orm::sea_query::{ExprTrait, Query, SelectStatement};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, Iterable, QueryFilter, QuerySelect};

use self::measures::{ViewsFacts, counts_as_happened, heard, median, month_of, percent};
use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::meetings::DateRange;
use crate::referrals::completeness;

/// Two years at most: enough for a trend, bounded for the server.
pub const MAX_PERIOD_DAYS: i64 = 731;

/// The days measured, both included.
#[derive(Debug, Clone, Copy)]
pub struct Period(DateRange);

impl Period {
    pub fn parse(from: NaiveDate, to: NaiveDate) -> ApiResult<Self> {
        let range = DateRange::parse(Some(from), Some(to))?;
        if (to - from).num_days() > MAX_PERIOD_DAYS {
            return Err(ApiError::bad_input(
                "to",
                "The period can be at most two years long.",
            ));
        }
        Ok(Self(range))
    }

    fn bounds(self) -> (DateTime<Utc>, DateTime<Utc>) {
        let (start, end) = self.0.bounds();
        (start.unwrap_or_default(), end.unwrap_or_default())
    }
}

/// The measures for one month and kind of meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub month: String,
    /// None for referrals not linked to a meeting yet (self-referrals).
    pub kind: Option<MeetingKind>,
    pub referrals_total: usize,
    pub referrals_complete_percent: Option<f64>,
    pub median_lead_time_working_days: Option<f64>,
    pub children_heard_percent: Option<f64>,
    pub outcomes_acknowledged_by_all_percent: Option<f64>,
    pub points_answered_percent: Option<f64>,
}

#[derive(Default)]
struct Tally {
    referrals: usize,
    complete: usize,
    lead_times: Vec<i64>,
    happened: usize,
    heard: usize,
    distributed: usize,
    acknowledged_by_all: usize,
    points: usize,
    points_answered: usize,
}

type Key = (String, Option<usize>);

/// How the rows are split: per kind of meeting, or one row per month for all kinds together.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    ByKind,
    AllKinds,
}

/// Views id, meeting id, attendance choice, submitted at.
type ViewsRow = (i32, i32, Option<AttendanceChoice>, Option<DateTime<Utc>>);

fn key(grouping: Grouping, month: String, kind: Option<MeetingKind>) -> Key {
    let kind = match grouping {
        Grouping::ByKind => kind.and_then(|k| MeetingKind::iter().position(|x| x == k)),
        Grouping::AllKinds => None,
    };
    (month, kind)
}

pub async fn metrics(
    db: &impl ConnectionTrait,
    tenant: TenantId,
    period: Period,
    grouping: Grouping,
    now: DateTime<Utc>,
) -> ApiResult<Vec<Row>> {
    let mut tallies: BTreeMap<Key, Tally> = BTreeMap::new();
    tally_referrals(db, tenant, period, grouping, &mut tallies).await?;
    tally_meetings(db, tenant, period, grouping, now, &mut tallies).await?;
    Ok(tallies
        .into_iter()
        .map(|((month, kind), t)| Row {
            month,
            kind: kind.and_then(|i| MeetingKind::iter().nth(i)),
            referrals_total: t.referrals,
            referrals_complete_percent: percent(t.complete, t.referrals),
            median_lead_time_working_days: median(t.lead_times),
            children_heard_percent: percent(t.heard, t.happened),
            outcomes_acknowledged_by_all_percent: percent(t.acknowledged_by_all, t.distributed),
            points_answered_percent: percent(t.points_answered, t.points),
        })
        .collect())
}

/// Referrals received in the period, by the month received and their meeting's kind.
async fn tally_referrals(
    db: &impl ConnectionTrait,
    tenant: TenantId,
    period: Period,
    grouping: Grouping,
    tallies: &mut BTreeMap<Key, Tally>,
) -> ApiResult<()> {
    let (start, end) = period.bounds();
    let in_period = referral::Column::LocalAuthorityId
        .eq(tenant.0)
        .and(referral::Column::ReceivedAt.gte(start))
        .and(referral::Column::ReceivedAt.lt(end));
    let referrals = referral::Entity::find()
        .filter(in_period.clone())
        .all(db)
        .await?;
    let linked: SelectStatement = Query::select()
        .column(referral::Column::MeetingId)
        .from(referral::Entity)
        .cond_where(in_period)
        .to_owned();
    let meetings: HashMap<i32, meeting::Model> = meeting::Entity::find()
        .filter(meeting::Column::Id.in_subquery(linked))
        .all(db)
        .await?
        .into_iter()
        .map(|m| (m.id, m))
        .collect();
    for r in &referrals {
        let m = r.meeting_id.and_then(|id| meetings.get(&id));
        let t = tallies
            .entry(key(grouping, month_of(r.received_at), m.map(|m| m.kind)))
            .or_default();
        t.referrals += 1;
        if completeness::assess(r, m).missing.is_empty() {
            t.complete += 1;
        }
        if let Some(at) = m.and_then(|m| m.scheduled_at) {
            t.lead_times.push(measures::working_days_between(
                r.received_at.date_naive(),
                at.date_naive(),
            ));
        }
    }
    Ok(())
}

/// Meetings in the period, by their month and kind: were the children heard, did every agency
/// acknowledge the outcome.
async fn tally_meetings(
    db: &impl ConnectionTrait,
    tenant: TenantId,
    period: Period,
    grouping: Grouping,
    now: DateTime<Utc>,
    tallies: &mut BTreeMap<Key, Tally>,
) -> ApiResult<()> {
    let (start, end) = period.bounds();
    let in_period = meeting::Column::LocalAuthorityId
        .eq(tenant.0)
        .and(meeting::Column::ScheduledAt.gte(start))
        .and(meeting::Column::ScheduledAt.lt(end));
    let meetings = meeting::Entity::find()
        .filter(in_period.clone())
        .all(db)
        .await?;
    let meeting_ids = || {
        Query::select()
            .column(meeting::Column::Id)
            .from(meeting::Entity)
            .cond_where(in_period.clone())
            .to_owned()
    };
    // Only what the measure needs of the views: never their content.
    let views_rows: Vec<ViewsRow> = views::Entity::find()
        .select_only()
        .column(views::Column::Id)
        .column(views::Column::MeetingId)
        .column(views::Column::Attendance)
        .column(views::Column::SubmittedAt)
        .filter(views::Column::MeetingId.in_subquery(meeting_ids()))
        .into_tuple()
        .all(db)
        .await?;
    let views_ids = Query::select()
        .column(views::Column::Id)
        .from(views::Entity)
        .and_where(views::Column::MeetingId.in_subquery(meeting_ids()))
        .to_owned();
    let shares: Vec<(i32, DateTime<Utc>)> = views_share::Entity::find()
        .select_only()
        .column(views_share::Column::ViewsId)
        .column(views_share::Column::SharedAt)
        .filter(views_share::Column::ViewsId.in_subquery(views_ids))
        .into_tuple()
        .all(db)
        .await?;
    let distributions: Vec<(i32, Option<DateTime<Utc>>)> = dist::Entity::find()
        .select_only()
        .column(dist::Column::MeetingId)
        .column(dist::Column::AcknowledgedAt)
        .filter(dist::Column::MeetingId.in_subquery(meeting_ids()))
        .into_tuple()
        .all(db)
        .await?;

    // The points children made to the chairs of recorded meetings, and how many were answered.
    let recorded: Vec<(i32, Option<i32>)> = meetings
        .iter()
        .filter(|m| m.status == MeetingStatus::Held && m.recorded_at.is_some())
        .map(|m| (m.id, m.chair_id))
        .collect();
    let chair_points = crate::answers::points::shared_with_chairs(db, &recorded).await?;
    let answers =
        crate::answers::points::answers_of(db, chair_points.iter().map(|s| s.views.id)).await?;
    // Per meeting: (points, answered).
    let mut points_of: HashMap<i32, (usize, usize)> = HashMap::new();
    for shared in &chair_points {
        let entry = points_of.entry(shared.views.meeting_id).or_default();
        entry.0 += shared.points.len();
        entry.1 += shared
            .points
            .iter()
            .filter(|p| crate::answers::points::answer_to(&answers, shared.views.id, p).is_some())
            .count();
    }

    let mut shared: HashMap<i32, Vec<DateTime<Utc>>> = HashMap::new();
    for (views_id, at) in shares {
        shared.entry(views_id).or_default().push(at);
    }
    let mut views_of: HashMap<i32, Vec<ViewsFacts>> = HashMap::new();
    for (id, meeting_id, attendance, submitted_at) in views_rows {
        views_of.entry(meeting_id).or_default().push(ViewsFacts {
            attendance,
            submitted_at,
            shared_at: shared.remove(&id).unwrap_or_default(),
        });
    }
    // Per meeting: (how many sent, how many acknowledged).
    let mut sent: HashMap<i32, (usize, usize)> = HashMap::new();
    for (meeting_id, acknowledged_at) in distributions {
        let entry = sent.entry(meeting_id).or_default();
        entry.0 += 1;
        entry.1 += usize::from(acknowledged_at.is_some());
    }

    for m in &meetings {
        let Some(at) = m.scheduled_at else { continue };
        let t = tallies
            .entry(key(grouping, month_of(at), Some(m.kind)))
            .or_default();
        if counts_as_happened(m.status, at, now) {
            t.happened += 1;
            if heard(views_of.get(&m.id).map_or(&[], Vec::as_slice), at) {
                t.heard += 1;
            }
        }
        if m.status == MeetingStatus::Held
            && let Some(&(total, acknowledged)) = sent.get(&m.id)
        {
            t.distributed += 1;
            t.acknowledged_by_all += usize::from(acknowledged == total);
        }
        if let Some(&(points, answered)) = points_of.get(&m.id) {
            t.points += points;
            t.points_answered += answered;
        }
    }
    Ok(())
}
