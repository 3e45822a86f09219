//! The first page a child sees. Plain words, reading age about 8. Framed like every child page, so
//! "Leave now" and "I'm not safe right now" are here too.
use leptos::prelude::*;

use crate::pages::child::ChildPage;

#[component]
pub fn Landing() -> impl IntoView {
    view! {
        <ChildPage title="Your say".to_owned()>
            <h1>"Your meeting. Your say."</h1>
            <p>"Grown-ups are having a meeting about your life."</p>
            <p>"You can tell them what you think. Your advocate can help you."</p>
            <section class="card" aria-labelledby="start">
                <h2 id="start">"Got a code from your advocate?"</h2>
                <p>"Your advocate gave you a code and a PIN. You will use them to start."</p>
                <a class="button primary" href="/sign-in">"Sign in with my code"</a>
            </section>
            <section class="card" aria-labelledby="ask">
                <h2 id="ask">"No advocate yet?"</h2>
                <p>"An advocate is someone on your side. They help you say what you want."</p>
                <a class="button" href="/ask-for-an-advocate">"Ask for an advocate"</a>
            </section>
            <section class="card help" aria-labelledby="safe">
                <h2 id="safe">"Not safe right now?"</h2>
                <p>"Call " <a href="tel:999">"999"</a> " if you are in danger."</p>
                <p>"Call Childline free on " <a href="tel:08001111">"0800 1111"</a> ". They are there any time."</p>
            </section>
            <p class="staff-link"><a href="/staff">"Staff sign in"</a></p>
        </ChildPage>
    }
}
