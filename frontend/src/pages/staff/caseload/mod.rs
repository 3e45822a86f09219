//! The advocate's caseload: every allocated case, soonest meeting first, with what needs doing.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StaffPage;
use super::api::StaffUser;
use crate::model::MeetingKind;

/// Public: `CaseRow` carries the generated views status into the browser too.
pub mod ops;
use ops::caseload::CaseViewsStatus;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: String,
    pub child: String,
    pub age: i64,
    pub looked_after: bool,
    pub meeting: MeetingKind,
    /// In UK time, as staff read it.
    pub meeting_at: Option<String>,
    pub views: CaseViewsStatus,
    pub urgent: bool,
    pub soon: bool,
}

/// The views badge: its CSS class and words.
fn badge(views: &CaseViewsStatus) -> (&'static str, &'static str) {
    match views {
        CaseViewsStatus::NOT_STARTED => ("badge views-notstarted", "Views not started"),
        CaseViewsStatus::DRAFT => ("badge views-draft", "Views in draft"),
        CaseViewsStatus::SUBMITTED => ("badge views-submitted", "Views submitted"),
        CaseViewsStatus::SHARED => ("badge views-shared", "Views shared"),
        CaseViewsStatus::Other(_) => ("badge", "Views"),
    }
}

/// The caseload and who is signed in, in one read.
#[cfg(feature = "ssr")]
pub async fn read() -> Result<super::api::StaffRead<Vec<CaseRow>>, crate::error::PageError> {
    use super::api::{Role, server::page};
    let read = page::<ops::Caseload>(Role::Advocate, ops::caseload::Variables {}).await?;
    Ok(read.map(|data| rows(data.my_caseload.nodes)))
}

#[cfg(feature = "ssr")]
fn rows(mut cases: Vec<ops::caseload::CaseloadMyCaseloadNodes>) -> Vec<CaseRow> {
    // Urgent help first, then the soonest meeting; meetings without a date last.
    cases.sort_by(|a, b| {
        let (a_at, b_at) = (&a.meeting.scheduled_at, &b.meeting.scheduled_at);
        b.urgent_help_open
            .cmp(&a.urgent_help_open)
            .then_with(|| a_at.is_none().cmp(&b_at.is_none()))
            .then_with(|| a_at.cmp(b_at))
    });
    cases
        .into_iter()
        .map(|case| CaseRow {
            id: case.id,
            child: case.child.preferred_name,
            age: case.child.age,
            looked_after: case.child.looked_after,
            meeting: case.meeting.kind,
            meeting_at: case
                .meeting
                .scheduled_at
                .as_ref()
                .map(crate::dates::in_words),
            views: case.views_status,
            urgent: case.urgent_help_open,
            soon: case.meeting_soon,
        })
        .collect()
}

#[component]
pub fn Caseload(user: StaffUser, rows: Vec<CaseRow>) -> impl IntoView {
    view! {
        <StaffPage title="My caseload".to_owned() user=Some(user)>
            <h1>"My caseload"</h1>
            <super::advocate::live::LiveUrgentHelp />
            {if rows.is_empty() {
                view! { <p>"No cases are allocated to you."</p> }.into_any()
            } else {
                view! { <CaseTable rows /> }.into_any()
            }}
        </StaffPage>
    }
}

#[component]
fn CaseTable(rows: Vec<CaseRow>) -> impl IntoView {
    view! {
        <table class="caseload">
            <caption class="visually-hidden">"Cases allocated to you, urgent help first, then by meeting date"</caption>
            <thead>
                <tr>
                    <th scope="col">"Child"</th>
                    <th scope="col">"Meeting"</th>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        view! {
                            <tr class:urgent=row.urgent>
                                <th scope="row">
                                    {match super::advocate::case_href(&row.id) {
                                        Some(href) => view! { <a href=href>{row.child.clone()}</a> }.into_any(),
                                        None => view! { <span>{row.child.clone()}</span> }.into_any(),
                                    }}
                                    " (" {row.age} ")"
                                    {row.looked_after.then(|| view! { <span class="tag">"Looked after"</span> })}
                                </th>
                                <td>{super::words::meeting(row.meeting)}</td>
                                <td>{row.meeting_at.clone().unwrap_or_else(|| "Not set".into())}</td>
                                <td class="badges">
                                    {row.urgent.then(|| view! { <span class="badge urgent">"Urgent help"</span> })}
                                    {row.soon.then(|| view! { <span class="badge soon">"Meeting within 3 working days"</span> })}
                                    {
                                        let (class, words) = badge(&row.views);
                                        view! { <span class=class>{words}</span> }
                                    }
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
