//! The language picker on every child and public page, and sentences with a link inside.
use leptos::prelude::*;

use crate::error::PageError;
use crate::text::{LINK, Lang, current, public};

/// Choose the language of the pages: remembered in this browser (a cookie), and, for a signed-in
/// child, kept as their own setting so every device they sign in on speaks it. A plain form post,
/// so it works with JavaScript off; back to the page it was chosen on.
#[leptos::server(prefix = "/api/public", endpoint = "language")]
pub async fn choose_language(lang: String, back: String) -> Result<(), PageError> {
    let lang = Lang::parse(&lang).unwrap_or_default();
    crate::text::remember(lang);
    if crate::session::current().is_some() {
        crate::pages::child::language::keep_mine(lang).await?;
    }
    // Only a path on this site: never send the browser somewhere it was told to go.
    let back = if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back
    } else {
        "/".to_owned()
    };
    leptos_axum::redirect(&back);
    Ok(())
}

/// A row of buttons, each language named in itself, the page's own marked as current.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let here = current();
    let back = leptos_router::hooks::use_location();
    let back = back.pathname.get_untracked();
    let words = public();
    let path = <ChooseLanguage as leptos::server_fn::ServerFn>::PATH;
    view! {
        <form class="languages" method="post" action=path aria-label=words.language_label>
            <input type="hidden" name="back" value=back />
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=lang.code()
                            lang=lang.code()
                            dir=lang.dir()
                            aria-current=(lang == here).then_some("true")
                        >
                            {lang.own_name()}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// A sentence from the catalogue with a link where it says `{ $link }` (a phone number, say).
#[component]
pub fn Linked(words: &'static str, href: &'static str, label: &'static str) -> impl IntoView {
    let (before, after) = words.split_once(LINK).unwrap_or((words, ""));
    view! { {before} <a href=href>{label}</a> {after} }
}
