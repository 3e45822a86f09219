//! One referral, `/staff/referrals/:id`. The coordinator accepts it, declines it with a reason, or
//! allocates an advocate (the one who worked with the child before first, and chosen already). The
//! social worker who made it sees where it is (this is where "Send the referral" lands).
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::inbox::agreement_words;
use crate::error::PageError;
use crate::model::MeetingKind;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{maybe_signed_in, page_data};
use crate::pages::staff::social_worker::children::status_words;
use crate::pages::staff::words;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralView {
    pub id: String,
    pub status: String,
    pub self_referral: bool,
    pub contact: Option<String>,
    pub agreement: String,
    pub child: Option<String>,
    pub meeting: Option<MeetingKind>,
    pub meeting_at: Option<String>,
    pub place: Option<String>,
    pub referrer: Option<String>,
    pub received: Option<String>,
    /// (label, text) of what the referrer told the service.
    pub details: Vec<(String, Option<String>)>,
    pub score: i32,
    pub missing: Vec<String>,
    pub working_days: Option<i32>,
    pub warning: Option<String>,
    pub decline_reason: Option<String>,
    pub advocate: Option<String>,
    /// For the coordinator: (advocate id, words), best first.
    pub suggestions: Vec<(String, String)>,
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-one")]
pub async fn load_referral(id: String) -> Result<ReferralView, PageError> {
    use crate::gql::untyped::in_words;
    use crate::pages::staff::api::server::{require, run};
    #[derive(Deserialize)]
    struct Data {
        referral: Raw,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Raw {
        id: String,
        source: String,
        status: String,
        parental_agreement: String,
        reason: Option<String>,
        how_to_contact_child: Option<String>,
        communication_needs: Option<String>,
        lives_with: Option<String>,
        visit_risks: Option<String>,
        other_information: Option<String>,
        self_referral_contact: Option<String>,
        decline_reason: Option<String>,
        received_at: String,
        referrer_name: Option<String>,
        child: Option<Child>,
        meeting: Option<Meeting>,
        completeness: Completeness,
        lead_time: Option<Lead>,
        allocation: Option<Allocation>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Child {
        preferred_name: String,
        age: i32,
        looked_after: bool,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Meeting {
        kind: MeetingKind,
        scheduled_at: Option<String>,
        place: Option<String>,
    }
    #[derive(Deserialize)]
    struct Completeness {
        score: i32,
        missing: Vec<Label>,
    }
    #[derive(Deserialize)]
    struct Label {
        label: String,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Lead {
        working_days: i32,
        warning: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Allocation {
        advocate_name: String,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Suggestions {
        suggested_advocates: Vec<Suggestion>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Suggestion {
        advocate_id: String,
        name: String,
        worked_with_child_before: bool,
        open_cases: i32,
    }
    let user = require().await?;
    let data: Data = run(
        "query One($id: ID!) { referral(id: $id) { id source status parentalAgreement reason
            howToContactChild communicationNeeds livesWith visitRisks otherInformation
            selfReferralContact declineReason receivedAt referrerName
            child { preferredName age lookedAfter } meeting { kind scheduledAt place }
            completeness { score missing { label } } leadTime { workingDays warning }
            allocation { advocateName } } }",
        serde_json::json!({ "id": id }),
    )
    .await?;
    let r = data.referral;
    let open = r.allocation.is_none() && matches!(r.status.as_str(), "ACCEPTED");
    let suggestions = if user.role == Role::Coordinator && open && r.child.is_some() {
        let found: Suggestions = run(
            "query Suggest($id: ID!) { suggestedAdvocates(referralId: $id) {
                advocateId name workedWithChildBefore openCases } }",
            serde_json::json!({ "id": id }),
        )
        .await?;
        found
            .suggested_advocates
            .into_iter()
            .map(|s| {
                let cases = format!(
                    "{} open case{}",
                    s.open_cases,
                    if s.open_cases == 1 { "" } else { "s" }
                );
                let words = if s.worked_with_child_before {
                    format!(
                        "{} — worked with this child before (suggested) · {cases}",
                        s.name
                    )
                } else {
                    format!("{} — {cases}", s.name)
                };
                (s.advocate_id, words)
            })
            .collect()
    } else {
        Vec::new()
    };
    Ok(ReferralView {
        id: r.id,
        self_referral: r.source == "SELF_REFERRAL",
        status: r.status,
        contact: r.self_referral_contact,
        agreement: r.parental_agreement,
        child: r.child.map(|c| {
            if c.looked_after {
                format!("{} ({}, looked after)", c.preferred_name, c.age)
            } else {
                format!("{} ({})", c.preferred_name, c.age)
            }
        }),
        meeting: r.meeting.as_ref().map(|m| m.kind),
        meeting_at: r
            .meeting
            .as_ref()
            .and_then(|m| m.scheduled_at.as_deref())
            .and_then(in_words),
        place: r.meeting.and_then(|m| m.place),
        referrer: r.referrer_name,
        received: in_words(&r.received_at),
        details: vec![
            ("Why the child needs an advocate".into(), r.reason),
            ("How to contact the child".into(), r.how_to_contact_child),
            ("Communication needs".into(), r.communication_needs),
            ("Who the child lives with".into(), r.lives_with),
            ("Risks for a visit".into(), r.visit_risks),
            ("Anything else".into(), r.other_information),
        ],
        score: r.completeness.score,
        missing: r
            .completeness
            .missing
            .into_iter()
            .map(|m| m.label)
            .collect(),
        working_days: r.lead_time.as_ref().map(|l| l.working_days),
        warning: r.lead_time.and_then(|l| l.warning),
        decline_reason: r.decline_reason,
        advocate: r.allocation.map(|a| a.advocate_name),
        suggestions,
    })
}

/// Run one coordinator decision; back to the referral saying what happened. A refusal is the API's
/// message: with JavaScript it comes back as the answer; without, as an error the page reads from
/// its address (Leptos puts it there on the way back).
#[cfg(feature = "ssr")]
async fn decide(
    id: &str,
    query: &str,
    vars: serde_json::Value,
    done: &str,
) -> Result<Option<String>, PageError> {
    use crate::pages::staff::api::server::{require_role, run};
    require_role(Role::Coordinator).await?;
    match run::<serde_json::Value>(query, vars).await {
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
fn refused(id: &str, form: &str, error: PageError) -> Result<Option<String>, PageError> {
    use crate::pages::staff::social_worker::server::{form_encode, plain_form_post};
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
    decide(
        &id,
        "mutation Accept($id: ID!) { acceptReferral(id: $id) { id } }",
        serde_json::json!({ "id": id }),
        "accepted",
    )
    .await
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-decline")]
pub async fn decline_referral(id: String, reason: String) -> Result<Option<String>, PageError> {
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
    decide(
        &id,
        "mutation Decline($id: ID!, $r: String!) { declineReferral(id: $id, reason: $r) { id } }",
        serde_json::json!({ "id": id, "r": reason }),
        "declined",
    )
    .await
}

#[leptos::server(prefix = "/api/staff", endpoint = "referral-allocate")]
pub async fn allocate_advocate(
    id: String,
    advocate: Option<String>,
) -> Result<Option<String>, PageError> {
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
    decide(
        &id,
        "mutation Allocate($r: ID!, $a: ID!) { allocateAdvocate(referralId: $r, advocateId: $a) { id } }",
        serde_json::json!({ "r": id, "a": advocate }),
        "allocated",
    )
    .await
}

#[component]
pub fn ReferralRoute() -> impl IntoView {
    let params = use_params_map();
    let location = leptos_router::hooks::use_location();
    let user = maybe_signed_in();
    // Keyed on the whole address: after "Accept" the same page comes back with `?done=accepted`.
    let referral = page_data(
        user,
        None,
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                location.search.get(),
            )
        },
        |(id, _)| load_referral(id),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match (user.await, referral.await) {
                    (Ok(Some(user)), Ok(referral)) => view! { <ReferralPage user referral /> }.into_any(),
                    (Ok(Some(user)), Err(_)) => view! {
                        <StaffPage title="Referral".to_owned() user=Some(user)>
                            <h1>"This referral cannot be opened"</h1>
                            <p role="alert">"It does not exist, or it is not yours to see."</p>
                            <p><a href="/staff">"Back to your first page"</a></p>
                        </StaffPage>
                    }.into_any(),
                    _ => view! {
                        <StaffPage title="Sign in".to_owned() user=None>
                            <h1>"Sign in to carry on"</h1>
                            <p><a class="button primary" href="/staff/sign-in">"Sign in"</a></p>
                        </StaffPage>
                    }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ReferralPage(user: StaffUser, referral: ReferralView) -> impl IntoView {
    let query = use_query_map();
    let sent = query.with_untracked(|q| q.get("sent").is_some());
    let done = query.with_untracked(|q| q.get("done"));
    let coordinator = user.role == Role::Coordinator;
    let title = match (&referral.child, referral.self_referral) {
        (Some(child), _) => format!("Referral for {child}"),
        (None, true) => "Self-referral".to_owned(),
        (None, false) => "Referral".to_owned(),
    };
    let heading = if sent {
        "Referral sent".to_owned()
    } else {
        title.clone()
    };
    let state = match &referral.advocate {
        Some(name) => format!("Allocated: {name} is the advocate"),
        None => status_words(&referral.status).to_owned(),
    };
    let done_words = done.as_deref().and_then(|d| match d {
        "accepted" => Some("Referral accepted. Now allocate an advocate."),
        "declined" => Some("Referral declined. The social worker can read your reason."),
        "allocated" => Some("Advocate allocated. The case is on their caseload."),
        _ => None,
    });
    let facts = referral
        .details
        .iter()
        .map(|(label, text)| {
            view! {
                <dt>{label.clone()}</dt>
                <dd class="said">{text.clone().unwrap_or_else(|| "Not given".into())}</dd>
            }
        })
        .collect_view();
    let back = if coordinator {
        "Back to the referral inbox"
    } else {
        "Back to my children"
    };
    view! {
        <StaffPage title=title user=Some(user)>
            <p><a href="/staff">{back}</a></p>
            <h1>{heading}</h1>
            {done_words.map(|w| view! { <p class="notice" role="status">{w}</p> })}
            {sent.then(|| view! {
                <p class="notice" role="status">
                    {format!("The advocacy coordinator has your referral. Status: {state}.")}
                </p>
            })}
            <dl class="summary">
                <dt>"Status"</dt>
                <dd><strong class="referral-state">{state.clone()}</strong></dd>
                {referral.decline_reason.clone().map(|r| view! { <dt>"Reason for declining"</dt><dd>{r}</dd> })}
                <dt>"Meeting"</dt>
                <dd>
                    {referral.meeting.map(words::meeting).unwrap_or("Not known yet")}
                    {referral.meeting_at.clone().map(|at| format!(", {at}"))}
                    {referral.place.clone().map(|p| format!(" ({p})"))}
                </dd>
                {referral.referrer.clone().map(|r| view! { <dt>"Referred by"</dt><dd>{r}</dd> })}
                {referral.contact.clone().map(|c| view! { <dt>"Who asked, and how to reach them"</dt><dd>{c}</dd> })}
                <dt>"Received"</dt>
                <dd>{referral.received.clone().unwrap_or_default()}</dd>
                <dt>"Parental agreement"</dt>
                <dd>{agreement_words(&referral.agreement)}</dd>
                <dt>"Lead time"</dt>
                <dd>
                    {match referral.working_days {
                        Some(days) => format!("{days} working days from receipt to the meeting"),
                        None => "No meeting date".into(),
                    }}
                    {referral.warning.clone().map(|w| view! { <p class="warning">{w}</p> })}
                </dd>
                <dt>"Information"</dt>
                <dd>
                    {format!("{}% complete", referral.score)}
                    {(!referral.missing.is_empty()).then(|| view! {
                        <ul class="missing">{referral.missing.iter().map(|m| view! { <li>{format!("Missing: {m}")}</li> }).collect_view()}</ul>
                    })}
                </dd>
            </dl>
            <section class="card" aria-labelledby="details-title">
                <h2 id="details-title">"What the advocate needs to know"</h2>
                <dl class="facts">{facts}</dl>
            </section>
            {coordinator.then(|| view! { <Decisions referral=referral.clone() /> })}
        </StaffPage>
    }
}

/// Accept, decline, allocate: only what the referral's state allows is offered; the API has the
/// last word and its refusal is shown as it says it.
#[component]
fn Decisions(referral: ReferralView) -> impl IntoView {
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
    let undecided = matches!(referral.status.as_str(), "RECEIVED" | "PENDING_CONSENT");
    let can_decline = referral.advocate.is_none()
        && !matches!(referral.status.as_str(), "DECLINED" | "WITHDRAWN");
    let can_allocate = referral.status == "ACCEPTED" && referral.advocate.is_none();
    let id = referral.id.clone();
    let waiting = referral.status == "PENDING_CONSENT";
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
