//! The meeting record form: the five whiteboard headings and the outcome in staff words and in the
//! child's words. The API checks it; when it refuses, the form comes back with the message beside
//! the field, an error summary, and every word that was typed (kept on the server for a while, so
//! this works without JavaScript too).
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::{ErrorSummary, FieldError, TextBox};
use crate::error::PageError;

mod answers;
#[cfg(feature = "ssr")]
mod ops;
mod problem;

pub use answers::{AnswerField, AnswerValue, ChildPoints, PointRow};
pub use problem::{Field, Problem};

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
    /// The answer to each of the children's points.
    #[serde(default)]
    pub answers: Vec<AnswerValue>,
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
    answers: Option<Vec<AnswerField>>,
) -> Result<(), PageError> {
    use crate::error::ErrorCode;
    use crate::pages::staff::api::server;
    use ops::record_meeting::{PointAnswerInput, RecordMeetingInput, Variables};

    // One write: the API refuses anyone but the meeting's chair.
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
        answers: answers
            .unwrap_or_default()
            .into_iter()
            .filter_map(AnswerField::value)
            .collect(),
    };
    let blank = |s: &str| (!s.trim().is_empty()).then(|| s.to_owned());
    // A point with no choice is not sent: the API counts it as still needing an answer.
    let answers = values
        .answers
        .iter()
        .filter_map(|a| {
            Some(PointAnswerInput {
                views_id: a.views_id.clone(),
                part: a.part,
                index: a.index,
                kind: a.kind?,
                words: blank(&a.words),
            })
        })
        .collect();
    let input = RecordMeetingInput {
        worried_about_now: blank(&values.worried_about_now),
        complicating_factors: blank(&values.complicating_factors),
        going_well: blank(&values.going_well),
        signs_of_safety: blank(&values.signs_of_safety),
        plan: values.plan.clone(),
        outcome_staff_words: values.outcome_staff_words.clone(),
        outcome_child_words: values.outcome_child_words.clone(),
        answers,
    };
    let page = meeting_href(&meeting_id);
    let saved = server::exec::<ops::RecordMeeting>(Variables {
        meeting_id: meeting_id.clone(),
        input,
    })
    .await;
    match saved {
        Ok(saved) => {
            drafts::forget().await;
            let stamp = saved
                .record_meeting
                .recorded_at
                .map(|at| at.to_rfc3339())
                .unwrap_or_default();
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
    /// Each child's points, from the views shared with the chair.
    points: Vec<ChildPoints>,
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
    let answers_problem = record_problems
        .iter()
        .find(|p| p.target() == "answers")
        .map(|p| p.message());
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
    let answers = (!points.is_empty()).then(|| {
        view! { <answers::PointAnswers children=points values=values.answers.clone() problem=answers_problem /> }
    });
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
                {answers}
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
    fn every_box_has_its_own_error_id() {
        for field in Field::ALL {
            assert_eq!(
                leak_free_id(field.name()),
                format!("{}-error", field.name())
            );
        }
    }
}
