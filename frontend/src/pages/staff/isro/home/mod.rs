//! The ISRO's first page: the meetings they chair, those to come first, then the recent past, with
//! the children and whether their views have reached the chair.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{MeetingKind, MeetingStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

/// How far back "past meetings" reaches.
pub const PAST_DAYS: i64 = 90;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingRow {
    pub id: String,
    pub kind: MeetingKind,
    /// In UK time, as staff read it.
    pub when: Option<String>,
    pub place: Option<String>,
    pub status: MeetingStatus,
    pub recorded: bool,
    pub children: Vec<String>,
    /// Children whose views were shared with the chair, and how many of those are not opened yet.
    pub views_received: usize,
    pub views_unread: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyMeetingsData {
    pub upcoming: Vec<MeetingRow>,
    pub past: Vec<MeetingRow>,
}

#[cfg(feature = "ssr")]
mod ops;

/// The meetings and who is signed in, in one read.
#[cfg(feature = "ssr")]
pub async fn read()
-> Result<crate::pages::staff::api::StaffRead<MyMeetingsData>, crate::error::PageError> {
    use crate::pages::staff::api::{Role, server::page};
    use ops::my_meetings;

    let today = chrono::Utc::now().date_naive();
    let read = page::<ops::MyMeetings>(
        Role::Isro,
        my_meetings::Variables {
            today,
            since: today - chrono::Duration::days(PAST_DAYS),
            yesterday: today - chrono::Duration::days(1),
        },
    )
    .await?;
    Ok(read.map(meetings))
}

#[cfg(feature = "ssr")]
fn meetings(data: ops::my_meetings::ResponseData) -> MyMeetingsData {
    use super::server::Share;
    use crate::dates::staff_time;
    use ops::my_meetings::ChairedMeeting;

    let shares = data.views_shared_with_me.nodes;
    let now = chrono::Utc::now();
    let row = |m: ChairedMeeting| {
        let children: Vec<String> = m.children.into_iter().map(|c| c.first_name).collect();
        let mine: Vec<_> = shares
            .iter()
            .filter(|s| {
                Share {
                    child_first_name: &s.child_first_name,
                    meeting_kind: s.meeting_kind,
                    meeting_at: s.meeting_at,
                }
                .is_for(m.kind, m.scheduled_at, &children)
            })
            .collect();
        let mut with_views: Vec<&str> = mine.iter().map(|s| s.views_id.as_str()).collect();
        with_views.sort_unstable();
        with_views.dedup();
        let unread = mine.iter().filter(|s| s.read_at.is_none()).count();
        let started = m.scheduled_at.is_some_and(|at| at < now);
        (
            started,
            MeetingRow {
                id: m.id,
                kind: m.kind,
                when: m.scheduled_at.as_ref().map(staff_time),
                place: m.place,
                status: m.status,
                recorded: m.recorded_at.is_some(),
                children,
                views_received: with_views.len(),
                views_unread: unread.min(with_views.len()),
            },
        )
    };
    let mut upcoming = Vec::new();
    let mut past = Vec::new();
    for (started, meeting) in data.upcoming.nodes.into_iter().map(row) {
        if started {
            past.push(meeting);
        } else {
            upcoming.push(meeting);
        }
    }
    // Most recent first: the API lists soonest first.
    let earlier: Vec<MeetingRow> = data.past.nodes.into_iter().map(|m| row(m).1).collect();
    past.reverse();
    past.extend(earlier.into_iter().rev());
    MyMeetingsData { upcoming, past }
}

#[component]
pub fn MyMeetings(user: StaffUser, data: MyMeetingsData) -> impl IntoView {
    view! {
        <StaffPage title="My meetings".to_owned() user=Some(user)>
            <h1>"My meetings"</h1>
            <section aria-labelledby="upcoming">
                <h2 id="upcoming">"Coming up"</h2>
                <MeetingTable rows=data.upcoming caption="Meetings you chair that are still to come, soonest first"
                    empty="No meetings to come." />
            </section>
            <section aria-labelledby="past">
                <h2 id="past">"Past meetings"</h2>
                <MeetingTable rows=data.past
                    caption="Meetings you chaired in the last 90 days, most recent first"
                    empty="No meetings in the last 90 days." />
            </section>
        </StaffPage>
    }
}

#[component]
fn MeetingTable(
    rows: Vec<MeetingRow>,
    caption: &'static str,
    empty: &'static str,
) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{empty}</p> }.into_any();
    }
    view! {
        <table class="caseload meetings">
            <caption class="visually-hidden">{caption}</caption>
            <thead>
                <tr>
                    <th scope="col">"Meeting"</th>
                    <th scope="col">"Date"</th>
                    <th scope="col">"Children"</th>
                    <th scope="col">"Views received"</th>
                    <th scope="col">"Record"</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|row| view! { <Row row /> }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
fn Row(row: MeetingRow) -> impl IntoView {
    let kind = crate::pages::staff::words::meeting(row.kind);
    let children = if row.children.is_empty() {
        "None named".to_owned()
    } else {
        row.children.join(", ")
    };
    let views = match (row.views_received, row.views_unread) {
        (0, _) => {
            view! { <span class="badge views-notstarted">"No views received"</span> }.into_any()
        }
        (n, 0) => {
            view! { <span class="badge views-shared">{format!("Views received ({n})")}</span> }
                .into_any()
        }
        (n, unread) => view! {
            <span class="badge views-shared">{format!("Views received ({n})")}</span>
            " "
            <span class="badge soon">{format!("{unread} not opened")}</span>
        }
        .into_any(),
    };
    let record = match (row.status, row.recorded) {
        (MeetingStatus::Cancelled, _) => "Cancelled",
        (_, true) => "Recorded",
        _ => "Not recorded yet",
    };
    view! {
        <tr>
            <th scope="row">
                <a href=format!("/staff/meetings/{}", row.id)>
                    {kind}
                    <span class="visually-hidden">{format!(" for {children}")}</span>
                </a>
                {row.place.map(|p| view! { <br /><span class="hint">{p}</span> })}
            </th>
            <td>{row.when.unwrap_or_else(|| "Not set".into())}</td>
            <td>{children.clone()}</td>
            <td><div class="badges">{views}</div></td>
            <td>{record}</td>
        </tr>
    }
}
