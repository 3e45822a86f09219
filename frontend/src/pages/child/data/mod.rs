//! What the child's pages know about the signed-in child, read through the GraphQL schema.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::{ChildPage, ReadAloud};
use crate::error::PageError;
use crate::text::{OwnNames, text};

// Only the answer's types cross to the browser; the operation runs on the server.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
mod ops;
use ops::child_home;

/// The child's meeting, as the API gives it.
pub type Meeting = child_home::ChildHomeMyCurrentMeeting;
/// The child's views for that meeting.
pub type Views = child_home::MyViews;
/// A message to the child from their advocate or the person who runs their meeting.
pub type Message = child_home::ChildHomeMyMessages;
pub use child_home::{MessageFrom, MessageReply, ViewsAuthor};
/// How much the API takes in a box and a list.
pub type Limits = child_home::ChildHomeLimits;

/// Everything a child page needs, in one read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Child {
    pub name: String,
    pub younger: bool,
    pub advocate: Option<String>,
    /// The meeting these pages are about: the next one to come, or else the latest.
    pub meeting: Option<Meeting>,
    /// When that meeting is, as a child reads it: "Tuesday 1 December at 10:00", in UK time.
    pub when: Option<String>,
    pub limits: Limits,
    /// For each audience the child agrees to, the day their views got there ("Tuesday 1
    /// December"), or `None` while they have not.
    pub reached: Vec<(crate::model::Audience, Option<String>)>,
    /// What the child calls their meeting and the parts of their views.
    pub names: OwnNames,
    /// Messages to the child, newest first (shown on "my meeting").
    pub messages: Vec<Message>,
}

impl Child {
    /// The child's views for their meeting; `None` until they save something.
    pub fn views(&self) -> Option<&Views> {
        self.meeting.as_ref().and_then(|m| m.my_views.as_ref())
    }

    /// The version of the views the page shows (0: none saved yet).
    pub fn version(&self) -> i64 {
        self.views().map_or(0, |v| v.version)
    }
}

/// The child's data, or a redirect to sign in (with `SignedOut`) when the session has ended.
#[leptos::server(prefix = "/api/child", endpoint = "me")]
pub async fn load_child() -> Result<Child, PageError> {
    server::load().await
}

/// Shown instead of a page when its data could not be read.
#[component]
pub fn Problem(error: PageError) -> impl IntoView {
    let t = text();
    // Signed out: the server has already sent the browser to sign in.
    let (words, key) = match error {
        PageError::SignedOut => (t.sign_in_timed_out, "sign_in_timed_out"),
        _ => (t.something_wrong, "something_wrong"),
    };
    view! {
        <ChildPage title=t.something_wrong.to_owned()>
            <p class="card" role="alert">{words}</p>
            <ReadAloud key />
            <a class="button" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}

/// Load the child (one read), then show `page` with them.
pub fn with_child<V: IntoView + 'static>(
    page: impl Fn(Child) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    // Keyed on the address, so "add another" and "kept both" (same page, new query) read again.
    let location = leptos_router::hooks::use_location();
    let child = Resource::new_blocking(
        move || (location.pathname.get(), location.search.get()),
        |_| load_child(),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match child.await {
                    Ok(child) => page(child).into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[cfg(feature = "ssr")]
pub mod server {
    use super::*;
    use crate::error::ErrorCode;
    use crate::{gql, session};

    pub async fn load() -> Result<Child, PageError> {
        let home = signed_in(gql::exec::<ops::ChildHome>(child_home::Variables {}).await)?;
        if home.me.kind != child_home::ViewerKind::CHILD {
            return Err(signed_out(true));
        }
        session::touch();
        let when = home
            .my_current_meeting
            .as_ref()
            .and_then(|m| m.scheduled_at.as_ref())
            .map(crate::dates::child_when);
        let reached = home
            .my_current_meeting
            .as_ref()
            .and_then(|m| m.my_views.as_ref())
            .map(|v| {
                v.reach
                    .iter()
                    .map(|r| {
                        let day = match (&r.shared_at, r.given_on) {
                            (Some(at), _) => Some(crate::dates::child_day(at)),
                            (None, Some(day)) => Some(crate::dates::child_date(day)),
                            (None, None) => None,
                        };
                        (r.audience, day)
                    })
                    .collect()
            })
            .unwrap_or_default();
        Ok(Child {
            reached,
            name: home.me.name.unwrap_or_default(),
            younger: home.me.younger_mode.unwrap_or(false),
            advocate: home.my_advocate.map(|a| a.first_name),
            meeting: home.my_current_meeting,
            when,
            limits: home.limits,
            names: OwnNames {
                meeting: home.my_names.meeting,
                worries: home.my_names.worries,
                going_well: home.my_names.going_well,
                want_to_happen: home.my_names.want_to_happen,
            },
            messages: home.my_messages,
        })
    }

    /// An ended session sends the child to sign in, saying why, instead of showing an error.
    pub fn signed_in<T>(result: Result<T, PageError>) -> Result<T, PageError> {
        match result {
            Err(error) if error.code() == ErrorCode::Unauthenticated => {
                Err(signed_out(session::current().is_some()))
            }
            other => other,
        }
    }

    pub fn signed_out(had_session: bool) -> PageError {
        session::end();
        leptos_axum::redirect(if had_session {
            "/sign-in?why=timeout"
        } else {
            "/sign-in"
        });
        PageError::SignedOut
    }
}
