//! `/staff/oversight`: the SSCP-style measures over time, for the coordinator. Each measure is a
//! server-rendered SVG chart with its numbers in a table beside it, so the page works without
//! JavaScript and a screen reader gets the same figures as the chart.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use super::StaffPage;
use super::api::{Role, StaffRead, StaffUser};
use super::gate::{RolePage, unavailable};
use crate::error::PageError;
use crate::model::MeetingKind;

mod chart;
#[cfg(feature = "ssr")]
mod ops;
#[cfg(feature = "ssr")]
mod server;

use chart::Charts;

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

/// Who is signed in and the measures, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "oversight")]
pub async fn load_oversight(
    from: Option<String>,
    to: Option<String>,
    kind: Option<String>,
) -> Result<StaffRead<Loaded>, PageError> {
    server::load(from, to, kind).await
}

/// The route: coordinators only.
#[component]
pub fn Oversight() -> impl IntoView {
    let query = use_query_map();
    let read = Resource::new_blocking(
        move || {
            let q = query.read();
            (q.get("from"), q.get("to"), q.get("kind"))
        },
        |(from, to, kind)| load_oversight(from, to, kind),
    );
    let problem = unavailable("Oversight", "The measures could not be loaded. Try again.");
    let page = |user: StaffUser, data: Loaded| view! { <OversightPage user data /> };
    view! { <RolePage role=Role::Coordinator read page problem /> }
}

#[component]
fn OversightPage(user: StaffUser, data: Loaded) -> impl IntoView {
    view! {
        <StaffPage title="Oversight".to_owned() user=Some(user)>
            <h1>"Oversight"</h1>
            <p class="lead">
                "How well children's views reach their meetings, month by month: the measures from the SSCP audit. "
                "Figures only: no child's details are shown here."
            </p>
            {match data {
                Loaded::Measures(o) => view! {
                    <PeriodForm from=o.from.clone() to=o.to.clone() kind=o.kind problem=None />
                    <Charts oversight=o />
                }
                .into_any(),
                Loaded::BadPeriod { from, to, message } => view! {
                    <PeriodForm from to kind=None problem=Some(message) />
                }
                .into_any(),
            }}
        </StaffPage>
    }
}

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
                    {MeetingKind::ALL
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
