//! "You said → we decided" on the record form: each point a child made in views shared with the
//! chair, with a choice of answer and the answer's words for the child. Plain form fields
//! (`answers[i][…]`), so they post with the record when JavaScript is off; what was typed comes back
//! through the escaping text box when the API refuses the record.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::components::{FieldError, TextBox};
use crate::model::{AnswerKind, ViewPart};

/// Letters per answer, as the API allows (api/src/answers/mod.rs).
pub const WORDS_MAX: usize = 2_000;

/// One point the child made, in their exact words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointRow {
    pub part: ViewPart,
    pub index: i64,
    pub said: String,
}

/// One child's points, from the views shared with the chair.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChildPoints {
    pub child: String,
    pub views_id: String,
    pub points: Vec<PointRow>,
}

/// The answer to one point as saved, or as typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerValue {
    pub views_id: String,
    pub part: ViewPart,
    pub index: i64,
    pub kind: Option<AnswerKind>,
    pub words: String,
}

/// One answer as the form posts it (`answers[i][views_id]`, …); anything may be missing or odd.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerField {
    #[serde(default)]
    pub views_id: String,
    #[serde(default)]
    pub part: String,
    #[serde(default)]
    pub index: String,
    #[serde(default)]
    pub kind: Option<String>,
    #[serde(default)]
    pub words: String,
}

impl AnswerField {
    /// The point it answers and what was chosen and typed; none for a field that names no point.
    pub fn value(self) -> Option<AnswerValue> {
        let part = serde_json::from_value(serde_json::Value::String(self.part)).ok()?;
        Some(AnswerValue {
            views_id: self.views_id,
            part,
            index: self.index.trim().parse().ok()?,
            kind: self.kind.as_deref().and_then(AnswerKind::from_code),
            words: self.words.replace("\r\n", "\n"),
        })
    }
}

fn part_label(part: ViewPart, index: i64) -> String {
    match part {
        ViewPart::Worries => format!("Worry {}", index + 1),
        ViewPart::GoingWell => format!("Going well {}", index + 1),
        ViewPart::WantToHappen => format!("Wants to happen {}", index + 1),
        ViewPart::FreeWords => "Anything else".to_owned(),
    }
}

fn kind_label(kind: AnswerKind) -> &'static str {
    match kind {
        AnswerKind::Agreed => "Agreed",
        AnswerKind::NotThisTime => "Not this time, because …",
        AnswerKind::TalkAboutLater => "We will talk about it …",
        AnswerKind::AdvocateWillExplain => "The advocate will explain",
    }
}

/// Every child's points with a choice of answer and a box for its words.
#[component]
pub fn PointAnswers(
    children: Vec<ChildPoints>,
    values: Vec<AnswerValue>,
    problem: Option<&'static str>,
) -> impl IntoView {
    let mut n = 0usize;
    let rows = children
        .into_iter()
        .map(|child| {
            let points = child
                .points
                .into_iter()
                .map(|point| {
                    let i = n;
                    n += 1;
                    let value = values.iter().find(|v| {
                        v.views_id == child.views_id
                            && v.part == point.part
                            && v.index == point.index
                    });
                    let kind = value.and_then(|v| v.kind);
                    let words = value.map(|v| v.words.clone()).unwrap_or_default();
                    view! {
                        <PointAnswer i child=child.child.clone() views_id=child.views_id.clone()
                            point kind words />
                    }
                })
                .collect_view();
            view! {
                <h3>{format!("{}'s points", child.child)}</h3>
                {points}
            }
        })
        .collect_view();
    view! {
        <fieldset id="answers" class="answers" class:invalid=problem.is_some()>
            <legend class="question">"What the child said, and the meeting's answers"</legend>
            <p class="hint">
                "Answer each point in words the child will read on their page: \"You said … - the \
                 meeting decided …\". Short sentences, plain words. The record cannot be saved \
                 while a point has no answer."
            </p>
            <FieldError id="answers-error" message=Signal::derive(move || problem) />
            {rows}
        </fieldset>
    }
}

#[component]
fn PointAnswer(
    i: usize,
    child: String,
    views_id: String,
    point: PointRow,
    kind: Option<AnswerKind>,
    words: String,
) -> impl IntoView {
    let name = |field: &str| format!("answers[{i}][{field}]");
    let part_code = serde_json::to_value(point.part)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default();
    let words_id = format!("answers-{i}-words");
    let choices = AnswerKind::ALL
        .into_iter()
        .map(|choice| {
            let id = format!("answers-{i}-{}", choice.code().to_lowercase());
            view! {
                <div class="radio">
                    <input type="radio" id=id.clone() name=name("kind") value=choice.code()
                        checked=kind == Some(choice) />
                    <label for=id>{kind_label(choice)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="point">
            <legend>{format!("{} - {child} said: \u{201c}{}\u{201d}", part_label(point.part, point.index), point.said)}</legend>
            <input type="hidden" name=name("views_id") value=views_id />
            <input type="hidden" name=name("part") value=part_code />
            <input type="hidden" name=name("index") value=point.index.to_string() />
            {choices}
            <label for=words_id.clone()>"The answer, for the child"</label>
            <TextBox id=words_id name=name("words") rows=2 maxlength=WORDS_MAX value=words />
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posted_fields_become_answers() {
        let field = AnswerField {
            views_id: "Views:1".into(),
            part: "GOING_WELL".into(),
            index: "2".into(),
            kind: Some("NOT_THIS_TIME".into()),
            words: "you are\r\nnot ready".into(),
        };
        let value = field.value().unwrap();
        assert_eq!(value.part, ViewPart::GoingWell);
        assert_eq!(value.index, 2);
        assert_eq!(value.kind, Some(AnswerKind::NotThisTime));
        assert_eq!(value.words, "you are\nnot ready");
        let odd = AnswerField {
            part: "HOUSE".into(),
            ..AnswerField::default()
        };
        assert_eq!(odd.value(), None);
    }
}
