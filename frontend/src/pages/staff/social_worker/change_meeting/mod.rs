//! Moving or cancelling a meeting, `/staff/meetings/:id/change`: its social worker (or its chair).
//! Moving takes the new date, time and place and why; cancelling asks first (`?step=cancel`), with
//! the reason. Either way the child's page tells the child in their words, and their views stay
//! with them.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::by_hand::{Kept, Unavailable};
use crate::error::PageError;
use crate::model::{MeetingKind, MeetingStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

mod forms;
#[cfg(feature = "ssr")]
mod ops;
mod save;

use forms::{CancelSection, MoveSection};
pub use save::{CancelMeeting, MoveMeeting};

/// "Move the meeting", as typed. Input names are `form[<field>]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MoveForm {
    pub meeting: String,
    /// The first child the meeting is about: back to their card afterwards.
    pub child: String,
    pub date: String,
    pub time: String,
    pub place: String,
    pub reason: String,
}

/// "Cancel the meeting", as typed.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CancelForm {
    pub meeting: String,
    pub child: String,
    pub reason: String,
}

/// The meeting as the page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingShown {
    pub id: String,
    pub kind: MeetingKind,
    pub status: MeetingStatus,
    /// "Monday 7 December at 10:00".
    pub when: Option<String>,
    pub place: Option<String>,
    pub chair: Option<String>,
    pub children: Vec<String>,
    /// The first child's ID, to go back to their card.
    pub child_id: Option<String>,
    pub agencies: Vec<String>,
    pub moved: Option<(String, String)>,
    pub cancelled: Option<(String, String)>,
}

/// The page's one read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingChangeRead {
    pub user: StaffUser,
    pub meeting: MeetingShown,
    pub move_form: Kept<MoveForm>,
    pub cancel_form: Kept<CancelForm>,
}

pub fn page_path(meeting: &str) -> String {
    format!("/staff/meetings/{meeting}/change")
}

#[leptos::server(prefix = "/api/staff", endpoint = "meeting-change-open")]
pub async fn open_meeting_change(id: String, check: bool) -> Result<MeetingChangeRead, PageError> {
    use super::by_hand::{page_user, server::kept};
    use crate::dates::in_words;
    use crate::drafts::Form;
    use crate::pages::staff::api::{Role, server::exec};

    let read = exec::<ops::MeetingChangePage>(ops::meeting_change_page::Variables { id }).await?;
    let roles = [Role::SocialWorker, Role::Isro];
    let user = page_user(read.me.name, read.me.staff_role, &roles)?;
    let m = read.meeting;
    let child = m.children.first().map(|c| c.id.clone()).unwrap_or_default();
    let uk = m
        .scheduled_at
        .as_ref()
        .map(|at| at.with_timezone(&chrono_tz::Europe::London));
    let mut move_form = Kept {
        form: MoveForm {
            meeting: m.id.clone(),
            child: child.clone(),
            date: uk
                .as_ref()
                .map(|at| at.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
            time: uk
                .as_ref()
                .map(|at| at.format("%H:%M").to_string())
                .unwrap_or_default(),
            place: m.place.clone().unwrap_or_default(),
            reason: String::new(),
        },
        problems: Vec::new(),
    };
    let mut cancel_form = Kept {
        form: CancelForm {
            meeting: m.id.clone(),
            child: child.clone(),
            reason: String::new(),
        },
        problems: Vec::new(),
    };
    if let Some(typed) = kept::<MoveForm>(Form::MeetingMove, check).await
        && typed.form.meeting == m.id
    {
        move_form = typed;
    }
    if let Some(typed) = kept::<CancelForm>(Form::MeetingCancel, check).await
        && typed.form.meeting == m.id
    {
        cancel_form = typed;
    }
    let meeting = MeetingShown {
        id: m.id,
        kind: m.kind,
        status: m.status,
        when: m.scheduled_at.as_ref().map(in_words),
        place: m.place,
        chair: m.chair.map(|c| c.name),
        child_id: Some(child).filter(|c| !c.is_empty()),
        children: m.children.into_iter().map(|c| c.first_name).collect(),
        agencies: m.invited_agencies.into_iter().map(|a| a.name).collect(),
        moved: m
            .moved_at
            .as_ref()
            .map(|at| (in_words(at), m.move_reason.unwrap_or_default())),
        cancelled: m
            .cancelled_at
            .as_ref()
            .map(|at| (in_words(at), m.cancel_reason.unwrap_or_default())),
    };
    Ok(MeetingChangeRead {
        user,
        meeting,
        move_form,
        cancel_form,
    })
}

/// `/staff/meetings/:id/change`: the meeting's social worker or chair.
#[component]
pub fn MeetingChangeRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let read = Resource::new_blocking(
        move || {
            let q = query.read();
            (
                params.read().get("id").unwrap_or_default(),
                q.get("check").is_some(),
                q.get("step"),
            )
        },
        |(id, check, _)| open_meeting_change(id, check),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match read.await {
                    Ok(read) => view! { <MeetingChangePage read /> }.into_any(),
                    Err(error) => view! { <Unavailable error title="Move or cancel a meeting" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn MeetingChangePage(read: MeetingChangeRead) -> impl IntoView {
    let cancelling = use_query_map().with_untracked(|q| q.get("step").as_deref() == Some("cancel"));
    let m = read.meeting.clone();
    let kind = crate::pages::staff::words::meeting(m.kind);
    let title = match &m.when {
        Some(when) => format!("{kind}, {when}"),
        None => kind.to_owned(),
    };
    let status = match m.status {
        MeetingStatus::Scheduled => "Booked",
        MeetingStatus::Held => "Held: it can no longer be moved or cancelled",
        MeetingStatus::Cancelled => "Cancelled",
    };
    let list = |items: &[String]| {
        if items.is_empty() {
            "None".to_owned()
        } else {
            items.join(", ")
        }
    };
    let (children, agencies) = (list(&m.children), list(&m.agencies));
    let place = m.place.clone().unwrap_or_else(|| "None".to_owned());
    let open = m.status == MeetingStatus::Scheduled;
    view! {
        <StaffPage title=format!("Move or cancel: {title}") user=Some(read.user.clone())>
            <p><a href="/staff">"Back to my children"</a></p>
            <h1>{if cancelling && open { format!("Cancel the {kind}?") } else { format!("Move or cancel the {kind}") }}</h1>
            <dl class="summary">
                <dt>"When"</dt>
                <dd>{m.when.clone().unwrap_or_else(|| "No date".into())}</dd>
                <dt>"Place"</dt>
                <dd>{place}</dd>
                <dt>"Status"</dt>
                <dd>{status}</dd>
                <dt>"About"</dt>
                <dd>{children}</dd>
                <dt>"Chair"</dt>
                <dd>{m.chair.clone().unwrap_or_else(|| "Not chosen yet".into())}</dd>
                <dt>"Agencies invited"</dt>
                <dd>{agencies}</dd>
                {m.moved.clone().map(|(at, why)| view! { <dt>"Last moved"</dt><dd>{format!("{at}: {why}")}</dd> })}
                {m.cancelled.clone().map(|(at, why)| view! { <dt>"Cancelled"</dt><dd>{format!("{at}: {why}")}</dd> })}
            </dl>
            {match (open, cancelling) {
                (false, _) => view! { <p>"This meeting cannot be changed now."</p> }.into_any(),
                (true, true) => view! { <CancelSection meeting=m.clone() kept=read.cancel_form.clone() /> }.into_any(),
                (true, false) => view! {
                    <MoveSection kept=read.move_form.clone() />
                    <section class="card decision" aria-labelledby="cancel-title">
                        <h2 id="cancel-title">"Cancel the meeting"</h2>
                        <p>"If it is not going to happen. You will be asked for the reason and to confirm."</p>
                        <p><a class="button" href=format!("{}?step=cancel", page_path(&m.id))>"Cancel this meeting\u{2026}"</a></p>
                    </section>
                }.into_any(),
            }}
        </StaffPage>
    }
}
