//! "I'm not safe right now": 999, Childline, and a button that tells the advocate at once.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::ChildPage;
use crate::error::PageError;
use crate::text::text;

#[cfg(feature = "ssr")]
mod ops;

/// Raise urgent help for the signed-in child. Signed out, the page still shows 999 and Childline.
#[leptos::server(prefix = "/api/child", endpoint = "help")]
pub async fn ask_for_help(message: Option<String>) -> Result<(), PageError> {
    crate::pages::child::data::server::signed_in(
        crate::gql::exec::<ops::AskForHelp>(ops::ask_for_help::Variables {
            message: message.filter(|m| !m.trim().is_empty()),
        })
        .await,
    )?;
    crate::session::touch();
    leptos_axum::redirect("/not-safe?told=yes");
    Ok(())
}

/// Whether this browser has a child's session (the page does not need to know more).
#[leptos::server(prefix = "/api/child", endpoint = "signed-in")]
pub async fn has_session() -> Result<bool, PageError> {
    Ok(crate::session::current().is_some())
}

#[component]
pub fn NotSafe() -> impl IntoView {
    let t = text();
    let query = use_query_map();
    let told = move || query.read().get("told").is_some();
    let signed_in = Resource::new_blocking(|| (), |_| has_session());
    let help = ServerAction::<AskForHelp>::new();
    view! {
        <ChildPage title=t.not_safe_title.to_owned()>
            <h1>{t.not_safe_title}</h1>
            <section class="card help">
                <p class="big">{t.not_safe_danger}</p>
                <a class="button call" href="tel:999">"📞 999"</a>
                <p>{t.not_safe_childline}</p>
                <a class="button call" href="tel:08001111">"📞 Childline 0800 1111"</a>
            </section>
            <Show
                when=told
                fallback=move || view! {
                    <Suspense>
                        {move || Suspend::new(async move {
                            if signed_in.await.unwrap_or(false) {
                                view! {
                                    <section class="card">
                                        <p>{t.not_safe_tell_advocate}</p>
                                        <ActionForm action=help attr:class="stack">
                                            <div class="field">
                                                <label for="message">{t.not_safe_message_label}</label>
                                                <crate::components::TextBox id="message" name="message" rows=3 maxlength=2000 />
                                            </div>
                                            <button type="submit" class="button primary urgent">{t.not_safe_button}</button>
                                        </ActionForm>
                                    </section>
                                }.into_any()
                            } else {
                                view! { <p class="card"><a class="card-link" href="/sign-in">{t.not_safe_sign_in}</a></p> }.into_any()
                            }
                        })}
                    </Suspense>
                }
            >
                <p class="card notice" role="status">{t.not_safe_sent}</p>
            </Show>
            <a class="button secondary" href="/me">{t.back}</a>
        </ChildPage>
    }
}
