//! `/staff/oversight`: the SSCP-style measures over time, for the coordinator. Each measure is a
//! server-rendered SVG chart with its numbers in a table beside it, so the page works without
//! JavaScript and a screen reader gets the same figures as the chart.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::StaffPage;
use super::api::{Role, StaffUser};
use super::gate::{RolePage, page_data, signed_in};
use crate::error::PageError;
use crate::model::MeetingKind;

/// One measure over the months of the period; `None` where there was nothing to measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub title: String,
    pub unit: Unit,
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Percent,
    WorkingDays,
    Count,
}

impl Unit {
    fn show(self, value: f64) -> String {
        match self {
            Self::Percent => format!("{value:.1}%"),
            Self::WorkingDays => format!("{value:.1} days"),
            Self::Count => format!("{value:.0}"),
        }
    }
}

/// What the page shows: the period asked for and a series per measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Oversight {
    pub from: String,
    pub to: String,
    /// `None`: all meetings and self-referrals together.
    pub kind: Option<MeetingKind>,
    /// "Mar 2025", one per month of the period.
    pub months: Vec<String>,
    pub series: Vec<Series>,
}

/// The form's answer: the measures, or what is wrong with the period asked for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Loaded {
    Measures(Oversight),
    BadPeriod {
        from: String,
        to: String,
        message: String,
    },
}

#[leptos::server(prefix = "/api/staff", endpoint = "oversight")]
pub async fn load_oversight(
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
) -> Result<Loaded, PageError> {
    server::load(from, to, kind).await
}

#[cfg(feature = "ssr")]
mod server {
    use chrono::{Datelike, Months, NaiveDate, Utc};
    use serde_json::json;

    use super::*;
    use crate::error::ErrorCode;
    use crate::pages::staff::api::{Role, server::require_role};

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Row {
        month: String,
        kind: Option<MeetingKind>,
        referrals_total: i32,
        referrals_complete_percent: Option<f64>,
        median_lead_time_working_days: Option<f64>,
        children_heard_percent: Option<f64>,
        outcomes_acknowledged_by_all_percent: Option<f64>,
    }

    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "oversightMetrics")]
        rows: Vec<Row>,
    }

    /// The last twelve months, to today, unless the form asks otherwise.
    fn period(from: Option<String>, to: Option<String>) -> Result<(NaiveDate, NaiveDate), String> {
        let today = Utc::now().date_naive();
        let parse = |value: Option<String>, default: NaiveDate, which: &str| match value
            .as_deref()
            .map(str::trim)
        {
            None | Some("") => Ok(default),
            Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
                format!("Enter the {which} date as a real date, for example 2026-04-01.")
            }),
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

    pub async fn load(
        from: Option<String>,
        to: Option<String>,
        kind: Option<String>,
    ) -> Result<Loaded, PageError> {
        require_role(Role::Coordinator).await?;
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
            Err(message) => return Ok(bad(message)),
        };
        let result: Result<Data, _> = crate::pages::staff::api::server::run(
            "query($from: NaiveDate!, $to: NaiveDate!, $byKind: Boolean!) {
                oversightMetrics(from: $from, to: $to, byKind: $byKind) {
                    month kind referralsTotal referralsCompletePercent medianLeadTimeWorkingDays
                    childrenHeardPercent outcomesAcknowledgedByAllPercent } }",
            json!({ "from": start.to_string(), "to": end.to_string(), "byKind": kind.is_some() }),
        )
        .await;
        let rows = match result {
            Ok(data) => data.rows,
            Err(PageError::Api {
                code: ErrorCode::BadUserInput,
                message,
                ..
            }) => return Ok(bad(message)),
            Err(other) => return Err(other),
        };
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
        Ok(Loaded::Measures(Oversight {
            from: start.to_string(),
            to: end.to_string(),
            kind,
            months: months
                .iter()
                .map(|m| m.format("%b %Y").to_string())
                .collect(),
            series: vec![
                series("Referrals received", Unit::Count, |r| {
                    Some(f64::from(r.referrals_total))
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
            ],
        }))
    }
}

/// The route: coordinators only.
#[component]
pub fn Oversight() -> impl IntoView {
    let query = use_query_map();
    let staff = signed_in();
    let data = page_data(
        staff,
        Role::Coordinator,
        move || {
            let q = query.read();
            (q.get("from"), q.get("to"), q.get("kind"))
        },
        |(from, to, kind)| load_oversight(from, to, kind),
    );
    view! { <RolePage role=Role::Coordinator staff page=move |user| view! { <OversightPage user data /> } /> }
}

#[component]
fn OversightPage(user: StaffUser, data: Resource<Result<Loaded, PageError>>) -> impl IntoView {
    view! {
        <StaffPage title="Oversight".to_owned() user=Some(user)>
            <h1>"Oversight"</h1>
            <p class="lead">
                "How well children's views reach their meetings, month by month: the measures from the SSCP audit. "
                "Figures only: no child's details are shown here."
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(Loaded::Measures(o)) => view! {
                            <PeriodForm from=o.from.clone() to=o.to.clone() kind=o.kind problem=None />
                            <Charts oversight=o />
                        }
                        .into_any(),
                        Ok(Loaded::BadPeriod { from, to, message }) => view! {
                            <PeriodForm from to kind=None problem=Some(message) />
                        }
                        .into_any(),
                        Err(_) => view! { <p role="alert">"The measures could not be loaded. Try again."</p> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffPage>
    }
}

const KINDS: [MeetingKind; 10] = [
    MeetingKind::InitialChildProtectionConference,
    MeetingKind::ChildProtectionReview,
    MeetingKind::ChildInNeedMeeting,
    MeetingKind::CoreGroupMeeting,
    MeetingKind::ChildrenLookedAfterReview,
    MeetingKind::DisruptionMeeting,
    MeetingKind::TransferConference,
    MeetingKind::FamilyGroupConference,
    MeetingKind::AdviceAndAssistance,
    MeetingKind::Complaint,
];

fn kind_value(kind: MeetingKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A GET form, so a period can be bookmarked and works without JavaScript.
#[component]
fn PeriodForm(
    from: String,
    to: String,
    kind: Option<MeetingKind>,
    problem: Option<String>,
) -> impl IntoView {
    let invalid = problem.is_some().to_string();
    view! {
        {problem.clone().map(|message| view! {
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">"There is a problem"</h2>
                <ul><li><a href="#from">{message}</a></li></ul>
            </div>
        })}
        <form method="get" action="/staff/oversight" class="period">
            <div class="field">
                <label for="from">"From"</label>
                <input id="from" name="from" type="date" value=from aria-invalid=invalid.clone() />
            </div>
            <div class="field">
                <label for="to">"To"</label>
                <input id="to" name="to" type="date" value=to aria-invalid=invalid />
            </div>
            <div class="field">
                <label for="kind">"Meetings"</label>
                <select id="kind" name="kind">
                    <option value="ALL" selected=kind.is_none()>"All meetings and self-referrals"</option>
                    {KINDS
                        .iter()
                        .map(|k| view! {
                            <option value=kind_value(*k) selected=kind == Some(*k)>{super::words::meeting(*k)}</option>
                        })
                        .collect_view()}
                </select>
            </div>
            <button type="submit" class="button">"Show"</button>
        </form>
    }
}

#[component]
fn Charts(oversight: Oversight) -> impl IntoView {
    let months = oversight.months.clone();
    oversight
        .series
        .into_iter()
        .enumerate()
        .map(|(i, series)| view! { <Measure index=i series months=months.clone() /> })
        .collect_view()
}

/// Chart area in SVG units; the SVG scales to its box.
const WIDTH: f64 = 480.0;
const HEIGHT: f64 = 200.0;
const LEFT: f64 = 44.0;
const BOTTOM: f64 = 28.0;
const TOP: f64 = 10.0;

#[component]
fn Measure(index: usize, series: Series, months: Vec<String>) -> impl IntoView {
    let title_id = format!("measure-{index}");
    let desc_id = format!("measure-{index}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let known: Vec<f64> = series.values.iter().flatten().copied().collect();
    let top = match series.unit {
        Unit::Percent => 100.0,
        _ => nice_ceiling(known.iter().copied().fold(0.0, f64::max)),
    };
    let plot_w = WIDTH - LEFT - 8.0;
    let plot_h = HEIGHT - TOP - BOTTOM;
    let step = plot_w / months.len().max(1) as f64;
    let x = move |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = move |v: f64| TOP + plot_h * (1.0 - v / top);
    let summary = match (known.first(), known.last()) {
        (Some(first), Some(last)) if known.len() > 1 => format!(
            "From {} to {}: {} in the first month with data, {} in the last.",
            months.first().cloned().unwrap_or_default(),
            months.last().cloned().unwrap_or_default(),
            series.unit.show(*first),
            series.unit.show(*last)
        ),
        (Some(only), _) => format!("One month with data: {}.", series.unit.show(*only)),
        _ => "No data in this period.".to_owned(),
    };
    let bars = series.unit == Unit::Count;
    // Lines join neighbouring months that both have a value; a gap means nothing to measure.
    let segments: Vec<(f64, f64, f64, f64)> = series
        .values
        .windows(2)
        .filter(|_| !bars)
        .enumerate()
        .filter_map(|(i, pair)| match (pair[0], pair[1]) {
            (Some(a), Some(b)) => Some((x(i), y(a), x(i + 1), y(b))),
            _ => None,
        })
        .collect();
    let ticks = [0.0, top / 2.0, top];
    // Every month labelled when they fit, otherwise every third.
    let label_every = if months.len() > 12 { 3 } else { 1 };
    let unit = series.unit;
    view! {
        <section class="measure" aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone()>{series.title.clone()}</h2>
            <div class="measure-body">
                <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-labelledby=labelled_by class="chart">
                    <desc id=desc_id>{summary}</desc>
                    {ticks.iter().map(|t| view! {
                        <line x1=LEFT x2=WIDTH - 8.0 y1=y(*t) y2=y(*t) class="grid" />
                        <text x=LEFT - 6.0 y=y(*t) + 4.0 class="axis" text-anchor="end">{tick(*t, unit)}</text>
                    }).collect_view()}
                    {months.iter().enumerate().filter(|(i, _)| i % label_every == 0).map(|(i, m)| view! {
                        <text x=x(i) y=HEIGHT - 8.0 class="axis" text-anchor="middle">{m.split(' ').next().unwrap_or_default().to_owned()}</text>
                    }).collect_view()}
                    {segments.into_iter().map(|(x1, y1, x2, y2)| view! {
                        <line x1=x1 y1=y1 x2=x2 y2=y2 class="line" />
                    }).collect_view()}
                    {series.values.iter().enumerate().filter_map(|(i, v)| v.map(|v| (i, v))).map(|(i, v)| {
                        if bars {
                            let w = (step * 0.6).max(2.0);
                            view! { <rect x=x(i) - w / 2.0 y=y(v) width=w height=(TOP + plot_h - y(v)).max(0.0) class="bar" /> }.into_any()
                        } else {
                            view! { <circle cx=x(i) cy=y(v) r="4" class="point" /> }.into_any()
                        }
                    }).collect_view()}
                </svg>
                <table class="figures">
                    <caption class="visually-hidden">{series.title.clone()} " by month"</caption>
                    <thead><tr><th scope="col">"Month"</th><th scope="col" class="number">"Figure"</th></tr></thead>
                    <tbody>
                        {months.iter().zip(series.values.iter()).map(|(m, v)| view! {
                            <tr>
                                <th scope="row">{m.clone()}</th>
                                <td>{v.map(|v| unit.show(v)).unwrap_or_else(|| "–".to_owned())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// An axis label: whole numbers without decimals, percentages with their sign.
fn tick(value: f64, unit: Unit) -> String {
    let number = if value.fract() == 0.0 {
        format!("{value:.0}")
    } else {
        format!("{value:.1}")
    };
    match unit {
        Unit::Percent => format!("{number}%"),
        _ => number,
    }
}

/// A round axis top at or above `max`: 1, 2 or 5 times a power of ten (at least 1).
fn nice_ceiling(max: f64) -> f64 {
    if max <= 1.0 {
        return 1.0;
    }
    let power = 10f64.powf(max.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * power)
        .find(|top| *top >= max)
        .unwrap_or(10.0 * power)
}

#[cfg(test)]
mod tests {
    use super::{Unit, nice_ceiling, tick};

    #[test]
    fn axis_labels_keep_halves_and_mark_percentages() {
        assert_eq!(tick(2.5, Unit::Count), "2.5");
        assert_eq!(tick(50.0, Unit::Percent), "50%");
        assert_eq!(tick(10.0, Unit::WorkingDays), "10");
    }

    #[test]
    fn the_axis_top_is_round_and_never_below_the_data() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(3.0), 5.0);
        assert_eq!(nice_ceiling(7.5), 10.0);
        assert_eq!(nice_ceiling(12.0), 20.0);
        assert_eq!(nice_ceiling(200.0), 200.0);
    }
}
