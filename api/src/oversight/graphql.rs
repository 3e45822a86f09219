//! `oversightMetrics`: aggregate measures only, never a child's details.
use async_graphql::{Context, Object, SimpleObject};
use chrono::{NaiveDate, Utc};

use super::{Grouping, Period, Row};
use crate::graphql::ContextExt;
use crate::meetings::kinds::MeetingKind;
use crate::policy::oversight as policy;

/// How the service did in one month for one kind of meeting.
#[derive(SimpleObject)]
pub struct OversightRow {
    /// The month, as `YYYY-MM`: referrals by the month they were received, meetings by the month
    /// they were held.
    pub month: String,
    /// The kind of meeting; null for referrals not linked to a meeting yet (self-referrals), and on
    /// every row when `byKind` is false (all kinds together).
    pub kind: Option<MeetingKind>,
    /// Referrals received.
    pub referrals_total: i32,
    /// Share of those referrals with nothing missing: reason, meeting kind and date, how to contact
    /// the child, communication needs, who the child lives with, risks for a visit, and parental
    /// agreement given (or not needed). Null with no referrals.
    pub referrals_complete_percent: Option<f64>,
    /// Median working days (Monday to Friday, bank holidays excluded) from a referral arriving to its
    /// meeting. Null with no dated referrals.
    pub median_lead_time_working_days: Option<f64>,
    /// Share of meetings that have taken place (not cancelled) where a child's views were shared
    /// before the meeting, or the child chose to attend (alone, with their advocate, or with their
    /// advocate speaking for them) and submitted their views before it. Null with no such meetings.
    pub children_heard_percent: Option<f64>,
    /// Share of held meetings whose outcome was sent to agencies where every agency acknowledged it.
    /// Null when no outcome was sent.
    pub outcomes_acknowledged_by_all_percent: Option<f64>,
    /// Share of the points children made (each worry, good thing and wish, and their free words) in
    /// views shared with the chair of a recorded meeting that the chair answered. Null when there
    /// were no such points.
    pub children_points_answered_percent: Option<f64>,
}

impl From<Row> for OversightRow {
    fn from(r: Row) -> Self {
        Self {
            month: r.month,
            kind: r.kind.map(Into::into),
            referrals_total: i32::try_from(r.referrals_total).unwrap_or(i32::MAX),
            referrals_complete_percent: r.referrals_complete_percent,
            median_lead_time_working_days: r.median_lead_time_working_days,
            children_heard_percent: r.children_heard_percent,
            outcomes_acknowledged_by_all_percent: r.outcomes_acknowledged_by_all_percent,
            children_points_answered_percent: r.points_answered_percent,
        }
    }
}

#[derive(Default)]
pub struct OversightQuery;

#[Object]
impl OversightQuery {
    /// Oversight measures for your authority per month and kind of meeting (coordinator, admin,
    /// integrators with `READ_OVERSIGHT`), oldest month first. Percentages have one decimal.
    async fn oversight_metrics(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The first day measured.")] from: NaiveDate,
        #[graphql(desc = "The last day measured (at most two years after `from`).")] to: NaiveDate,
        #[graphql(
            desc = "true: one row per month and kind of meeting; false: one row per month for all kinds and self-referrals together.",
            default = true
        )]
        by_kind: bool,
    ) -> async_graphql::Result<Vec<OversightRow>> {
        let tenant = policy::metrics(ctx.viewer())?;
        let period = Period::parse(from, to)?;
        let grouping = if by_kind {
            Grouping::ByKind
        } else {
            Grouping::AllKinds
        };
        let rows = super::metrics(ctx.db()?, tenant, period, grouping, Utc::now()).await?;
        Ok(rows.into_iter().map(Into::into).collect())
    }
}
