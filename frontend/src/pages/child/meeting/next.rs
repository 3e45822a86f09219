//! On "my meeting": the one thing to do next, first on the page (on a 360×640 phone it is on the
//! first screen), and the pages the child can open at any time.
use leptos::prelude::*;

use crate::model::{Step, ViewsStatus};
use crate::text::{own_words, text};

/// Start, carry on, change what was sent, or (once the meeting was held) see what happened.
#[component]
pub fn NextAction(status: Option<ViewsStatus>, held: bool) -> impl IntoView {
    let t = text();
    view! {
        <section class="card next" aria-labelledby="views-title">
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
    }
}

/// Who has read my views, and my own names for things: open at any time.
#[component]
pub fn AnyTime() -> impl IntoView {
    let w = own_words();
    view! {
        <nav class="card" aria-label=w.who_read_link>
            <ul class="plain links">
                <li><a class="card-link" href="/me/who-read">{w.who_read_link}</a></li>
                <li><a class="card-link" href="/me/names">{w.names_link}</a></li>
            </ul>
        </nav>
    }
}
