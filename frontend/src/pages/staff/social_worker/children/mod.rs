//! The social worker's first page: the children allocated to them, each with their meetings and
//! whether an advocate was requested, and a way to request one.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{MeetingKind, MeetingStatus, ReferralStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;
use crate::pages::staff::words;

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildRow {
    pub id: String,
    pub name: String,
    pub age: i64,
    pub looked_after: bool,
    pub meetings: Vec<MeetingRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRow {
    pub id: String,
    pub kind: MeetingKind,
    /// In UK time, as staff read it.
    pub when: Option<String>,
    pub place: Option<String>,
    pub status: MeetingStatus,
    /// The referral made for this child and meeting, if any: its id and status.
    pub referral: Option<(String, ReferralStatus)>,
}

impl ChildRow {
    /// "Leo (5)" or "Mia (11, looked after)".
    pub fn label(&self) -> String {
        words::child(&self.name, self.age, self.looked_after)
    }
}

impl MeetingRow {
    /// "CLA review, Monday 7 December at 10:00".
    pub fn label(&self) -> String {
        match &self.when {
            Some(when) => format!("{}, {when}", words::meeting(self.kind)),
            None => words::meeting(self.kind).to_owned(),
        }
    }
}

/// The children and who is signed in, in one read.
#[cfg(feature = "ssr")]
pub async fn read()
-> Result<crate::pages::staff::api::StaffRead<Vec<ChildRow>>, crate::error::PageError> {
    use crate::pages::staff::api::{Role, server::page};
    let read = page::<ops::MyChildren>(Role::SocialWorker, ops::my_children::Variables {}).await?;
    Ok(read.map(rows))
}

#[cfg(feature = "ssr")]
fn rows(data: ops::my_children::ResponseData) -> Vec<ChildRow> {
    let referrals = data.my_referrals.nodes;
    data.my_children
        .nodes
        .into_iter()
        .map(|child| {
            let meetings = child
                .meetings
                .into_iter()
                .map(|m| MeetingRow {
                    referral: referrals
                        .iter()
                        .find(|r| {
                            r.child.as_ref().is_some_and(|c| c.id == child.id)
                                && r.meeting.as_ref().is_some_and(|x| x.id == m.id)
                        })
                        .map(|r| (r.id.clone(), r.status)),
                    when: m.scheduled_at.as_ref().map(crate::dates::in_words),
                    id: m.id,
                    kind: m.kind,
                    place: m.place,
                    status: m.status,
                })
                .collect();
            ChildRow {
                id: child.id,
                name: child.preferred_name,
                age: child.age,
                looked_after: child.looked_after,
                meetings,
            }
        })
        .collect()
}

#[component]
pub fn MyChildren(user: StaffUser, children: Vec<ChildRow>) -> impl IntoView {
    let done = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("done"))
        .and_then(|d| done_words(&d));
    view! {
        <StaffPage title="My children".to_owned() user=Some(user)>
            <h1>"My children and their meetings"</h1>
            {done.map(|w| view! { <p class="notice" role="status">{w}</p> })}
            <p class="actions">
                <a class="button primary" href="/staff/referrals/new">"Request an advocate"</a>
                " "
                <a class="button" href="/staff/children/new">"Add a child"</a>
            </p>
            {if children.is_empty() {
                view! { <p>"No children are allocated to you."</p> }.into_any()
            } else {
                children.into_iter().map(|child| view! { <ChildCard child /> }).collect_view().into_any()
            }}
        </StaffPage>
    }
}

/// What the last form on the records pages did (`?done=`).
fn done_words(done: &str) -> Option<&'static str> {
    Some(match done {
        "child-added" => "Child added. Add their meeting from their card below.",
        "child-changed" => "The child's record is saved.",
        "meeting-added" => "Meeting added.",
        "meeting-moved" => "Meeting moved. The child's page says it has moved, and when it is now.",
        "meeting-cancelled" => {
            "Meeting cancelled. The child's page says it is not happening now; their views stay with them."
        }
        _ => return None,
    })
}

#[component]
fn ChildCard(child: ChildRow) -> impl IntoView {
    let heading = format!("child-{}", child.id);
    let labelled_by = heading.clone();
    let caption = format!("Meetings about {}", child.name);
    let rows = child
        .meetings
        .iter()
        .map(|meeting| {
            let advocacy = match (&meeting.referral, meeting.status) {
                (Some((id, status)), _) => view! {
                    <a href=format!("/staff/referrals/{id}")>{words::referral_status(*status)}</a>
                }
                .into_any(),
                (None, MeetingStatus::Scheduled) => view! {
                    <a href=format!("/staff/referrals/new?pair={}.{}", child.id, meeting.id)>
                        "Request an advocate"
                        <span class="visually-hidden">{format!(" for {}: {}", child.name, meeting.label())}</span>
                    </a>
                }
                .into_any(),
                (None, _) => view! { <span>"None"</span> }.into_any(),
            };
            let hidden = format!(" {}: {}", child.name, meeting.label());
            let change = match meeting.status {
                MeetingStatus::Scheduled => Some(view! {
                    <a href=format!("/staff/meetings/{}/change", meeting.id)>
                        "Move or cancel" <span class="visually-hidden">{hidden}</span>
                    </a>
                }.into_any()),
                MeetingStatus::Held => Some(view! {
                    <a href=format!("/staff/children/{}/new-meeting?after={}", child.id, meeting.id)>
                        "Set up the follow-up" <span class="visually-hidden">{format!(" to{hidden}")}</span>
                    </a>
                }.into_any()),
                MeetingStatus::Cancelled => None,
            };
            view! {
                <tr>
                    <th scope="row">{words::meeting(meeting.kind)}</th>
                    <td>{meeting.when.clone().unwrap_or_else(|| "No date".into())}</td>
                    <td>{meeting.place.clone().unwrap_or_default()}</td>
                    <td>{meeting_status(meeting.status)}</td>
                    <td>{advocacy}</td>
                    <td>{change}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card staff-card" aria-labelledby=labelled_by>
            <h2 id=heading>
                {child.name.clone()} " (" {child.age} ")"
                {child.looked_after.then(|| view! { <span class="tag">"Looked after"</span> })}
            </h2>
            <p class="card-actions">
                <a href=format!("/staff/children/{}/new-meeting", child.id)>
                    "Add a meeting" <span class="visually-hidden">{format!(" for {}", child.name)}</span>
                </a>
                " · "
                <a href=format!("/staff/children/{}/change", child.id)>
                    "Change details" <span class="visually-hidden">{format!(" of {}", child.name)}</span>
                </a>
            </p>
            {if child.meetings.is_empty() {
                view! { <p>"No meetings booked."</p> }.into_any()
            } else {
                view! {
                    <table class="caseload">
                        <caption class="visually-hidden">{caption}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Meeting"</th>
                                <th scope="col">"Date"</th>
                                <th scope="col">"Place"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Advocate"</th>
                                <th scope="col">"Change"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            }}
        </section>
    }
}

fn meeting_status(status: MeetingStatus) -> &'static str {
    match status {
        MeetingStatus::Scheduled => "Booked",
        MeetingStatus::Held => "Held",
        MeetingStatus::Cancelled => "Cancelled",
    }
}
