//! Sign in with the code and PIN from the advocate. Errors are kind and say what to do next.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::{ChildPage, ReadAloud};
use crate::components::{ErrorSummary, FieldError};
use crate::error::PageError;
use crate::text::text;

#[cfg(feature = "ssr")]
mod ops;

/// Why the sign-in page is showing an error; carried in the URL after a plain form post.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    MissingCode,
    MissingPin,
    Wrong,
    Locked,
}

impl Problem {
    fn slug(self) -> &'static str {
        match self {
            Self::MissingCode => "code",
            Self::MissingPin => "pin",
            Self::Wrong => "wrong",
            Self::Locked => "locked",
        }
    }

    fn parse(slug: &str) -> Option<Self> {
        [
            Self::MissingCode,
            Self::MissingPin,
            Self::Wrong,
            Self::Locked,
        ]
        .into_iter()
        .find(|p| p.slug() == slug)
    }

    fn words(self) -> &'static str {
        let t = text();
        match self {
            Self::MissingCode => t.sign_in_missing_code,
            Self::MissingPin => t.sign_in_missing_pin,
            Self::Wrong => t.sign_in_wrong,
            Self::Locked => t.sign_in_locked,
        }
    }

    /// The field the error summary links to.
    fn field(self) -> &'static str {
        match self {
            Self::MissingPin => "pin",
            _ => "code",
        }
    }
}

#[leptos::server(prefix = "/api/child", endpoint = "sign-in")]
pub async fn child_sign_in(code: String, pin: String) -> Result<(), PageError> {
    use crate::error::ErrorCode;
    use ops::child_sign_in::Variables;

    let problem = if code.trim().is_empty() {
        Some(Problem::MissingCode)
    } else if pin.trim().is_empty() {
        Some(Problem::MissingPin)
    } else {
        let result = crate::gql::exec::<ops::ChildSignIn>(Variables { code, pin }).await;
        match result {
            Ok(signed) => {
                let token = signed.child_sign_in.access_token;
                crate::session::start(&token);
                crate::drafts::forget_all().await;
                // The language is a nicety: signing in still works if keeping it fails.
                let chosen = use_context::<http::request::Parts>()
                    .and_then(|parts| crate::text::from_cookie(&parts));
                if let Err(error) = super::language::at_sign_in(&token, chosen).await {
                    tracing::warn!(?error, "the child's language was not kept");
                }
                None
            }
            Err(error) if error.code() == ErrorCode::RateLimited => Some(Problem::Locked),
            Err(PageError::Api { .. }) => Some(Problem::Wrong),
            Err(other) => return Err(other),
        }
    };
    match problem {
        None => leptos_axum::redirect("/me"),
        Some(problem) => leptos_axum::redirect(&format!("/sign-in?error={}", problem.slug())),
    }
    Ok(())
}

#[component]
pub fn SignIn() -> impl IntoView {
    let t = text();
    let query = use_query_map();
    let problem = move || {
        query
            .read()
            .get("error")
            .as_deref()
            .and_then(Problem::parse)
    };
    let notice = move || match query.read().get("why").as_deref() {
        Some("timeout") => Some(t.sign_in_timed_out),
        Some("left") => Some(t.sign_in_left),
        _ => None,
    };
    let action = ServerAction::<ChildSignIn>::new();
    let errors = Signal::derive(move || {
        problem()
            .map(|p| vec![(p.field(), p.words())])
            .unwrap_or_default()
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || problem().filter(|p| p.field() == field).map(Problem::words))
    };
    view! {
        <ChildPage title=t.sign_in_title.to_owned()>
            <h1>{t.sign_in_title}</h1>
            <ReadAloud key="sign_in_intro" />
            {move || notice().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <ErrorSummary errors />
            <p>{t.sign_in_intro}</p>
            <ActionForm action attr:class="stack" attr:novalidate=true>
                <div class="field">
                    <label for="code">{t.code_label}</label>
                    <p class="hint" id="code-hint">{t.code_hint}</p>
                    <FieldError id="code-error" message=field_error("code") />
                    <input
                        id="code"
                        name="code"
                        type="text"
                        autocomplete="off"
                        autocapitalize="characters"
                        spellcheck="false"
                        aria-describedby="code-hint code-error"
                        aria-invalid=move || field_error("code").get().is_some().to_string()
                    />
                </div>
                <div class="field">
                    <label for="pin">{t.pin_label}</label>
                    <p class="hint" id="pin-hint">{t.pin_hint}</p>
                    <FieldError id="pin-error" message=field_error("pin") />
                    <input
                        id="pin"
                        name="pin"
                        type="password"
                        inputmode="numeric"
                        autocomplete="off"
                        aria-describedby="pin-hint pin-error"
                        aria-invalid=move || field_error("pin").get().is_some().to_string()
                    />
                </div>
                <button type="submit" class="button primary">{t.sign_in_button}</button>
            </ActionForm>
            <p class="hint">{t.no_code}</p>
        </ChildPage>
    }
}
