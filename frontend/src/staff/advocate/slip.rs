//! `/staff/cases/:caseId/slip`: the child's new sign-in code and PIN, shown once, on a slip to print
//! in words a child of about 8 can read. The code and PIN come from a short-lived HttpOnly cookie
//! set when the code was issued (never from the address); reading the slip clears it.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use super::case::CaseProblem;
use crate::app::use_hydrated;
use crate::error::PageError;
use crate::staff::StaffPage;
use crate::staff::api::StaffUser;

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
    use cookie::{Cookie, SameSite, time::Duration};
    use http::{HeaderValue, header, request::Parts};
    use leptos_axum::ResponseOptions;
    use serde::Deserialize;

    use super::*;
    use crate::staff::api::Role;
    use crate::staff::api::server::{require_role, run};

    /// The one-time cookie: just long enough to get from the button to the slip.
    const FLASH: &str = "myvoice_slip";
    const FLASH_SECONDS: i64 = 300;

    /// Ask the API for a new code and PIN and keep them for the slip page.
    pub async fn issue(case_id: &str) -> Result<(), PageError> {
        require_role(Role::Advocate).await?;
        #[derive(Deserialize)]
        struct Data {
            #[serde(rename = "issueChildAccess")]
            slip: Issued,
        }
        #[derive(Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct Issued {
            access_code: String,
            pin: String,
            expires_at: String,
            child_name: String,
        }
        let data: Data = run(
            "mutation Issue($c: ID!) { issueChildAccess(caseId: $c) { accessCode pin expiresAt childName } }",
            serde_json::json!({ "c": case_id }),
        )
        .await?;
        let until = chrono::DateTime::parse_from_rfc3339(&data.slip.expires_at)
            .map(|at| {
                at.with_timezone(&chrono_tz::Europe::London)
                    .format("%-d %B %Y")
                    .to_string()
            })
            .unwrap_or_default();
        let slip = Slip {
            case_id: case_id.to_owned(),
            child: data.slip.child_name,
            code: data.slip.access_code,
            pin: data.slip.pin,
            until,
        };
        let value = serde_json::to_vec(&slip).map_err(|_| PageError::Unexpected)?;
        set(Cookie::build((FLASH, hex(&value))).max_age(Duration::seconds(FLASH_SECONDS)));
        Ok(())
    }

    /// The slip for this case, once: the cookie is cleared as it is read.
    pub async fn take(case_id: String) -> Result<SlipPage, PageError> {
        let user = require_role(Role::Advocate).await?;
        super::super::case::server::href(&case_id)?;
        let parts = leptos::prelude::use_context::<Parts>().ok_or(PageError::Unexpected)?;
        let flash = read(&parts);
        if flash.is_some() {
            set(Cookie::build((FLASH, "")).max_age(Duration::ZERO));
        }
        let slip = flash.filter(|slip| slip.case_id == case_id);
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

    fn read(parts: &Parts) -> Option<Slip> {
        parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .flat_map(Cookie::split_parse)
            .filter_map(Result::ok)
            .find(|cookie| cookie.name() == FLASH)
            .and_then(|cookie| unhex(cookie.value()))
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
    }

    fn set(cookie: cookie::CookieBuilder<'static>) {
        let cookie = cookie
            .path("/")
            .http_only(true)
            .same_site(SameSite::Strict)
            .build();
        if let (Some(response), Ok(value)) = (
            leptos::prelude::use_context::<ResponseOptions>(),
            HeaderValue::from_str(&cookie.to_string()),
        ) {
            response.append_header(header::SET_COOKIE, value);
        }
    }

    /// Cookie-safe text for any bytes.
    fn hex(bytes: &[u8]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    fn unhex(text: &str) -> Option<Vec<u8>> {
        if !text.len().is_multiple_of(2) {
            return None;
        }
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn hex_round_trips_and_refuses_junk() {
            let bytes = br#"{"code":"K7QF-2MXP"}"#;
            assert_eq!(unhex(&hex(bytes)).as_deref(), Some(&bytes[..]));
            assert_eq!(unhex("abc"), None);
            assert_eq!(unhex("zz"), None);
        }
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
    let hydrated = use_hydrated();
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
                            <Show
                                when=move || hydrated.get()
                                fallback=|| view! { <span class="hint">"To print, press Ctrl+P (⌘+P on a Mac)."</span> }
                            >
                                <button type="button" class="button primary" on:click=move |_| print()>
                                    "Print the slip"
                                </button>
                            </Show>
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

fn print() {
    #[cfg(feature = "hydrate")]
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
