//! The partner agency's page: conference outcomes sent to the agency, with the whiteboard and the
//! outcome in staff words, and "Acknowledge" so the chair knows it arrived.
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::model::MeetingKind;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

// Its types cross to the browser; its operations run on the server only.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
mod ops;

/// The conference whiteboard, as the API gives it.
pub type Whiteboard = ops::outcomes::Whiteboard;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Outcome {
    pub id: String,
    pub kind: Option<MeetingKind>,
    pub meeting_at: Option<String>,
    pub children: Vec<String>,
    pub sent: String,
    pub acknowledged: Option<String>,
    pub whiteboard: Option<Whiteboard>,
    pub outcome_staff_words: Option<String>,
}

/// The outcomes and who is signed in, in one read.
#[cfg(feature = "ssr")]
pub async fn read() -> Result<crate::pages::staff::api::StaffRead<Vec<Outcome>>, PageError> {
    use crate::pages::staff::api::{Role, server::page};
    let read = page::<ops::Outcomes>(Role::Agency, ops::outcomes::Variables {}).await?;
    Ok(read.map(outcomes))
}

#[cfg(feature = "ssr")]
fn outcomes(data: ops::outcomes::ResponseData) -> Vec<Outcome> {
    use crate::dates::staff_time;
    data.outcomes_for_me
        .nodes
        .into_iter()
        .map(|n| Outcome {
            id: n.id,
            kind: n.meeting_kind,
            meeting_at: n.meeting_at.as_ref().map(staff_time),
            children: n.children.into_iter().map(|c| c.first_name).collect(),
            sent: staff_time(&n.sent_at),
            acknowledged: n.acknowledged_at.as_ref().map(staff_time),
            whiteboard: n.whiteboard,
            outcome_staff_words: n.outcome_staff_words,
        })
        .collect()
}

/// Say the agency has received this outcome. Saying it twice changes nothing.
#[leptos::server(prefix = "/api/staff", endpoint = "acknowledge-outcome")]
pub async fn acknowledge_outcome(distribution_id: String) -> Result<(), PageError> {
    use crate::pages::staff::api::server;
    // One write (the API refuses anyone but the agency's staff); the page reads the list again,
    // and the answer adds nothing to it.
    let distribution = ops::acknowledge::Variables {
        distribution_id: distribution_id.clone(),
    };
    server::exec::<ops::Acknowledge>(distribution).await?;
    let anchor: String = distribution_id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    leptos_axum::redirect(&format!("/staff?acknowledged={anchor}"));
    Ok(())
}

#[component]
pub fn OutcomesForMe(user: StaffUser, outcomes: Vec<Outcome>) -> impl IntoView {
    let location = use_location();
    let acknowledged = move || location.search.read().contains("acknowledged=");
    view! {
        <StaffPage title="Outcomes sent to me".to_owned() user=Some(user)>
            <h1>"Outcomes sent to me"</h1>
            <p class="hint">"Conference and review outcomes sent to your agency by the chair. Acknowledge each one so the chair knows it has arrived."</p>
            {
                let (waiting, done): (Vec<Outcome>, Vec<Outcome>) =
                    outcomes.into_iter().partition(|o| o.acknowledged.is_none());
                view! {
                    {acknowledged().then(|| view! { <p class="notice" role="status">"Acknowledged. The chair can see that your agency has the outcome."</p> })}
                    <section aria-labelledby="to-acknowledge">
                        <h2 id="to-acknowledge">{format!("To acknowledge ({})", waiting.len())}</h2>
                        {waiting.is_empty().then(|| view! { <p>"Nothing waiting."</p> })}
                        {waiting.into_iter().map(|o| view! { <OutcomeCard outcome=o /> }).collect_view()}
                    </section>
                    <section aria-labelledby="acknowledged">
                        <h2 id="acknowledged">{format!("Acknowledged ({})", done.len())}</h2>
                        {done.is_empty().then(|| view! { <p>"None yet."</p> })}
                        {done.into_iter().map(|o| view! { <OutcomeCard outcome=o /> }).collect_view()}
                    </section>
                }
            }
        </StaffPage>
    }
}

#[component]
fn OutcomeCard(outcome: Outcome) -> impl IntoView {
    let action = ServerAction::<AcknowledgeOutcome>::new();
    let slug: String = outcome
        .id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    let heading_id = format!("outcome-{slug}");
    let kind = outcome
        .kind
        .map_or("Meeting", crate::pages::staff::words::meeting);
    let children = if outcome.children.is_empty() {
        String::new()
    } else {
        format!(" for {}", outcome.children.join(", "))
    };
    let title = format!(
        "{kind}{children}{}",
        outcome
            .meeting_at
            .as_ref()
            .map(|at| format!(", {at}"))
            .unwrap_or_default()
    );
    let section = |title: &'static str, text: Option<String>| {
        text.filter(|t| !t.trim().is_empty()).map(|t| {
            view! {
                <dt>{title}</dt>
                <dd class="said">{t}</dd>
            }
        })
    };
    let board = outcome.whiteboard.clone();
    let described_by = heading_id.clone();
    let acknowledge = match outcome.acknowledged.clone() {
        Some(at) => view! { <p><span class="badge views-shared">"Acknowledged"</span> {format!(" {at}")}</p> }.into_any(),
        None => view! {
            <ActionForm action>
                <input type="hidden" name="distribution_id" value=outcome.id.clone() />
                <button type="submit" class="button primary" aria-describedby=described_by>"Acknowledge"</button>
            </ActionForm>
        }
        .into_any(),
    };
    let labelled_by = heading_id.clone();
    view! {
        <article class="card outcome-card" aria-labelledby=labelled_by>
            <h3 id=heading_id>{title}</h3>
            <p class="hint">{format!("Sent to your agency {}", outcome.sent)}</p>
            <h4>"Outcome"</h4>
            <p class="said">{outcome.outcome_staff_words.clone().unwrap_or_else(|| "Not given".into())}</p>
            {board.map(|b| view! {
                <h4>"Whiteboard"</h4>
                <dl class="whiteboard">
                    {section("What we are worried about now, including the impact on the child", b.worried_about_now)}
                    {section("Complicating factors", b.complicating_factors)}
                    {section("What's going well", b.going_well)}
                    {section("Signs of safety", b.signs_of_safety)}
                    {section("What needs to happen: the plan", b.plan)}
                </dl>
            })}
            {acknowledge}
        </article>
    }
}
