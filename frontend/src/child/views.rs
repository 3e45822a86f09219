//! "My views": the three houses, how I feel and anything else, one short page each; then how I
//! want to take part and who can see my views. Every page saves the draft through the API; a
//! version clash with another window keeps both texts.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::ChildPage;
use super::data::{Child, Views, load_child};
use super::layout::ReadAloud;
use super::typing::{TypingHelp, TypingWords};
use crate::components::TextBox;
use crate::error::PageError;
use crate::model::{AttendanceChoice, Audience, Feeling, Step};
use crate::text::{self, text};

/// Most boxes per house, and letters per box, as the API allows.
pub const MAX_ITEMS: usize = 20;
pub const MAX_ITEM_LETTERS: usize = 2000;
pub const MAX_WORDS_LETTERS: usize = 10000;

/// A page of the views journey that saves something.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Part {
    Worries,
    GoingWell,
    WantToHappen,
    Feelings,
    AnythingElse,
    Coming,
    WhoSees,
}

#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
impl Part {
    const ORDER: [Part; 7] = [
        Self::Worries,
        Self::GoingWell,
        Self::WantToHappen,
        Self::Feelings,
        Self::AnythingElse,
        Self::Coming,
        Self::WhoSees,
    ];

    pub fn of(step: Step) -> Self {
        match step {
            Step::Worries => Self::Worries,
            Step::GoingWell => Self::GoingWell,
            Step::WantToHappen => Self::WantToHappen,
            Step::Feelings => Self::Feelings,
            Step::AnythingElse => Self::AnythingElse,
        }
    }

    pub fn href(self) -> String {
        match self {
            Self::Coming => "/me/coming".into(),
            Self::WhoSees => "/me/who-sees".into(),
            Self::Worries => Step::Worries.href(),
            Self::GoingWell => Step::GoingWell.href(),
            Self::WantToHappen => Step::WantToHappen.href(),
            Self::Feelings => Step::Feelings.href(),
            Self::AnythingElse => Step::AnythingElse.href(),
        }
    }

    fn index(self) -> usize {
        Self::ORDER.iter().position(|p| *p == self).unwrap_or(0)
    }

    fn next_href(self) -> String {
        Self::ORDER
            .get(self.index() + 1)
            .map_or_else(|| "/me/check".into(), |p| p.href())
    }

    fn back_href(self) -> String {
        self.index()
            .checked_sub(1)
            .map_or_else(|| "/me".into(), |i| Self::ORDER[i].href())
    }
}

/// Where to go once saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Go {
    Next,
    Back,
    /// One more empty box on the same page.
    More,
    /// Autosave: stay, no redirect.
    Stay,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub version: i32,
    /// Another window had saved too; both texts were kept.
    pub kept_both: bool,
}

/// Save one page of the views. Arguments are named as the form's inputs, so the same form posts
/// with JavaScript off.
#[leptos::server(prefix = "/api/child", endpoint = "save")]
#[allow(clippy::too_many_arguments)]
pub async fn save_views(
    part: Part,
    version: i32,
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
    let answer = Answer {
        part,
        items: items.unwrap_or_default(),
        feeling,
        words,
        attendance,
        share: [
            (Audience::SocialWorker, social_worker.is_some()),
            (Audience::Chair, chair.is_some()),
            (Audience::Family, family.is_some()),
            (Audience::Meeting, meeting.is_some()),
        ],
    };
    let outcome = server::save(version, answer).await;
    let saved = match outcome {
        Ok(saved) => saved,
        Err(server::SaveError::Invalid(problem)) => {
            if go != Go::Stay {
                leptos_axum::redirect(&format!("{}?error={problem}", part.href()));
            }
            return Err(PageError::Api {
                code: crate::error::ErrorCode::BadUserInput,
                message: problem.into(),
                details: serde_json::Value::Null,
            });
        }
        Err(server::SaveError::Page(error)) => return Err(error),
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

/// What one page of the journey answers.
#[derive(Debug, Clone)]
pub struct Answer {
    pub part: Part,
    pub items: Vec<String>,
    pub feeling: Option<Feeling>,
    pub words: Option<String>,
    pub attendance: Option<AttendanceChoice>,
    pub share: [(Audience, bool); 4],
}

impl Answer {
    /// Put this page's answer into the views; with `keep` (a clash), keep what is there too.
    pub fn apply(&self, views: &mut Views, keep: bool) {
        let items: Vec<String> = self
            .items
            .iter()
            .map(|item| in_own_words(item))
            .filter(|item| !item.is_empty())
            .collect();
        let list = match self.part {
            Part::Worries => Some(&mut views.words.worries),
            Part::GoingWell => Some(&mut views.words.going_well),
            Part::WantToHappen => Some(&mut views.words.want_to_happen),
            _ => None,
        };
        if let Some(list) = list {
            if keep {
                for item in items {
                    if !list.contains(&item) {
                        list.push(item);
                    }
                }
            } else {
                *list = items;
            }
            return;
        }
        match self.part {
            Part::Feelings => views.words.feeling = self.feeling,
            Part::AnythingElse => {
                let mine = self
                    .words
                    .as_deref()
                    .map(in_own_words)
                    .filter(|w| !w.is_empty());
                views.words.free_words = match (keep, views.words.free_words.as_deref(), mine) {
                    (true, Some(theirs), Some(mine)) if theirs != mine => {
                        Some(format!("{theirs}\n\n{mine}"))
                    }
                    (true, Some(theirs), None) => Some(theirs.to_owned()),
                    (_, _, mine) => mine,
                };
            }
            Part::Coming => views.words.attendance = self.attendance,
            Part::WhoSees => {
                for (audience, on) in self.share {
                    match audience {
                        Audience::SocialWorker => views.share_with_social_worker = on,
                        Audience::Chair => views.share_with_chair = on,
                        Audience::Family => views.share_with_family = on,
                        Audience::Meeting => views.share_with_meeting = on,
                    }
                }
            }
            _ => {}
        }
    }
}

/// A box's words as the child meant them: no spaces around, and line breaks as `\n` whichever way
/// they came (a plain form post sends `\r\n`, the enhanced page `\n`).
fn in_own_words(typed: &str) -> String {
    typed.trim().replace("\r\n", "\n")
}

#[cfg(feature = "ssr")]
pub mod server {
    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::*;
    use crate::child::data::server::{VIEWS_FIELDS, load, signed_in};
    use crate::components::VIEWS_WORDS_FIELDS;
    use crate::error::ErrorCode;

    pub enum SaveError {
        /// The child can fix it: a slug for the page's message.
        Invalid(&'static str),
        Page(PageError),
    }

    impl From<PageError> for SaveError {
        fn from(error: PageError) -> Self {
            Self::Page(error)
        }
    }

    #[derive(Deserialize)]
    struct SavedViews {
        #[serde(rename = "saveViewsDraft")]
        saved: Views,
    }

    pub async fn save(version: i32, answer: Answer) -> Result<Saved, SaveError> {
        if answer.items.len() > MAX_ITEMS {
            return Err(SaveError::Invalid("too-many"));
        }
        let child = load().await?;
        let meeting = child
            .meeting
            .as_ref()
            .ok_or(PageError::Unexpected)?
            .id
            .clone();
        let mut views = child.views_or_empty();
        answer.apply(&mut views, false);
        match draft(&meeting, version, &views).await {
            Err(PageError::Api {
                code: ErrorCode::Conflict,
                details,
                ..
            }) => {
                // Another window saved first: keep its words and these.
                let mut current: Views =
                    serde_json::from_value(details["current"].clone()).unwrap_or_default();
                let mut mine = current.clone();
                answer.apply(&mut mine, false);
                answer.apply(&mut current, true);
                let saved = draft(&meeting, current.version, &current).await?;
                // Only worth a message when the other window had words this page did not (not,
                // say, this page's own autosave arriving first).
                Ok(Saved {
                    version: saved.version,
                    kept_both: current != mine,
                })
            }
            Err(PageError::Api {
                code: ErrorCode::BadUserInput,
                ..
            }) => Err(SaveError::Invalid("too-long")),
            Err(other) => Err(other.into()),
            Ok(saved) => Ok(Saved {
                version: saved.version,
                kept_both: false,
            }),
        }
    }

    async fn draft(meeting: &str, version: i32, views: &Views) -> Result<Views, PageError> {
        let query = format!(
            "mutation Save($m: ID!, $v: Int!, $c: ViewsInput!) {{
                saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) {{ {VIEWS_FIELDS} {VIEWS_WORDS_FIELDS} }} }}"
        );
        let saved: SavedViews = signed_in(
            crate::gql::run(
                query,
                json!({ "m": meeting, "v": version, "c": input(views) }),
            )
            .await,
        )?;
        crate::session::touch();
        Ok(saved.saved)
    }

    /// The views as the API's `ViewsInput`.
    pub fn input(views: &Views) -> Value {
        let words = &views.words;
        json!({
            "worries": words.worries,
            "goingWell": words.going_well,
            "wantToHappen": words.want_to_happen,
            "feeling": words.feeling,
            "freeWords": words.free_words,
            "attendance": words.attendance,
            "shareWithSocialWorker": views.share_with_social_worker,
            "shareWithChair": views.share_with_chair,
            "shareWithFamily": views.share_with_family,
            "shareWithMeeting": views.share_with_meeting,
        })
    }
}

/// Shown instead of a page when its data could not be read.
#[component]
pub fn Problem(error: PageError) -> impl IntoView {
    let t = text();
    // Signed out: the server has already sent the browser to sign in.
    let words = match error {
        PageError::SignedOut => t.sign_in_timed_out,
        _ => t.something_wrong,
    };
    view! {
        <ChildPage title=t.something_wrong.to_owned()>
            <p class="card" role="alert">{words}</p>
            <a class="button" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}

/// Load the child, then show `page` with them.
pub fn with_child<V: IntoView + 'static>(
    page: impl Fn(Child) -> V + Send + Sync + Copy + 'static,
) -> impl IntoView {
    // Keyed on the address, so "add another" and "kept both" (same page, new query) read again.
    let location = leptos_router::hooks::use_location();
    let child = Resource::new_blocking(
        move || (location.pathname.get(), location.search.get()),
        |_| load_child(),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match child.await {
                    Ok(child) => page(child).into_any(),
                    Err(error) => view! { <Problem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
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
        None => view! { <crate::routes::not_found::NotFound /> }.into_any(),
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
    title: &'static str,
    question: &'static str,
    hint: &'static str,
    picture: &'static str,
    #[prop(optional)] progress: Option<String>,
    version: i32,
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
    let aloud = format!("{question} {hint}");
    view! {
        <ChildPage title=title.to_owned() younger=child.younger signed_in=true>
            {progress.map(|p| view! { <p class="progress">{p}</p> })}
            <h1>
                <span class="picture" aria-hidden="true">{picture} " "</span>
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
                    <ReadAloud words=aloud />
                    <p class="hint">{hint}</p>
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

fn serde_variant<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

#[component]
fn StepPage(child: Child, step: Step) -> impl IntoView {
    let t = text();
    let words = text::step(step);
    let views = child.views_or_empty();
    let version = views.version;
    let progress = t.step_of.replace("{n}", &step.number().to_string());
    let body = match step {
        Step::Feelings => view! { <FeelingChoice chosen=views.words.feeling /> }.into_any(),
        Step::AnythingElse => view! {
            <AutosavedText part=Part::AnythingElse name="words" label=words.title
                value=views.words.free_words.clone().unwrap_or_default() max=MAX_WORDS_LETTERS rows=8 />
        }
        .into_any(),
        _ => {
            let items = match step {
                Step::Worries => views.words.worries.clone(),
                Step::GoingWell => views.words.going_well.clone(),
                _ => views.words.want_to_happen.clone(),
            };
            view! { <ItemBoxes part=Part::of(step) items /> }.into_any()
        }
    };
    view! {
        <JourneyForm child part=Part::of(step) title=words.title question=words.question hint=words.hint
            picture=words.picture progress version>
            {body}
        </JourneyForm>
    }
}

/// One box per thing, plus an empty one; "Add another" saves and adds a box without JavaScript.
#[component]
fn ItemBoxes(part: Part, items: Vec<String>) -> impl IntoView {
    let t = text();
    let query = use_query_map();
    let wanted: usize = query
        .read_untracked()
        .get("boxes")
        .and_then(|b| b.parse().ok())
        .unwrap_or(1);
    let count = (items.len() + 1).max(wanted).min(MAX_ITEMS);
    let boxes = (0..count)
        .map(|i| {
            let value = items.get(i).cloned().unwrap_or_default();
            let label = t.item_label.replace("{n}", &(i + 1).to_string());
            view! {
                <AutosavedText part name=format!("items[{i}]") id=format!("item-{i}")
                    label=label value max=MAX_ITEM_LETTERS rows=3 />
            }
        })
        .collect_view();
    view! {
        <input type="hidden" name="boxes" value=count.to_string() />
        {boxes}
        {(count < MAX_ITEMS).then(|| view! {
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
                    let (picture, words) = text::feeling(feeling);
                    let value = serde_variant(&feeling);
                    let id = format!("feeling-{}", value.to_lowercase());
                    view! {
                        <div class="feeling">
                            <input type="radio" name="feeling" id=id.clone() value=value checked=chosen == Some(feeling) />
                            <label for=id>
                                <span class="face" aria-hidden="true">{picture}</span>
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
    let views = child.views_or_empty();
    let version = views.version;
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
                        checked=views.words.attendance == Some(choice) aria-describedby=hint.clone() />
                    <label for=id>{words}</label>
                    <p class="hint" id=hint>{means}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <JourneyForm child part=Part::Coming title=t.coming_title question=t.coming_question
            hint="" picture="🚪" version>
            {choices}
        </JourneyForm>
    }
}

#[component]
fn WhoSeesPage(child: Child) -> impl IntoView {
    let t = text();
    let views = child.views_or_empty();
    let version = views.version;
    let audiences = child
        .meeting
        .as_ref()
        .map_or(&[][..], |m| m.kind.audiences());
    let choices = audiences
        .iter()
        .map(|audience| {
            let (words, means) = text::audience(*audience);
            let (name, on) = match audience {
                Audience::SocialWorker => ("social_worker", views.share_with_social_worker),
                Audience::Chair => ("chair", views.share_with_chair),
                Audience::Family => ("family", views.share_with_family),
                Audience::Meeting => ("meeting", views.share_with_meeting),
            };
            let hint = format!("{name}-hint");
            view! {
                <div class="choice">
                    <input type="checkbox" name=name id=name value="on" checked=on aria-describedby=hint.clone() />
                    <label for=name>{words}</label>
                    <p class="hint" id=hint>{means}</p>
                </div>
            }
        })
        .collect_view();
    view! {
        <JourneyForm child part=Part::WhoSees title=t.who_sees_title question=t.who_sees_question
            hint=t.who_sees_hint picture="👀" version>
            <p>{t.who_sees_advocate}</p>
            {choices}
        </JourneyForm>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::ViewsWords;

    fn answer(part: Part, items: &[&str]) -> Answer {
        Answer {
            part,
            items: items.iter().map(|s| s.to_string()).collect(),
            feeling: None,
            words: None,
            attendance: None,
            share: [
                (Audience::SocialWorker, false),
                (Audience::Chair, false),
                (Audience::Family, false),
                (Audience::Meeting, false),
            ],
        }
    }

    #[test]
    fn a_page_replaces_its_own_answer_and_drops_empty_boxes() {
        let mut views = Views {
            words: ViewsWords {
                worries: vec!["old".into()],
                going_well: vec!["school".into()],
                ..ViewsWords::default()
            },
            ..Views::default()
        };
        answer(Part::Worries, &["new", "  ", ""]).apply(&mut views, false);
        assert_eq!(views.words.worries, vec!["new"]);
        assert_eq!(views.words.going_well, vec!["school"]);
    }

    #[test]
    fn a_clash_keeps_both_windows_words_once() {
        let mut theirs = Views {
            words: ViewsWords {
                worries: vec!["dad shouting".into(), "school".into()],
                ..ViewsWords::default()
            },
            ..Views::default()
        };
        answer(Part::Worries, &["school", "my dog"]).apply(&mut theirs, true);
        assert_eq!(
            theirs.words.worries,
            vec!["dad shouting", "school", "my dog"]
        );

        let mut theirs = Views {
            words: ViewsWords {
                free_words: Some("from the phone".into()),
                ..ViewsWords::default()
            },
            ..Views::default()
        };
        let mut mine = answer(Part::AnythingElse, &[]);
        mine.words = Some("from the laptop".into());
        mine.apply(&mut theirs, true);
        assert_eq!(
            theirs.words.free_words.as_deref(),
            Some("from the phone\n\nfrom the laptop")
        );
    }

    #[test]
    fn line_breaks_are_the_same_with_and_without_javascript() {
        let mut views = Views::default();
        let mut typed = answer(Part::AnythingElse, &[]);
        typed.words = Some(" Listen to me.\r\nI mean it.\r\n".into());
        typed.apply(&mut views, false);
        assert_eq!(
            views.words.free_words.as_deref(),
            Some("Listen to me.\nI mean it.")
        );
    }

    #[test]
    fn the_journey_runs_from_worries_to_check() {
        assert_eq!(Part::Worries.back_href(), "/me");
        assert_eq!(Part::AnythingElse.next_href(), "/me/coming");
        assert_eq!(Part::WhoSees.next_href(), "/me/check");
    }
}
