//! `/set-password?token=…`: a member of staff sets their password with a one-time link (the first
//! admin's from `myvoice authority create`, or one an admin made). A plain form: the token goes back
//! in the body, never in another address. When the password needs another go, the token waits in a
//! short-lived HttpOnly cookie so the form can carry it again, and the address names only the problem.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::StaffPage;
use crate::components::{ErrorSummary, FieldError};
use crate::error::PageError;

#[cfg(feature = "ssr")]
mod ops;

/// Holds the token between a refused password and the form shown again.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
const COOKIE: &str = "myvoice_password_link";

/// What went wrong, as the address names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Problem {
    /// Wrong, used or expired: one answer, so nobody learns which.
    Link,
    Short,
    Differ,
    Busy,
}

impl Problem {
    fn slug(self) -> &'static str {
        match self {
            Self::Link => "link",
            Self::Short => "short",
            Self::Differ => "differ",
            Self::Busy => "busy",
        }
    }

    fn parse(slug: &str) -> Option<Self> {
        [Self::Link, Self::Short, Self::Differ, Self::Busy]
            .into_iter()
            .find(|p| p.slug() == slug)
    }

    fn field(self) -> &'static str {
        match self {
            Self::Differ => "password_again",
            _ => "password",
        }
    }

    fn words(self) -> &'static str {
        match self {
            Self::Link => {
                "This link does not work: it may have been used already or be too old. Ask an administrator for a new one."
            }
            Self::Short => "Use at least 12 characters. A few words together are easy to remember.",
            Self::Differ => "The two passwords are not the same. Type the same password twice.",
            Self::Busy => "Too many tries from here. Wait a minute and try again.",
        }
    }
}

/// Set the password. Arguments are the form's input names.
#[leptos::server(prefix = "/api/staff", endpoint = "set-password")]
pub async fn set_password(
    token: String,
    password: String,
    password_again: String,
) -> Result<(), PageError> {
    use cookie::{Cookie, time::Duration};

    use crate::error::ErrorCode;

    let forget_token =
        || crate::session::set_cookie(Cookie::build((COOKIE, "")).max_age(Duration::ZERO), "/");
    // The rules are the API's; the page only names its answer.
    let problem = if token.trim().is_empty() {
        Some(Problem::Link)
    } else {
        let variables = ops::set_password::Variables {
            token: token.trim().to_owned(),
            password,
            password_again: Some(password_again),
        };
        let sent = crate::gql::exec_as::<ops::SetPassword>(None, variables).await;
        match sent {
            Ok(_) => None,
            Err(error) if error.code() == ErrorCode::RateLimited => Some(Problem::Busy),
            Err(PageError::Api {
                code: ErrorCode::BadUserInput,
                details,
                ..
            }) => Some(match details["field"].as_str() {
                Some("passwordAgain") => Problem::Differ,
                Some("password") => Problem::Short,
                _ => Problem::Link,
            }),
            Err(other) => return Err(other),
        }
    };
    match problem {
        None => {
            forget_token();
            crate::drafts::forget_all().await;
            leptos_axum::redirect("/staff/sign-in?why=password-set");
        }
        Some(Problem::Link) => {
            forget_token();
            leptos_axum::redirect("/set-password?error=link");
        }
        Some(problem) => {
            // An hour is plenty to type it again; the link itself keeps its own expiry.
            crate::session::set_cookie(
                Cookie::build((COOKIE, token.trim().to_owned())).max_age(Duration::hours(1)),
                "/",
            );
            leptos_axum::redirect(&format!("/set-password?error={}", problem.slug()));
        }
    }
    Ok(())
}

/// The token kept after a password that needed another go, if any.
#[leptos::server(prefix = "/api/staff", endpoint = "set-password-kept")]
pub async fn kept_token() -> Result<Option<String>, PageError> {
    let parts = use_context::<http::request::Parts>().ok_or(PageError::Unexpected)?;
    Ok(crate::session::request_cookie(&parts, COOKIE).filter(|t| !t.is_empty()))
}

#[component]
pub fn SetPassword() -> impl IntoView {
    let query = use_query_map();
    let (from_link, problem) = query.with_untracked(|q| {
        (
            q.get("token").filter(|t| !t.trim().is_empty()),
            q.get("error").as_deref().and_then(Problem::parse),
        )
    });
    // Made here, not inside the Suspense (see `staff::gate`).
    let token = Resource::new_blocking(
        move || from_link.clone(),
        move |from_link| async move {
            match from_link {
                Some(token) => Some(token),
                None if problem.is_some_and(|p| p != Problem::Link) => {
                    kept_token().await.ok().flatten()
                }
                None => None,
            }
        },
    );
    view! {
        <StaffPage title="Set your password".to_owned() user=None>
            <h1>"Set your password"</h1>
            <Suspense>
                {move || Suspend::new(async move {
                    match token.await {
                        Some(token) => view! { <SetPasswordForm token problem /> }.into_any(),
                        None => view! {
                            <p class="notice" role="alert">{Problem::Link.words()}</p>
                            <p><a href="/staff/sign-in">"Go to staff sign in"</a></p>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn SetPasswordForm(token: String, problem: Option<Problem>) -> impl IntoView {
    let action = ServerAction::<SetPassword>::new();
    let errors = Signal::derive(move || {
        problem
            .map(|p| vec![(p.field(), p.words())])
            .unwrap_or_default()
    });
    let field_error = move |field: &'static str| {
        Signal::derive(move || problem.filter(|p| p.field() == field).map(Problem::words))
    };
    let invalid =
        move |field: &'static str| (problem.map(Problem::field) == Some(field)).to_string();
    view! {
        <ErrorSummary errors />
        <p>"Choose a password of at least 12 characters that you do not use anywhere else. A few words together are easy to remember and hard to guess."</p>
        <ActionForm action attr:class="stack narrow">
            <input type="hidden" name="token" value=token />
            <div class="field">
                <label for="password">"New password"</label>
                <FieldError id="password-error" message=field_error("password") />
                <input id="password" name="password" type="password" autocomplete="new-password"
                    minlength="12" maxlength="200" required=true aria-describedby="password-error"
                    aria-invalid=invalid("password") />
            </div>
            <div class="field">
                <label for="password_again">"New password again"</label>
                <FieldError id="password_again-error" message=field_error("password_again") />
                <input id="password_again" name="password_again" type="password" autocomplete="new-password"
                    minlength="12" maxlength="200" required=true aria-describedby="password_again-error"
                    aria-invalid=invalid("password_again") />
            </div>
            <button type="submit" class="button primary">"Set password"</button>
        </ActionForm>
    }
}
