//! The parts of every child page that run in the browser (JavaScript on). Their words come in as
//! props from the server, so the child's bundle carries no text catalogue, only behaviour.
use leptos::prelude::*;

use super::layout::Leave;
#[cfg(feature = "hydrate")]
use super::layout::{EXIT_URL, StillHere};

/// "Leave now". Without JavaScript a plain form: the server ends the session and sends the
/// browser on. With it, the page is also replaced in the history, so "back" does not return here.
#[island]
pub fn QuickExit(label: String, hint: String) -> impl IntoView {
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(feature = "hydrate")]
        {
            ev.prevent_default();
            // Nothing the child wrote stays on this phone.
            super::autosave::forget_all();
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
        <form class="quick-exit" method="post" action=leave_path on:submit=on_submit>
            <button type="submit" title=hint>{label}</button>
        </form>
    }
}

/// Warn a few minutes before the session ends for inactivity. The views are saved as the child
/// types, so even if they miss it nothing is lost. Only with JavaScript: without it there is no
/// clock on the page to warn by.
#[island]
pub fn IdleWarning(title: String, body: String, button: String) -> impl IntoView {
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
    // A beacon, like "Leave now": the session is kept open and nothing waits for an answer.
    let still_here = move |_| {
        #[cfg(feature = "hydrate")]
        {
            let _ = window()
                .navigator()
                .send_beacon(<StillHere as leptos::server_fn::ServerFn>::PATH);
        }
        set_show.set(false);
    };
    view! {
        <Show when=move || show.get()>
            <div class="idle" role="alertdialog" aria-labelledby="idle-title" aria-describedby="idle-body">
                <h2 id="idle-title">{title.clone()}</h2>
                <p id="idle-body">{body.clone()}</p>
                <button type="button" class="button" on:click=still_here>
                    {button.clone()}
                </button>
            </div>
        </Show>
    }
}
