//! One referral, `/staff/referrals/:id`. The coordinator accepts it, declines it with a reason, or
//! allocates an advocate (the one who worked with the child before first, and chosen already);
//! links a self-referral to its child and meeting; reopens a declined or withdrawn one; closes and
//! reopens the case it opened. The social worker who made it sees where it is (this is where "Send
//! the referral" lands). Both record parental agreement given later and withdraw it (`moves`).
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::model::{MeetingKind, ParentalAgreement, ReferralStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::SignInToCarryOn;
use crate::pages::staff::words;

mod decide;
mod link;
mod moves;
#[cfg(feature = "ssr")]
mod ops;

use decide::Decisions;
use moves::Moves;

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
    pub withdrawal_reason: Option<String>,
    pub advocate: Option<String>,
    /// The piece of advocacy, once an advocate was allocated.
    pub case: Option<CaseShown>,
    pub looked_after: bool,
    /// For the coordinator: (advocate id, words), best first.
    pub suggestions: Vec<(String, String)>,
    /// For the coordinator, a self-referral not linked yet: ("childId~meetingId", words).
    pub link_choices: Vec<(String, String)>,
}

/// The case a referral opened, as the referral page shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseShown {
    pub id: String,
    pub closed: bool,
    pub close_reason: Option<String>,
}

/// The page's referral from either read (`ReferralOne` or `ReferralToDecide`: the same fragment,
/// typed once per operation).
#[cfg(feature = "ssr")]
macro_rules! referral_view {
    ($shown:expr, $source:ty, $case_status:ty) => {{
        use crate::dates::in_words;
        let r = $shown;
        ReferralView {
            id: r.id,
            self_referral: r.source == <$source>::SELF_REFERRAL,
            status: r.status,
            contact: r.self_referral_contact,
            agreement: r.parental_agreement,
            looked_after: r.child.as_ref().is_some_and(|c| c.looked_after),
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
            withdrawal_reason: r.withdrawal_reason,
            case: r.allocation.as_ref().map(|a| CaseShown {
                id: a.case_id.clone(),
                closed: a.case_status == <$case_status>::CLOSED,
                close_reason: a.close_reason.clone(),
            }),
            advocate: r.allocation.map(|a| a.advocate_name),
            suggestions: Vec::new(),
            link_choices: Vec::new(),
        }
    }};
}

/// What the page reads: who is signed in, and the referral as they may see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralRead {
    pub user: StaffUser,
    pub referral: ReferralView,
}

/// One read: who is signed in and the referral; for the coordinator (the role the session names,
/// checked again on the answer) the advocates to allocate and, for a self-referral, the children
/// and meetings to link it to (named like `find`, when given).
#[leptos::server(prefix = "/api/staff", endpoint = "referral-one")]
pub async fn load_referral(id: String, find: Option<String>) -> Result<ReferralRead, PageError> {
    use crate::pages::staff::api::server::{exec, session_role};
    use ops::{referral_one, referral_to_decide};

    let user = |name: Option<String>, role: Option<Role>| match role {
        Some(role) => Ok(StaffUser {
            name: name.unwrap_or_default(),
            role,
        }),
        None => Err(PageError::Api {
            code: crate::error::ErrorCode::Forbidden,
            message: "This page is for staff.".into(),
            details: serde_json::Value::Null,
        }),
    };
    if session_role() != Some(Role::Coordinator) {
        let read = exec::<ops::ReferralOne>(referral_one::Variables { id }).await?;
        return Ok(ReferralRead {
            user: user(read.me.name, read.me.staff_role)?,
            referral: referral_view!(
                read.referral,
                referral_one::ReferralSource,
                referral_one::CaseStatus
            ),
        });
    }
    let find = find.filter(|f| !f.trim().is_empty());
    let read = exec::<ops::ReferralToDecide>(referral_to_decide::Variables { id, find }).await?;
    let user = user(read.me.name, read.me.staff_role)?;
    let mut referral = referral_view!(
        read.referral,
        referral_to_decide::ReferralSource,
        referral_to_decide::CaseStatus
    );
    referral.link_choices = read
        .self_referral_link_choices
        .into_iter()
        .map(|c| {
            let when = c
                .scheduled_at
                .as_ref()
                .map_or_else(|| "no date set".to_owned(), crate::dates::in_words);
            let words = format!(
                "{} — {}, {when}",
                words::child(&c.preferred_name, c.age, c.looked_after),
                words::meeting(c.meeting_kind)
            );
            (format!("{}~{}", c.child_id, c.meeting_id), words)
        })
        .collect();
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
    Ok(ReferralRead { user, referral })
}

#[component]
pub fn ReferralRoute() -> impl IntoView {
    let params = use_params_map();
    let location = leptos_router::hooks::use_location();
    let query = use_query_map();
    // Keyed on the whole address: after "Accept" the same page comes back with `?done=accepted`.
    // Who is signed in comes with the referral: one read per page load.
    let read = Resource::new_blocking(
        move || {
            (
                params.read().get("id").unwrap_or_default(),
                location.search.get(),
                query.read().get("find"),
            )
        },
        // `?find=` narrows the children a self-referral can be linked to.
        |(id, _, find)| load_referral(id, find),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match read.await {
                    Ok(ReferralRead { user, referral }) => view! { <ReferralPage user referral /> }.into_any(),
                    Err(PageError::SignedOut) => view! { <SignInToCarryOn /> }.into_any(),
                    Err(_) => view! {
                        <StaffPage title="Referral".to_owned() user=None>
                            <h1>"This referral cannot be opened"</h1>
                            <p role="alert">"It does not exist, or it is not yours to see."</p>
                            <p><a href="/staff">"Back to your first page"</a></p>
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
    let accepted = referral.status == ReferralStatus::Accepted;
    let state = match (&referral.advocate, &referral.case) {
        (Some(name), Some(case)) if accepted && case.closed => {
            format!("Case closed ({name} was the advocate)")
        }
        (Some(name), _) if accepted => format!("Allocated: {name} is the advocate"),
        _ => words::referral_status(referral.status).to_owned(),
    };
    let done_words = done.as_deref().and_then(|d| match d {
        "accepted" => Some("Referral accepted. Now allocate an advocate."),
        "declined" => Some("Referral declined. The social worker can read your reason."),
        "allocated" => Some("Advocate allocated. The case is on their caseload."),
        "agreement" => Some("Parental agreement recorded."),
        "linked" => Some("Self-referral linked to the child and the meeting."),
        "child-added" => Some("Child added. Choose them below to link the self-referral."),
        "withdrawn" => Some("Referral withdrawn. The child's views are kept."),
        "reopened" => Some("Referral reopened: it is back in the inbox."),
        "case-closed" => Some("Case closed. The child's views are kept."),
        "case-reopened" => Some("Case reopened: it is back on the advocate's caseload."),
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
                {referral.withdrawal_reason.clone().map(|r| view! { <dt>"Reason for withdrawing"</dt><dd>{r}</dd> })}
                {referral.case.as_ref().and_then(|c| c.close_reason.clone()).map(|r| view! { <dt>"Reason the case was closed"</dt><dd>{r}</dd> })}
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
            <Moves referral=referral.clone() coordinator />
        </StaffPage>
    }
}
