//! `/staff/meetings/:id`: one meeting the ISRO chairs. The children's views received before it,
//! exactly as they wrote them; the meeting record; sending the outcome to agencies; and who has
//! acknowledged it.
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::record::{ChildPoints, Problem, RecordForm, RecordValues};
use crate::components::{Authorship, ChildWords, Heading, ViewsWords, WrittenBy};
use crate::error::{ErrorCode, PageError};
use crate::model::{MeetingKind, MeetingStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffRead, StaffUser};
use crate::pages::staff::gate::{RolePage, problem_page};

mod distribute;
#[cfg(feature = "ssr")]
mod load;
mod messages;
#[cfg(feature = "ssr")]
mod ops;

use distribute::Distribute;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildViews {
    pub views_id: String,
    pub child: String,
    /// When they were shared with the chair, in UK time.
    pub shared: String,
    /// Shared only after the meeting had started.
    pub late: bool,
    pub submitted: Option<String>,
    pub version: i64,
    pub words: ViewsWords,
    pub authorship: Authorship,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyChoice {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub agency: String,
    pub sent: String,
    pub acknowledged: Option<String>,
    pub acknowledged_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingDetail {
    pub id: String,
    pub kind: MeetingKind,
    pub when: Option<String>,
    pub place: Option<String>,
    pub status: MeetingStatus,
    pub recorded_at: Option<String>,
    pub children: Vec<String>,
    /// Each child's first name and language ("Polish: interpreter needed"), to plan the meeting.
    pub languages: Vec<(String, String)>,
    /// Each child's opaque ID with their first name (for messages).
    pub child_ids: Vec<(String, String)>,
    /// The chair's messages to the children, with their answers.
    pub messages: Vec<messages::ChairMessage>,
    pub social_worker: Option<String>,
    /// The saved record, or what was typed when the API refused it.
    pub record: RecordValues,
    pub views: Vec<ChildViews>,
    /// Each child's points, to answer with the record.
    pub points: Vec<ChildPoints>,
    /// Agencies the outcome has not been sent to yet.
    pub agencies: Vec<AgencyChoice>,
    pub sent: Vec<Sent>,
}

/// Who is signed in, the meeting and the views shared for it, in one read; with `typed`, the
/// record as the ISRO last typed it.
#[leptos::server(prefix = "/api/staff", endpoint = "isro-meeting")]
pub async fn load_meeting(id: String, typed: bool) -> Result<StaffRead<MeetingDetail>, PageError> {
    load::load(id, typed).await
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let query = use_query_map();
    // Keyed on the address: after a save, a refusal or a send, the page reads again.
    let read = Resource::new_blocking(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                location.search.get(),
            )
        },
        move |(id, _)| {
            let typed = query.read_untracked().get("errors").is_some();
            load_meeting(id, typed)
        },
    );
    let problem = |error: PageError| match error.code() {
        ErrorCode::NotFound | ErrorCode::Forbidden => problem_page(
            "Meeting",
            "This meeting was not found among the meetings you chair.",
        ),
        _ => problem_page("Meeting", "The meeting could not be loaded. Try again."),
    };
    let page = |user: StaffUser, meeting: MeetingDetail| view! { <MeetingView user meeting /> };
    view! { <RolePage role=Role::Isro read page problem /> }
}

#[component]
fn MeetingView(user: StaffUser, meeting: MeetingDetail) -> impl IntoView {
    let query = use_query_map();
    let problems = Problem::list(&query.read_untracked().get("errors").unwrap_or_default());
    let saved = query.read_untracked().get("saved").is_some();
    let sent_to = query
        .read_untracked()
        .get("sent")
        .and_then(|n| n.parse::<usize>().ok());
    let kind = crate::pages::staff::words::meeting(meeting.kind);
    let children = if meeting.children.is_empty() {
        "no child named".to_owned()
    } else {
        meeting.children.join(", ")
    };
    let title = format!("{kind} for {children}");
    let recorded = meeting.recorded_at.is_some();
    let status = match meeting.status {
        MeetingStatus::Scheduled => "Scheduled",
        MeetingStatus::Held => "Held and recorded",
        MeetingStatus::Cancelled => "Cancelled",
    };
    let views_missing: Vec<String> = meeting
        .children
        .iter()
        .filter(|c| {
            !meeting
                .views
                .iter()
                .any(|v| v.child.split_whitespace().next() == Some(c.as_str()))
        })
        .cloned()
        .collect();
    view! {
        <StaffPage title=title.clone() user=Some(user)>
            <p><a href="/staff">"My meetings"</a></p>
            <h1>{title}</h1>
            {saved.then(|| view! { <p class="notice" role="status">"The meeting record is saved."</p> })}
            {sent_to.map(|n| view! {
                <p class="notice" role="status">
                    {if n == 1 { "The outcome was sent to 1 agency.".to_owned() } else { format!("The outcome was sent to {n} agencies.") }}
                </p>
            })}
            <dl class="facts meeting-facts">
                <dt>"When"</dt><dd>{meeting.when.clone().unwrap_or_else(|| "Not set".into())}</dd>
                <dt>"Where"</dt><dd>{meeting.place.clone().unwrap_or_else(|| "Not set".into())}</dd>
                <dt>"Social worker"</dt><dd>{meeting.social_worker.clone().unwrap_or_else(|| "Not named".into())}</dd>
                <dt>"Status"</dt><dd>{status}</dd>
                {meeting.languages.iter().map(|(child, language)| view! {
                    <dt>{format!("{child}'s language")}</dt><dd>{language.clone()}</dd>
                }).collect_view()}
            </dl>

            <section aria-labelledby="views" class="received">
                <h2 id="views">"Views received before the meeting"</h2>
                <p class="hint audit-note">
                    "Opening the views is recorded, and the child can see that you have read them. "
                    "They are shown exactly as the child wrote them."
                </p>
                {meeting.views.is_empty().then(|| view! { <p>"No views have been shared with you for this meeting."</p> })}
                {meeting.views.into_iter().map(|v| view! { <ViewsCard views=v /> }).collect_view()}
                {(!views_missing.is_empty()).then(|| view! {
                    <p class="hint">{format!("No views shared with you from: {}.", views_missing.join(", "))}</p>
                })}
            </section>

            {if meeting.status == MeetingStatus::Cancelled {
                view! { <p>"This meeting was cancelled: there is nothing to record."</p> }.into_any()
            } else {
                view! {
                    <RecordForm meeting_id=meeting.id.clone() values=meeting.record problems=problems.clone()
                        recorded_at=meeting.recorded_at.clone() points=meeting.points />
                }.into_any()
            }}

            <messages::ChairMessages meeting_id=meeting.id.clone() children=meeting.child_ids
                messages=meeting.messages open=meeting.status == MeetingStatus::Scheduled />

            <Distribute meeting_id=meeting.id.clone() recorded agencies=meeting.agencies problems sent=meeting.sent />
        </StaffPage>
    }
}

#[component]
fn ViewsCard(views: ChildViews) -> impl IntoView {
    let heading_id = format!(
        "views-{}",
        views
            .child
            .to_lowercase()
            .replace(|c: char| !c.is_ascii_alphanumeric(), "-")
    );
    let labelled_by = heading_id.clone();
    // One text node: adjacent optional texts are fragile to hydrate.
    let about = format!(
        "Version {}{}, shared with you {}{}",
        views.version,
        views
            .submitted
            .as_ref()
            .map(|s| format!(", sent by the child {s}"))
            .unwrap_or_default(),
        views.shared,
        if views.late {
            " (after the meeting had started)"
        } else {
            ""
        }
    );
    view! {
        <article class="card views-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{format!("{}'s views", views.child)}</h3>
            <p class="hint">{about}</p>
            <WrittenBy authorship=views.authorship />
            <ChildWords words=views.words heading=Heading::H4 />
            <p><a href=format!("/staff/statement/{}", views.views_id)>{format!("{}'s statement to print or save as PDF", views.child)}</a></p>
        </article>
    }
}
