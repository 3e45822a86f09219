//! The measures for the period and kind of meeting asked for: one read.
use chrono::{Datelike, Months, NaiveDate, Utc};
use serde_json::json;

use super::ops::{self, oversight};
use super::{Loaded, Oversight, Series, Unit};
use crate::error::{ErrorCode, PageError};
use crate::model::MeetingKind;
use crate::pages::staff::api::{Role, StaffRead, server};

/// One month's measures (for one kind of meeting, or all together).
type Row = oversight::OversightOversightMetrics;

/// The last twelve months, to today, unless the form asks otherwise.
fn period(from: Option<String>, to: Option<String>) -> Result<(NaiveDate, NaiveDate), String> {
    let today = Utc::now().date_naive();
    let parse = |value: Option<String>, default: NaiveDate, which: &str| match value
        .as_deref()
        .map(str::trim)
    {
        None | Some("") => Ok(default),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map_err(|_| format!("Enter the {which} date as a real date, for example 2026-04-01.")),
    };
    let year_ago = today
        .with_day(1)
        .and_then(|d| d.checked_sub_months(Months::new(11)))
        .unwrap_or(today);
    Ok((parse(from, year_ago, "first")?, parse(to, today, "last")?))
}

fn months_between(from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
    let mut month = from.with_day(1).unwrap_or(from);
    let mut months = Vec::new();
    while month <= to {
        months.push(month);
        match month.checked_add_months(Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    months
}

/// One read: the measures with who is signed in. A period refused (here, or by the API) is shown
/// with the form for who is signed in (`Whoami`; a second read only when the API refused it).
pub async fn load(
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
) -> Result<StaffRead<Loaded>, PageError> {
    let kind: Option<MeetingKind> = kind
        .filter(|k| !k.is_empty() && k != "ALL")
        .and_then(|k| serde_json::from_value(json!(k)).ok());
    let bad = |message: String| Loaded::BadPeriod {
        from: from.clone().unwrap_or_default(),
        to: to.clone().unwrap_or_default(),
        message,
    };
    let (start, end) = match period(from.clone(), to.clone()) {
        Ok(dates) => dates,
        Err(message) => return refused(bad(message)).await,
    };
    let result = server::page::<ops::Oversight>(
        Role::Coordinator,
        oversight::Variables {
            from: start,
            to: end,
            by_kind: kind.is_some(),
        },
    )
    .await;
    let read = match result {
        Ok(read) => read,
        Err(PageError::Api {
            code: ErrorCode::BadUserInput,
            message,
            ..
        }) => return refused(bad(message)).await,
        Err(other) => return Err(other),
    };
    Ok(read.map(|data| measures(data.oversight_metrics, start, end, kind)))
}

/// The form with what is wrong with the period, for who is signed in.
async fn refused(shown: Loaded) -> Result<StaffRead<Loaded>, PageError> {
    Ok(server::signed_in_as(Role::Coordinator)
        .await?
        .map(|()| shown))
}

/// The months of the period, each measure a series over them.
fn measures(rows: Vec<Row>, start: NaiveDate, end: NaiveDate, kind: Option<MeetingKind>) -> Loaded {
    let months = months_between(start, end);
    let keys: Vec<String> = months
        .iter()
        .map(|m| m.format("%Y-%m").to_string())
        .collect();
    let row_for = |month: &str| {
        rows.iter()
            .find(|r| r.month == month && (kind.is_none() || r.kind == kind))
    };
    let series = |title: &str, unit: Unit, pick: fn(&Row) -> Option<f64>| Series {
        title: title.to_owned(),
        unit,
        values: keys.iter().map(|k| row_for(k).and_then(pick)).collect(),
    };
    Loaded::Measures(Oversight {
        from: start.to_string(),
        to: end.to_string(),
        kind,
        months: months
            .iter()
            .map(|m| m.format("%b %Y").to_string())
            .collect(),
        series: vec![
            series("Referrals received", Unit::Count, |r| {
                // Counts are small: no precision is lost.
                Some(r.referrals_total as f64)
            }),
            series("Referrals complete", Unit::Percent, |r| {
                r.referrals_complete_percent
            }),
            series("Median lead time (working days)", Unit::WorkingDays, |r| {
                r.median_lead_time_working_days
            }),
            series("Children heard at the meeting", Unit::Percent, |r| {
                r.children_heard_percent
            }),
            series(
                "Outcomes acknowledged by every agency",
                Unit::Percent,
                |r| r.outcomes_acknowledged_by_all_percent,
            ),
            series("Children's points answered", Unit::Percent, |r| {
                r.children_points_answered_percent
            }),
        ],
    })
}
