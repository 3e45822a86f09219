//! Every word the child's and the family's pages show, from the Fluent catalogues in
//! `frontend/locales/<lang>/` (English, Welsh, Polish, Arabic), in the page's language
//! (`lang::current`). Fixed words are typed fields (`text().hello`), read once per language;
//! words with variables (names, days, counts with plural rules) are functions (`phrase::*`),
//! formatted by Fluent at each use. The catalogue test (tests/tests/suite/catalogues.rs) checks
//! that every key below is in every catalogue and that no catalogue has one the code never uses.
pub mod aloud;
mod catalogue;
mod lang;
mod own;
pub mod phrase;
mod public;

use std::sync::LazyLock;

#[cfg(feature = "ssr")]
pub use catalogue::say;
pub use catalogue::{Arg, LINK};
pub use lang::{COOKIE, Lang, current};
#[cfg(feature = "ssr")]
pub use lang::{decide, from_cookie, remember};
pub use own::{OwnNames, OwnWords};
pub use public::PublicWords;

use crate::model::{AttendanceChoice, Audience, Feeling, MeetingKind, Step};

/// Typed fixed words: a struct whose fields are `&'static str`, each read from the catalogue
/// key of the field's own name, once per language for the life of the server.
macro_rules! words {
    ($(#[$meta:meta])* pub struct $name:ident { $($(#[$fmeta:meta])* $field:ident,)* }) => {
        $(#[$meta])*
        pub struct $name { $($(#[$fmeta])* pub $field: &'static str,)* }

        impl $name {
            /// The catalogue keys of these words: the fields' names.
            pub const KEYS: &'static [&'static str] = &[$(stringify!($field)),*];

            fn load(lang: $crate::text::Lang) -> Self {
                Self { $($field: $crate::text::catalogue::fixed(lang, stringify!($field)),)* }
            }

            /// These words in the page's language.
            pub fn get() -> &'static Self {
                static ALL: std::sync::LazyLock<Vec<$name>> = std::sync::LazyLock::new(|| {
                    $crate::text::Lang::ALL.into_iter().map($name::load).collect()
                });
                let lang = $crate::text::current();
                let at = $crate::text::Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0);
                &ALL[at]
            }
        }
    };
}
pub(crate) use words;

words! {
    pub struct Text {
        brand,
        skip_to_content,
        quick_exit,
        quick_exit_hint,
        not_safe,
        read_aloud,
        back,
        next,
        save_and_next,
        error_summary,

        sign_in_title,
        sign_in_intro,
        code_label,
        code_hint,
        pin_label,
        pin_hint,
        sign_in_button,
        sign_in_wrong,
        sign_in_locked,
        sign_in_missing_code,
        sign_in_missing_pin,
        sign_in_timed_out,
        sign_in_left,
        no_code,

        your_meeting,
        no_meeting,
        when,
        where_,
        who_runs_it,
        who_is_there,
        what_happens,
        your_advocate,
        no_advocate,
        start_views,
        carry_on_views,
        views_sent_already,
        see_what_happened,
        meeting_cancelled,
        easier_on,
        easier_off,

        add_another,
        saved,
        saving,
        saved_on_phone,
        kept_both,
        too_long,
        too_many,

        coming_title,
        coming_question,
        who_sees_title,
        who_sees_question,
        who_sees_hint,
        who_sees_advocate,
        views_not_there_yet,

        check_title,
        check_intro,
        change,
        nothing_yet,
        send,
        send_hint,
        not_chosen,

        sent_title,
        sent_body,
        sent_next,
        sent_change,
        back_to_meeting,

        after_title,
        after_not_yet,
        after_decided,
        /// "You said → we decided": each point and the meeting's answer (after/answers.rs).
        answers_title,
        you_said,
        answer_agreed,
        answer_not_this_time,
        answer_later,
        answer_advocate,
        who_read_title,
        who_read_none,

        not_safe_title,
        not_safe_danger,
        not_safe_childline,
        not_safe_tell_advocate,
        not_safe_message_label,
        not_safe_button,
        not_safe_sent,
        not_safe_sign_in,

        still_there_title,
        still_there_body,
        still_here,
        something_wrong,
    }
}

words! {
    /// Words for messages to the child and words their advocate wrote for them (issue 20).
    pub struct ForYouText {
        messages_title,
        from_advocate,
        from_chair,
        thank_you,
        have_a_question,
        you_said_thanks,
        you_have_a_question,
        answer_sent,
        not_sent,
        check_words_title,
        check_question,
        anything_else,
        yes_right,
        want_to_change,
        confirmed,
    }
}

/// The words for this page, in its language.
pub fn text() -> &'static Text {
    Text::get()
}

/// The words of the "own names" and "who has read my views" pages.
pub fn own_words() -> &'static OwnWords {
    OwnWords::get()
}

pub fn for_you() -> &'static ForYouText {
    ForYouText::get()
}

/// The words of the pages anyone can open: the start page and "ask for an advocate".
pub fn public() -> &'static PublicWords {
    PublicWords::get()
}

/// Words about one kind of meeting, for "My meeting".
#[derive(Clone)]
pub struct MeetingWords {
    /// What to call it, in the child's words.
    pub name: &'static str,
    /// What it is for, in one or two short sentences.
    pub what: &'static str,
    /// Who is usually there.
    pub who: &'static str,
    /// What happens, a few short lines (one per line of the catalogue message).
    pub happens: Vec<&'static str>,
}

/// A step of "my views".
#[derive(Clone, Copy)]
pub struct StepWords {
    pub title: &'static str,
    /// The question, as it would be asked out loud.
    pub question: &'static str,
    pub hint: &'static str,
}

/// The catalogue name of a meeting kind (`meeting_<slug>_name` and so on).
fn meeting_slug(kind: MeetingKind) -> &'static str {
    use MeetingKind::*;
    match kind {
        InitialChildProtectionConference => "first_safety",
        ChildProtectionReview => "safety_review",
        ChildInNeedMeeting => "help_family",
        CoreGroupMeeting => "small_plan",
        ChildrenLookedAfterReview => "review",
        DisruptionMeeting => "where_lived",
        TransferConference => "new_team",
        FamilyGroupConference => "family",
        AdviceAndAssistance => "help_with",
        Complaint => "not_happy",
    }
}

fn step_slug(step: Step) -> &'static str {
    match step {
        Step::Worries => "worries",
        Step::GoingWell => "going_well",
        Step::WantToHappen => "want_to_happen",
        Step::Feelings => "feelings",
        Step::AnythingElse => "anything_else",
    }
}

fn feeling_slug(feeling: Feeling) -> &'static str {
    match feeling {
        Feeling::VeryHappy => "very_happy",
        Feeling::Happy => "happy",
        Feeling::Okay => "okay",
        Feeling::Sad => "sad",
        Feeling::VerySad => "very_sad",
        Feeling::Worried => "worried",
        Feeling::Angry => "angry",
    }
}

fn attendance_slug(choice: AttendanceChoice) -> &'static str {
    match choice {
        AttendanceChoice::Attend => "attend",
        AttendanceChoice::AttendWithAdvocate => "with_advocate",
        AttendanceChoice::AdvocateSpeaksForMe => "advocate_speaks",
        AttendanceChoice::WrittenViewsOnly => "written_only",
        AttendanceChoice::NotTakingPart => "not_taking_part",
    }
}

const AUDIENCES: [Audience; 4] = [
    Audience::SocialWorker,
    Audience::Chair,
    Audience::Family,
    Audience::Meeting,
];

fn audience_slug(audience: Audience) -> &'static str {
    match audience {
        Audience::SocialWorker => "social_worker",
        Audience::Chair => "chair",
        Audience::Family => "family",
        Audience::Meeting => "meeting",
    }
}

/// Words looked up by a key made from an enum (a meeting kind, a step…), read once per language.
fn family(key: String) -> &'static str {
    static READ: LazyLock<
        std::sync::Mutex<std::collections::HashMap<(Lang, String), &'static str>>,
    > = LazyLock::new(Default::default);
    let lang = current();
    let mut read = READ
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    *read
        .entry((lang, key))
        .or_insert_with_key(|(lang, key)| catalogue::fixed(*lang, key))
}

/// The catalogue key of what a meeting kind is for (`meeting(kind).what`): its read-aloud clip.
pub fn meeting_what_key(kind: MeetingKind) -> String {
    format!("meeting_{}_what", meeting_slug(kind))
}

/// The catalogue key of a step's question (`step(step).question`): its read-aloud clip.
pub fn step_question_key(step: Step) -> String {
    format!("step_{}_question", step_slug(step))
}

pub fn meeting(kind: MeetingKind) -> MeetingWords {
    let slug = meeting_slug(kind);
    MeetingWords {
        name: family(format!("meeting_{slug}_name")),
        what: family(format!("meeting_{slug}_what")),
        who: family(format!("meeting_{slug}_who")),
        happens: family(format!("meeting_{slug}_happens"))
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect(),
    }
}

pub fn step(step: Step) -> StepWords {
    let slug = step_slug(step);
    StepWords {
        title: family(format!("step_{slug}_title")),
        question: family(format!("step_{slug}_question")),
        hint: family(format!("step_{slug}_hint")),
    }
}

/// The face and the word for a feeling.
pub fn feeling(feeling: Feeling) -> (&'static str, &'static str) {
    let face = match feeling {
        Feeling::VeryHappy => "😄",
        Feeling::Happy => "🙂",
        Feeling::Okay => "😐",
        Feeling::Sad => "🙁",
        Feeling::VerySad => "😢",
        Feeling::Worried => "😟",
        Feeling::Angry => "😠",
    };
    (face, family(format!("feeling_{}", feeling_slug(feeling))))
}

/// The choice, and one line saying what it means.
pub fn attendance(choice: AttendanceChoice) -> (&'static str, &'static str) {
    let slug = attendance_slug(choice);
    (
        family(format!("attendance_{slug}")),
        family(format!("attendance_{slug}_means")),
    )
}

pub fn audience(audience: Audience) -> (&'static str, &'static str) {
    let slug = audience_slug(audience);
    (
        family(format!("audience_{slug}")),
        family(format!("audience_{slug}_means")),
    )
}

/// Every catalogue key the code can ask for: the test compares this with each catalogue.
pub fn all_keys() -> Vec<String> {
    let fixed = [
        Text::KEYS,
        ForYouText::KEYS,
        OwnWords::KEYS,
        PublicWords::KEYS,
        phrase::KEYS,
        phrase::OTHER_KEYS,
    ];
    let mut keys: Vec<String> = fixed.concat().into_iter().map(str::to_owned).collect();
    for kind in MeetingKind::ALL {
        let slug = meeting_slug(kind);
        for part in ["name", "what", "who", "happens"] {
            keys.push(format!("meeting_{slug}_{part}"));
        }
    }
    for step in Step::ALL {
        let slug = step_slug(step);
        for part in ["title", "question", "hint"] {
            keys.push(format!("step_{slug}_{part}"));
        }
    }
    keys.extend(Feeling::ALL.map(|f| format!("feeling_{}", feeling_slug(f))));
    for choice in AttendanceChoice::ALL {
        let slug = attendance_slug(choice);
        keys.extend([
            format!("attendance_{slug}"),
            format!("attendance_{slug}_means"),
        ]);
    }
    // Dates on the child's pages (crate::dates).
    keys.extend((1..=7).map(|n| format!("weekday_{n}")));
    keys.extend((1..=12).map(|n| format!("month_{n}")));
    keys.extend(["date_when".to_owned(), "date_day".to_owned()]);
    for audience in AUDIENCES {
        let slug = audience_slug(audience);
        keys.extend([format!("audience_{slug}"), format!("audience_{slug}_means")]);
    }
    keys
}

/// The catalogue files (language code, file name, text), for the catalogue test.
#[cfg(feature = "ssr")]
pub fn catalogue_files() -> &'static [(&'static str, &'static str, &'static str)] {
    catalogue::files()
}
