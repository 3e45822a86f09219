//! Moving a referral on when it would otherwise be stuck (issue 19, "no dead ends"): parental
//! agreement recorded after the referral was made, a withdrawal with its reason (the social worker
//! who made it, or the coordinator), a declined or withdrawn referral reopened, and the case it
//! opened closed or reopened (the coordinator). Each form is shown only when the referral's status
//! allows it; the API has the last word and its refusal is shown by the form it is about.
use leptos::prelude::*;

use super::{ReferralView, link::LinkSection};
use crate::error::PageError;
use crate::model::{ParentalAgreement, ReferralStatus};

#[cfg(feature = "ssr")]
use super::decide::{decide, refused};
#[cfg(feature = "ssr")]
use super::ops;

#[cfg(feature = "ssr")]
fn missing(id: &str, form: &str, field: &str, message: &str) -> Result<Option<String>, PageError> {
    refused(
        id,
        form,
        PageError::Api {
            code: crate::error::ErrorCode::BadUserInput,
            message: message.into(),
            details: serde_json::json!({ "field": field }),
        },
    )
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-agreement")]
pub async fn record_agreement(
    id: String,
    agreement: Option<ParentalAgreement>,
) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    let Some(agreement) = agreement else {
        let words = "Choose what the parents or carers said.";
        return missing(&id, "agreement", "agreement", words);
    };
    let vars = ops::record_agreement::Variables {
        id: id.clone(),
        agreement,
    };
    decide(&id, exec::<ops::RecordAgreement>(vars).await, "agreement")
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-withdraw")]
pub async fn withdraw_referral(id: String, reason: String) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    if reason.trim().is_empty() {
        let words = "Give the reason for withdrawing: it is kept with the referral.";
        return missing(&id, "withdrawn", "reason", words);
    }
    let reason = reason.replace("\r\n", "\n");
    let vars = ops::withdraw::Variables {
        id: id.clone(),
        reason,
    };
    decide(&id, exec::<ops::Withdraw>(vars).await, "withdrawn")
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-reopen")]
pub async fn reopen_referral(id: String) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    let vars = ops::reopen::Variables { id: id.clone() };
    decide(&id, exec::<ops::Reopen>(vars).await, "reopened")
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-close-case")]
pub async fn close_case(
    id: String,
    case_id: String,
    reason: String,
) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    if reason.trim().is_empty() {
        let words = "Give the reason for closing the case: it is kept with it.";
        return missing(&id, "case-closed", "reason", words);
    }
    let reason = reason.replace("\r\n", "\n");
    let vars = ops::close_case::Variables {
        id: case_id,
        reason,
    };
    decide(&id, exec::<ops::CloseCase>(vars).await, "case-closed")
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-reopen-case")]
pub async fn reopen_case(id: String, case_id: String) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    let vars = ops::reopen_case::Variables { id: case_id };
    decide(&id, exec::<ops::ReopenCase>(vars).await, "case-reopened")
}

/// A refusal for `form`: with JavaScript the action's answer, without it the page's address.
pub fn refusal_of(
    value: impl Fn() -> Option<Result<Option<String>, PageError>> + Send + Sync + 'static,
    form: &'static str,
) -> Signal<Option<String>> {
    let query = leptos_router::hooks::use_query_map();
    Signal::derive(move || {
        let answered = match value() {
            Some(Ok(message)) => message,
            Some(Err(PageError::Api { message, .. })) => Some(message),
            Some(Err(_)) => Some("That did not work. Try again.".to_owned()),
            None => None,
        };
        answered.or_else(|| {
            query.with(|q| {
                (q.get("refused").as_deref() == Some(form))
                    .then(|| q.get("why"))
                    .flatten()
            })
        })
    })
}

#[component]
pub fn Moves(referral: ReferralView, coordinator: bool) -> impl IntoView {
    let undecided = matches!(
        referral.status,
        ReferralStatus::Received | ReferralStatus::PendingConsent
    );
    let live = undecided || referral.status == ReferralStatus::Accepted;
    let case_open = referral.case.as_ref().is_some_and(|c| !c.closed);
    let ended = matches!(
        referral.status,
        ReferralStatus::Declined | ReferralStatus::Withdrawn
    );
    let unlinked = referral.self_referral && referral.child.is_none();
    view! {
        <div class="decisions moves">
            {undecided.then(|| view! { <AgreementSection referral=referral.clone() /> })}
            {(coordinator && unlinked && live).then(|| view! { <LinkSection referral=referral.clone() /> })}
            {(coordinator && case_open && referral.status == ReferralStatus::Accepted)
                .then(|| view! { <CloseCaseSection referral=referral.clone() /> })}
            {(coordinator && referral.case.as_ref().is_some_and(|c| c.closed))
                .then(|| view! { <ReopenCaseSection referral=referral.clone() /> })}
            {(coordinator && ended && referral.case.is_none())
                .then(|| view! { <ReopenSection referral=referral.clone() /> })}
            {live.then(|| view! { <WithdrawSection referral=referral.clone() /> })}
        </div>
    }
}

#[component]
fn AgreementSection(referral: ReferralView) -> impl IntoView {
    let action = ServerAction::<RecordAgreement>::new();
    let error = refusal_of(move || action.value().get(), "agreement");
    let mut choices = vec![
        (ParentalAgreement::Given, "GIVEN", "They agreed"),
        (ParentalAgreement::Refused, "REFUSED", "They did not agree"),
        (
            ParentalAgreement::Pending,
            "PENDING",
            "Not asked yet, or no answer yet",
        ),
    ];
    if referral.looked_after {
        choices.push((
            ParentalAgreement::NotRequiredLookedAfter,
            "NOT_REQUIRED_LOOKED_AFTER",
            "Not needed: the child is looked after by the local authority",
        ));
    }
    let current = referral.agreement;
    let radios = choices
        .into_iter()
        .map(|(agreement, value, words)| {
            let input_id = format!("agreement-{}", value.to_lowercase());
            view! {
                <div class="radio">
                    <input type="radio" id=input_id.clone() name="agreement" value=value checked=agreement == current />
                    <label for=input_id>{words}</label>
                </div>
            }
        })
        .collect_view();
    let waiting = referral.status == ReferralStatus::PendingConsent;
    view! {
        <section class="card decision" aria-labelledby="agreement-title">
            <h2 id="agreement-title">"Record parental agreement"</h2>
            {waiting.then(|| view! {
                <p>"Once the parents or carers agree, the referral goes to the coordinator to accept."</p>
            })}
            {move || error.get().map(|e| view! { <p class="error-summary" role="alert">{e}</p> })}
            <ActionForm action>
                <input type="hidden" name="id" value=referral.id.clone() />
                <fieldset>
                    <legend class="question">"What did the parents or carers say?"</legend>
                    {radios}
                </fieldset>
                <button type="submit" class="button primary">"Record agreement"</button>
            </ActionForm>
        </section>
    }
}

/// A required reason in a text box, with the API's or the page's refusal beside it.
#[component]
fn ReasonBox(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <p class="field-error" id=error_id.clone() hidden=move || error.get().is_none()>
                {move || error.get()}
            </p>
            <crate::components::TextBox id=id name="reason" rows=3 maxlength=2000
                attr:aria-describedby=format!("{hint_id} {error_id}")
                attr:aria-invalid=move || error.get().is_some().to_string() />
        </div>
    }
}

#[component]
fn WithdrawSection(referral: ReferralView) -> impl IntoView {
    let action = ServerAction::<WithdrawReferral>::new();
    let error = refusal_of(move || action.value().get(), "withdrawn");
    let allocated = referral.case.as_ref().is_some_and(|c| !c.closed);
    view! {
        <section class="card decision" aria-labelledby="withdraw-title">
            <h2 id="withdraw-title">"Withdraw"</h2>
            <p>
                {if allocated {
                    "The advocate's case closes with the same reason. The child's views are kept as they are."
                } else {
                    "For when the child, the family or the referrer no longer want advocacy for this meeting. The child's views are kept as they are."
                }}
            </p>
            <ActionForm action attr:novalidate=true>
                <input type="hidden" name="id" value=referral.id.clone() />
                <ReasonBox id="withdraw-reason" label="Reason for withdrawing"
                    hint="Required. It is kept with the referral." error />
                <button type="submit" class="button">"Withdraw referral"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ReopenSection(referral: ReferralView) -> impl IntoView {
    let action = ServerAction::<ReopenReferral>::new();
    let error = refusal_of(move || action.value().get(), "reopened");
    view! {
        <section class="card decision" aria-labelledby="reopen-title">
            <h2 id="reopen-title">"Reopen"</h2>
            <p>"Take the referral back into the inbox if it should go ahead after all (not once its meeting has happened)."</p>
            {move || error.get().map(|e| view! { <p class="error-summary" role="alert">{e}</p> })}
            <ActionForm action>
                <input type="hidden" name="id" value=referral.id.clone() />
                <button type="submit" class="button primary">"Reopen referral"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn CloseCaseSection(referral: ReferralView) -> impl IntoView {
    let action = ServerAction::<CloseCase>::new();
    let error = refusal_of(move || action.value().get(), "case-closed");
    let case_id = referral
        .case
        .as_ref()
        .map(|c| c.id.clone())
        .unwrap_or_default();
    view! {
        <section class="card decision" aria-labelledby="close-case-title">
            <h2 id="close-case-title">"Close the case"</h2>
            <p>"The piece of advocacy is finished. It leaves the advocate's open caseload; the child's views are kept as they are."</p>
            <ActionForm action attr:novalidate=true>
                <input type="hidden" name="id" value=referral.id.clone() />
                <input type="hidden" name="case_id" value=case_id />
                <ReasonBox id="close-reason" label="Reason for closing"
                    hint="Required, e.g. the meeting has happened and the outcome was explained to the child." error />
                <button type="submit" class="button">"Close the case"</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn ReopenCaseSection(referral: ReferralView) -> impl IntoView {
    let action = ServerAction::<ReopenCase>::new();
    let error = refusal_of(move || action.value().get(), "case-reopened");
    let case_id = referral
        .case
        .as_ref()
        .map(|c| c.id.clone())
        .unwrap_or_default();
    view! {
        <section class="card decision" aria-labelledby="reopen-case-title">
            <h2 id="reopen-case-title">"Reopen the case"</h2>
            <p>"It goes back on the advocate's caseload where it was."</p>
            {move || error.get().map(|e| view! { <p class="error-summary" role="alert">{e}</p> })}
            <ActionForm action>
                <input type="hidden" name="id" value=referral.id.clone() />
                <input type="hidden" name="case_id" value=case_id />
                <button type="submit" class="button primary">"Reopen case"</button>
            </ActionForm>
        </section>
    }
}
