//! A new meeting for one of the social worker's children, `/staff/children/:id/new-meeting`: the
//! kind, date and time (UK time), place, the chair (one of the authority's ISROs), the agencies
//! invited, and the meeting at whose end it was agreed, if any (`?after=<meeting>` chooses it:
//! the review agreed at the end of a conference keeps its chair and its agencies when left out).
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::by_hand::{Kept, Unavailable};
use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

mod form;
#[cfg(feature = "ssr")]
mod ops;
mod save;

use form::NewMeetingForm;
pub use save::CreateMeeting;

/// What the form holds, as typed. Input names are `form[<field>]`, the agencies ticked
/// `form[agencies][<i>]`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MeetingForm {
    /// The child the meeting is about.
    pub child: String,
    /// As the schema spells it, e.g. `CHILD_IN_NEED_MEETING`; empty until chosen.
    pub kind: String,
    /// `2027-03-14`.
    pub date: String,
    /// `10:30`.
    pub time: String,
    pub place: String,
    /// The chair's ID; empty for none yet (a follow-up keeps the earlier chair).
    pub chair: String,
    pub agencies: Option<Vec<String>>,
    /// The earlier meeting's ID; empty when it is not a follow-up.
    pub follow_up_of: String,
}

/// Something to choose: its value and its words.
pub type Choice = (String, String);

/// The page's one read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewMeetingRead {
    pub user: StaffUser,
    /// "Amira (9)".
    pub child: String,
    pub chairs: Vec<Choice>,
    pub agencies: Vec<Choice>,
    /// The child's meetings that were not cancelled, to follow up.
    pub earlier: Vec<Choice>,
    pub kept: Kept<MeetingForm>,
}

/// The kinds a social worker sets up, as staff say them (advice and complaints are the
/// coordinator's).
pub const KINDS: [(&str, &str); 8] = [
    (
        "INITIAL_CHILD_PROTECTION_CONFERENCE",
        "Initial child protection conference",
    ),
    (
        "CHILD_PROTECTION_REVIEW",
        "Review child protection conference",
    ),
    ("CHILD_IN_NEED_MEETING", "Child in need (CiN) meeting"),
    ("CORE_GROUP_MEETING", "Core group meeting"),
    (
        "CHILDREN_LOOKED_AFTER_REVIEW",
        "Children looked after (CLA) review",
    ),
    ("DISRUPTION_MEETING", "Disruption meeting"),
    ("TRANSFER_CONFERENCE", "Transfer conference"),
    ("FAMILY_GROUP_CONFERENCE", "Family group conference (FGC)"),
];

pub fn page_path(child: &str) -> String {
    format!("/staff/children/{child}/new-meeting")
}

#[leptos::server(prefix = "/api/staff", endpoint = "new-meeting-open")]
pub async fn open_new_meeting(
    child: String,
    after: Option<String>,
    check: bool,
) -> Result<NewMeetingRead, PageError> {
    use super::by_hand::{page_user, server::kept as kept_form};
    use crate::drafts::Form;
    use crate::model::MeetingStatus;
    use crate::pages::staff::api::{Role, server::exec};
    use crate::pages::staff::words;

    let read = exec::<ops::NewMeetingPage>(ops::new_meeting_page::Variables {}).await?;
    let user = page_user(read.me.name, read.me.staff_role, &[Role::SocialWorker])?;
    let Some(found) = read.my_children.nodes.into_iter().find(|c| c.id == child) else {
        return Err(PageError::Api {
            code: crate::error::ErrorCode::NotFound,
            message: "Not one of your children.".into(),
            details: serde_json::Value::Null,
        });
    };
    let earlier = found
        .meetings
        .iter()
        .filter(|m| m.status != MeetingStatus::Cancelled)
        .map(|m| {
            let when = m
                .scheduled_at
                .as_ref()
                .map_or_else(|| "no date".to_owned(), crate::dates::in_words);
            (m.id.clone(), format!("{}, {when}", words::meeting(m.kind)))
        })
        .collect::<Vec<_>>();
    let follow_up_of = after
        .filter(|a| earlier.iter().any(|(id, _)| id == a))
        .unwrap_or_default();
    let mut kept = Kept {
        form: MeetingForm {
            child: child.clone(),
            follow_up_of,
            ..MeetingForm::default()
        },
        problems: Vec::new(),
    };
    if let Some(typed) = kept_form::<MeetingForm>(Form::NewMeeting, check).await
        && typed.form.child == child
    {
        kept = typed;
    }
    Ok(NewMeetingRead {
        user,
        child: words::child(&found.preferred_name, found.age, found.looked_after),
        chairs: read.chairs.into_iter().map(|c| (c.id, c.name)).collect(),
        agencies: read
            .agencies
            .nodes
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect(),
        earlier,
        kept,
    })
}

/// `/staff/children/:id/new-meeting`: social workers, for their own children.
#[component]
pub fn NewMeetingRoute() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let read = Resource::new_blocking(
        move || {
            let q = query.read();
            (
                params.read().get("id").unwrap_or_default(),
                q.get("after"),
                q.get("check").is_some(),
            )
        },
        |(child, after, check)| open_new_meeting(child, after, check),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match read.await {
                    Ok(read) => view! { <NewMeetingPage read /> }.into_any(),
                    Err(error) => view! { <Unavailable error title="New meeting" /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn NewMeetingPage(read: NewMeetingRead) -> impl IntoView {
    let save = ServerAction::<CreateMeeting>::new();
    let title = format!("New meeting for {}", read.child);
    view! {
        <StaffPage title=title.clone() user=Some(read.user.clone())>
            <p><a href="/staff">"Back to my children"</a></p>
            <h1>{title}</h1>
            <p class="lede">"You can move or cancel the meeting later from your children page; the child's views stay with them."</p>
            <NewMeetingForm read save />
        </StaffPage>
    }
}
