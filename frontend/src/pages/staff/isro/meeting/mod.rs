//! `/staff/meetings/:id`: one meeting the ISRO chairs. The children's views received before it,
//! exactly as they wrote them; the meeting record; sending the outcome to agencies; and who has
//! acknowledged it.
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::record::{Problem, RecordForm, RecordValues};
use crate::components::{ChildWords, ErrorSummary, Heading, ViewsWords};
use crate::error::PageError;
use crate::model::{MeetingKind, MeetingStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, page_data, signed_in};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildViews {
    pub child: String,
    /// When they were shared with the chair, in UK time.
    pub shared: String,
    /// Shared only after the meeting had started.
    pub late: bool,
    pub submitted: Option<String>,
    pub version: i32,
    pub words: ViewsWords,
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
    pub social_worker: Option<String>,
    /// The saved record, or what was typed when the API refused it.
    pub record: RecordValues,
    pub views: Vec<ChildViews>,
    /// Agencies the outcome has not been sent to yet.
    pub agencies: Vec<AgencyChoice>,
    pub sent: Vec<Sent>,
}

#[leptos::server(prefix = "/api/staff", endpoint = "isro-meeting")]
pub async fn load_meeting(id: String, typed: bool) -> Result<MeetingDetail, PageError> {
    use super::server::{SHARES, Share, is_for, uk_time};
    use crate::components::VIEWS_WORDS_FIELDS;
    use crate::gql::untyped::Connection;
    use crate::pages::staff::api::server;

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data {
        meeting: Meeting,
        #[serde(rename = "viewsSharedWithMe")]
        shares: Connection<Share>,
        agencies: Connection<Agency>,
        outcome_distribution: Vec<Distribution>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Meeting {
        id: String,
        kind: MeetingKind,
        scheduled_at: Option<String>,
        place: Option<String>,
        status: MeetingStatus,
        recorded_at: Option<String>,
        children: Vec<Named>,
        social_worker: Option<Person>,
        whiteboard: Option<Whiteboard>,
        outcome_staff_words: Option<String>,
        outcome_child_words: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Named {
        first_name: String,
    }
    #[derive(Deserialize)]
    struct Person {
        name: String,
    }
    #[derive(Deserialize, Default)]
    #[serde(rename_all = "camelCase")]
    struct Whiteboard {
        worried_about_now: Option<String>,
        complicating_factors: Option<String>,
        going_well: Option<String>,
        signs_of_safety: Option<String>,
        plan: Option<String>,
    }
    #[derive(Deserialize)]
    struct Agency {
        id: String,
        name: String,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Distribution {
        agency: Option<Agency>,
        sent_at: String,
        acknowledged_at: Option<String>,
        acknowledged_by: Option<Person>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Opened {
        shared_views: Content,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Content {
        version: i32,
        submitted_at: Option<String>,
        #[serde(flatten)]
        words: ViewsWords,
    }

    server::require_role(Role::Isro).await?;
    let query = format!(
        "query Meeting($id: ID!) {{
            meeting(id: $id) {{ id kind scheduledAt place status recordedAt children {{ firstName }}
                socialWorker {{ name }}
                whiteboard {{ worriedAboutNow complicatingFactors goingWell signsOfSafety plan }}
                outcomeStaffWords outcomeChildWords }}
            {SHARES}
            agencies(first: 100) {{ edges {{ node {{ id name }} }} }}
            outcomeDistribution(meetingId: $id) {{ agency {{ id name }} sentAt acknowledgedAt acknowledgedBy {{ name }} }}
        }}"
    );
    let data: Data = server::run(query, serde_json::json!({ "id": id })).await?;
    let meeting = data.meeting;
    let children: Vec<String> = meeting.children.into_iter().map(|c| c.first_name).collect();

    // The newest share of each child's views for this meeting; opening it is audited by the API.
    let mut views = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    for share in data.shares.edges.into_iter().map(|e| e.node) {
        if !is_for(
            &share,
            meeting.kind,
            meeting.scheduled_at.as_deref(),
            &children,
        ) || seen.contains(&share.views_id)
        {
            continue;
        }
        seen.push(share.views_id.clone());
        let opened: Opened = server::run(
            format!(
                "query Open($v: ID!) {{ sharedViews(viewsId: $v) {{ version submittedAt \
                 {VIEWS_WORDS_FIELDS} }} }}"
            ),
            serde_json::json!({ "v": share.views_id }),
        )
        .await?;
        let content = opened.shared_views;
        let late = match (
            chrono::DateTime::parse_from_rfc3339(&share.shared_at),
            meeting
                .scheduled_at
                .as_deref()
                .map(chrono::DateTime::parse_from_rfc3339),
        ) {
            (Ok(shared), Some(Ok(at))) => shared > at,
            _ => false,
        };
        views.push(ChildViews {
            child: share.child_first_name,
            shared: uk_time(&share.shared_at).unwrap_or(share.shared_at),
            late,
            submitted: content.submitted_at.as_deref().and_then(uk_time),
            version: content.version,
            words: content.words,
        });
    }
    views.sort_by(|a, b| a.child.cmp(&b.child));

    let board = meeting.whiteboard.unwrap_or_default();
    let saved = RecordValues {
        worried_about_now: board.worried_about_now.unwrap_or_default(),
        complicating_factors: board.complicating_factors.unwrap_or_default(),
        going_well: board.going_well.unwrap_or_default(),
        signs_of_safety: board.signs_of_safety.unwrap_or_default(),
        plan: board.plan.unwrap_or_default(),
        outcome_staff_words: meeting.outcome_staff_words.unwrap_or_default(),
        outcome_child_words: meeting.outcome_child_words.unwrap_or_default(),
    };
    let kept = if typed {
        super::record::drafts::get(&meeting.id).await
    } else {
        None
    };
    let record = kept.unwrap_or(saved);

    let sent: Vec<Sent> = data
        .outcome_distribution
        .into_iter()
        .map(|d| Sent {
            agency: d.agency.map_or_else(|| "An agency".into(), |a| a.name),
            sent: uk_time(&d.sent_at).unwrap_or(d.sent_at),
            acknowledged: d.acknowledged_at.as_deref().and_then(uk_time),
            acknowledged_by: d.acknowledged_by.map(|p| p.name),
        })
        .collect();
    let agencies = data
        .agencies
        .edges
        .into_iter()
        .map(|e| e.node)
        .filter(|a| !sent.iter().any(|s| s.agency == a.name))
        .map(|a| AgencyChoice {
            id: a.id,
            name: a.name,
        })
        .collect();

    Ok(MeetingDetail {
        id: meeting.id,
        kind: meeting.kind,
        when: meeting.scheduled_at.as_deref().and_then(uk_time),
        place: meeting.place,
        status: meeting.status,
        recorded_at: meeting.recorded_at.as_deref().and_then(uk_time),
        children,
        social_worker: meeting.social_worker.map(|p| p.name),
        record,
        views,
        agencies,
        sent,
    })
}

/// Send the recorded outcome to the agencies ticked. Checkbox names are `agencies[i]`.
#[leptos::server(prefix = "/api/staff", endpoint = "distribute-outcome")]
pub async fn distribute_outcome(
    meeting_id: String,
    agencies: Option<Vec<String>>,
) -> Result<(), PageError> {
    use crate::error::ErrorCode;
    use crate::pages::staff::api::server;

    #[derive(Deserialize)]
    struct Distributed {
        #[serde(rename = "distributeOutcome")]
        all: Vec<serde_json::Value>,
    }
    server::require_role(Role::Isro).await?;
    let page = super::record::meeting_href(&meeting_id);
    let agencies: Vec<String> = agencies
        .unwrap_or_default()
        .into_iter()
        .filter(|a| !a.trim().is_empty())
        .collect();
    if agencies.is_empty() {
        leptos_axum::redirect(&format!(
            "{page}?errors={}#distribute",
            Problem::NoAgency.code()
        ));
        return Ok(());
    }
    let sent: Result<Distributed, PageError> = server::run(
        "mutation Send($m: ID!, $a: [ID!]!) { distributeOutcome(meetingId: $m, agencyIds: $a) { id } }",
        serde_json::json!({ "m": meeting_id, "a": agencies }),
    )
    .await;
    match sent {
        Ok(sent) => {
            leptos_axum::redirect(&format!(
                "{page}?sent={}&to={}#distribute",
                agencies.len(),
                sent.all.len()
            ));
            Ok(())
        }
        Err(PageError::Api {
            code: ErrorCode::BadUserInput,
            message,
            details,
        }) => {
            let field = details["field"].as_str().unwrap_or_default();
            let problem = Problem::from_api(field, &message).unwrap_or(Problem::NoAgency);
            leptos_axum::redirect(&format!("{page}?errors={}#distribute", problem.code()));
            Ok(())
        }
        Err(error) => Err(error),
    }
}

#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let query = use_query_map();
    let staff = signed_in();
    // Keyed on the address: after a save, a refusal or a send, the page reads again.
    let detail = page_data(
        staff,
        Role::Isro,
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
    view! { <RolePage role=Role::Isro staff page=move |user| view! { <MeetingLoader user detail /> } /> }
}

#[component]
fn MeetingLoader(
    user: StaffUser,
    detail: Resource<Result<MeetingDetail, PageError>>,
) -> impl IntoView {
    view! {
        <Suspense>
            {move || {
                let user = user.clone();
                Suspend::new(async move {
                    match detail.await {
                        Ok(meeting) => view! { <MeetingView user meeting /> }.into_any(),
                        Err(PageError::SignedOut) => ().into_any(),
                        Err(error) => view! {
                            <StaffPage title="Meeting".to_owned() user=Some(user)>
                                <h1>"Meeting"</h1>
                                <p role="alert">{match error.code() {
                                    crate::error::ErrorCode::NotFound | crate::error::ErrorCode::Forbidden =>
                                        "This meeting was not found among the meetings you chair.",
                                    _ => "The meeting could not be loaded. Try again.",
                                }}</p>
                                <p><a href="/staff">"Back to my meetings"</a></p>
                            </StaffPage>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
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
                        recorded_at=meeting.recorded_at.clone() />
                }.into_any()
            }}

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
            <ChildWords words=views.words heading=Heading::H4 />
        </article>
    }
}

#[component]
fn Distribute(
    meeting_id: String,
    recorded: bool,
    agencies: Vec<AgencyChoice>,
    problems: Vec<Problem>,
    sent: Vec<Sent>,
) -> impl IntoView {
    let action = ServerAction::<DistributeOutcome>::new();
    let mine: Vec<Problem> = problems
        .into_iter()
        .filter(|p| p.target() == "agencies")
        .collect();
    let first_box = if agencies.is_empty() {
        "distribute"
    } else {
        "agencies"
    };
    let summary: Vec<(&'static str, &'static str)> =
        mine.iter().map(|p| (first_box, p.message())).collect();
    let message = mine.first().map(|p| p.message());
    let form = if !recorded {
        view! { <p>"Save the meeting record first. Then you can send the outcome to agencies."</p> }
            .into_any()
    } else if agencies.is_empty() {
        view! { <p>"The outcome has been sent to every agency."</p> }.into_any()
    } else {
        view! {
            <ErrorSummary errors=Signal::derive(move || summary.clone()) />
            <ActionForm action attr:class="stack">
                <input type="hidden" name="meeting_id" value=meeting_id />
                <fieldset aria-describedby=message.map(|_| "agencies-error")>
                    <legend class="question">"Agencies to send the outcome to"</legend>
                    <p class="hint">"They receive the whiteboard and the outcome in staff words, and are asked to acknowledge it."</p>
                    <crate::components::FieldError id="agencies-error" message=Signal::derive(move || message) />
                    {agencies
                        .into_iter()
                        .enumerate()
                        .map(|(i, agency)| {
                            let id = if i == 0 { "agencies".to_owned() } else { format!("agency-{i}") };
                            view! {
                                <div class="check-row">
                                    <input type="checkbox" id=id.clone() name=format!("agencies[{i}]") value=agency.id />
                                    <label for=id>{agency.name}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <div>
                    <button type="submit" class="button primary">"Send the outcome"</button>
                </div>
            </ActionForm>
        }
        .into_any()
    };
    view! {
        <section aria-labelledby="distribute" class="distribute">
            <h2 id="distribute" tabindex="-1">"Send the outcome to agencies"</h2>
            {form}
            <h3 id="acknowledged">"Who has the outcome"</h3>
            {if sent.is_empty() {
                view! { <p>"Not sent to any agency yet."</p> }.into_any()
            } else {
                view! {
                    <table class="caseload distribution" aria-labelledby="acknowledged">
                        <thead>
                            <tr>
                                <th scope="col">"Agency"</th>
                                <th scope="col">"Sent"</th>
                                <th scope="col">"Acknowledged"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sent.into_iter().map(|s| view! {
                                <tr>
                                    <th scope="row">{s.agency}</th>
                                    <td>{s.sent}</td>
                                    {match s.acknowledged {
                                        Some(at) => {
                                            let when = format!(" {at}{}", s.acknowledged_by.map(|by| format!(" by {by}")).unwrap_or_default());
                                            view! { <td><span class="badge views-shared">"Acknowledged"</span>{when}</td> }.into_any()
                                        }
                                        None => view! { <td><span class="badge soon">"Not yet: follow up"</span></td> }.into_any(),
                                    }}
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
