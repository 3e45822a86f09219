//! "My views": the three houses, how I feel and anything else, one short page each; then how I
//! want to take part and who can see my views. Every page saves its part through the API
//! (`save`); a clash with another window keeps both texts.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::Serialize;

use super::ChildPage;
use super::data::{Child, with_child};
use super::journey::{Progress, Stop};
use super::layout::ReadAloud;
use super::typing::{TypingHelp, TypingWords};
use crate::components::{Pic, Picture, TextBox};
use crate::error::PageError;
use crate::model::{AttendanceChoice, Audience, Feeling, Step};
use crate::text::{self, text};

#[cfg(feature = "ssr")]
mod ops;
// The browser bundle needs only `Part`, `Go` and `Saved` (the autosave); the rest is the server's.
#[cfg_attr(not(feature = "ssr"), allow(dead_code, unused_imports))]
mod save;

use super::data::Limits;
pub use save::{Go, Part, Saved};

/// Save one page of the views: one write. Arguments are named as the form's inputs, so the same
/// form posts with JavaScript off.
#[leptos::server(prefix = "/api/child", endpoint = "save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_views(
    meeting_id: String,
    part: Part,
    version: i64,
    go: Go,
    items: Option<Vec<String>>,
    feeling: Option<Feeling>,
    words: Option<String>,
    attendance: Option<AttendanceChoice>,
    social_worker: Option<String>,
    chair: Option<String>,
    family: Option<String>,
    meeting: Option<String>,
    boxes: Option<usize>,
) -> Result<Saved, PageError> {
    use save::{Answer, SaveError};
    let shared_with = [
        (Audience::SocialWorker, social_worker),
        (Audience::Chair, chair),
        (Audience::Family, family),
        (Audience::Meeting, meeting),
    ]
    .into_iter()
    .filter_map(|(audience, ticked)| ticked.map(|_| audience))
    .collect();
    let answer = Answer::new(
        items.unwrap_or_default(),
        feeling,
        words,
        attendance,
        shared_with,
    );
    // An autosave names itself (the `Idempotency-Key` header, see `autosave`): sent again after
    // a lost answer, it is not written twice.
    let key = leptos::prelude::use_context::<http::request::Parts>().and_then(|parts| {
        parts
            .headers
            .get("idempotency-key")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    });
    let saved = match save::save(meeting_id, version, part, answer, key).await {
        Ok(saved) => saved,
        Err(SaveError::Invalid(problem)) => {
            if go != Go::Stay {
                leptos_axum::redirect(&format!("{}?error={problem}", part.href()));
            }
            return Err(PageError::Api {
                code: crate::error::ErrorCode::BadUserInput,
                message: problem.into(),
                details: serde_json::Value::Null,
            });
        }
        Err(SaveError::Page(error)) => return Err(error),
    };
    let mut to = match go {
        Go::Next => part.next_href(),
        Go::Back => part.back_href(),
        Go::More => format!("{}?boxes={}", part.href(), boxes.unwrap_or(1) + 1),
        Go::Stay => return Ok(saved),
    };
    if saved.kept_both {
        to = format!("{}?kept=both", part.href());
    }
    leptos_axum::redirect(&to);
    Ok(saved)
}

#[component]
pub fn ViewsStep() -> impl IntoView {
    let params = use_params_map();
    let step = move || {
        params
            .read()
            .get("step")
            .as_deref()
            .and_then(Step::from_slug)
    };
    move || match step() {
        Some(step) => with_child(move |child| view! { <StepPage child step /> }).into_any(),
        None => view! { <crate::pages::public::not_found::NotFound /> }.into_any(),
    }
}

#[component]
pub fn Coming() -> impl IntoView {
    with_child(|child| view! { <ComingPage child /> })
}

#[component]
pub fn WhoSees() -> impl IntoView {
    with_child(|child| view! { <WhoSeesPage child /> })
}

/// The frame of a journey page: title, picture, question, read-aloud, messages, and the form.
#[component]
fn JourneyForm(
    child: Child,
    part: Part,
    #[prop(into)] title: String,
    question: &'static str,
    hint: &'static str,
    picture: Pic,
    /// The catalogue key of the words read aloud (the question's).
    #[prop(into)]
    aloud: String,
    version: i64,
    children: Children,
) -> impl IntoView {
    let t = text();
    let query = use_query_map();
    let kept = move || query.read().get("kept").is_some();
    let error = move || match query.read().get("error").as_deref() {
        Some("too-long") => Some(t.too_long),
        Some("too-many") => Some(t.too_many),
        _ => None,
    };
    let action = ServerAction::<SaveViews>::new();
    let meeting_id = child
        .meeting
        .as_ref()
        .map(|m| m.id.clone())
        .unwrap_or_default();
    view! {
        <ChildPage title=title.clone() younger=child.younger signed_in=true>
            <Progress stop=Stop::Part(part) />
            <h1>
                <Picture pic=picture />
                {title}
            </h1>
            {move || kept().then(|| view! { <p class="notice" role="status">{t.kept_both}</p> })}
            {move || error().map(|e| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h2>{t.error_summary}</h2>
                    <p><a href="#answer">{e}</a></p>
                </div>
            })}
            <ActionForm action attr:class="stack" attr:id="views-form">
                <fieldset id="answer">
                    <legend class="question">{question}</legend>
                    <ReadAloud key=aloud />
                    <p class="hint">{hint}</p>
                    <input type="hidden" name="meeting_id" value=meeting_id />
                    <input type="hidden" name="part" value=serde_variant(&part) />
                    // The one version, with JavaScript or without: an autosave writes the new one here.
                    <input type="hidden" name="version" value=version.to_string() />
                    {children()}
                </fieldset>
                <div class="nav-buttons">
                    <button type="submit" name="go" value="next" class="button primary">{t.save_and_next}</button>
                    <button type="submit" name="go" value="back" class="button secondary">{t.back}</button>
                </div>
            </ActionForm>
        </ChildPage>
    }
}

/// A limit from the API as a count (never negative).
fn letters(limit: i64) -> usize {
    usize::try_from(limit).unwrap_or(0)
}

fn serde_variant<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[component]
fn StepPage(child: Child, step: Step) -> impl IntoView {
    let words = text::step(step);
    let views = child.views().cloned();
    let version = child.version();
    let title = child.names.step_title(step);
    let body = match step {
        Step::Feelings => view! { <FeelingChoice chosen=views.as_ref().and_then(|v| v.feeling) /> }.into_any(),
        Step::AnythingElse => view! {
            <AutosavedText part=Part::AnythingElse name="words" label=words.title
                value=views.as_ref().and_then(|v| v.free_words.clone()).unwrap_or_default() max=letters(child.limits.free_words_letters) rows=8 />
        }
        .into_any(),
        _ => {
            let items = views
                .map(|v| match step {
                    Step::Worries => v.worries,
                    Step::GoingWell => v.going_well,
                    _ => v.want_to_happen,
                })
                .unwrap_or_default();
            view! { <ItemBoxes part=Part::of(step) items limits=child.limits.clone() /> }.into_any()
        }
    };
    view! {
        <JourneyForm child part=Part::of(step) title question=words.question hint=words.hint
            picture=Pic::Step(step) aloud=crate::text::step_question_key(step) version>
            {body}
        </JourneyForm>
    }
}

/// One box per thing, plus an empty one; "Add another" saves and adds a box without JavaScript.
#[component]
fn ItemBoxes(part: Part, items: Vec<String>, limits: Limits) -> impl IntoView {
    let most = letters(limits.views_items);
    let t = text();
    let query = use_query_map();
    let wanted: usize = query
        .read_untracked()
        .get("boxes")
        .and_then(|b| b.parse().ok())
        .unwrap_or(1);
    let count = (items.len() + 1).max(wanted).min(most);
    let boxes = (0..count)
        .map(|i| {
            let value = items.get(i).cloned().unwrap_or_default();
            let label = crate::text::phrase::item_label(i + 1);
            view! {
                <AutosavedText part name=format!("items[{i}]") id=format!("item-{i}")
                    label=label value max=letters(limits.views_item_letters) rows=3 />
            }
        })
        .collect_view();
    view! {
        <input type="hidden" name="boxes" value=count.to_string() />
        {boxes}
        {(count < most).then(|| view! {
            <button type="submit" name="go" value="more" class="button secondary add">
                <span aria-hidden="true">"➕ "</span>{t.add_another}
            </button>
        })}
    }
}

/// A text box with a live letter count that saves itself a moment after the child stops typing
/// (with JavaScript: `TypingHelp`).
#[component]
fn AutosavedText(
    part: Part,
    #[prop(into)] name: String,
    #[prop(into, optional)] id: Option<String>,
    #[prop(into)] label: String,
    value: String,
    max: usize,
    rows: u32,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| name.clone());
    let count_id = format!("{id}-count");
    let letters = value.chars().count();
    view! {
        <TypingHelp part max letters count_id=count_id.clone() words=TypingWords::from_text()>
            <label for=id.clone()>{label}</label>
            <TextBox id=id name=name rows=rows maxlength=max value attr:aria-describedby=count_id />
        </TypingHelp>
    }
}

#[component]
fn FeelingChoice(chosen: Option<Feeling>) -> impl IntoView {
    view! {
        <div class="feelings" role="radiogroup">
            {Feeling::ALL
                .into_iter()
                .map(|feeling| {
                    let (_, words) = text::feeling(feeling);
                    let value = serde_variant(&feeling);
                    let id = format!("feeling-{}", value.to_lowercase());
                    view! {
                        <div class="feeling">
                            <input type="radio" name="feeling" id=id.clone() value=value checked=chosen == Some(feeling) />
                            <label for=id>
                                <Picture pic=Pic::Feeling(feeling) />
                                <span>{words}</span>
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
fn ComingPage(child: Child) -> impl IntoView {
    let t = text();
    let chosen = child.views().and_then(|v| v.attendance);
    let version = child.version();
    let choices = AttendanceChoice::ALL
        .into_iter()
        .map(|choice| {
            let (words, means) = text::attendance(choice);
            let value = serde_variant(&choice);
            let id = format!("coming-{}", value.to_lowercase());
            let hint = format!("{id}-hint");
            view! {
                <div class="choice">
                    <input type="radio" name="attendance" id=id.clone() value=value
                        checked=chosen == Some(choice) aria-describedby=hint.clone() />
                    <label for=id><Picture pic=Pic::Attendance(choice) />{words}</label>
                    <p class="hint" id=hint>{means}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <JourneyForm child part=Part::Coming title=t.coming_title question=t.coming_question
            hint="" picture=Pic::Attendance(AttendanceChoice::Attend) aloud="coming_question" version>
            {choices}
        </JourneyForm>
    }
}

#[component]
fn WhoSeesPage(child: Child) -> impl IntoView {
    let t = text();
    let shared = child
        .views()
        .map(|v| v.shared_with.clone())
        .unwrap_or_default();
    let version = child.version();
    // Only who this kind of meeting allows, as the API says.
    let audiences = child
        .meeting
        .as_ref()
        .map(|m| m.allowed_audiences.clone())
        .unwrap_or_default();
    let choices = audiences
        .into_iter()
        .map(|audience| {
            let (words, means) = text::audience(audience);
            let on = shared.contains(&audience);
            let name = match audience {
                Audience::SocialWorker => "social_worker",
                Audience::Chair => "chair",
                Audience::Family => "family",
                Audience::Meeting => "meeting",
            };
            let hint = format!("{name}-hint");
            // Honest consent: for each person picked, whether the views have got to them yet.
            let went = child
                .reached
                .iter()
                .find(|(a, _)| *a == audience)
                .map(|(_, day)| match day {
                    Some(day) => crate::text::phrase::views_got_there(day),
                    None => t.views_not_there_yet.to_owned(),
                });
            view! {
                <div class="choice">
                    <input type="checkbox" name=name id=name value="on" checked=on aria-describedby=hint.clone() />
                    <label for=name><Picture pic=Pic::Audience(audience) />{words}</label>
                    <p class="hint" id=hint>{means}</p>
                    {went.map(|went| view! { <p class="went">{went}</p> })}
                </div>
            }
        })
        .collect_view();
    view! {
        <JourneyForm child part=Part::WhoSees title=t.who_sees_title question=t.who_sees_question
            hint=t.who_sees_hint picture=Pic::WhoSees aloud="who_sees_question" version>
            <p>{t.who_sees_advocate}</p>
            {choices}
        </JourneyForm>
    }
}
