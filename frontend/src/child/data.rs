//! What the child's pages know about the signed-in child, read through the GraphQL schema.
use serde::{Deserialize, Serialize};

use crate::components::ViewsWords;
use crate::error::PageError;
use crate::model::{MeetingKind, MeetingStatus, ViewsStatus};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: String,
    pub kind: MeetingKind,
    #[serde(rename = "scheduledAt")]
    pub scheduled_at: Option<String>,
    pub place: Option<String>,
    pub status: MeetingStatus,
    #[serde(rename = "chairFirstName")]
    pub chair_first_name: Option<String>,
    #[serde(rename = "outcomeForMe")]
    pub outcome_for_me: Option<String>,
    /// "Tuesday 1 December at 10:00", in UK time; filled in on the server.
    #[serde(default)]
    pub when: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Views {
    pub version: i32,
    pub status: Option<ViewsStatus>,
    #[serde(flatten)]
    pub words: ViewsWords,
    pub share_with_social_worker: bool,
    pub share_with_chair: bool,
    pub share_with_family: bool,
    pub share_with_meeting: bool,
}

/// Everything a child page needs, in one read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Child {
    pub name: String,
    pub younger: bool,
    pub advocate: Option<String>,
    /// The meeting these pages are about: the next one to come, or else the latest.
    pub meeting: Option<Meeting>,
    /// The child's views for that meeting; `None` until they save something.
    pub views: Option<Views>,
}

impl Child {
    pub fn views_or_empty(&self) -> Views {
        self.views.clone().unwrap_or_default()
    }
}

/// The child's data, or a redirect to sign in (with `SignedOut`) when the session has ended.
#[leptos::server(prefix = "/api/child", endpoint = "me")]
pub async fn load_child() -> Result<Child, PageError> {
    server::load().await
}

#[cfg(feature = "ssr")]
pub mod server {
    use serde::Deserialize;
    use serde_json::json;

    use super::*;
    use crate::components::VIEWS_WORDS_FIELDS;
    use crate::error::ErrorCode;
    use crate::{gql, session};

    const HOME: &str = "query ChildHome {
        me { kind name youngerMode }
        myAdvocate { firstName }
        myMeetings(first: 50) { edges { node {
            id kind scheduledAt place status chairFirstName outcomeForMe } } }
    }";

    /// With `VIEWS_WORDS_FIELDS`.
    pub const VIEWS_FIELDS: &str = "version status shareWithSocialWorker shareWithChair
        shareWithFamily shareWithMeeting";

    #[derive(Deserialize)]
    struct Home {
        me: Me,
        #[serde(rename = "myAdvocate")]
        my_advocate: Option<Advocate>,
        #[serde(rename = "myMeetings")]
        my_meetings: Connection<Meeting>,
    }
    #[derive(Deserialize)]
    struct Me {
        kind: String,
        name: Option<String>,
        #[serde(rename = "youngerMode")]
        younger_mode: Option<bool>,
    }
    #[derive(Deserialize)]
    struct Advocate {
        #[serde(rename = "firstName")]
        first_name: String,
    }
    #[derive(Deserialize)]
    pub struct Connection<T> {
        pub edges: Vec<Edge<T>>,
    }
    #[derive(Deserialize)]
    pub struct Edge<T> {
        pub node: T,
    }
    #[derive(Deserialize)]
    struct MyViews {
        #[serde(rename = "myViews")]
        my_views: Option<Views>,
    }

    pub async fn load() -> Result<Child, PageError> {
        let home: Home = signed_in(gql::run(HOME, json!({})).await)?;
        if home.me.kind != "CHILD" {
            return Err(signed_out(true));
        }
        let mut meeting =
            current_meeting(home.my_meetings.edges.into_iter().map(|e| e.node).collect());
        if let Some(meeting) = meeting.as_mut() {
            meeting.when = meeting.scheduled_at.as_deref().and_then(in_words);
        }
        let views = match &meeting {
            Some(meeting) => {
                let query = format!(
                    "query MyViews($m: ID!) {{ myViews(meetingId: $m) {{ {VIEWS_FIELDS} {VIEWS_WORDS_FIELDS} }} }}"
                );
                let found: MyViews = signed_in(gql::run(query, json!({ "m": meeting.id })).await)?;
                found.my_views
            }
            None => None,
        };
        session::touch();
        Ok(Child {
            name: home.me.name.unwrap_or_default(),
            younger: home.me.younger_mode.unwrap_or(false),
            advocate: home.my_advocate.map(|a| a.first_name),
            meeting,
            views,
        })
    }

    /// The next meeting still to come; if none, the one that happened last.
    fn current_meeting(mut meetings: Vec<Meeting>) -> Option<Meeting> {
        meetings.sort_by(|a, b| a.scheduled_at.cmp(&b.scheduled_at));
        let next = meetings
            .iter()
            .position(|m| m.status == MeetingStatus::Scheduled);
        match next {
            Some(i) => Some(meetings.swap_remove(i)),
            None => meetings
                .into_iter()
                .rev()
                .find(|m| m.status == MeetingStatus::Held),
        }
    }

    /// A date and time as a child reads it, in UK time: "Tuesday 1 December at 10:00".
    pub fn in_words(rfc3339: &str) -> Option<String> {
        let at = chrono::DateTime::parse_from_rfc3339(rfc3339).ok()?;
        Some(
            at.with_timezone(&chrono_tz::Europe::London)
                .format("%A %-d %B at %H:%M")
                .to_string(),
        )
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

    fn signed_out(had_session: bool) -> PageError {
        session::end();
        leptos_axum::redirect(if had_session {
            "/sign-in?why=timeout"
        } else {
            "/sign-in"
        });
        PageError::SignedOut
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn meeting(id: &str, at: &str, status: MeetingStatus) -> Meeting {
            Meeting {
                id: id.into(),
                kind: MeetingKind::ChildrenLookedAfterReview,
                scheduled_at: Some(at.into()),
                place: None,
                status,
                chair_first_name: None,
                outcome_for_me: None,
                when: None,
            }
        }

        #[test]
        fn times_are_told_in_uk_time() {
            assert_eq!(
                in_words("2026-07-01T09:30:00Z").as_deref(),
                Some("Wednesday 1 July at 10:30")
            );
            assert_eq!(
                in_words("2026-12-01T10:00:00Z").as_deref(),
                Some("Tuesday 1 December at 10:00")
            );
        }

        #[test]
        fn the_next_meeting_to_come_is_shown_before_past_ones() {
            let chosen = current_meeting(vec![
                meeting("late", "2026-12-20T10:00:00Z", MeetingStatus::Scheduled),
                meeting("past", "2026-10-01T10:00:00Z", MeetingStatus::Held),
                meeting("soon", "2026-12-01T10:00:00Z", MeetingStatus::Scheduled),
            ]);
            assert_eq!(chosen.map(|m| m.id), Some("soon".into()));
        }

        #[test]
        fn after_the_last_meeting_it_is_still_shown() {
            let chosen = current_meeting(vec![
                meeting("old", "2026-09-01T10:00:00Z", MeetingStatus::Held),
                meeting("off", "2026-12-01T10:00:00Z", MeetingStatus::Cancelled),
                meeting("last", "2026-10-01T10:00:00Z", MeetingStatus::Held),
            ]);
            assert_eq!(chosen.map(|m| m.id), Some("last".into()));
        }
    }
}
