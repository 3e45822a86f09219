//! Closing the case when the piece of advocacy is finished. Two steps, both plain: "Close this
//! case" is a link to the same page with `?close=confirm`, which asks for the reason and a second
//! press; a closed case says so, with its reason, and who can reopen it (the coordinator).
use leptos::prelude::*;

use super::CaseFile;
use crate::error::PageError;

/// Longest reason the page sends (the API's limit for long text is larger).
const REASON_MAX: usize = 2000;

#[leptos::server(prefix = "/api/staff", endpoint = "case-close")]
pub async fn close_case(case_id: String, reason: String) -> Result<(), PageError> {
    use super::{ops, server};
    use crate::pages::staff::api::server::exec;
    let href = server::href(&case_id)?;
    let reason = reason.replace("\r\n", "\n");
    if reason.trim().is_empty() {
        leptos_axum::redirect(&format!("{href}?close=confirm&problem=close-empty"));
        return Ok(());
    }
    let vars = ops::close_case::Variables {
        case_id,
        reason: reason.trim().to_owned(),
    };
    let closed = exec::<ops::CloseCase>(vars).await;
    server::after(&href, closed, "closed", "close-failed")
}

/// The aside's last part: closed, or the way to close it (asked twice).
#[component]
pub fn CloseSection(case: CaseFile, confirming: bool, empty: bool) -> impl IntoView {
    if let Some(reason) = case.closed.clone() {
        return view! {
            <section class="case-section action" aria-labelledby="close-title">
                <h2 id="close-title">"Case closed"</h2>
                <p>{format!("Reason: {reason}")}</p>
                <p class="hint">"The child's views are kept as they are. Only the advocacy coordinator can reopen the case."</p>
            </section>
        }
        .into_any();
    }
    let child = case.child.name.clone();
    let href = format!("/staff/cases/{}", case.id);
    if !confirming {
        return view! {
            <section class="case-section action" aria-labelledby="close-title">
                <h2 id="close-title">"Close the case"</h2>
                <p class="hint">"When this piece of advocacy is finished, e.g. the meeting has happened and the outcome was explained to the child."</p>
                <p><a class="button secondary" href=format!("{href}?close=confirm#close-title")>"Close this case"</a></p>
            </section>
        }
        .into_any();
    }
    let close = ServerAction::<CloseCase>::new();
    view! {
        <section class="case-section action confirm" aria-labelledby="close-title">
            <h2 id="close-title">"Close this case?"</h2>
            <p>{format!(
                "It leaves your open caseload. {child}'s views are kept exactly as they are, and \
                 the people they were shared with keep them. Only the advocacy coordinator can reopen it."
            )}</p>
            <ActionForm action=close attr:class="stack" attr:novalidate=true>
                <input type="hidden" name="case_id" value=case.id.clone() />
                <div class="field">
                    <label for="close-reason">"Reason for closing"</label>
                    <p class="hint" id="close-hint">"Required. The coordinator reads it."</p>
                    {empty.then(|| view! {
                        <p class="field-error" id="close-error">"Give the reason for closing the case"</p>
                    })}
                    <crate::components::TextBox id="close-reason" name="reason" rows=3 maxlength=REASON_MAX
                        attr:aria-describedby=if empty { "close-hint close-error" } else { "close-hint" }
                        attr:aria-invalid=empty.to_string() />
                </div>
                <button type="submit" class="button primary">"Yes, close the case"</button>
                <a href=href>"Cancel: keep it open"</a>
            </ActionForm>
        </section>
    }
    .into_any()
}
