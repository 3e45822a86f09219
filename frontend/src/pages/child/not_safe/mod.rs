//! "I'm not safe right now": 999, Childline, and a button that tells someone at once: the advocate,
//! or with no advocate the council's duty team and the advocacy service. The page then says
//! exactly who was told.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{ChildPage, ReadAloud};
use crate::error::PageError;
use crate::text::text;

#[cfg(feature = "ssr")]
mod ops;

/// Raise urgent help for the signed-in child. Signed out, the page still shows 999 and Childline.
#[leptos::server(prefix = "/api/child", endpoint = "help")]
pub async fn ask_for_help(message: Option<String>) -> Result<(), PageError> {
    use ops::ask_for_help::ToldWho;
    let answer = crate::pages::child::data::server::signed_in(
        crate::gql::exec::<ops::AskForHelp>(ops::ask_for_help::Variables {
            message: message.filter(|m| !m.trim().is_empty()),
        })
        .await,
    )?;
    crate::session::touch();
    let told: Vec<&str> = answer
        .request_urgent_help
        .told
        .iter()
        .filter_map(|who| match who {
            ToldWho::ADVOCATE => Some(Told::Advocate.code()),
            ToldWho::DUTY_TEAM => Some(Told::DutyTeam.code()),
            ToldWho::COORDINATORS => Some(Told::Service.code()),
            ToldWho::Other(_) => None,
        })
        .collect();
    let told = if told.is_empty() {
        "none".to_string()
    } else {
        told.join(".")
    };
    leptos_axum::redirect(&format!("/not-safe?told={told}"));
    Ok(())
}

/// Whether this browser has a child's session (the page does not need to know more).
#[leptos::server(prefix = "/api/child", endpoint = "signed-in")]
pub async fn has_session() -> Result<bool, PageError> {
    Ok(crate::session::current().is_some())
}

/// Who was told, as the page's address carries it after sending.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Told {
    Advocate,
    DutyTeam,
    Service,
}

impl Told {
    const ALL: [Told; 3] = [Told::Advocate, Told::DutyTeam, Told::Service];

    fn code(self) -> &'static str {
        match self {
            Told::Advocate => "advocate",
            Told::DutyTeam => "duty",
            Told::Service => "service",
        }
    }
}

/// "We have told your advocate." / "We have told A and B." / "We have saved your message…"
fn told_sentence(codes: &str) -> String {
    let who: Vec<&str> = Told::ALL
        .into_iter()
        .map(Told::code)
        .filter(|code| codes.split('.').any(|c| c == *code))
        .collect();
    let who = if who.is_empty() {
        "none".to_owned()
    } else {
        who.join("-")
    };
    format!(
        "{} {}",
        crate::text::phrase::not_safe_told(&who),
        text().not_safe_sent
    )
}

#[component]
pub fn NotSafe() -> impl IntoView {
    let t = text();
    let query = use_query_map();
    let told = move || query.read().get("told").is_some();
    let sentence = move || told_sentence(&query.read().get("told").unwrap_or_default());
    let signed_in = Resource::new_blocking(|| (), |_| has_session());
    let help = ServerAction::<AskForHelp>::new();
    view! {
        <ChildPage title=t.not_safe_title.to_owned()>
            <h1>{t.not_safe_title}</h1>
            <ReadAloud key="not_safe_danger" />
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
                <p class="card notice" role="status">{sentence}</p>
            </Show>
            <a class="button secondary" href="/me">{t.back}</a>
        </ChildPage>
    }
}
