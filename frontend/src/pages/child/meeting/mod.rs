//! "My meeting": what it is, when, who will be there, what happens, and who my advocate is.
use leptos::prelude::*;

use super::ChildPage;
use super::data::Child;
use super::layout::ReadAloud;
use crate::components::{Pic, Picture};
use crate::model::MeetingStatus;
use crate::text::{meeting as meeting_words, text};

mod for_you;
mod next;
#[cfg(feature = "ssr")]
mod ops;

use next::{AnyTime, NextAction};

/// The child, or the advocate beside them, switches the easier pages on or off.
#[leptos::server(prefix = "/api/child", endpoint = "easier")]
pub async fn set_easier(on: bool) -> Result<(), crate::error::PageError> {
    super::data::server::signed_in(
        crate::gql::exec::<ops::SetEasier>(ops::set_easier::Variables { on }).await,
    )?;
    crate::session::touch();
    // A new address, so the page (already at /me with JavaScript on) reads the child again.
    leptos_axum::redirect(&format!("/me?easier={on}"));
    Ok(())
}

#[component]
pub fn MyMeeting() -> impl IntoView {
    super::data::with_child(|child| view! { <MeetingPage child /> })
}

#[component]
fn MeetingPage(child: Child) -> impl IntoView {
    let t = text();
    let easier = ServerAction::<SetEasier>::new();
    let younger = child.younger;
    let status = child.views().map(|v| v.status);
    let when = child.when.clone();
    let meeting = child.meeting.clone().map(|meeting| {
        let words = meeting_words(meeting.kind);
        let held = meeting.status == MeetingStatus::Held;
        let cancelled = meeting.status == MeetingStatus::Cancelled;
        // Told first, before anything else about the meeting: it moved, or it is not happening.
        let change = if cancelled {
            Some(t.meeting_cancelled.to_owned())
        } else if meeting.moved_at.is_some() && !held {
            when.as_deref().map(crate::text::phrase::meeting_moved)
        } else {
            None
        };
        let name = child.names.meeting_name(meeting.kind);
        let aloud = crate::text::meeting_what_key(meeting.kind);
        view! {
            {change.map(|change| view! {
                <p class="card notice" role="status" id="meeting-change">{change}</p>
            })}
            // Cancelled: nothing to do while nobody knows what happens next; the views stay as they are.
            {(!cancelled).then(|| view! { <NextAction status held /> })}
            <section class="card" aria-labelledby="meeting-title">
                <h2 id="meeting-title">
                    <Picture pic=Pic::Meeting />
                    {name}
                </h2>
                <ReadAloud key=aloud />
                <p>{words.what}</p>
                <dl class="facts">
                    {when.clone().map(|when| view! { <dt>{t.when}</dt><dd>{when}</dd> })}
                    {meeting.place.clone().map(|place| view! { <dt>{t.where_}</dt><dd>{place}</dd> })}
                    {meeting.chair_first_name.clone().map(|chair| view! { <dt>{t.who_runs_it}</dt><dd>{chair}</dd> })}
                    <dt>{t.who_is_there}</dt>
                    <dd>{words.who}</dd>
                </dl>
                <Show when=move || !younger>
                    <h3>{t.what_happens}</h3>
                    <ul class="plain">{words.happens.iter().map(|line| view! { <li>{*line}</li> }).collect_view()}</ul>
                </Show>
            </section>
        }
    });
    view! {
        <ChildPage title=t.your_meeting.to_owned() younger signed_in=true>
            <h1>{crate::text::phrase::hello(&child.name)}</h1>
            <for_you::ForYou child=child.clone() />
            {meeting.map(|m| m.into_any()).unwrap_or_else(|| view! { <p class="card">{t.no_meeting}</p> }.into_any())}
            <section class="card" aria-labelledby="advocate-title">
                <h2 id="advocate-title">
                    <span class="picture" aria-hidden="true">"🤝 "</span>
                    {t.your_advocate}
                </h2>
                {match child.advocate.clone() {
                    Some(name) => view! { <p>{crate::text::phrase::advocate_is(&name)}</p> }.into_any(),
                    None => view! { <p>{t.no_advocate}</p> }.into_any(),
                }}
            </section>
            <AnyTime />
            <ActionForm action=easier attr:class="easier">
                <input type="hidden" name="on" value=(!younger).to_string() />
                <button type="submit" class="button secondary">
                    {if younger { t.easier_off } else { t.easier_on }}
                </button>
            </ActionForm>
        </ChildPage>
    }
}
