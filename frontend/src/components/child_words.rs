//! The child's views as staff read them: the child's exact words, read-only, line breaks kept,
//! under the headings the child answered. The advocate, the social worker and the chair all read
//! them through this one component, so what one of them quotes is what the others see.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::model::{AttendanceChoice, Feeling, Step};
use crate::text::{self, text};

/// What the child said, from any of the API's views types (`views_words!`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ViewsWords {
    pub worries: Vec<String>,
    pub going_well: Vec<String>,
    pub want_to_happen: Vec<String>,
    pub feeling: Option<Feeling>,
    pub free_words: Option<String>,
    pub attendance: Option<AttendanceChoice>,
}

/// The child's words out of any operation's views (`Views`, `ViewsVersion`, `SharedViews` or a
/// fragment on them) that asked for `worries goingWell wantToHappen feeling freeWords attendance`.
#[macro_export]
macro_rules! views_words {
    ($views:expr) => {{
        let views = $views;
        $crate::components::ViewsWords {
            worries: views.worries,
            going_well: views.going_well,
            want_to_happen: views.want_to_happen,
            feeling: views.feeling,
            free_words: views.free_words,
            attendance: views.attendance,
        }
    }};
}

/// The level of the parts' headings, one below the heading the page puts over the views.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    H2,
    H3,
    H4,
}

impl Heading {
    fn view(self, title: &'static str) -> AnyView {
        match self {
            Self::H2 => view! { <h2>{title}</h2> }.into_any(),
            Self::H3 => view! { <h3>{title}</h3> }.into_any(),
            Self::H4 => view! { <h4>{title}</h4> }.into_any(),
        }
    }
}

#[component]
pub fn ChildWords(words: ViewsWords, heading: Heading) -> impl IntoView {
    let feeling = words.feeling.map(|f| {
        let (face, said) = text::feeling(f);
        format!("{face} {said}")
    });
    let attendance = words.attendance.map(|a| text::attendance(a).0.to_owned());
    let free_words = words.free_words.filter(|w| !w.trim().is_empty());
    let parts = [
        (text::step(Step::Worries).title, list(words.worries)),
        (text::step(Step::GoingWell).title, list(words.going_well)),
        (
            text::step(Step::WantToHappen).title,
            list(words.want_to_happen),
        ),
        (text::step(Step::Feelings).title, chosen(feeling)),
        (text::step(Step::AnythingElse).title, said(free_words)),
        (text().coming_title, chosen(attendance)),
    ];
    view! {
        <div class="child-views">
            {parts.into_iter().map(|(title, body)| view! { {heading.view(title)} {body} }).collect_view()}
        </div>
    }
}

fn list(items: Vec<String>) -> AnyView {
    if items.is_empty() {
        return nothing_written();
    }
    view! { <ul class="child-words">{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
        .into_any()
}

fn said(words: Option<String>) -> AnyView {
    match words {
        Some(words) => view! { <p class="child-words">{words}</p> }.into_any(),
        None => nothing_written(),
    }
}

fn chosen(choice: Option<String>) -> AnyView {
    match choice {
        Some(choice) => view! { <p>{choice}</p> }.into_any(),
        None => view! { <p class="empty">"Not chosen."</p> }.into_any(),
    }
}

fn nothing_written() -> AnyView {
    view! { <p class="empty">"Nothing written."</p> }.into_any()
}
