//! `/staff/cases/:caseId`: one case on the advocate's caseload. Urgent help first; then the
//! child's views exactly as the child wrote them (never edited here), earlier versions, the
//! advocate's notes, the meeting outcome; beside them the referral and the two actions
//! (share with the social worker and chair; issue a sign-in code). Every action is a plain form
//! that redirects back here with what happened in the address, so it works with JavaScript off.
//!
//! The page's data (`file`), read in one operation (`server`), shown in parts (`view`).
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};

use super::live::LiveUrgentHelp;
use crate::components::ErrorSummary;
use crate::error::{ErrorCode, PageError};
use crate::model::Audience;
use crate::pages::staff::StaffPage;

mod close;
mod file;
#[cfg(feature = "ssr")]
mod ops;
#[cfg(feature = "ssr")]
pub mod server;
mod statement;
mod view;
mod words;

use close::CloseSection;
pub use file::*;
pub use statement::RecordHanded;
use statement::StatementSection;
use view::*;

#[leptos::server(prefix = "/api/staff", endpoint = "case")]
pub async fn load_case(case_id: String) -> Result<CaseFile, PageError> {
    server::load(case_id).await
}

/// Add the advocate's own note.
#[leptos::server(prefix = "/api/staff", endpoint = "case-note")]
pub async fn add_note(case_id: String, body: String) -> Result<(), PageError> {
    use crate::pages::staff::api::server::exec;
    let href = server::href(&case_id)?;
    // A plain form posts line breaks as CRLF; keep them as the advocate typed them, like the API.
    let body = body.replace("\r\n", "\n");
    let body = body.trim();
    if body.is_empty() {
        leptos_axum::redirect(&format!("{href}?problem=note-empty"));
        return Ok(());
    }
    if body.chars().count() > NOTE_MAX {
        leptos_axum::redirect(&format!("{href}?problem=note-long"));
        return Ok(());
    }
    let added = exec::<ops::AddAdvocateNote>(ops::add_advocate_note::Variables {
        case_id,
        body: body.to_owned(),
    })
    .await;
    server::after(&href, added, "noted", "note-failed")
}

/// The advocate has seen the child's request for help.
#[leptos::server(prefix = "/api/staff", endpoint = "case-acknowledge")]
pub async fn acknowledge_help(case_id: String, help_id: String) -> Result<(), PageError> {
    use crate::pages::staff::api::server::exec;
    let href = server::href(&case_id)?;
    let done =
        exec::<ops::AcknowledgeUrgentHelp>(ops::acknowledge_urgent_help::Variables { id: help_id })
            .await;
    server::after(&href, done, "acknowledged", "acknowledge-failed")
}

/// Send the submitted views to the social worker and the chair, as the child agreed.
#[leptos::server(prefix = "/api/staff", endpoint = "case-share")]
pub async fn share_views(case_id: String) -> Result<(), PageError> {
    use crate::pages::staff::api::server::exec;
    let href = server::href(&case_id)?;
    let shared = exec::<ops::ShareCaseViews>(ops::share_case_views::Variables { case_id }).await;
    server::after(&href, shared, "shared", "share-refused")
}

/// A new code and PIN for the child. They go to the slip page in a short-lived HttpOnly cookie
/// (never in an address), which the slip reads once and clears.
#[leptos::server(prefix = "/api/staff", endpoint = "case-issue-code")]
pub async fn issue_code(case_id: String) -> Result<(), PageError> {
    let href = server::href(&case_id)?;
    match super::slip::server::issue(&case_id).await {
        Ok(()) => leptos_axum::redirect(&format!("{href}/slip")),
        Err(PageError::SignedOut) => return Err(PageError::SignedOut),
        Err(_) => leptos_axum::redirect(&format!("{href}?problem=issue-failed")),
    }
    Ok(())
}

#[component]
pub fn CasePage() -> impl IntoView {
    let params = use_params_map();
    let location = use_location();
    let case = Resource::new_blocking(
        move || {
            (
                params.read().get("caseId").unwrap_or_default(),
                location.search.get(),
            )
        },
        |(id, _)| load_case(id),
    );
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match case.await {
                    Ok(case) => view! { <CaseView case /> }.into_any(),
                    Err(error) => view! { <CaseProblem error /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
pub fn CaseProblem(error: PageError) -> impl IntoView {
    let words = match error.code() {
        ErrorCode::NotFound | ErrorCode::Forbidden => {
            "This case is not on your caseload, or does not exist."
        }
        ErrorCode::Unauthenticated => "Your session has ended. Please sign in again.",
        _ => "The case could not be loaded. Try again in a moment.",
    };
    view! {
        <StaffPage title="Case".to_owned() user=None>
            <h1>"Case not available"</h1>
            <p role="alert">{words}</p>
            <p><a href="/staff">"Back to my caseload"</a></p>
        </StaffPage>
    }
}

/// What the last action did, from the address it redirected to.
fn notice(done: Option<&str>, problem: Option<&str>, case: &CaseFile) -> Option<(bool, String)> {
    let child = &case.child.name;
    if let Some(said) = words::notice(done, problem, child) {
        return Some(said);
    }
    match (done, problem) {
        (Some("noted"), _) => Some((true, "Your note was added.".into())),
        (Some("acknowledged"), _) => Some((
            true,
            format!("You acknowledged {child}'s request for help."),
        )),
        (Some("shared"), _) => Some((
            true,
            format!(
                "{child}'s views were sent to {}.",
                recipients(case).unwrap_or("the people the child agreed to")
            ),
        )),
        (_, Some("share-refused")) => Some((
            false,
            format!(
                "The views were not sent. {}",
                ShareBlock::of(case).map_or_else(
                    || "The service refused to share them. Check the views and try again, or ask the coordinator.".to_owned(),
                    |block| block.reason(child)
                )
            ),
        )),
        (_, Some("acknowledge-failed")) => Some((
            false,
            "The request for help could not be acknowledged. It may already be acknowledged; otherwise try again.".into(),
        )),
        (_, Some("issue-failed")) => Some((
            false,
            "No sign-in code was issued. Try again in a moment.".into(),
        )),
        (_, Some("note-failed")) => Some((false, "The note could not be added. Try again.".into())),
        (Some("handed"), _) => Some((true, "Recorded: the printed statement was handed over.".into())),
        (_, Some("handed-date")) => Some((false, "Give the day the statement was handed over, not in the future.".into())),
        (_, Some("handed-refused")) => Some((
            false,
            format!("Not recorded: {child} has not agreed that these people may see the views, or the views are not sent yet."),
        )),
        (Some("closed"), _) => Some((true, "The case is closed. It has left your open caseload.".into())),
        (_, Some("close-failed")) => Some((
            false,
            "The case was not closed. It may be closed already; otherwise try again.".into(),
        )),
        _ => None,
    }
}

/// Who the submitted views go to, as the child agreed.
fn recipients(case: &CaseFile) -> Option<&'static str> {
    let views = case.views.as_ref()?;
    match (
        views.shared_with(Audience::SocialWorker),
        views.shared_with(Audience::Chair),
    ) {
        (true, true) => Some("the social worker and the chair (ISRO)"),
        (true, false) => Some("the social worker only"),
        (false, true) => Some("the chair (ISRO) only"),
        (false, false) => None,
    }
}

#[component]
fn CaseView(case: CaseFile) -> impl IntoView {
    let query = use_query_map();
    let (done, problem, confirming) = {
        let q = query.read_untracked();
        let confirming = q.get("close").as_deref() == Some("confirm");
        (q.get("done"), q.get("problem"), confirming)
    };
    let close_empty = problem.as_deref() == Some("close-empty");
    let open = case.closed.is_none();
    let notice = notice(done.as_deref(), problem.as_deref(), &case);
    let note_error: Option<&'static str> = match problem.as_deref() {
        Some("note-empty") => Some("Write the note before adding it"),
        Some("note-long") => Some("The note is too long: 2000 characters at most"),
        _ => None,
    };
    let mut errors: Vec<(&'static str, &'static str)> = note_error
        .map(|words| vec![("note-body", words)])
        .unwrap_or_default();
    if close_empty {
        errors.push(("close-reason", "Give the reason for closing the case"));
    }
    let errors = Signal::stored(errors);
    let title = format!(
        "{} · {}",
        case.child.name,
        crate::pages::staff::words::meeting(case.meeting.kind)
    );
    let child = case.child.name.clone();
    view! {
        <StaffPage title=title user=Some(case.user.clone())>
            <p class="adv-crumbs"><a href="/staff">"My caseload"</a></p>
            <h1>
                {case.child.name.clone()} ", " {case.child.age}
                <span class="h1-sub">" · " {crate::pages::staff::words::meeting(case.meeting.kind)}</span>
            </h1>
            <LiveUrgentHelp />
            <UrgentHelpPanel case=case.clone() />
            {notice.map(|(ok, words)| {
                if ok {
                    view! { <p class="adv-notice ok" role="status">{words}</p> }.into_any()
                } else {
                    view! { <p class="adv-notice problem" role="alert">{words}</p> }.into_any()
                }
            })}
            <ErrorSummary errors />
            <div class="case-grid">
                <div class="case-main">
                    <ViewsSection case=case.clone() />
                    <HistorySection history=case.history.clone() />
                    <OutcomeSection outcome=case.outcome.clone() />
                    <NotesSection case_id=case.id.clone() notes=case.notes.clone() error=note_error />
                    <words::MessagesSection case=case.clone() />
                    {open.then(|| view! { <words::RecordSection case=case.clone() /> })}
                </div>
                <aside class="case-side" aria-label="Actions and referral">
                    {open.then(|| view! {
                        <ShareSection case=case.clone() />
                        <CodeSection case_id=case.id.clone() child=child.clone() />
                    })}
                    <StatementSection case=case.clone() />
                    <ReferralSection case=case.clone() />
                    <CloseSection case=case.clone() confirming empty=close_empty />
                </aside>
            </div>
        </StaffPage>
    }
}
