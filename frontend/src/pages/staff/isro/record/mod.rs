//! The meeting record form: the five whiteboard headings and the outcome in staff words and in the
//! child's words. The API checks it; when it refuses, the form comes back with the message beside
//! the field, an error summary, and every word that was typed (kept on the server for a while, so
//! this works without JavaScript too).
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::{ErrorSummary, FieldError, TextBox};
use crate::error::PageError;

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

    fn hint(self) -> Option<&'static str> {
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
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        let (field, kind) = code.split_once(':')?;
        match (field, kind) {
            ("record", "not-yet") => Some(Self::NotYet),
            ("record", "cancelled") => Some(Self::Cancelled),
            ("agencies", "none") => Some(Self::NoAgency),
            ("agencies", "not-recorded") => Some(Self::NotRecorded),
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
        }
    }

    /// The API's refusal of a record or a distribution, as a problem with the form.
    pub fn from_api(field: &str, message: &str) -> Option<Self> {
        match field {
            "meetingId" if message.contains("cancelled") => Some(Self::Cancelled),
            "meetingId" if message.contains("Record the meeting") => Some(Self::NotRecorded),
            "meetingId" => Some(Self::NotYet),
            "agencyIds" => Some(Self::NoAgency),
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

/// What is in each box.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordValues {
    pub worried_about_now: String,
    pub complicating_factors: String,
    pub going_well: String,
    pub signs_of_safety: String,
    pub plan: String,
    pub outcome_staff_words: String,
    pub outcome_child_words: String,
}

impl RecordValues {
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::WorriedAboutNow => &self.worried_about_now,
            Field::ComplicatingFactors => &self.complicating_factors,
            Field::GoingWell => &self.going_well,
            Field::SignsOfSafety => &self.signs_of_safety,
            Field::Plan => &self.plan,
            Field::OutcomeStaffWords => &self.outcome_staff_words,
            Field::OutcomeChildWords => &self.outcome_child_words,
        }
    }

    /// Required boxes left blank, in the form's order.
    pub fn blank_required(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| f.required() && self.get(*f).trim().is_empty())
            .collect()
    }
}

/// Save the meeting record. Arguments are named as the form's boxes, so the same form posts with
/// JavaScript off. Refused, the browser goes back to the form with what was typed.
#[leptos::server(prefix = "/api/staff", endpoint = "record-meeting")]
#[allow(clippy::too_many_arguments)]
pub async fn record_meeting(
    meeting_id: String,
    worried_about_now: String,
    complicating_factors: String,
    going_well: String,
    signs_of_safety: String,
    plan: String,
    outcome_staff_words: String,
    outcome_child_words: String,
) -> Result<(), PageError> {
    use crate::error::ErrorCode;
    use crate::pages::staff::api::{Role, server};

    #[derive(Deserialize)]
    struct Recorded {
        #[serde(rename = "recordMeeting")]
        meeting: Saved,
    }
    #[derive(Deserialize)]
    struct Saved {
        #[serde(rename = "recordedAt")]
        recorded_at: Option<String>,
    }

    server::require_role(Role::Isro).await?;
    // Browsers send a textarea's line breaks as CR LF; keep them as typed, one "\n" each.
    let lines = |s: String| s.replace("\r\n", "\n");
    let values = RecordValues {
        worried_about_now: lines(worried_about_now),
        complicating_factors: lines(complicating_factors),
        going_well: lines(going_well),
        signs_of_safety: lines(signs_of_safety),
        plan: lines(plan),
        outcome_staff_words: lines(outcome_staff_words),
        outcome_child_words: lines(outcome_child_words),
    };
    let blank = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
    let input = serde_json::json!({
        "worriedAboutNow": blank(&values.worried_about_now),
        "complicatingFactors": blank(&values.complicating_factors),
        "goingWell": blank(&values.going_well),
        "signsOfSafety": blank(&values.signs_of_safety),
        "plan": values.plan,
        "outcomeStaffWords": values.outcome_staff_words,
        "outcomeChildWords": values.outcome_child_words,
    });
    let page = meeting_href(&meeting_id);
    let saved: Result<Recorded, PageError> = server::run(
        "mutation Record($m: ID!, $i: RecordMeetingInput!) {
            recordMeeting(meetingId: $m, input: $i) { recordedAt } }",
        serde_json::json!({ "m": meeting_id, "i": input }),
    )
    .await;
    match saved {
        Ok(saved) => {
            drafts::forget().await;
            let stamp = saved.meeting.recorded_at.unwrap_or_default();
            leptos_axum::redirect(&format!(
                "{page}?saved=record&at={}#record",
                stamp.replace(|c: char| !c.is_ascii_alphanumeric(), "")
            ));
            Ok(())
        }
        Err(PageError::Api {
            code: ErrorCode::BadUserInput,
            message,
            details,
        }) => {
            let field = details["field"].as_str().unwrap_or_default();
            let first = Problem::from_api(field, &message);
            // The API names the first problem; every other required box left blank is named too,
            // so the ISRO can put them all right at once.
            let mut problems: Vec<Problem> = first.into_iter().collect();
            for blank in values.blank_required() {
                let problem = Problem::Missing(blank);
                if !problems.iter().any(|p| p.field() == Some(blank)) {
                    problems.push(problem);
                }
            }
            problems.sort_by_key(|p| p.field().map_or(0, |f| f as usize + 1));
            drafts::keep(&meeting_id, values).await;
            leptos_axum::redirect(&format!(
                "{page}?errors={}#record",
                Problem::join(&problems)
            ));
            Ok(())
        }
        Err(error) => Err(error),
    }
}

/// The meeting's page. IDs are opaque, but only letters, digits and `=` are expected in them.
pub fn meeting_href(id: &str) -> String {
    let safe: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '=' | '-' | '_'))
        .collect();
    format!("/staff/meetings/{safe}")
}

/// A record the API refused, kept for the page that shows it again: a redirect cannot carry
/// 50,000 characters, and the words must not go into the address. Kept as this browser's draft
/// (`crate::drafts`), so whichever instance serves the next page finds it.
#[cfg(feature = "ssr")]
pub mod drafts {
    use serde::{Deserialize, Serialize};

    use super::RecordValues;
    use crate::drafts::{self, Form};

    #[derive(Serialize, Deserialize)]
    struct Kept {
        meeting: String,
        values: RecordValues,
    }

    /// Keep what was typed for `meeting`.
    pub async fn keep(meeting: &str, values: RecordValues) {
        let kept = Kept {
            meeting: meeting.to_owned(),
            values,
        };
        drafts::keep(Form::MeetingRecord, &kept).await;
    }

    /// What was typed for `meeting`, if that is the record kept.
    pub async fn get(meeting: &str) -> Option<RecordValues> {
        drafts::read::<Kept>(Form::MeetingRecord)
            .await
            .filter(|kept| kept.meeting == meeting)
            .map(|kept| kept.values)
    }

    pub async fn forget() {
        drafts::forget(Form::MeetingRecord).await;
    }
}

/// The record form, filled with `values` (saved, or what was typed when the API refused).
#[component]
pub fn RecordForm(
    meeting_id: String,
    values: RecordValues,
    problems: Vec<Problem>,
    recorded_at: Option<String>,
) -> impl IntoView {
    let action = ServerAction::<RecordMeeting>::new();
    let record_problems: Vec<Problem> = problems
        .iter()
        .copied()
        .filter(|p| p.target() != "agencies")
        .collect();
    let summary: Vec<(&'static str, &'static str)> = record_problems
        .iter()
        .map(|p| (p.target(), p.message()))
        .collect();
    let problem_of = move |field: Field| {
        record_problems
            .iter()
            .find(|p| p.field() == Some(field))
            .map(|p| p.message())
    };
    let boxes = |fields: &[Field]| {
        fields
            .iter()
            .map(|field| {
                let value = values.get(*field).to_owned();
                let problem = problem_of(*field);
                view! { <RecordBox field=*field value problem /> }
            })
            .collect_view()
    };
    let whiteboard = boxes(&Field::WHITEBOARD);
    let outcome = boxes(&[Field::OutcomeStaffWords, Field::OutcomeChildWords]);
    view! {
        <section aria-labelledby="record" class="record">
            <h2 id="record" tabindex="-1">"Meeting record"</h2>
            {match recorded_at {
                Some(at) => view! { <p class="hint">{format!("Last saved {at}. Saving again replaces the record.")}</p> }.into_any(),
                None => view! { <p class="hint">"Not recorded yet. Saving the record marks the meeting as held."</p> }.into_any(),
            }}
            <ErrorSummary errors=Signal::derive(move || summary.clone()) />
            <ActionForm action attr:class="stack" attr:novalidate="true">
                <input type="hidden" name="meeting_id" value=meeting_id />
                <fieldset>
                    <legend class="question">"The whiteboard"</legend>
                    {whiteboard}
                </fieldset>
                <fieldset>
                    <legend class="question">"The outcome"</legend>
                    {outcome}
                </fieldset>
                <div>
                    <button type="submit" class="button primary">"Save the meeting record"</button>
                </div>
            </ActionForm>
        </section>
    }
}

#[component]
fn RecordBox(field: Field, value: String, problem: Option<&'static str>) -> impl IntoView {
    let name = field.name();
    let error_id = format!("{name}-error");
    let hint_id = format!("{name}-hint");
    let hint = field.hint();
    let described = [
        hint.map(|_| hint_id.clone()),
        problem.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let rows = if field == Field::OutcomeChildWords || field == Field::Plan {
        6
    } else {
        4
    };
    let error_static: &'static str = leak_free_id(name);
    view! {
        <div class="field" class:invalid=problem.is_some()>
            <label for=name>
                {field.label()}
                {(!field.required()).then(|| view! { <span class="optional">" (optional)"</span> })}
            </label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <FieldError id=error_static message=Signal::derive(move || problem) />
            <TextBox id=name name=name rows=rows maxlength=field.max() value
                attr:aria-describedby=(!described.is_empty()).then_some(described)
                attr:aria-invalid=problem.is_some().then_some("true") />
        </div>
    }
}

/// The error element's id for a box, as a `'static` string (FieldError takes one).
fn leak_free_id(name: &'static str) -> &'static str {
    match name {
        "worried_about_now" => "worried_about_now-error",
        "complicating_factors" => "complicating_factors-error",
        "going_well" => "going_well-error",
        "signs_of_safety" => "signs_of_safety-error",
        "plan" => "plan-error",
        "outcome_staff_words" => "outcome_staff_words-error",
        _ => "outcome_child_words-error",
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

    #[test]
    fn every_box_has_its_own_error_id() {
        for field in Field::ALL {
            assert_eq!(
                leak_free_id(field.name()),
                format!("{}-error", field.name())
            );
        }
    }
}
