//! The record form's boxes, and what can be wrong with what was typed in them or with sending
//! the outcome, as it travels in the address.
use serde::{Deserialize, Serialize};

/// One box of the record form. Its `name` is the form input, the server function's argument and
/// the element's id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Field {
    WorriedAboutNow,
    ComplicatingFactors,
    GoingWell,
    SignsOfSafety,
    Plan,
    OutcomeStaffWords,
    OutcomeChildWords,
}

/// Letters per box, as the API allows (api/src/meetings/record.rs).
pub const STAFF_WORDS_MAX: usize = 10_000;
pub const CHILD_WORDS_MAX: usize = 2_000;

impl Field {
    pub const ALL: [Field; 7] = [
        Self::WorriedAboutNow,
        Self::ComplicatingFactors,
        Self::GoingWell,
        Self::SignsOfSafety,
        Self::Plan,
        Self::OutcomeStaffWords,
        Self::OutcomeChildWords,
    ];
    pub const WHITEBOARD: [Field; 5] = [
        Self::WorriedAboutNow,
        Self::ComplicatingFactors,
        Self::GoingWell,
        Self::SignsOfSafety,
        Self::Plan,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::WorriedAboutNow => "worried_about_now",
            Self::ComplicatingFactors => "complicating_factors",
            Self::GoingWell => "going_well",
            Self::SignsOfSafety => "signs_of_safety",
            Self::Plan => "plan",
            Self::OutcomeStaffWords => "outcome_staff_words",
            Self::OutcomeChildWords => "outcome_child_words",
        }
    }

    /// The field as the API names it in `extensions.field`.
    pub fn api_name(self) -> &'static str {
        match self {
            Self::WorriedAboutNow => "worriedAboutNow",
            Self::ComplicatingFactors => "complicatingFactors",
            Self::GoingWell => "goingWell",
            Self::SignsOfSafety => "signsOfSafety",
            Self::Plan => "plan",
            Self::OutcomeStaffWords => "outcomeStaffWords",
            Self::OutcomeChildWords => "outcomeChildWords",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|f| f.name() == name || f.api_name() == name)
    }

    /// The whiteboard heading, or what the box is for.
    pub fn label(self) -> &'static str {
        match self {
            Self::WorriedAboutNow => {
                "What we are worried about now, including the impact on the child"
            }
            Self::ComplicatingFactors => "Complicating factors",
            Self::GoingWell => "What's going well",
            Self::SignsOfSafety => "Signs of safety",
            Self::Plan => "What needs to happen: the plan",
            Self::OutcomeStaffWords => "Outcome in staff words",
            Self::OutcomeChildWords => "Outcome in the child's words",
        }
    }

    pub fn required(self) -> bool {
        matches!(
            self,
            Self::Plan | Self::OutcomeStaffWords | Self::OutcomeChildWords
        )
    }

    pub fn max(self) -> usize {
        if self == Self::OutcomeChildWords {
            CHILD_WORDS_MAX
        } else {
            STAFF_WORDS_MAX
        }
    }

    pub fn hint(self) -> Option<&'static str> {
        match self {
            Self::Plan => Some("Who will do what, by when. Required."),
            Self::OutcomeStaffWords => Some(
                "As agencies will receive it: the decision (for example a child protection plan and its \
                 category), the core group and the next review. Required.",
            ),
            Self::OutcomeChildWords => Some(
                "Told back to the child on their own page. Short sentences, plain words, reading age \
                 about 8. Answer what they said: \"You said … The meeting decided …\". No \"LAC\", \
                 \"placement\", \"contact\" or \"case\". Required, up to 2,000 characters.",
            ),
            _ => None,
        }
    }

    fn missing(self) -> &'static str {
        match self {
            Self::Plan => "Enter what needs to happen: the plan",
            Self::OutcomeStaffWords => "Enter the outcome in staff words",
            Self::OutcomeChildWords => "Enter the outcome in the child's words",
            _ => "Enter some text",
        }
    }

    fn too_long(self) -> &'static str {
        match self {
            Self::WorriedAboutNow => {
                "What we are worried about now must be 10,000 characters or fewer"
            }
            Self::ComplicatingFactors => "Complicating factors must be 10,000 characters or fewer",
            Self::GoingWell => "What's going well must be 10,000 characters or fewer",
            Self::SignsOfSafety => "Signs of safety must be 10,000 characters or fewer",
            Self::Plan => "The plan must be 10,000 characters or fewer",
            Self::OutcomeStaffWords => {
                "The outcome in staff words must be 10,000 characters or fewer"
            }
            Self::OutcomeChildWords => {
                "The outcome in the child's words must be 2,000 characters or fewer"
            }
        }
    }

    fn unstorable(self) -> &'static str {
        match self {
            Self::WorriedAboutNow => {
                "What we are worried about now has characters that cannot be saved: remove them"
            }
            Self::ComplicatingFactors => {
                "Complicating factors has characters that cannot be saved: remove them"
            }
            Self::GoingWell => "What's going well has characters that cannot be saved: remove them",
            Self::SignsOfSafety => {
                "Signs of safety has characters that cannot be saved: remove them"
            }
            Self::Plan => "The plan has characters that cannot be saved: remove them",
            Self::OutcomeStaffWords => {
                "The outcome in staff words has characters that cannot be saved: remove them"
            }
            Self::OutcomeChildWords => {
                "The outcome in the child's words has characters that cannot be saved: remove them"
            }
        }
    }
}

/// What went wrong, as it travels in the address: `field:kind`, comma separated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Missing(Field),
    TooLong(Field),
    Unstorable(Field),
    /// The meeting is more than a day away.
    NotYet,
    Cancelled,
    /// Sending the outcome: no agency chosen.
    NoAgency,
    /// Sending the outcome before the record is saved.
    NotRecorded,
    /// A point the child made has no answer.
    Unanswered,
    /// An answer chosen without its words for the child.
    AnswerWords,
    /// The answers no longer match the child's views (they sent a new version meanwhile).
    AnswersChanged,
}

impl Problem {
    pub fn code(self) -> String {
        match self {
            Self::Missing(f) => format!("{}:missing", f.name()),
            Self::TooLong(f) => format!("{}:too-long", f.name()),
            Self::Unstorable(f) => format!("{}:characters", f.name()),
            Self::NotYet => "record:not-yet".into(),
            Self::Cancelled => "record:cancelled".into(),
            Self::NoAgency => "agencies:none".into(),
            Self::NotRecorded => "agencies:not-recorded".into(),
            Self::Unanswered => "answers:missing".into(),
            Self::AnswerWords => "answers:words".into(),
            Self::AnswersChanged => "answers:changed".into(),
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        let (field, kind) = code.split_once(':')?;
        match (field, kind) {
            ("record", "not-yet") => Some(Self::NotYet),
            ("record", "cancelled") => Some(Self::Cancelled),
            ("agencies", "none") => Some(Self::NoAgency),
            ("agencies", "not-recorded") => Some(Self::NotRecorded),
            ("answers", "missing") => Some(Self::Unanswered),
            ("answers", "words") => Some(Self::AnswerWords),
            ("answers", "changed") => Some(Self::AnswersChanged),
            (field, kind) => {
                let field = Field::from_name(field)?;
                match kind {
                    "missing" => Some(Self::Missing(field)),
                    "too-long" => Some(Self::TooLong(field)),
                    "characters" => Some(Self::Unstorable(field)),
                    _ => None,
                }
            }
        }
    }

    pub fn list(codes: &str) -> Vec<Self> {
        codes.split(',').filter_map(Self::parse).collect()
    }

    pub fn join(problems: &[Self]) -> String {
        problems
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    /// The element the error summary links to.
    pub fn target(self) -> &'static str {
        match self {
            Self::Missing(f) | Self::TooLong(f) | Self::Unstorable(f) => f.name(),
            Self::NotYet | Self::Cancelled => "record",
            Self::NoAgency | Self::NotRecorded => "agencies",
            Self::Unanswered | Self::AnswerWords | Self::AnswersChanged => "answers",
        }
    }

    pub fn field(self) -> Option<Field> {
        match self {
            Self::Missing(f) | Self::TooLong(f) | Self::Unstorable(f) => Some(f),
            _ => None,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Self::Missing(f) => f.missing(),
            Self::TooLong(f) => f.too_long(),
            Self::Unstorable(f) => f.unstorable(),
            Self::NotYet => {
                "This meeting cannot be recorded yet: a meeting can be recorded from the day before it"
            }
            Self::Cancelled => "This meeting was cancelled, so there is nothing to record",
            Self::NoAgency => "Choose at least one agency to send the outcome to",
            Self::NotRecorded => "Save the meeting record before sending the outcome",
            Self::Unanswered => {
                "Answer every point the child made: choose what the meeting decided for each one"
            }
            Self::AnswerWords => {
                "Write each answer for the child (only \"The advocate will explain\" can be left without words)"
            }
            Self::AnswersChanged => {
                "The child's views have changed since the page was opened: check the points and answer them again"
            }
        }
    }

    /// The API's refusal of a record or a distribution, as a problem with the form.
    pub fn from_api(field: &str, message: &str) -> Option<Self> {
        match field {
            "meetingId" if message.contains("cancelled") => Some(Self::Cancelled),
            "meetingId" if message.contains("Record the meeting") => Some(Self::NotRecorded),
            "meetingId" => Some(Self::NotYet),
            "agencyIds" => Some(Self::NoAgency),
            "answers" if message.contains("still need") => Some(Self::Unanswered),
            "answers" if message.contains("words") || message.contains("characters") => {
                Some(Self::AnswerWords)
            }
            "answers" => Some(Self::AnswersChanged),
            field => {
                let field = Field::from_name(field)?;
                Some(if message.contains("too long") {
                    Self::TooLong(field)
                } else if message.contains("cannot store") {
                    Self::Unstorable(field)
                } else {
                    Self::Missing(field)
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_travel_in_the_address_and_back() {
        let problems = vec![
            Problem::Missing(Field::Plan),
            Problem::TooLong(Field::OutcomeChildWords),
            Problem::Unstorable(Field::GoingWell),
            Problem::NotYet,
            Problem::NoAgency,
        ];
        assert_eq!(Problem::list(&Problem::join(&problems)), problems);
        assert_eq!(
            Problem::list("nonsense,plan:missing,plan:odd"),
            vec![Problem::Missing(Field::Plan)]
        );
    }

    #[test]
    fn the_apis_refusals_become_problems_with_the_form() {
        assert_eq!(
            Problem::from_api("plan", "plan is required."),
            Some(Problem::Missing(Field::Plan))
        );
        assert_eq!(
            Problem::from_api(
                "outcomeChildWords",
                "outcomeChildWords is too long: at most 2000 characters."
            ),
            Some(Problem::TooLong(Field::OutcomeChildWords))
        );
        assert_eq!(
            Problem::from_api(
                "goingWell",
                "goingWell contains characters we cannot store."
            ),
            Some(Problem::Unstorable(Field::GoingWell))
        );
        assert_eq!(
            Problem::from_api(
                "meetingId",
                "the meeting has not happened yet (it can be recorded from the day before)"
            ),
            Some(Problem::NotYet)
        );
        assert_eq!(
            Problem::from_api(
                "meetingId",
                "Record the meeting before sending its outcome."
            ),
            Some(Problem::NotRecorded)
        );
        assert_eq!(Problem::from_api("somethingElse", "no"), None);
    }
}
