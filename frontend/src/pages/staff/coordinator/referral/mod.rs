//! One referral, `/staff/referrals/:id`. The coordinator accepts it, declines it with a reason, or
//! allocates an advocate (the one who worked with the child before first, and chosen already). The
//! social worker who made it sees where it is (this is where "Send the referral" lands).
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::model::{MeetingKind, ParentalAgreement, ReferralStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{maybe_signed_in, page_data};
use crate::pages::staff::words;

mod decide;
#[cfg(feature = "ssr")]
mod ops;

use decide::Decisions;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralView {
    pub id: String,
    pub status: ReferralStatus,
    pub self_referral: bool,
    pub contact: Option<String>,
    pub agreement: ParentalAgreement,
    pub child: Option<String>,
    pub meeting: Option<MeetingKind>,
    pub meeting_at: Option<String>,
    pub place: Option<String>,
    pub referrer: Option<String>,
    pub received: String,
    /// (label, text) of what the referrer told the service.
    pub details: Vec<(String, Option<String>)>,
    pub score: i64,
    pub missing: Vec<String>,
    pub working_days: Option<i64>,
    pub warning: Option<String>,
    pub decline_reason: Option<String>,
    pub advocate: Option<String>,
    /// For the coordinator: (advocate id, words), best first.
    pub suggestions: Vec<(String, String)>,
}

/// The page's referral from either read (`ReferralOne` or `ReferralToDecide`: the same fragment,
/// typed once per operation).
#[cfg(feature = "ssr")]
macro_rules! referral_view {
    ($shown:expr, $source:ty) => {{
        use crate::dates::in_words;
        let r = $shown;
        ReferralView {
            id: r.id,
            self_referral: r.source == <$source>::SELF_REFERRAL,
            status: r.status,
            contact: r.self_referral_contact,
            agreement: r.parental_agreement,
            child: r
                .child
                .map(|c| words::child(&c.preferred_name, c.age, c.looked_after)),
            meeting: r.meeting.as_ref().map(|m| m.kind),
            meeting_at: r
                .meeting
                .as_ref()
                .and_then(|m| m.scheduled_at.as_ref())
                .map(in_words),
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
            suggestions: Vec::new(),
        }
    }};
}

/// One read: the referral, and for the coordinator the advocates to allocate with it.
#[leptos::server(prefix = "/api/staff", endpoint = "referral-one")]
pub async fn load_referral(id: String) -> Result<ReferralView, PageError> {
    use crate::pages::staff::api::server::{exec, require};
    use ops::{referral_one, referral_to_decide};

    if require().await?.role != Role::Coordinator {
        let read = exec::<ops::ReferralOne>(referral_one::Variables { id }).await?;
        return Ok(referral_view!(read.referral, referral_one::ReferralSource));
    }
    let read = exec::<ops::ReferralToDecide>(referral_to_decide::Variables { id }).await?;
    let mut referral = referral_view!(read.referral, referral_to_decide::ReferralSource);
    let open = referral.advocate.is_none() && referral.status == ReferralStatus::Accepted;
    if open && referral.child.is_some() {
        referral.suggestions = read
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
            .collect();
    }
    Ok(referral)
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
        None => words::referral_status(referral.status).to_owned(),
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
                <dd>{referral.received.clone()}</dd>
                <dt>"Parental agreement"</dt>
                <dd>{words::agreement(referral.agreement)}</dd>
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
