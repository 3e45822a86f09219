//! The referral inbox: every referral of the authority, newest first, with how complete it is, the
//! lead time and where parental agreement stands. Filters are a plain GET form.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::model::MeetingKind;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{Staff, page_data};
use crate::pages::staff::social_worker::children::status_words;
use crate::pages::staff::words;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxRow {
    pub id: String,
    pub self_referral: bool,
    pub child: Option<String>,
    pub meeting: Option<MeetingKind>,
    pub meeting_at: Option<String>,
    pub received: Option<String>,
    pub status: String,
    pub agreement: String,
    pub score: i32,
    pub missing: Vec<String>,
    pub working_days: Option<i32>,
    pub too_short: bool,
    pub advocate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inbox {
    pub total: i32,
    pub rows: Vec<InboxRow>,
}

pub const STATUSES: [(&str, &str); 5] = [
    ("RECEIVED", "Received"),
    ("PENDING_CONSENT", "Waiting for parental agreement"),
    ("ACCEPTED", "Accepted"),
    ("DECLINED", "Declined"),
    ("WITHDRAWN", "Withdrawn"),
];

pub fn agreement_words(agreement: &str) -> &'static str {
    match agreement {
        "GIVEN" => "Given",
        "REFUSED" => "Refused",
        "PENDING" => "Not given yet",
        "NOT_REQUIRED_LOOKED_AFTER" => "Not needed (looked after)",
        _ => "Unknown",
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "inbox")]
pub async fn load_inbox(status: String, complete: String) -> Result<Inbox, PageError> {
    use crate::gql::untyped::in_words;
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data {
        referral_inbox: Conn,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Conn {
        total_count: i32,
        edges: Vec<Edge>,
    }
    #[derive(Deserialize)]
    struct Edge {
        node: Node,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Node {
        id: String,
        source: String,
        status: String,
        parental_agreement: String,
        received_at: String,
        child: Option<Child>,
        meeting: Option<Meeting>,
        completeness: Completeness,
        lead_time: Option<Lead>,
        allocation: Option<Allocation>,
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
    #[derive(Deserialize)]
    struct Completeness {
        score: i32,
        missing: Vec<Label>,
    }
    #[derive(Deserialize)]
    struct Label {
        label: String,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Lead {
        working_days: i32,
        too_short_for_child_to_attend: bool,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Allocation {
        advocate_name: String,
    }
    crate::pages::staff::api::server::require_role(crate::pages::staff::api::Role::Coordinator)
        .await?;
    let status = STATUSES
        .iter()
        .find(|(value, _)| *value == status)
        .map(|(value, _)| *value);
    let complete = match complete.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let data: Data = crate::pages::staff::api::server::run(
        "query Inbox($s: ReferralStatus, $c: Boolean) { referralInbox(first: 100, status: $s, complete: $c) {
            totalCount edges { node { id source status parentalAgreement receivedAt
              child { preferredName age lookedAfter } meeting { kind scheduledAt }
              completeness { score missing { label } } leadTime { workingDays tooShortForChildToAttend }
              allocation { advocateName } } } } }",
        serde_json::json!({ "s": status, "c": complete }),
    )
    .await?;
    Ok(Inbox {
        total: data.referral_inbox.total_count,
        rows: data
            .referral_inbox
            .edges
            .into_iter()
            .map(|e| {
                let n = e.node;
                InboxRow {
                    id: n.id,
                    self_referral: n.source == "SELF_REFERRAL",
                    child: n.child.map(|c| {
                        if c.looked_after {
                            format!("{} ({}, looked after)", c.preferred_name, c.age)
                        } else {
                            format!("{} ({})", c.preferred_name, c.age)
                        }
                    }),
                    meeting: n.meeting.as_ref().map(|m| m.kind),
                    meeting_at: n
                        .meeting
                        .and_then(|m| m.scheduled_at)
                        .as_deref()
                        .and_then(in_words),
                    received: in_words(&n.received_at),
                    status: n.status,
                    agreement: n.parental_agreement,
                    score: n.completeness.score,
                    missing: n
                        .completeness
                        .missing
                        .into_iter()
                        .map(|m| m.label)
                        .collect(),
                    working_days: n.lead_time.as_ref().map(|l| l.working_days),
                    too_short: n.lead_time.is_some_and(|l| l.too_short_for_child_to_attend),
                    advocate: n.allocation.map(|a| a.advocate_name),
                }
            })
            .collect(),
    })
}

/// The inbox's filters, from the address.
fn filters() -> (String, String) {
    let query = use_query_map();
    query.with_untracked(|q| {
        (
            q.get("status").unwrap_or_default(),
            q.get("complete").unwrap_or_default(),
        )
    })
}

/// The inbox, for a coordinator (made at the top of `/staff`: see `gate`).
pub fn inbox_data(staff: Staff) -> Resource<Result<Inbox, PageError>> {
    let (status, complete) = filters();
    page_data(
        staff,
        Role::Coordinator,
        || (),
        move |_| load_inbox(status.clone(), complete.clone()),
    )
}

#[component]
pub fn ReferralInbox(user: StaffUser, inbox: Resource<Result<Inbox, PageError>>) -> impl IntoView {
    let (status, complete) = filters();
    let status_options = std::iter::once(("", "Any status"))
        .chain(STATUSES.iter().copied())
        .map(|(value, label)| {
            let selected = value == status;
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    let complete_options = [
        ("", "Complete or not"),
        ("yes", "Complete"),
        ("no", "Missing information"),
    ]
    .into_iter()
    .map(|(value, label)| {
        let selected = value == complete;
        view! { <option value=value selected=selected>{label}</option> }
    })
    .collect_view();
    view! {
        <StaffPage title="Referral inbox".to_owned() user=Some(user)>
            <h1>"Referral inbox"</h1>
            <form method="get" action="/staff" class="filters">
                <div class="field">
                    <label for="status">"Status"</label>
                    <select id="status" name="status">{status_options}</select>
                </div>
                <div class="field">
                    <label for="complete">"Information"</label>
                    <select id="complete" name="complete">{complete_options}</select>
                </div>
                <button type="submit" class="button">"Filter"</button>
            </form>
            <Suspense>
                {move || Suspend::new(async move {
                    match inbox.await {
                        Ok(inbox) if inbox.rows.is_empty() => view! { <p role="status">"No referrals match."</p> }.into_any(),
                        Ok(inbox) => view! { <InboxTable inbox /> }.into_any(),
                        Err(_) => view! { <p role="alert">"The inbox could not be loaded. Try again."</p> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn InboxTable(inbox: Inbox) -> impl IntoView {
    view! {
        <p role="status">{format!("{} referral{}", inbox.total, if inbox.total == 1 { "" } else { "s" })}</p>
        <table class="caseload inbox">
            <caption class="visually-hidden">"Referrals, newest first"</caption>
            <thead>
                <tr>
                    <th scope="col">"Referral"</th>
                    <th scope="col">"Meeting"</th>
                    <th scope="col">"Information"</th>
                    <th scope="col">"Lead time"</th>
                    <th scope="col">"Parental agreement"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {inbox.rows.into_iter().map(|row| {
                    let who = match (&row.child, row.self_referral) {
                        (Some(child), _) => child.clone(),
                        (None, true) => "Self-referral".to_owned(),
                        (None, false) => "Child not linked".to_owned(),
                    };
                    let info = if row.missing.is_empty() {
                        view! { <span class="badge complete">"Complete"</span> }.into_any()
                    } else {
                        view! {
                            <span class="badge incomplete">{format!("{}% complete", row.score)}</span>
                            <span class="missing-short">{format!("Missing: {}", row.missing.join("; "))}</span>
                        }.into_any()
                    };
                    let lead = match row.working_days {
                        Some(days) if row.too_short => view! {
                            <span class="badge soon">{format!("{days} working days: too short")}</span>
                        }.into_any(),
                        Some(days) => view! { <span>{format!("{days} working days")}</span> }.into_any(),
                        None => view! { <span>"No date"</span> }.into_any(),
                    };
                    let status = match &row.advocate {
                        Some(name) => format!("Allocated to {name}"),
                        None => status_words(&row.status).to_owned(),
                    };
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/staff/referrals/{}", row.id)>{who}</a>
                                <br />
                                <span class="hint">{format!("Received {}", row.received.clone().unwrap_or_default())}</span>
                            </th>
                            <td>
                                {row.meeting.map(words::meeting).unwrap_or("Not known")}
                                {row.meeting_at.map(|at| view! { <br /><span>{at}</span> })}
                            </td>
                            <td>{info}</td>
                            <td>{lead}</td>
                            <td>{agreement_words(&row.agreement)}</td>
                            <td>{status}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
