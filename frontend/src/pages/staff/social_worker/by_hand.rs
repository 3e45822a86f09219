//! What the social worker's pages for records by hand share (a child's record, a new meeting,
//! moving or cancelling one): each page reads once, with who is signed in, and checks the role
//! on that answer; a refused form goes back to its page with what was typed kept on the server
//! (`crate::drafts`, never in the address) and each problem beside its field.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};

/// A problem with one field of a form: the field's id on the page, and what to do about it.
pub type Problems = Vec<(String, String)>;

/// A form sent back to be put right: what was typed and what is wrong with it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Kept<F> {
    pub form: F,
    pub problems: Problems,
}

impl<F> Kept<F> {
    /// The problem with `field`, if any.
    pub fn problem(&self, field: &str) -> Option<String> {
        self.problems
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, message)| message.clone())
    }
}

/// Who the page's one read says is signed in, if they hold one of `roles`.
pub fn page_user(
    name: Option<String>,
    role: Option<Role>,
    roles: &[Role],
) -> Result<StaffUser, PageError> {
    match role {
        Some(role) if roles.contains(&role) => Ok(StaffUser {
            name: name.unwrap_or_default(),
            role,
        }),
        Some(_) => Err(PageError::Api {
            code: crate::error::ErrorCode::Forbidden,
            message: "This page is not for your role.".into(),
            details: serde_json::Value::Null,
        }),
        None => Err(PageError::SignedOut),
    }
}

/// The page when its read failed: signed out, or not this person's to open.
#[component]
pub fn Unavailable(error: PageError, title: &'static str) -> impl IntoView {
    match error {
        PageError::SignedOut => view! {
            <StaffPage title="Sign in".to_owned() user=None>
                <h1>"Sign in to carry on"</h1>
                <p><a class="button primary" href="/staff/sign-in">"Sign in"</a></p>
            </StaffPage>
        }
        .into_any(),
        _ => view! {
            <StaffPage title=title.to_owned() user=None>
                <h1>{format!("{title}: this page cannot be opened")}</h1>
                <p role="alert">"It does not exist, or it is not yours to open."</p>
                <p><a href="/staff">"Back to your first page"</a></p>
            </StaffPage>
        }
        .into_any(),
    }
}

/// "There is a problem", each line linking to its field.
#[component]
pub fn ProblemSummary(problems: Problems) -> impl IntoView {
    (!problems.is_empty()).then(|| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="problems-title">
                <h2 id="problems-title">"There is a problem"</h2>
                <ul>
                    {problems
                        .into_iter()
                        .map(|(field, message)| view! { <li><a href=format!("#{field}")>{message}</a></li> })
                        .collect_view()}
                </ul>
            </div>
        }
    })
}

/// The message beside field `id` (its element id is `<id>-error`).
#[component]
pub fn Problem(id: &'static str, message: Option<String>) -> impl IntoView {
    message.map(|m| view! { <p class="field-error" id=format!("{id}-error")>{m}</p> })
}

/// `aria-describedby` for field `id`: its hint (when it has one) and its problem (when it has one).
pub fn described(id: &str, hint: bool, problem: &Option<String>) -> Option<String> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if problem.is_some() {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// One line of input (text unless `kind` says otherwise): label, optional hint, problem, box.
#[component]
pub fn Line(
    id: &'static str,
    /// The form field's name (`form[<name>]`), when it is not `id`.
    #[prop(optional)]
    name: Option<&'static str>,
    label: &'static str,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(optional)] kind: Option<&'static str>,
    value: String,
    problem: Option<String>,
    #[prop(optional)] autocomplete: Option<&'static str>,
) -> impl IntoView {
    let by = described(id, hint.is_some(), &problem);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            <Problem id message=problem.clone() />
            <input id=id name=format!("form[{}]", name.unwrap_or(id)) type=kind.unwrap_or("text") value=value
                autocomplete=autocomplete.unwrap_or("off")
                aria-invalid=problem.is_some().to_string()
                aria-describedby=by />
        </div>
    }
}

/// The server side the three pages share.
#[cfg(feature = "ssr")]
pub mod server {
    use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};

    use super::{Kept, Problems};
    use crate::drafts::Form;
    use crate::error::{ErrorCode, PageError};

    /// A day typed (or picked) as `2027-03-14`.
    pub fn day(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
    }

    /// A day and a time of day in UK time, as the instant the API takes; `None` when either is
    /// not a real date or time.
    pub fn uk_moment(date: &str, time: &str) -> Option<DateTime<Utc>> {
        let day = day(date)?;
        let time = time.trim();
        let time = NaiveTime::parse_from_str(time, "%H:%M")
            .or_else(|_| NaiveTime::parse_from_str(time, "%H:%M:%S"))
            .ok()?;
        chrono_tz::Europe::London
            .from_local_datetime(&day.and_time(time))
            .earliest()
            .map(|at| at.with_timezone(&Utc))
    }

    /// A refusal the form can show beside a field: (the API's field, its message).
    pub fn refusal(error: &PageError) -> Option<(String, String)> {
        match error {
            PageError::Api {
                code:
                    ErrorCode::BadUserInput
                    | ErrorCode::Conflict
                    | ErrorCode::NotFound
                    | ErrorCode::Forbidden,
                message,
                details,
            } => Some((
                details["field"].as_str().unwrap_or_default().to_owned(),
                message.clone(),
            )),
            _ => None,
        }
    }

    /// Back to the form at `page` with what was typed and the problems: kept on the server.
    pub async fn back<F: serde::Serialize>(
        form_name: Form,
        page: &str,
        form: F,
        problems: Problems,
    ) {
        crate::drafts::keep(form_name, &Kept { form, problems }).await;
        let join = if page.contains('?') { '&' } else { '?' };
        leptos_axum::redirect(&format!("{page}{join}check=1"));
    }

    /// What the form held when it was sent back (`?check=1`), if it is kept.
    pub async fn kept<F: serde::de::DeserializeOwned>(
        form_name: Form,
        check: bool,
    ) -> Option<Kept<F>> {
        if check {
            crate::drafts::read(form_name).await
        } else {
            None
        }
    }

    /// Done: nothing typed is kept any longer, and the browser goes to `to`.
    pub async fn done(form_name: Form, to: &str) {
        crate::drafts::forget(form_name).await;
        leptos_axum::redirect(to);
    }
}
