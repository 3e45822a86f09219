//! The referral inbox: every referral of the authority, newest first, with how complete it is, the
//! lead time and where parental agreement stands. Filters are a plain GET form.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::model::{MeetingKind, ParentalAgreement, ReferralStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;
use crate::pages::staff::words;

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InboxRow {
    pub id: String,
    pub self_referral: bool,
    pub child: Option<String>,
    pub meeting: Option<MeetingKind>,
    pub meeting_at: Option<String>,
    pub received: String,
    pub status: ReferralStatus,
    pub agreement: ParentalAgreement,
    pub score: i64,
    pub missing: Vec<String>,
    pub working_days: Option<i64>,
    pub too_short: bool,
    pub advocate: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Inbox {
    pub total: i64,
    pub rows: Vec<InboxRow>,
}

/// The status filter: its value in the address, and its words.
const STATUSES: [(&str, &str, ReferralStatus); 5] = [
    ("RECEIVED", "Received", ReferralStatus::Received),
    (
        "PENDING_CONSENT",
        "Waiting for parental agreement",
        ReferralStatus::PendingConsent,
    ),
    ("ACCEPTED", "Accepted", ReferralStatus::Accepted),
    ("DECLINED", "Declined", ReferralStatus::Declined),
    ("WITHDRAWN", "Withdrawn", ReferralStatus::Withdrawn),
];

/// The inbox, filtered as the address says, and who is signed in, in one read.
#[cfg(feature = "ssr")]
pub async fn read(
    status: Option<String>,
    complete: Option<String>,
) -> Result<crate::pages::staff::api::StaffRead<Inbox>, crate::error::PageError> {
    use crate::dates::in_words;
    use crate::pages::staff::api::{Role, server::page};
    use ops::referral_inbox;

    let (status, complete) = (status.unwrap_or_default(), complete.unwrap_or_default());
    let status = STATUSES
        .iter()
        .find(|(value, ..)| *value == status)
        .map(|(.., status)| *status);
    let complete = match complete.as_str() {
        "yes" => Some(true),
        "no" => Some(false),
        _ => None,
    };
    let read = page::<ops::ReferralInbox>(
        Role::Coordinator,
        referral_inbox::Variables { status, complete },
    )
    .await?;
    Ok(read.map(|data| data.referral_inbox).map(|inbox| Inbox {
        total: inbox.total_count,
        rows: inbox
            .nodes
            .into_iter()
            .map(|n| InboxRow {
                id: n.id,
                self_referral: n.source == referral_inbox::ReferralSource::SELF_REFERRAL,
                child: n
                    .child
                    .map(|c| words::child(&c.preferred_name, c.age, c.looked_after)),
                meeting: n.meeting.as_ref().map(|m| m.kind),
                meeting_at: n
                    .meeting
                    .and_then(|m| m.scheduled_at)
                    .as_ref()
                    .map(in_words),
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
            })
            .collect(),
    }))
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

#[component]
pub fn ReferralInbox(user: StaffUser, inbox: Inbox) -> impl IntoView {
    let (status, complete) = filters();
    let status_options = std::iter::once(("", "Any status"))
        .chain(STATUSES.iter().map(|&(value, label, _)| (value, label)))
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
            {if inbox.rows.is_empty() {
                view! { <p role="status">"No referrals match."</p> }.into_any()
            } else {
                view! { <InboxTable inbox /> }.into_any()
            }}
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
                        None => words::referral_status(row.status).to_owned(),
                    };
                    view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/staff/referrals/{}", row.id)>{who}</a>
                                <br />
                                <span class="hint">{format!("Received {}", row.received)}</span>
                            </th>
                            <td>
                                {row.meeting.map(words::meeting).unwrap_or("Not known")}
                                {row.meeting_at.map(|at| view! { <br /><span>{at}</span> })}
                            </td>
                            <td>{info}</td>
                            <td>{lead}</td>
                            <td>{words::agreement(row.agreement)}</td>
                            <td>{status}</td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
    }
}
