//! "We can't find that page", framed like a child page ("Leave now", "I'm not safe right now"):
//! a child who mistypes an address must still be able to leave at once.
use leptos::prelude::*;

use crate::pages::child::{ChildPage, ReadAloud};
use crate::text::public;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let w = public();
    view! {
        <ChildPage title=w.not_found_title.to_owned()>
            <h1>{w.not_found_heading}</h1>
            <ReadAloud key="not_found_heading" />
            <p><a href="/">{w.not_found_start}</a></p>
        </ChildPage>
    }
}
