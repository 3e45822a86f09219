//! Staff sign-in with e-mail and password.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::StaffPage;
use crate::components::{ErrorSummary, FieldError};
use crate::error::PageError;

#[cfg(feature = "ssr")]
mod ops;

#[leptos::server(prefix = "/api/staff", endpoint = "sign-in")]
pub async fn staff_sign_in(email: String, password: String) -> Result<(), PageError> {
    use super::api::server::Tokens;
    use crate::error::ErrorCode;
    use ops::sign_in;

    if email.trim().is_empty() || password.is_empty() {
        leptos_axum::redirect("/staff/sign-in?error=missing");
        return Ok(());
    }
    let signed = crate::gql::exec_as::<ops::SignIn>(
        None,
        sign_in::Variables {
            email: email.trim().to_owned(),
            password,
        },
    )
    .await;
    match signed {
        Ok(signed) => {
            Tokens {
                access: signed.sign_in.access_token,
                refresh: signed.sign_in.refresh_token,
            }
            .save();
            crate::drafts::forget_all().await;
            leptos_axum::redirect("/staff");
        }
        Err(error) if error.code() == ErrorCode::RateLimited => {
            leptos_axum::redirect("/staff/sign-in?error=busy")
        }
        Err(PageError::Api { .. }) => leptos_axum::redirect("/staff/sign-in?error=wrong"),
        Err(error) => return Err(error),
    }
    Ok(())
}

#[component]
pub fn StaffSignIn() -> impl IntoView {
    let query = use_query_map();
    let problem = move || match query.read().get("error").as_deref() {
        Some("missing") => Some("Enter your e-mail address and password."),
        Some("wrong") => Some("The e-mail address or password is not right."),
        // From this address, or for this e-mail address (locked for 15 minutes after ten wrong
        // passwords): the same words either way, so they say nothing about who has an account.
        Some("busy") => Some(
            "Too many sign-in attempts. Wait 15 minutes and try again. If it keeps happening, ask an administrator.",
        ),
        _ => None,
    };
    let notice = move || match query.read().get("why").as_deref() {
        Some("expired") => Some("Your session ended. Sign in again to carry on."),
        Some("signed-out") => Some("You have signed out."),
        Some("password-set") => {
            Some("Your password is set. Sign in with your e-mail address and your new password.")
        }
        _ => None,
    };
    let errors = Signal::derive(move || problem().map(|p| vec![("email", p)]).unwrap_or_default());
    let action = ServerAction::<StaffSignIn>::new();
    view! {
        <StaffPage title="Staff sign in".to_owned() user=None>
            <h1>"Sign in"</h1>
            {move || notice().map(|n| view! { <p class="notice" role="status">{n}</p> })}
            <ErrorSummary errors />
            <ActionForm action attr:class="stack narrow">
                <div class="field">
                    <label for="email">"E-mail address"</label>
                    <FieldError id="email-error" message=Signal::derive(problem) />
                    <input id="email" name="email" type="email" autocomplete="username" aria-describedby="email-error"
                        aria-invalid=move || problem().is_some().to_string() />
                </div>
                <div class="field">
                    <label for="password">"Password"</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" />
                </div>
                <button type="submit" class="button primary">"Sign in"</button>
            </ActionForm>
        </StaffPage>
    }
}
