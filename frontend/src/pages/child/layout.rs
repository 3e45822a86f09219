//! The frame of every child page: skip link, quick exit, "I'm not safe right now", the idle warning.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use super::islands::{IdleWarning, QuickExit};
use crate::components::{Bundle, IslandLoader, LanguagePicker};
use crate::error::PageError;
use crate::text::{public, text};

/// Where "Leave now" goes: an ordinary, neutral page (the same one GOV.UK's exit button uses).
pub const EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// Quick exit without JavaScript: end the session, forget anything typed, and leave. With
/// JavaScript the button also replaces this page in the history, so "back" does not return to it.
#[leptos::server(prefix = "/api/child", endpoint = "leave")]
pub async fn leave() -> Result<(), PageError> {
    crate::session::end();
    crate::drafts::forget_all().await;
    leptos_axum::redirect(EXIT_URL);
    Ok(())
}

/// Keep the session open: the child pressed "I'm still here".
#[leptos::server(prefix = "/api/child", endpoint = "still-here")]
pub async fn still_here() -> Result<(), PageError> {
    crate::session::touch();
    Ok(())
}

#[component]
pub fn ChildPage(
    title: String,
    #[prop(optional)] younger: bool,
    #[prop(optional)] signed_in: bool,
    children: Children,
) -> impl IntoView {
    let t = text();
    view! {
        <Title text=title />
        <Meta name="description" content=public().page_description />
        <a class="skip" href="#main">{t.skip_to_content}</a>
        <header class="top">
            <span class="brand">{t.brand}</span>
            <QuickExit label=t.quick_exit.to_owned() hint=t.quick_exit_hint.to_owned() />
        </header>
        // At the top, each language named in itself: a child who reads little English finds theirs.
        <LanguagePicker />
        <main
            id="main"
            class="page child"
            class:younger=younger
            data-hydrated="false"
        >
            {children()}
        </main>
        <footer class="foot child-foot">
            <a class="not-safe" href="/not-safe">{t.not_safe}</a>
            {signed_in.then(|| view! {
                <IdleWarning
                    title=t.still_there_title.to_owned()
                    body=t.still_there_body.to_owned()
                    button=t.still_here.to_owned()
                />
            })}
        </footer>
        <IslandLoader bundle=Bundle::Child />
    }
}

/// "Read to me": the clip of catalogue message `key` in the page's language, made ahead of time
/// (`myvoice make-audio`) and played by the browser's own control, so it works with JavaScript
/// off. `preload="none"`: a child's data is spent only when they press play.
#[component]
pub fn ReadAloud(#[prop(into)] key: String) -> impl IntoView {
    let label = text().read_aloud;
    let src = crate::text::aloud::clip_url(crate::text::current(), &key);
    view! {
        <p class="read-aloud">
            <span aria-hidden="true">"🔊 "</span>
            {label}
            <audio controls preload="none" src=src aria-label=label></audio>
        </p>
    }
}
