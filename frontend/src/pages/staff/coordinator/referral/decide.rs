//! The coordinator's decisions on a referral: accept, decline with a reason, allocate an
//! advocate. Each is one write (the API refuses anyone but the coordinator); a refusal is the
//! API's message, shown by the form it is about.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use super::ReferralView;
use crate::error::PageError;
use crate::model::ReferralStatus;

#[cfg(feature = "ssr")]
use super::ops;

/// Run one coordinator decision; back to the referral saying what happened. A refusal is the API's
/// message: with JavaScript it comes back as the answer; without, as an error the page reads from
/// its address (Leptos puts it there on the way back).
#[cfg(feature = "ssr")]
pub(super) fn decide<T>(
    id: &str,
    decided: Result<T, PageError>,
    done: &str,
) -> Result<Option<String>, PageError> {
    match decided {
        Ok(_) => {
            leptos_axum::redirect(&format!("/staff/referrals/{id}?done={done}"));
            Ok(None)
        }
        Err(error) => refused(id, done, error),
    }
}

/// Refused by the API (or a missing reason). With JavaScript the message is the answer; without,
/// the browser goes back to the referral with the message for that form in its address.
#[cfg(feature = "ssr")]
pub(super) fn refused(id: &str, form: &str, error: PageError) -> Result<Option<String>, PageError> {
    use crate::components::server::{form_encode, plain_form_post};
    match error {
        PageError::Api { message, .. } => {
            if plain_form_post() {
                let query = form_encode(&[("refused", form), ("why", &message)]);
                leptos_axum::redirect(&format!("/staff/referrals/{id}?{query}"));
                Ok(None)
            } else {
                Ok(Some(message))
            }
        }
        other => Err(other),
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-accept")]
pub async fn accept_referral(id: String) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    let accepted = exec::<ops::Accept>(ops::accept::Variables { id: id.clone() }).await;
    decide(&id, accepted, "accepted")
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-decline")]
pub async fn decline_referral(id: String, reason: String) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    if reason.trim().is_empty() {
        return refused(
            &id,
            "declined",
            PageError::Api {
                code: crate::error::ErrorCode::BadUserInput,
                message: "Give the reason for declining: the social worker will read it.".into(),
                details: serde_json::json!({ "field": "reason" }),
            },
        );
    }
    let declined = exec::<ops::Decline>(ops::decline::Variables {
        id: id.clone(),
        reason,
    })
    .await;
    decide(&id, declined, "declined")
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-allocate")]
pub async fn allocate_advocate(
    id: String,
    advocate: Option<String>,
) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::exec;
    let Some(advocate) = advocate.filter(|a| !a.is_empty()) else {
        return refused(
            &id,
            "allocated",
            PageError::Api {
                code: crate::error::ErrorCode::BadUserInput,
                message: "Choose the advocate to allocate.".into(),
                details: serde_json::json!({ "field": "advocate" }),
            },
        );
    };
    let allocated = exec::<ops::Allocate>(ops::allocate::Variables {
        referral_id: id.clone(),
        advocate_id: advocate,
    })
    .await;
    decide(&id, allocated, "allocated")
}

/// Accept, decline, allocate: only what the referral's state allows is offered; the API has the
/// last word and its refusal is shown as it says it.
#[component]
pub fn Decisions(referral: ReferralView) -> impl IntoView {
    let accept = ServerAction::<AcceptReferral>::new();
    let decline = ServerAction::<DeclineReferral>::new();
    let allocate = ServerAction::<AllocateAdvocate>::new();
    let refusal = move |value: Option<Result<Option<String>, PageError>>| match value {
        Some(Ok(message)) => message,
        Some(Err(PageError::Api { message, .. })) => Some(message),
        Some(Err(_)) => Some("That did not work. Try again.".to_owned()),
        _ => None,
    };
    // Without JavaScript the refusal comes back in the address: `?refused=<form>&why=<message>`.
    let query = use_query_map();
    let from_address = move |form: &str| {
        query.with(|q| {
            (q.get("refused").as_deref() == Some(form))
                .then(|| q.get("why"))
                .flatten()
        })
    };
    let accept_error =
        Signal::derive(move || refusal(accept.value().get()).or_else(|| from_address("accepted")));
    let decline_error =
        Signal::derive(move || refusal(decline.value().get()).or_else(|| from_address("declined")));
    let allocate_error = Signal::derive(move || {
        refusal(allocate.value().get()).or_else(|| from_address("allocated"))
    });
    let undecided = matches!(
        referral.status,
        ReferralStatus::Received | ReferralStatus::PendingConsent
    );
    let can_decline = referral.advocate.is_none()
        && !matches!(
            referral.status,
            ReferralStatus::Declined | ReferralStatus::Withdrawn
        );
    let can_allocate = referral.status == ReferralStatus::Accepted && referral.advocate.is_none();
    let id = referral.id.clone();
    let waiting = referral.status == ReferralStatus::PendingConsent;
    let accept_part = undecided.then(|| {
        let id = id.clone();
        view! {
            <section class="card decision" aria-labelledby="accept-title">
                <h2 id="accept-title">"Accept"</h2>
                {move || (waiting && accept_error.get().is_none()).then(|| view! {
                    <p>"This referral is waiting for parental agreement. It can be accepted once the parents or carers agree."</p>
                })}
                {move || accept_error.get().map(|e| view! { <p class="error-summary" role="alert">{e}</p> })}
                <ActionForm action=accept>
                    <input type="hidden" name="id" value=id />
                    <button type="submit" class="button primary">"Accept referral"</button>
                </ActionForm>
            </section>
        }
    });
    let allocate_part = can_allocate.then(|| {
        let id = id.clone();
        let choices = referral
            .suggestions
            .iter()
            .enumerate()
            .map(|(i, (advocate, words))| {
                let input_id = format!("advocate-{i}");
                view! {
                    <div class="radio">
                        <input type="radio" id=input_id.clone() name="advocate" value=advocate.clone() checked=i == 0 />
                        <label for=input_id>{words.clone()}</label>
                    </div>
                }
            })
            .collect_view();
        let none = referral.suggestions.is_empty();
        view! {
            <section class="card decision" aria-labelledby="allocate-title">
                <h2 id="allocate-title">"Allocate an advocate"</h2>
                {move || allocate_error.get().map(|e| view! { <p class="error-summary" role="alert">{e}</p> })}
                {if none {
                    view! { <p>"There is no active advocate to allocate."</p> }.into_any()
                } else {
                    view! {
                        <ActionForm action=allocate>
                            <input type="hidden" name="id" value=id />
                            <fieldset>
                                <legend class="question">"Advocate"</legend>
                                <p class="hint">"The advocate who worked with this child before comes first where there is one: the same advocate where possible, never guaranteed."</p>
                                {choices}
                            </fieldset>
                            <button type="submit" class="button primary">"Allocate advocate"</button>
                        </ActionForm>
                    }.into_any()
                }}
            </section>
        }
    });
    let decline_part = can_decline.then(|| {
        let id = id.clone();
        view! {
            <section class="card decision" aria-labelledby="decline-title">
                <h2 id="decline-title">"Decline"</h2>
                <ActionForm action=decline attr:novalidate=true>
                    <input type="hidden" name="id" value=id />
                    <div class="field">
                        <label for="decline-reason">"Reason for declining"</label>
                        <p class="hint" id="decline-hint">"Required. The social worker reads it."</p>
                        <p class="field-error" id="decline-error" hidden=move || decline_error.get().is_none()>
                            {move || decline_error.get()}
                        </p>
                        <crate::components::TextBox id="decline-reason" name="reason" rows=3 maxlength=2000
                            attr:aria-describedby="decline-hint decline-error"
                            attr:aria-invalid=move || decline_error.get().is_some().to_string() />
                    </div>
                    <button type="submit" class="button">"Decline referral"</button>
                </ActionForm>
            </section>
        }
    });
    view! {
        <div class="decisions">
            {accept_part}
            {allocate_part}
            {decline_part}
        </div>
    }
}
