//! The page shell and the route table.
use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::{
    components::{Route, Router, Routes},
    path,
};

use crate::routes::{landing::Landing, not_found::NotFound, staff::StaffHome};

/// The HTML document around every page.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="robots" content="noindex, nofollow" />
                // No favicon request: one less round trip on a slow phone.
                <link rel="icon" href="data:," />
                <HydrationScripts options />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Stylesheet href="/pkg/myvoice.css" />
        <Title formatter=|page: String| format!("{page} · myvoice") />
        <Router>
            <Routes fallback=NotFound>
                <Route path=path!("/") view=Landing />
                <Route path=path!("/staff") view=StaffHome />
            </Routes>
        </Router>
    }
}

/// True once the browser bundle has taken over the page. Pages and browser tests use it to tell
/// "works without JavaScript" apart from "enhanced with JavaScript".
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    // Effects never run during server rendering, so this flips only in the browser.
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}
