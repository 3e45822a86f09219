//! The child's words on the case page (issue 20): messages to the child with the child's answers
//! (and a form to send one); the child's views written down by the advocate from a visit or a
//! paper sheet; and "the child confirmed this in person on …". Plain forms that come back to the
//! case, so they work with JavaScript off.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::CaseFile;
use crate::components::TextBox;
use crate::error::PageError;
use crate::model::{AttendanceChoice, Feeling};

/// Longest message to a child the API accepts.
pub const MESSAGE_MAX: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reply {
    ThankYou,
    Question,
}

/// A message to the child, as the case page lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SentMessage {
    pub words: String,
    /// "Sam Advocate (advocate)".
    pub from: String,
    pub sent: String,
    pub seen: Option<String>,
    pub reply: Option<Reply>,
}

/// "Record the child's words", as typed. Input names are `form[<field>]`; lists one per line.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RecordForm {
    pub case_id: String,
    pub worries: String,
    pub going_well: String,
    pub want_to_happen: String,
    pub feeling: String,
    pub free_words: String,
    pub attendance: String,
    pub social_worker: Option<String>,
    pub chair: Option<String>,
    pub family: Option<String>,
    pub meeting: Option<String>,
    /// `visit` or `paper`.
    pub how: String,
}

/// A choice from a `<select>` by its GraphQL name; nothing chosen (or anything else) is `None`.
#[cfg(feature = "ssr")]
fn pick<T: serde::de::DeserializeOwned>(text: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(text.into())).ok()
}

/// A message the child sees on their next visit.
#[leptos::server(prefix = "/api/staff", endpoint = "case-message")]
pub async fn send_message(
    case_id: String,
    child_id: String,
    words: String,
) -> Result<(), PageError> {
    use super::ops::{self, send_case_message};
    use crate::pages::staff::api::server::exec;
    let href = super::server::href(&case_id)?;
    let words = words.replace("\r\n", "\n").trim().to_owned();
    if words.is_empty() || words.chars().count() > MESSAGE_MAX {
        leptos_axum::redirect(&format!("{href}?problem=message-empty#messages-title"));
        return Ok(());
    }
    let sent = exec::<ops::SendCaseMessage>(send_case_message::Variables { child_id, words }).await;
    super::server::after(&href, sent, "message-sent", "message-failed")
}

/// The child's views, written down by the advocate; submitted at once, to be confirmed.
#[leptos::server(prefix = "/api/staff", endpoint = "case-record-views")]
pub async fn record_views(form: RecordForm) -> Result<(), PageError> {
    use super::ops::{self, record_views_for_child as rec};
    use crate::pages::staff::api::server::exec;
    let href = super::server::href(&form.case_id)?;
    let lines = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let mut shared_with = Vec::new();
    for (ticked, audience) in [
        (&form.social_worker, crate::model::Audience::SocialWorker),
        (&form.chair, crate::model::Audience::Chair),
        (&form.family, crate::model::Audience::Family),
        (&form.meeting, crate::model::Audience::Meeting),
    ] {
        if ticked.is_some() {
            shared_with.push(audience);
        }
    }
    let free_words = form.free_words.replace("\r\n", "\n");
    let input = rec::ViewsInput {
        worries: lines(&form.worries),
        going_well: lines(&form.going_well),
        want_to_happen: lines(&form.want_to_happen),
        feeling: pick(&form.feeling),
        free_words: Some(free_words.trim().to_owned()).filter(|w| !w.is_empty()),
        attendance: pick(&form.attendance),
        share_with_social_worker: None,
        share_with_chair: None,
        share_with_family: None,
        share_with_meeting: None,
        shared_with: Some(shared_with),
    };
    let how = if form.how == "paper" {
        rec::RecordedHow::PAPER
    } else {
        rec::RecordedHow::VISIT
    };
    let vars = rec::Variables {
        case_id: form.case_id.clone(),
        input,
        how,
    };
    let saved = exec::<ops::RecordViewsForChild>(vars).await;
    super::server::after(&href, saved, "views-recorded", "record-failed")
}

/// The child said, in person, that the words the advocate wrote are right.
#[leptos::server(prefix = "/api/staff", endpoint = "case-confirmed-in-person")]
pub async fn confirmed_in_person(case_id: String, on: String) -> Result<(), PageError> {
    use super::ops::{self, child_confirmed_in_person as conf};
    use crate::pages::staff::api::server::exec;
    let href = super::server::href(&case_id)?;
    let Ok(on) = chrono::NaiveDate::parse_from_str(on.trim(), "%Y-%m-%d") else {
        leptos_axum::redirect(&format!("{href}?problem=confirm-date#confirm-title"));
        return Ok(());
    };
    let done = exec::<ops::ChildConfirmedInPerson>(conf::Variables { case_id, on }).await;
    super::server::after(&href, done, "confirmed", "confirm-failed")
}

/// What one of these forms did, for the case page's notice.
pub fn notice(done: Option<&str>, problem: Option<&str>, child: &str) -> Option<(bool, String)> {
    match (done, problem) {
        (Some("message-sent"), _) => Some((
            true,
            format!("Your message was sent. {child} sees it on their next visit."),
        )),
        (_, Some("message-empty")) => Some((
            false,
            format!("Write the message first: up to {MESSAGE_MAX} characters."),
        )),
        (_, Some("message-failed")) => Some((false, "The message was not sent. Try again.".into())),
        (Some("views-recorded"), _) => Some((
            true,
            format!("{child}'s words were recorded. They show as written by you until {child} confirms them."),
        )),
        (_, Some("record-failed")) => Some((
            false,
            "The words were not recorded. Check them (20 things at most in each list) and try again.".into(),
        )),
        (Some("confirmed"), _) => Some((true, format!("Recorded: {child} confirmed the words in person."))),
        (_, Some("confirm-date")) => Some((false, "Give the day as a date, like 2026-12-07.".into())),
        (_, Some("confirm-failed")) => Some((
            false,
            "The confirmation was not recorded. The day cannot be in the future.".into(),
        )),
        _ => None,
    }
}

/// Messages to the child, the answers, and a form to send one.
#[component]
pub fn MessagesSection(case: CaseFile) -> impl IntoView {
    let send = ServerAction::<SendMessage>::new();
    let open = case.closed.is_none();
    let child = case.child.name.clone();
    view! {
        <section class="case-section" aria-labelledby="messages-title">
            <h2 id="messages-title">{format!("Messages to {child}")}</h2>
            <p class="hint">"A short message the child sees on their next visit. The child can answer only \"Thank you\" or \"I have a question\"."</p>
            {if case.messages.is_empty() {
                view! { <p>"No messages yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="messages">
                        {case.messages.iter().map(|m| {
                            let answer = match (m.reply, &m.seen) {
                                (Some(Reply::Question), _) => format!("{child} has a question: please get in touch."),
                                (Some(Reply::ThankYou), _) => format!("{child} said thank you."),
                                (None, Some(seen)) => format!("Seen {seen}. No answer yet."),
                                (None, None) => "Not seen yet.".to_owned(),
                            };
                            let question = m.reply == Some(Reply::Question);
                            view! {
                                <li>
                                    <p class="views-meta">{format!("{} · {}", m.from, m.sent)}</p>
                                    <blockquote>{m.words.clone()}</blockquote>
                                    <p class=if question { "adv-notice problem" } else { "" }>{answer}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            {open.then(|| view! {
                <ActionForm action=send>
                    <input type="hidden" name="case_id" value=case.id.clone() />
                    <input type="hidden" name="child_id" value=case.child_id.clone() />
                    <label for="message-words">{format!("Message to {child}")}</label>
                    <TextBox id="message-words" name="words" rows=3 maxlength=MESSAGE_MAX />
                    <button type="submit" class="button">"Send the message"</button>
                </ActionForm>
            })}
        </section>
    }
}

/// Record the child's words from a visit or a paper sheet; and, when the advocate wrote the current
/// views, record that the child confirmed them in person.
#[component]
pub fn RecordSection(case: CaseFile) -> impl IntoView {
    let record = ServerAction::<RecordViews>::new();
    let confirm = ServerAction::<ConfirmedInPerson>::new();
    let child = case.child.name.clone();
    let unconfirmed = case
        .views
        .as_ref()
        .is_some_and(|v| v.authorship.by_advocate && v.authorship.confirmed.is_none());
    let today = chrono::Utc::now().date_naive().to_string();
    let (case_id, who) = (case.id.clone(), child.clone());
    let list = |id: &'static str, label: &'static str| {
        view! {
            <label for=format!("record-{id}")>{label}</label>
            <TextBox id=format!("record-{id}") name=format!("form[{id}]") rows=3 maxlength=20_000 />
        }
    };
    view! {
        {unconfirmed.then(move || view! {
            <section class="case-section" aria-labelledby="confirm-title">
                <h2 id="confirm-title">"Confirmed in person"</h2>
                <p class="hint">{format!("The words you wrote are not yet confirmed by {who}. If {who} told you they are right, record the day.")}</p>
                <ActionForm action=confirm>
                    <input type="hidden" name="case_id" value=case_id />
                    <label for="confirm-on">{"The child confirmed this in person on"}</label>
                    <input id="confirm-on" type="date" name="on" value=today.clone() max=today.clone() required />
                    <button type="submit" class="button">{format!("{who} confirmed this in person")}</button>
                </ActionForm>
            </section>
        })}
        <section class="case-section" aria-labelledby="record-title">
            <h2 id="record-title">{format!("Write down {child}'s words")}</h2>
            <p class="hint">{format!("From a visit or a paper sheet, in {child}'s exact words. They are sent as {child}'s views, marked \"written by the advocate\" until {child} confirms them. Earlier versions are kept.")}</p>
            <ActionForm action=record>
                <input type="hidden" name="form[case_id]" value=case.id.clone() />
                <fieldset>
                    <legend>"Where you heard them"</legend>
                    <label><input type="radio" name="form[how]" value="visit" checked />" On a visit"</label>
                    <label><input type="radio" name="form[how]" value="paper" />" From a paper sheet"</label>
                </fieldset>
                <p class="hint">"One thing per line."</p>
                {list("worries", "Things they worry about")}
                {list("going_well", "Things that are going well")}
                {list("want_to_happen", "What they want to happen")}
                <label for="record-feeling">"How they feel (optional)"</label>
                <select id="record-feeling" name="form[feeling]">
                    <option value="">"Not said"</option>
                    {Feeling::ALL.iter().map(|f| {
                        let value = serde_json::to_value(f).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                        view! { <option value=value>{crate::text::feeling(*f).0}</option> }
                    }).collect_view()}
                </select>
                <label for="record-free_words">"Anything else they said"</label>
                <TextBox id="record-free_words" name="form[free_words]" rows=3 maxlength=10_000 />
                <label for="record-attendance">"How they want to take part"</label>
                <select id="record-attendance" name="form[attendance]">
                    <option value="">"Not said"</option>
                    {AttendanceChoice::ALL.iter().map(|a| {
                        let value = serde_json::to_value(a).ok().and_then(|v| v.as_str().map(str::to_owned)).unwrap_or_default();
                        view! { <option value=value>{crate::text::attendance(*a).0}</option> }
                    }).collect_view()}
                </select>
                <fieldset>
                    <legend>"Who they agree may see them"</legend>
                    <label><input type="checkbox" name="form[social_worker]" value="yes" />" Social worker"</label>
                    <label><input type="checkbox" name="form[chair]" value="yes" />" Chair (ISRO)"</label>
                    <label><input type="checkbox" name="form[family]" value="yes" />" Family"</label>
                    <label><input type="checkbox" name="form[meeting]" value="yes" />" Everyone at the meeting"</label>
                </fieldset>
                <button type="submit" class="button">{format!("Record {child}'s words")}</button>
            </ActionForm>
        </section>
    }
}
