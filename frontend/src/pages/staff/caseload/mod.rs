//! The advocate's caseload: every allocated case, soonest meeting first, with what needs doing.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::StaffPage;
use super::api::StaffUser;
use crate::error::PageError;
use crate::model::MeetingKind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseRow {
    pub id: String,
    pub child: String,
    pub age: i32,
    pub looked_after: bool,
    pub meeting: MeetingKind,
    /// In UK time, as staff read it.
    pub meeting_at: Option<String>,
    pub sort_at: Option<String>,
    pub views: ViewsBadge,
    pub urgent: bool,
    pub soon: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum ViewsBadge {
    NotStarted,
    Draft,
    Submitted,
    Shared,
}

impl ViewsBadge {
    fn label(self) -> &'static str {
        match self {
            Self::NotStarted => "Views not started",
            Self::Draft => "Views in draft",
            Self::Submitted => "Views submitted",
            Self::Shared => "Views shared",
        }
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "caseload")]
pub async fn load_caseload() -> Result<Vec<CaseRow>, PageError> {
    use crate::gql::untyped::{Connection, in_words};

    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "myCaseload")]
        caseload: Connection<Node>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Node {
        id: String,
        views_status: ViewsBadge,
        urgent_help_open: bool,
        meeting_soon: bool,
        child: Child,
        meeting: Meeting,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Child {
        preferred_name: String,
        age: i32,
        looked_after: bool,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Meeting {
        kind: MeetingKind,
        scheduled_at: Option<String>,
    }
    let data: Data = super::api::server::run(
        "{ myCaseload(first: 100) { edges { node { id viewsStatus urgentHelpOpen meetingSoon
            child { preferredName age lookedAfter } meeting { kind scheduledAt } } } } }",
        serde_json::json!({}),
    )
    .await?;
    let mut rows: Vec<CaseRow> = data
        .caseload
        .edges
        .into_iter()
        .map(|edge| {
            let case = edge.node;
            CaseRow {
                id: case.id,
                child: case.child.preferred_name,
                age: case.child.age,
                looked_after: case.child.looked_after,
                meeting: case.meeting.kind,
                meeting_at: case.meeting.scheduled_at.as_deref().and_then(in_words),
                sort_at: case.meeting.scheduled_at,
                views: case.views_status,
                urgent: case.urgent_help_open,
                soon: case.meeting_soon,
            }
        })
        .collect();
    // Urgent help first, then the soonest meeting; meetings without a date last.
    rows.sort_by(|a, b| {
        b.urgent
            .cmp(&a.urgent)
            .then_with(|| a.sort_at.is_none().cmp(&b.sort_at.is_none()))
            .then_with(|| a.sort_at.cmp(&b.sort_at))
    });
    Ok(rows)
}

#[component]
pub fn Caseload(user: StaffUser, rows: Resource<Result<Vec<CaseRow>, PageError>>) -> impl IntoView {
    view! {
        <StaffPage title="My caseload".to_owned() user=Some(user)>
            <h1>"My caseload"</h1>
            <super::advocate::live::LiveUrgentHelp />
            <Suspense>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) if rows.is_empty() => view! { <p>"No cases are allocated to you."</p> }.into_any(),
                        Ok(rows) => view! { <CaseTable rows /> }.into_any(),
                        Err(_) => view! { <p role="alert">"The caseload could not be loaded. Try again."</p> }.into_any(),
                    }
                })}
            </Suspense>
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
                                    <span class=format!("badge views-{:?}", row.views).to_lowercase()>{row.views.label()}</span>
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
