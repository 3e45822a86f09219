//! The child's own names for things, preferred over the usual words on every child page: the one
//! place a child page asks what to call the meeting or a part of the views.
use serde::{Deserialize, Serialize};

use super::{meeting, phrase, step, text, words};
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

words! {
    /// Words of the pages where the child names things and sees who read their views.
    pub struct OwnWords {
        names_link,
        names_title,
        names_intro,
        names_meeting_label,
        names_hint,
        names_save,
        names_too_long,
        names_saved,
        who_read_link,
    }
}

impl OwnWords {
    /// "What happened at my meeting", or at the meeting as the child named it.
    pub fn after_title(&self, own: Option<&str>) -> String {
        own.map_or_else(|| text().after_title.to_owned(), phrase::after_title_named)
    }
}
