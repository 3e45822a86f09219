//! "Call things your own names": the child names their meeting and the three parts of their views,
//! and every child page then uses those names (`OwnNames`). A plain form, so JavaScript off works;
//! names that need another look come back in their boxes, kept on the server (`crate::drafts`),
//! never in the address.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::data::{Child, with_child};
use super::{ChildPage, ReadAloud};
use crate::components::TextBox;
use crate::error::PageError;
use crate::model::Step;
use crate::text::{self, OwnNames, own_words, text};

#[cfg(feature = "ssr")]
mod ops;

/// The API's limit on a name (api/src/preferences/names.rs).
const MAX_LETTERS: usize = 60;

/// Keep the child's names: one write. Named as the form's boxes, so the form posts without JavaScript.
#[leptos::server(prefix = "/api/child", endpoint = "names")]
pub async fn save_names(
    meeting: Option<String>,
    worries: Option<String>,
    going_well: Option<String>,
    want_to_happen: Option<String>,
) -> Result<(), PageError> {
    use crate::drafts::{self, Form};
    use crate::error::ErrorCode;
    use crate::pages::child::data::server::signed_in;
    // A name is one line: a line break typed in the box is a space.
    let line =
        |name: Option<String>| name.map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "));
    let names = OwnNames {
        meeting: line(meeting),
        worries: line(worries),
        going_well: line(going_well),
        want_to_happen: line(want_to_happen),
    };
    let input = ops::set_names::MyNamesInput {
        meeting: names.meeting.clone(),
        worries: names.worries.clone(),
        going_well: names.going_well.clone(),
        want_to_happen: names.want_to_happen.clone(),
    };
    let set = crate::gql::exec::<ops::SetNames>(ops::set_names::Variables { input }).await;
    match signed_in(set) {
        Ok(_) => {
            drafts::forget(Form::ChildNames).await;
            crate::session::touch();
            leptos_axum::redirect("/me/names?saved=yes");
            Ok(())
        }
        Err(PageError::Api {
            code: ErrorCode::BadUserInput,
            ..
        }) => {
            drafts::keep(Form::ChildNames, &names).await;
            leptos_axum::redirect("/me/names?error=too-long");
            Ok(())
        }
        Err(error) => Err(error),
    }
}

/// The names the child typed when they needed another look, if any.
#[leptos::server(prefix = "/api/child", endpoint = "names-kept")]
pub async fn kept_names() -> Result<Option<OwnNames>, PageError> {
    Ok(crate::drafts::read(crate::drafts::Form::ChildNames).await)
}

#[component]
pub fn Names() -> impl IntoView {
    with_child(|child| view! { <NamesPage child /> })
}

#[component]
fn NamesPage(child: Child) -> impl IntoView {
    let query = use_query_map();
    let error = query.read_untracked().get("error").is_some();
    let saved = query.read_untracked().get("saved").is_some();
    let kept = Resource::new_blocking(
        move || error,
        |error| async move {
            if error {
                kept_names().await.ok().flatten()
            } else {
                None
            }
        },
    );
    let own = child.names.clone();
    let younger = child.younger;
    view! {
        <Suspense>
            {move || {
                let own = own.clone();
                Suspend::new(async move {
                    let names = kept.await.unwrap_or(own);
                    view! { <NamesForm names younger error saved /> }
                })
            }}
        </Suspense>
    }
}

#[component]
fn NamesForm(names: OwnNames, younger: bool, error: bool, saved: bool) -> impl IntoView {
    let (t, w) = (text(), own_words());
    let action = ServerAction::<SaveNames>::new();
    let usual = |step: Step| crate::text::phrase::names_label(text::step(step).title);
    view! {
        <ChildPage title=w.names_title.to_owned() younger signed_in=true>
            <h1>{w.names_title}</h1>
            <ReadAloud key="names_intro" />
            {error.then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h2>{t.error_summary}</h2>
                    <p><a href="#name-meeting">{w.names_too_long}</a></p>
                </div>
            })}
            {saved.then(|| view! { <p class="card notice" role="status">{w.names_saved}</p> })}
            <p>{w.names_intro}</p>
            <ActionForm action attr:class="stack">
                <NameBox id="name-meeting" name="meeting" label=w.names_meeting_label.to_owned() value=names.meeting />
                <NameBox id="name-worries" name="worries" label=usual(Step::Worries) value=names.worries />
                <NameBox id="name-going-well" name="going_well" label=usual(Step::GoingWell) value=names.going_well />
                <NameBox id="name-want-to-happen" name="want_to_happen" label=usual(Step::WantToHappen) value=names.want_to_happen />
                <button type="submit" class="button primary">{w.names_save}</button>
            </ActionForm>
            <a class="button secondary" href="/me">{t.back_to_meeting}</a>
        </ChildPage>
    }
}

/// One name: a label, a hint, and the box (through the one escaping component).
#[component]
fn NameBox(
    id: &'static str,
    name: &'static str,
    label: String,
    value: Option<String>,
) -> impl IntoView {
    let hint = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint.clone()>{own_words().names_hint}</p>
            <TextBox id=id name=name rows=2 maxlength=MAX_LETTERS value=value.unwrap_or_default()
                attr:aria-describedby=hint />
        </div>
    }
}
