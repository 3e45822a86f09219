//! The first page a child sees. Plain words, reading age about 8. Framed like every child page, so
//! "Leave now", "I'm not safe right now" and the language picker are here too.
use leptos::prelude::*;

use crate::components::Linked;
use crate::pages::child::{ChildPage, ReadAloud};
use crate::text::public;

#[component]
pub fn Landing() -> impl IntoView {
    let w = public();
    view! {
        <ChildPage title=w.landing_title.to_owned()>
            <h1>{w.landing_heading}</h1>
            <ReadAloud key="landing_meeting" />
            <p>{w.landing_meeting}</p>
            <p>{w.landing_tell}</p>
            <section class="card" aria-labelledby="start">
                <h2 id="start">{w.landing_code_title}</h2>
                <p>{w.landing_code_body}</p>
                <a class="button primary" href="/sign-in">{w.landing_sign_in}</a>
            </section>
            <section class="card" aria-labelledby="ask">
                <h2 id="ask">{w.landing_no_advocate_title}</h2>
                <p>{w.landing_no_advocate_body}</p>
                <a class="button" href="/ask-for-an-advocate">{w.landing_ask}</a>
            </section>
            <section class="card help" aria-labelledby="safe">
                <h2 id="safe">{crate::text::text().not_safe_title}</h2>
                <p><Linked words=w.landing_danger href="tel:999" label="999" /></p>
                <p><Linked words=w.landing_childline href="tel:08001111" label="0800 1111" /></p>
            </section>
            <p class="staff-link"><a href="/staff">{w.landing_staff}</a></p>
        </ChildPage>
    }
}
