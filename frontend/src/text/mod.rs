//! Every word the child's pages show, in one place per language. English now; a Welsh or community
//! language file fills in the same `Text` and `text()` picks it.
mod en;
mod own;

pub use own::{OwnNames, OwnWords};

use crate::model::{AttendanceChoice, Audience, Feeling, MeetingKind, Step};

/// Words about one kind of meeting, for "My meeting".
pub struct MeetingWords {
    /// What to call it, in the child's words.
    pub name: &'static str,
    /// What it is for, in one or two short sentences.
    pub what: &'static str,
    /// Who is usually there.
    pub who: &'static str,
    /// What happens, a few short lines.
    pub happens: &'static [&'static str],
}

/// A step of "my views".
pub struct StepWords {
    pub title: &'static str,
    /// The question, as it would be asked out loud.
    pub question: &'static str,
    pub hint: &'static str,
    /// A picture beside the question (an emoji, so nothing is fetched).
    pub picture: &'static str,
}

pub struct Text {
    pub brand: &'static str,
    pub skip_to_content: &'static str,
    pub quick_exit: &'static str,
    pub quick_exit_hint: &'static str,
    pub not_safe: &'static str,
    pub sign_out: &'static str,
    pub read_aloud: &'static str,
    pub back: &'static str,
    pub next: &'static str,
    pub save_and_next: &'static str,
    pub error_summary: &'static str,

    pub sign_in_title: &'static str,
    pub sign_in_intro: &'static str,
    pub code_label: &'static str,
    pub code_hint: &'static str,
    pub pin_label: &'static str,
    pub pin_hint: &'static str,
    pub sign_in_button: &'static str,
    pub sign_in_wrong: &'static str,
    pub sign_in_locked: &'static str,
    pub sign_in_missing_code: &'static str,
    pub sign_in_missing_pin: &'static str,
    pub sign_in_timed_out: &'static str,
    pub sign_in_left: &'static str,
    pub no_code: &'static str,

    pub hello: &'static str,
    pub your_meeting: &'static str,
    pub no_meeting: &'static str,
    pub when: &'static str,
    pub where_: &'static str,
    pub who_runs_it: &'static str,
    pub who_is_there: &'static str,
    pub what_happens: &'static str,
    pub your_advocate: &'static str,
    pub advocate_is: &'static str,
    pub no_advocate: &'static str,
    pub start_views: &'static str,
    pub carry_on_views: &'static str,
    pub views_sent_already: &'static str,
    pub see_what_happened: &'static str,
    /// `{when}`: the meeting's new time in words.
    pub meeting_moved: &'static str,
    pub meeting_cancelled: &'static str,
    pub easier_on: &'static str,
    pub easier_off: &'static str,

    pub step_of: &'static str,
    pub add_another: &'static str,
    pub item_label: &'static str,
    pub letters_left: &'static str,
    pub saved: &'static str,
    pub saving: &'static str,
    pub kept_both: &'static str,
    pub too_long: &'static str,
    pub too_many: &'static str,
    pub feelings_pick: &'static str,

    pub coming_title: &'static str,
    pub coming_question: &'static str,
    pub who_sees_title: &'static str,
    pub who_sees_question: &'static str,
    pub who_sees_hint: &'static str,
    pub who_sees_advocate: &'static str,
    pub views_got_there: &'static str,
    pub views_not_there_yet: &'static str,

    pub check_title: &'static str,
    pub check_intro: &'static str,
    pub change: &'static str,
    pub nothing_yet: &'static str,
    pub send: &'static str,
    pub send_hint: &'static str,
    pub not_chosen: &'static str,

    pub sent_title: &'static str,
    pub sent_body: &'static str,
    pub sent_next: &'static str,
    pub sent_change: &'static str,
    pub back_to_meeting: &'static str,

    pub after_title: &'static str,
    pub after_not_yet: &'static str,
    pub after_decided: &'static str,
    /// "You said → we decided": each point and the meeting's answer (after/answers.rs).
    pub answers_title: &'static str,
    pub you_said: &'static str,
    pub answer_agreed: &'static str,
    pub answer_not_this_time: &'static str,
    pub answer_later: &'static str,
    pub answer_advocate: &'static str,
    pub who_read_title: &'static str,
    pub who_read_none: &'static str,

    pub not_safe_title: &'static str,
    pub not_safe_danger: &'static str,
    pub not_safe_childline: &'static str,
    pub not_safe_tell_advocate: &'static str,
    pub not_safe_message_label: &'static str,
    pub not_safe_button: &'static str,
    /// "We have told", then who (joined with `and`).
    pub not_safe_told: &'static str,
    pub told_advocate: &'static str,
    pub told_duty_team: &'static str,
    pub told_service: &'static str,
    pub and: &'static str,
    /// When nobody could be told at once: the request is still kept.
    pub not_safe_saved: &'static str,
    pub not_safe_sent: &'static str,
    pub not_safe_sign_in: &'static str,

    pub still_there_title: &'static str,
    pub still_there_body: &'static str,
    pub still_here: &'static str,
    pub something_wrong: &'static str,
}

/// The words for this page. One language today.
pub fn text() -> &'static Text {
    &en::TEXT
}

pub fn meeting(kind: MeetingKind) -> &'static MeetingWords {
    en::meeting(kind)
}

pub fn step(step: Step) -> &'static StepWords {
    en::step(step)
}

pub fn feeling(feeling: Feeling) -> (&'static str, &'static str) {
    en::feeling(feeling)
}

/// The choice, and one line saying what it means.
pub fn attendance(choice: AttendanceChoice) -> (&'static str, &'static str) {
    en::attendance(choice)
}

pub fn audience(audience: Audience) -> (&'static str, &'static str) {
    en::audience(audience)
}

/// The words of the "own names" and "who has read my views" pages.
pub fn own_words() -> &'static OwnWords {
    &en::OWN_WORDS
}

/// Words for messages to the child and words their advocate wrote for them (issue 20).
pub struct ForYouText {
    pub messages_title: &'static str,
    pub from_advocate: &'static str,
    pub from_chair: &'static str,
    pub thank_you: &'static str,
    pub have_a_question: &'static str,
    pub you_said_thanks: &'static str,
    pub you_have_a_question: &'static str,
    pub answer_sent: &'static str,
    pub not_sent: &'static str,
    pub check_title: &'static str,
    pub check_question: &'static str,
    pub anything_else: &'static str,
    pub yes_right: &'static str,
    pub want_to_change: &'static str,
    pub confirmed: &'static str,
}

pub fn for_you() -> &'static ForYouText {
    &en::FOR_YOU
}
