//! `/staff/cases/:caseId/slip`: the child's new sign-in code and PIN, shown once, on a slip to print
//! in words a child of about 8 can read. The code and PIN come from a short-lived HttpOnly cookie
//! set when the code was issued (never from the address); reading the slip clears it.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use super::case::CaseProblem;
use crate::components::use_hydrated;
use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Slip {
    pub case_id: String,
    pub child: String,
    pub code: String,
    pub pin: String,
    /// The last day the code works, in words.
    pub until: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SlipPage {
    pub user: StaffUser,
    pub case_id: String,
    /// The address the child signs in at, e.g. `myvoice.example/sign-in`.
    pub sign_in_at: String,
    /// None: already shown (or never issued here).
    pub slip: Option<Slip>,
}

#[leptos::server(prefix = "/api/staff", endpoint = "slip")]
pub async fn load_slip(case_id: String) -> Result<SlipPage, PageError> {
    server::take(case_id).await
}

#[cfg(feature = "ssr")]
pub mod server {
    use http::{header, request::Parts};

    use super::*;
    use crate::pages::staff::api::server::{exec, forbidden, signed_in_as};
    use crate::pages::staff::api::{Role, StaffRead};
    use crate::pages::staff::once;

    /// Ask the API for a new code and PIN and keep them for the slip page. One write: the API
    /// refuses anyone the case is not allocated to.
    pub async fn issue(case_id: &str) -> Result<(), PageError> {
        let issued = exec::<ops::IssueChildAccess>(ops::issue_child_access::Variables {
            case_id: case_id.to_owned(),
        })
        .await?
        .issue_child_access;
        let slip = Slip {
            case_id: case_id.to_owned(),
            child: issued.child_name,
            code: issued.access_code,
            pin: issued.pin,
            until: crate::dates::day(&issued.expires_at),
        };
        once::put(&slip);
        Ok(())
    }

    /// The slip for this case, once: the cookie is cleared as it is read. One read: who is
    /// signed in (the slip itself is in the cookie).
    pub async fn take(case_id: String) -> Result<SlipPage, PageError> {
        let user = match signed_in_as(Role::Advocate).await? {
            StaffRead::Page(user, ()) => user,
            StaffRead::NotYours(_) => return Err(forbidden(Role::Advocate)),
        };
        super::super::case::server::href(&case_id)?;
        let parts = leptos::prelude::use_context::<Parts>().ok_or(PageError::Unexpected)?;
        let slip = once::take::<Slip>().filter(|slip| slip.case_id == case_id);
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .filter(|h| {
                h.chars()
                    .all(|c| c.is_ascii_alphanumeric() || ".:-[]".contains(c))
            })
            .unwrap_or("myvoice");
        Ok(SlipPage {
            user,
            case_id,
            sign_in_at: format!("{host}/sign-in"),
            slip,
        })
    }
}

#[component]
pub fn SlipRoute() -> impl IntoView {
    let params = use_params_map();
    // Read once per page: a second read would find the slip already taken.
    let id = params.read_untracked().get("caseId").unwrap_or_default();
    let slip = Resource::new_blocking(move || id.clone(), load_slip);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match slip.await {
                    Ok(page) => view! { <SlipView page /> }.into_any(),
                    Err(error) => view! { <CaseProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn SlipView(page: SlipPage) -> impl IntoView {
    let back = format!("/staff/cases/{}", page.case_id);
    let advocate = page
        .user
        .name
        .split_whitespace()
        .next()
        .unwrap_or("your advocate")
        .to_owned();
    match page.slip {
        None => view! {
            <StaffPage title="Sign-in slip".to_owned() user=Some(page.user.clone())>
                <h1>"Sign-in slip already shown"</h1>
                <p>
                    "A code and PIN are shown only once. If the child does not have them, issue a new code "
                    "from the case page: the old one stops working."
                </p>
                <p><a href=back>"Back to the case"</a></p>
            </StaffPage>
        }
        .into_any(),
        Some(slip) => {
            let child = slip.child.clone();
            view! {
                <StaffPage title=format!("Sign-in slip for {child}") user=Some(page.user.clone())>
                    <div class="no-print">
                        <h1>{format!("Sign-in slip for {child}")}</h1>
                        <p class="adv-notice ok" role="status">
                            "The new code is ready. Print this slip now, or copy the code and PIN onto paper for "
                            {child.clone()} ". They are shown only this once. Any code " {child.clone()}
                            " had before has stopped working."
                        </p>
                        <p class="slip-actions">
                            <PrintButton label="Print the slip".to_owned() />
                            " "
                            <a href=back.clone()>"Back to the case"</a>
                        </p>
                    </div>
                    <article class="slip" aria-labelledby="slip-hello">
                        <h2 id="slip-hello">{format!("Hello {child}!")}</h2>
                        <p>"This is your own code for myvoice."</p>
                        <p>"On myvoice you can say what you think and how you feel, before your meeting."</p>
                        <dl class="slip-code">
                            <dt>"Your code"</dt>
                            <dd class="code">{slip.code.clone()}</dd>
                            <dt>"Your PIN"</dt>
                            <dd class="code">{slip.pin.clone()}</dd>
                        </dl>
                        <h3>"How to use it"</h3>
                        <ol>
                            <li>"Go to " <strong>{page.sign_in_at.clone()}</strong></li>
                            <li>"Type your code."</li>
                            <li>"Type your PIN."</li>
                        </ol>
                        <h3>"Keep it safe"</h3>
                        <p>
                            "Keep this paper in a safe place. Your PIN is a secret. Do not show it to anyone."
                        </p>
                        <p>"If you lose it, ask " {advocate} " for a new one."</p>
                        {(!slip.until.is_empty()).then(|| view! { <p>"Your code works until " {slip.until.clone()} "."</p> })}
                    </article>
                </StaffPage>
            }
            .into_any()
        }
    }
}

/// A print button with JavaScript (the slip, the statement); without it, how to print from the
/// browser.
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    let hydrated = use_hydrated();
    view! {
        <Show
            when=move || hydrated.get()
            fallback=|| view! { <span class="hint">"To print, press Ctrl+P (⌘+P on a Mac)."</span> }
        >
            <button type="button" class="button primary" on:click=move |_| print()>
                {label.clone()}
            </button>
        </Show>
    }
}

fn print() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
