//! "We can't find that page", framed like a child page ("Leave now", "I'm not safe right now"):
//! a child who mistypes an address must still be able to leave at once.
use leptos::prelude::*;

use crate::pages::child::ChildPage;

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <ChildPage title="Page not found".to_owned()>
            <h1>"We can't find that page"</h1>
            <p><a href="/">"Go to the start"</a></p>
        </ChildPage>
    }
}
