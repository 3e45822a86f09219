//! The child's own names for things, preferred over the usual words on every child page: the one
//! place a child page asks what to call the meeting or a part of the views.
use serde::{Deserialize, Serialize};

use super::{meeting, step, text};
use crate::model::{MeetingKind, Step};

/// What the child calls their meeting and the three parts of their views (`None`: the usual words).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct OwnNames {
    pub meeting: Option<String>,
    pub worries: Option<String>,
    pub going_well: Option<String>,
    pub want_to_happen: Option<String>,
}

impl OwnNames {
    /// The child's name for this step, or the usual title.
    pub fn step_title(&self, of: Step) -> String {
        let own = match of {
            Step::Worries => self.worries.as_ref(),
            Step::GoingWell => self.going_well.as_ref(),
            Step::WantToHappen => self.want_to_happen.as_ref(),
            Step::Feelings | Step::AnythingElse => None,
        };
        own.cloned().unwrap_or_else(|| step(of).title.to_owned())
    }

    /// The child's name for their meeting, or what this kind of meeting is usually called.
    pub fn meeting_name(&self, kind: MeetingKind) -> String {
        self.meeting
            .clone()
            .unwrap_or_else(|| meeting(kind).name.to_owned())
    }

    /// The child's name for their meeting, or "Your meeting".
    pub fn your_meeting(&self) -> String {
        self.meeting
            .clone()
            .unwrap_or_else(|| text().your_meeting.to_owned())
    }
}

/// Words of the pages where the child names things and sees who read their views.
pub struct OwnWords {
    pub names_link: &'static str,
    pub names_title: &'static str,
    pub names_intro: &'static str,
    /// `{usual}`: the usual words, in quotes.
    pub names_label: &'static str,
    pub names_meeting_label: &'static str,
    pub names_hint: &'static str,
    pub names_save: &'static str,
    pub names_too_long: &'static str,
    pub names_saved: &'static str,
    pub who_read_link: &'static str,
    /// `{when}`: the one time they read them.
    pub read_once: &'static str,
    /// `{times}`, `{when}`: read more than once, all in the same minute.
    pub read_times_on: &'static str,
    /// `{first}`, `{last}`, `{times}`.
    pub read_often: &'static str,
    /// `{name}`: the child's own name for their meeting.
    pub after_title_named: &'static str,
}

impl OwnWords {
    /// "What happened at my meeting", or at the meeting as the child named it.
    pub fn after_title(&self, own: Option<&str>) -> String {
        own.map_or_else(
            || text().after_title.to_owned(),
            |name| self.after_title_named.replace("{name}", name),
        )
    }
}
