//! "My meeting": what it is, when, who will be there, what happens, and who my advocate is.
use leptos::prelude::*;

use super::ChildPage;
use super::data::Child;
use super::layout::ReadAloud;
use crate::model::{MeetingStatus, Step, ViewsStatus};
use crate::text::{meeting as meeting_words, text};

mod for_you;
#[cfg(feature = "ssr")]
mod ops;

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
            when.as_ref().map(|when| t.meeting_moved.replace("{when}", when))
        } else {
            None
        };
        let aloud = format!("{} {}", words.name, words.what);
        view! {
            {change.map(|change| view! {
                <p class="card notice" role="status" id="meeting-change">{change}</p>
            })}
            <section class="card" aria-labelledby="meeting-title">
                <h2 id="meeting-title">
                    <span class="picture" aria-hidden="true">"🗓️ "</span>
                    {words.name}
                </h2>
                <ReadAloud words=aloud />
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
            // Cancelled: nothing to do while nobody knows what happens next; the views stay as they are.
            {(!cancelled).then(|| view! {
                <section class="card" aria-labelledby="views-title">
                    <h2 id="views-title">
                        <span class="picture" aria-hidden="true">"💬 "</span>
                        {if status.is_some_and(|s| s != ViewsStatus::Draft) { t.views_sent_already } else { t.start_views }}
                    </h2>
                    // Once the meeting has happened, views can no longer be changed or sent: what it
                    // decided is the one thing left to see.
                    {match status {
                        _ if held => view! { <a class="button primary" href="/me/after">{t.see_what_happened}</a> }.into_any(),
                        None => view! { <a class="button primary" href=Step::Worries.href()>{t.start_views}</a> }.into_any(),
                        Some(ViewsStatus::Draft) => view! { <a class="button primary" href=Step::Worries.href()>{t.carry_on_views}</a> }.into_any(),
                        Some(_) => view! { <a class="button" href="/me/check">{t.sent_change}</a> }.into_any(),
                    }}
                </section>
            })}
        }
    });
    view! {
        <ChildPage title=t.your_meeting.to_owned() younger signed_in=true>
            <h1>{t.hello} ", " {child.name.clone()}</h1>
            <for_you::ForYou child=child.clone() />
            {meeting.map(|m| m.into_any()).unwrap_or_else(|| view! { <p class="card">{t.no_meeting}</p> }.into_any())}
            <section class="card" aria-labelledby="advocate-title">
                <h2 id="advocate-title">
                    <span class="picture" aria-hidden="true">"🤝 "</span>
                    {t.your_advocate}
                </h2>
                {match child.advocate.clone() {
                    Some(name) => view! { <p><strong>{name}</strong> " " {t.advocate_is}</p> }.into_any(),
                    None => view! { <p>{t.no_advocate}</p> }.into_any(),
                }}
            </section>
            <ActionForm action=easier attr:class="easier">
                <input type="hidden" name="on" value=(!younger).to_string() />
                <button type="submit" class="button secondary">
                    {if younger { t.easier_off } else { t.easier_on }}
                </button>
            </ActionForm>
        </ChildPage>
    }
}
