//! The frame of every child page: skip link, quick exit, "I'm not safe right now", the idle warning.
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::app::use_hydrated;
use crate::error::PageError;
use crate::text::text;

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
    let hydrated = use_hydrated();
    view! {
        <Title text=title />
        <Meta name="description" content="Your meeting. Your say." />
        <a class="skip" href="#main">{t.skip_to_content}</a>
        <header class="top">
            <span class="brand">{t.brand}</span>
            <QuickExit />
        </header>
        <main
            id="main"
            class="page child"
            class:younger=younger
            data-hydrated=move || hydrated.get().to_string()
        >
            {children()}
        </main>
        <footer class="foot child-foot">
            <a class="not-safe" href="/not-safe">{t.not_safe}</a>
            {signed_in.then(|| view! { <IdleWarning /> })}
        </footer>
    }
}

#[component]
fn QuickExit() -> impl IntoView {
    let t = text();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            let window = window();
            // Tell the server to end the session even though this page is going away.
            let _ = window
                .navigator()
                .send_beacon(<Leave as leptos::server_fn::ServerFn>::PATH);
            let _ = window.location().replace(EXIT_URL);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = ev;
    };
    let leave_path = <Leave as leptos::server_fn::ServerFn>::PATH;
    view! {
        <form
            class="quick-exit"
            method="post"
            action=leave_path
            on:submit=on_submit
        >
            <button type="submit" title=t.quick_exit_hint>
                {t.quick_exit}
            </button>
        </form>
    }
}

/// With JavaScript: warn a few minutes before the session ends for inactivity. The views are
/// saved as the child types, so even if they miss it nothing is lost.
#[component]
fn IdleWarning() -> impl IntoView {
    let t = text();
    let (show, set_show) = signal(false);
    #[cfg(feature = "hydrate")]
    {
        use std::time::Duration;
        let warn_after = Duration::from_secs(((crate::IDLE_MINUTES - 3) * 60) as u64);
        let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
        let restart = move || {
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            timer.set_value(set_timeout_with_handle(move || set_show.set(true), warn_after).ok());
        };
        Effect::new(move |_| restart());
        // The listener is on the window, so it outlives this page unless removed with it.
        let typing = window_event_listener(leptos::ev::input, move |_| restart());
        on_cleanup(move || {
            typing.remove();
            if let Some(handle) = timer.try_get_value().flatten() {
                handle.clear();
            }
        });
    }
    let keep = ServerAction::<StillHere>::new();
    Effect::new(move |_| {
        if keep.version().get() > 0 {
            set_show.set(false);
        }
    });
    view! {
        <Show when=move || show.get()>
            <div class="idle" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-body">
                <h2 id="idle-title">{t.still_there_title}</h2>
                <p id="idle-body">{t.still_there_body}</p>
                <ActionForm action=keep>
                    <button type="submit" class="button">{t.still_here}</button>
                </ActionForm>
            </div>
        </Show>
    }
}

/// A "Read to me" button, only where the browser can speak (hidden with JavaScript off).
#[component]
pub fn ReadAloud(words: String) -> impl IntoView {
    let t = text();
    let hydrated = use_hydrated();
    let can_speak = move || {
        hydrated.get() && {
            #[cfg(feature = "hydrate")]
            {
                window().speech_synthesis().is_ok()
            }
            #[cfg(not(feature = "hydrate"))]
            {
                false
            }
        }
    };
    let speak = move |_| {
        #[cfg(feature = "hydrate")]
        if let (Ok(voice), Ok(utterance)) = (
            window().speech_synthesis(),
            web_sys::SpeechSynthesisUtterance::new_with_text(&words),
        ) {
            utterance.set_lang("en-GB");
            utterance.set_rate(0.9);
            voice.cancel();
            voice.speak(&utterance);
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = &words;
    };
    view! {
        <Show when=can_speak>
            <button type="button" class="read-aloud" on:click=speak.clone()>
                <span aria-hidden="true">"🔊 "</span>
                {t.read_aloud}
            </button>
        </Show>
    }
}
