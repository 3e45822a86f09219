//! "You said → we decided": each thing the child said and what the meeting decided about it, in
//! plain words. Shown once the meeting is recorded; nothing is shown while there are no answers.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::AnswerKind;
use crate::text::text;

/// One point the child made and the meeting's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answered {
    pub said: String,
    pub kind: AnswerKind,
    pub words: Option<String>,
}

/// The answers in the page's one read.
#[cfg(feature = "ssr")]
pub fn of(
    meeting: Option<&super::ops::after_meeting::AfterMeetingMyCurrentMeeting>,
) -> Vec<Answered> {
    meeting
        .map(|m| {
            m.answers
                .iter()
                .map(|a| Answered {
                    said: a.said.clone(),
                    kind: a.kind,
                    words: a.words.clone(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The meeting's answer as the child reads it: a plain lead-in for the kind, then the chair's words.
pub fn in_words(kind: AnswerKind, words: Option<&str>) -> String {
    let t = text();
    let words = words.map(str::trim).filter(|w| !w.is_empty());
    let lead = match kind {
        AnswerKind::Agreed => t.answer_agreed,
        AnswerKind::NotThisTime => t.answer_not_this_time,
        AnswerKind::TalkAboutLater => t.answer_later,
        AnswerKind::AdvocateWillExplain => t.answer_advocate,
    };
    match words {
        Some(words) => format!("{lead} {words}"),
        None => lead.to_owned(),
    }
}

#[component]
pub fn Answers(answers: Vec<Answered>) -> impl IntoView {
    let t = text();
    (!answers.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="answers">
                <h2 id="answers"><span class="picture" aria-hidden="true">"💬 "</span>{t.answers_title}</h2>
                <ul class="answers">
                    {answers.into_iter().map(|a| view! {
                        <li>
                            <p class="said">{format!("{} {}", t.you_said, a.said)}</p>
                            <p>{in_words(a.kind, a.words.as_deref())}</p>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_reads_plainly() {
        assert_eq!(in_words(AnswerKind::Agreed, None), "The meeting agreed.");
        assert_eq!(
            in_words(AnswerKind::NotThisTime, Some("you are not old enough yet.")),
            "Not this time, because you are not old enough yet."
        );
        assert_eq!(
            in_words(AnswerKind::TalkAboutLater, Some("at your next meeting.")),
            "We will talk about it at your next meeting."
        );
        assert_eq!(
            in_words(AnswerKind::AdvocateWillExplain, Some(" ")),
            "Your advocate will explain."
        );
    }
}
