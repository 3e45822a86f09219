//! `/staff/cases/:caseId`: one case on the advocate's caseload. Urgent help first; then the
//! child's views exactly as the child wrote them (never edited here), earlier versions, the
//! advocate's notes, the meeting outcome; beside them the referral and the two actions
//! (share with the social worker and chair; issue a sign-in code). Every action is a plain form
//! that redirects back here with what happened in the address, so it works with JavaScript off.
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use super::live::{LiveUrgentHelp, Urgent};
use crate::components::{ChildWords, ErrorSummary, FieldError, Heading, ViewsWords};
use crate::error::{ErrorCode, PageError};
use crate::model::{MeetingKind, ViewsStatus};
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::StaffUser;

/// Longest note the API accepts.
pub const NOTE_MAX: usize = 2000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseFile {
    pub user: StaffUser,
    pub id: String,
    pub child: ChildFacts,
    pub meeting: MeetingFacts,
    pub referral: ReferralFacts,
    pub views: Option<ViewsShown>,
    pub history: Vec<ViewsShown>,
    pub notes: Vec<Note>,
    pub urgent: Vec<Urgent>,
    pub outcome: Outcome,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildFacts {
    pub name: String,
    pub age: i32,
    pub looked_after: bool,
    pub communication_needs: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MeetingFacts {
    pub kind: MeetingKind,
    pub when: Option<String>,
    pub place: Option<String>,
    /// The meeting's time has passed.
    pub past: bool,
    pub soon: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReferralFacts {
    pub received: Option<String>,
    pub referrer: Option<String>,
    pub self_referral: bool,
    pub parental_agreement: String,
    pub reason: Option<String>,
    pub how_to_contact: Option<String>,
    pub communication_needs: Option<String>,
    pub lives_with: Option<String>,
    pub visit_risks: Option<String>,
    pub other: Option<String>,
    pub completeness: i32,
    pub missing: Vec<String>,
    pub lead_time_days: Option<i32>,
    pub lead_time_warning: Option<String>,
}

/// The child's views (or one submitted version of them), as the child wrote them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ViewsShown {
    pub version: i32,
    pub status: ViewsStatus,
    pub submitted: Option<String>,
    pub words: ViewsWords,
    pub share_with_social_worker: bool,
    pub share_with_chair: bool,
    pub share_with_family: bool,
    pub share_with_meeting: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub author: String,
    pub body: String,
    pub written: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Recorded {
        staff_words: Option<String>,
        child_words: Option<String>,
        recorded: Option<String>,
    },
    NotYet,
}

/// Why "Share with social worker and chair" cannot be pressed now, derived from the case's data
/// by the same rules the API applies (api/src/views/share.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShareBlock {
    FamilyGroupConference,
    MeetingPassed,
    NotSubmitted,
    AlreadyShared,
    NoConsent,
}

impl ShareBlock {
    pub fn of(case: &CaseFile) -> Option<Self> {
        if case.meeting.kind == MeetingKind::FamilyGroupConference {
            return Some(Self::FamilyGroupConference);
        }
        if case.meeting.past {
            return Some(Self::MeetingPassed);
        }
        let Some(views) = case.views.as_ref() else {
            return Some(Self::NotSubmitted);
        };
        match views.status {
            ViewsStatus::Draft => Some(Self::NotSubmitted),
            ViewsStatus::Shared => Some(Self::AlreadyShared),
            ViewsStatus::Submitted
                if !views.share_with_social_worker && !views.share_with_chair =>
            {
                Some(Self::NoConsent)
            }
            ViewsStatus::Submitted => None,
        }
    }

    fn reason(self, child: &str) -> String {
        match self {
            Self::FamilyGroupConference => "Family group conference: views are not sent in advance. \
                The family plans together at the conference, where the child or you share the views \
                with the family meeting only."
                .into(),
            Self::MeetingPassed => "The meeting has already happened, so the views can no longer be sent before it.".into(),
            Self::NotSubmitted => format!(
                "Not submitted yet: {child} has not said the views are finished."
            ),
            Self::AlreadyShared => format!(
                "Already shared: this version was sent. You can share again after {child} submits a new version."
            ),
            Self::NoConsent => format!(
                "No consent: {child} has not agreed to the social worker or the chair seeing the views."
            ),
        }
    }
}

fn share_block(case: &CaseFile) -> Option<ShareBlock> {
    ShareBlock::of(case)
}

#[leptos::server(prefix = "/api/staff", endpoint = "case")]
pub async fn load_case(case_id: String) -> Result<CaseFile, PageError> {
    server::load(case_id).await
}

/// Add the advocate's own note.
#[leptos::server(prefix = "/api/staff", endpoint = "case-note")]
pub async fn add_note(case_id: String, body: String) -> Result<(), PageError> {
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
    let added: Result<serde_json::Value, _> = crate::pages::staff::api::server::run(
        "mutation Note($c: ID!, $b: String!) { addAdvocateNote(caseId: $c, body: $b) { id } }",
        serde_json::json!({ "c": case_id, "b": body }),
    )
    .await;
    server::after(&href, added, "noted", "note-failed")
}

/// The advocate has seen the child's request for help.
#[leptos::server(prefix = "/api/staff", endpoint = "case-acknowledge")]
pub async fn acknowledge_help(case_id: String, help_id: String) -> Result<(), PageError> {
    let href = server::href(&case_id)?;
    let done: Result<serde_json::Value, _> = crate::pages::staff::api::server::run(
        "mutation Ack($id: ID!) { acknowledgeUrgentHelp(id: $id) { id acknowledgedAt } }",
        serde_json::json!({ "id": help_id }),
    )
    .await;
    server::after(&href, done, "acknowledged", "acknowledge-failed")
}

/// Send the submitted views to the social worker and the chair, as the child agreed.
#[leptos::server(prefix = "/api/staff", endpoint = "case-share")]
pub async fn share_views(case_id: String) -> Result<(), PageError> {
    let href = server::href(&case_id)?;
    let shared: Result<serde_json::Value, _> = crate::pages::staff::api::server::run(
        "mutation Share($c: ID!) { shareViews(caseId: $c) { version status } }",
        serde_json::json!({ "c": case_id }),
    )
    .await;
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

#[cfg(feature = "ssr")]
pub mod server {
    use serde::Deserialize;
    use serde_json::{Value, json};

    use super::*;
    use crate::components::VIEWS_WORDS_FIELDS;
    use crate::gql::untyped::{Connection, in_words};
    use crate::pages::staff::advocate::case_href;
    use crate::pages::staff::api::Role;
    use crate::pages::staff::api::server::{require_role, run};

    pub fn href(case_id: &str) -> Result<String, PageError> {
        case_href(case_id).ok_or(PageError::Api {
            code: ErrorCode::NotFound,
            message: "Case not found.".into(),
            details: Value::Null,
        })
    }

    /// Back to the case, saying what happened; a refusal says so instead of breaking the page.
    pub fn after(
        href: &str,
        result: Result<Value, PageError>,
        done: &str,
        problem: &str,
    ) -> Result<(), PageError> {
        match result {
            Ok(_) => leptos_axum::redirect(&format!("{href}?done={done}")),
            Err(PageError::SignedOut) => return Err(PageError::SignedOut),
            Err(error) => {
                tracing::info!(%error, "advocate action refused");
                leptos_axum::redirect(&format!("{href}?problem={problem}"));
            }
        }
        Ok(())
    }

    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data {
        case: Case,
        case_views: Option<RawViews>,
        case_views_history: Vec<RawViews>,
        advocate_notes: Connection<RawNote>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Case {
        id: String,
        meeting_soon: bool,
        child: RawChild,
        meeting: RawMeeting,
        referral: RawReferral,
        outcome: Option<RawOutcome>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RawOutcome {
        staff_words: Option<String>,
        child_words: Option<String>,
        recorded_at: String,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RawChild {
        preferred_name: String,
        age: i32,
        looked_after: bool,
        communication_needs: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RawMeeting {
        kind: MeetingKind,
        scheduled_at: Option<String>,
        place: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RawReferral {
        source: String,
        parental_agreement: String,
        reason: Option<String>,
        how_to_contact_child: Option<String>,
        communication_needs: Option<String>,
        lives_with: Option<String>,
        visit_risks: Option<String>,
        other_information: Option<String>,
        received_at: String,
        referrer_name: Option<String>,
        completeness: Completeness,
        lead_time: Option<LeadTime>,
    }
    #[derive(Deserialize)]
    struct Completeness {
        score: i32,
        missing: Vec<Missing>,
    }
    #[derive(Deserialize)]
    struct Missing {
        label: String,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct LeadTime {
        working_days: i32,
        warning: Option<String>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RawViews {
        version: i32,
        status: ViewsStatus,
        submitted_at: Option<String>,
        #[serde(flatten)]
        words: ViewsWords,
        share_with_social_worker: bool,
        share_with_chair: bool,
        share_with_family: bool,
        share_with_meeting: bool,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct RawNote {
        author_name: String,
        body: String,
        created_at: String,
    }

    impl From<RawViews> for ViewsShown {
        fn from(v: RawViews) -> Self {
            Self {
                version: v.version,
                status: v.status,
                submitted: v.submitted_at.as_deref().and_then(in_words),
                words: v.words,
                share_with_social_worker: v.share_with_social_worker,
                share_with_chair: v.share_with_chair,
                share_with_family: v.share_with_family,
                share_with_meeting: v.share_with_meeting,
            }
        }
    }

    /// With `VIEWS_WORDS_FIELDS`.
    const VIEWS: &str = "version status submittedAt shareWithSocialWorker shareWithChair
        shareWithFamily shareWithMeeting";

    pub async fn load(case_id: String) -> Result<CaseFile, PageError> {
        let user = require_role(Role::Advocate).await?;
        href(&case_id)?;
        let query = format!(
            "query Case($c: ID!) {{
                case(id: $c) {{ id meetingSoon
                    child {{ preferredName age lookedAfter communicationNeeds }}
                    meeting {{ kind scheduledAt place }}
                    outcome {{ staffWords childWords recordedAt }}
                    referral {{ source parentalAgreement reason howToContactChild communicationNeeds
                        livesWith visitRisks otherInformation receivedAt referrerName
                        completeness {{ score missing {{ label }} }}
                        leadTime {{ workingDays warning }} }} }}
                caseViews(caseId: $c) {{ {VIEWS} {VIEWS_WORDS_FIELDS} }}
                caseViewsHistory(caseId: $c) {{ {VIEWS} {VIEWS_WORDS_FIELDS} }}
                advocateNotes(caseId: $c, first: 100) {{ edges {{ node {{ authorName body createdAt }} }} }}
            }}"
        );
        let data: Data = run(query, json!({ "c": case_id })).await?;
        let urgent = super::super::live::server::open_urgent_help()
            .await?
            .into_iter()
            .filter(|u| u.case_id.as_deref() == Some(data.case.id.as_str()))
            .collect();
        let case = data.case;
        let outcome = match case.outcome {
            Some(o) => Outcome::Recorded {
                staff_words: o.staff_words,
                child_words: o.child_words,
                recorded: in_words(&o.recorded_at),
            },
            None => Outcome::NotYet,
        };
        let past = case
            .meeting
            .scheduled_at
            .as_deref()
            .and_then(|at| chrono::DateTime::parse_from_rfc3339(at).ok())
            .is_some_and(|at| at <= chrono::Utc::now());
        let referral = case.referral;
        Ok(CaseFile {
            user,
            id: case.id,
            child: ChildFacts {
                name: case.child.preferred_name,
                age: case.child.age,
                looked_after: case.child.looked_after,
                communication_needs: case.child.communication_needs,
            },
            meeting: MeetingFacts {
                kind: case.meeting.kind,
                when: case.meeting.scheduled_at.as_deref().and_then(in_words),
                place: case.meeting.place,
                past,
                soon: case.meeting_soon,
            },
            referral: ReferralFacts {
                received: in_words(&referral.received_at),
                referrer: referral.referrer_name,
                self_referral: referral.source == "SELF_REFERRAL",
                parental_agreement: agreement(&referral.parental_agreement).into(),
                reason: referral.reason,
                how_to_contact: referral.how_to_contact_child,
                communication_needs: referral.communication_needs,
                lives_with: referral.lives_with,
                visit_risks: referral.visit_risks,
                other: referral.other_information,
                completeness: referral.completeness.score,
                missing: referral
                    .completeness
                    .missing
                    .into_iter()
                    .map(|m| m.label)
                    .collect(),
                lead_time_days: referral.lead_time.as_ref().map(|l| l.working_days),
                lead_time_warning: referral.lead_time.and_then(|l| l.warning),
            },
            views: data.case_views.map(Into::into),
            history: data
                .case_views_history
                .into_iter()
                .rev()
                .map(Into::into)
                .collect(),
            notes: data
                .advocate_notes
                .edges
                .into_iter()
                .map(|e| Note {
                    author: e.node.author_name,
                    body: e.node.body,
                    written: in_words(&e.node.created_at),
                })
                .collect(),
            urgent,
            outcome,
        })
    }

    fn agreement(value: &str) -> &'static str {
        match value {
            "GIVEN" => "Given by parents or carers",
            "REFUSED" => "Refused by parents or carers",
            "PENDING" => "Not given yet",
            "NOT_REQUIRED_LOOKED_AFTER" => "Not needed: the child is looked after",
            _ => "Not recorded",
        }
    }
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
                share_block(case).map_or_else(
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
        _ => None,
    }
}

/// Who the submitted views go to, as the child agreed.
fn recipients(case: &CaseFile) -> Option<&'static str> {
    let views = case.views.as_ref()?;
    match (views.share_with_social_worker, views.share_with_chair) {
        (true, true) => Some("the social worker and the chair (ISRO)"),
        (true, false) => Some("the social worker only"),
        (false, true) => Some("the chair (ISRO) only"),
        (false, false) => None,
    }
}

#[component]
fn CaseView(case: CaseFile) -> impl IntoView {
    let query = use_query_map();
    let (done, problem) = {
        let q = query.read_untracked();
        (q.get("done"), q.get("problem"))
    };
    let notice = notice(done.as_deref(), problem.as_deref(), &case);
    let note_error: Option<&'static str> = match problem.as_deref() {
        Some("note-empty") => Some("Write the note before adding it"),
        Some("note-long") => Some("The note is too long: 2000 characters at most"),
        _ => None,
    };
    let errors = Signal::stored(
        note_error
            .map(|words| vec![("note-body", words)])
            .unwrap_or_default(),
    );
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
                </div>
                <aside class="case-side" aria-label="Actions and referral">
                    <ShareSection case=case.clone() />
                    <CodeSection case_id=case.id.clone() child=child.clone() />
                    <ReferralSection case=case.clone() />
                </aside>
            </div>
        </StaffPage>
    }
}

#[component]
fn UrgentHelpPanel(case: CaseFile) -> impl IntoView {
    let acknowledge = ServerAction::<AcknowledgeHelp>::new();
    let child = case.child.name.clone();
    let case_id = case.id.clone();
    (!case.urgent.is_empty()).then(|| {
        view! {
            <section class="urgent-help card" aria-labelledby="urgent-title">
                <h2 id="urgent-title">{format!("Urgent help: {child} asked for help now")}</h2>
                <p>"Act now: contact the child or the duty team, then acknowledge. Emergency: 999."</p>
                <ul class="urgent-list">
                    {case
                        .urgent
                        .iter()
                        .map(|help| {
                            let help = help.clone();
                            let (case_id, child) = (case_id.clone(), child.clone());
                            view! {
                                <li>
                                    <p>
                                        <strong>{help.raised.clone().unwrap_or_default()}</strong>
                                        {help.message.clone().map(|m| view! { " · " {child} " wrote: " <q class="child-words">{m}</q> })}
                                    </p>
                                    <ActionForm action=acknowledge attr:class="inline">
                                        <input type="hidden" name="case_id" value=case_id />
                                        <input type="hidden" name="help_id" value=help.id.clone() />
                                        <button type="submit" class="button urgent-ack">"Acknowledge"</button>
                                    </ActionForm>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn ViewsSection(case: CaseFile) -> impl IntoView {
    let child = case.child.name.clone();
    let body = match case.views.clone() {
        None => view! { <p>{format!("{child} has not started their views yet.")}</p> }.into_any(),
        Some(views) => view! {
            <p class="views-meta">
                <span class=format!("badge views-{:?}", views.status).to_lowercase()>{status_words(views.status)}</span>
                " Version " {views.version}
                {views.submitted.clone().map(|when| view! { " · submitted " {when} })}
            </p>
            <ViewsBlock views />
        }
        .into_any(),
    };
    view! {
        <section class="case-section" aria-labelledby="views-title">
            <h2 id="views-title">{format!("{}'s views", case.child.name)}</h2>
            <p class="hint">"Exactly as the child wrote them. Only the child can change them."</p>
            {body}
        </section>
    }
}

fn status_words(status: ViewsStatus) -> &'static str {
    match status {
        ViewsStatus::Draft => "Draft",
        ViewsStatus::Submitted => "Submitted",
        ViewsStatus::Shared => "Shared",
    }
}

/// The child's words, and who the child agreed may see them.
#[component]
fn ViewsBlock(views: ViewsShown) -> impl IntoView {
    let mut agreed: Vec<&str> = Vec::new();
    if views.share_with_social_worker {
        agreed.push("social worker");
    }
    if views.share_with_chair {
        agreed.push("chair (ISRO)");
    }
    if views.share_with_family {
        agreed.push("family");
    }
    if views.share_with_meeting {
        agreed.push("everyone at the meeting");
    }
    let agreed = if agreed.is_empty() {
        "Nobody yet".to_owned()
    } else {
        agreed.join(", ")
    };
    view! {
        <div class="views-block">
            <ChildWords words=views.words heading=Heading::H3 />
            <dl class="adv-facts">
                <dt>"Agreed to share with"</dt>
                <dd>{agreed}</dd>
            </dl>
        </div>
    }
}

#[component]
fn HistorySection(history: Vec<ViewsShown>) -> impl IntoView {
    view! {
        <section class="case-section" aria-labelledby="history-title">
            <h2 id="history-title">"Version history"</h2>
            {if history.is_empty() {
                view! { <p>"No version submitted yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="versions">
                        {history
                            .into_iter()
                            .map(|version| {
                                view! {
                                    <li>
                                        <details>
                                            <summary>
                                                "Version " {version.version} " · " {status_words(version.status)}
                                                {version.submitted.clone().map(|when| view! { " · " {when} })}
                                            </summary>
                                            <ViewsBlock views=version />
                                        </details>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn OutcomeSection(outcome: Outcome) -> impl IntoView {
    let body = match outcome {
        Outcome::Recorded {
            staff_words,
            child_words,
            recorded,
        } => view! {
            <p class="hint">"Recorded by the chair" {recorded.map(|r| view! { " on " {r} })} "."</p>
            <h3>"Outcome"</h3>
            <p class="child-words">{staff_words.unwrap_or_else(|| "Not written.".into())}</p>
            <h3>"As told to the child"</h3>
            <p class="child-words">{child_words.unwrap_or_else(|| "Not written.".into())}</p>
        }
        .into_any(),
        Outcome::NotYet => {
            view! { <p>"Not recorded yet. The chair records it after the meeting."</p> }.into_any()
        }
    };
    view! {
        <section class="case-section" aria-labelledby="outcome-title">
            <h2 id="outcome-title">"Meeting outcome"</h2>
            {body}
        </section>
    }
}

#[component]
fn NotesSection(case_id: String, notes: Vec<Note>, error: Option<&'static str>) -> impl IntoView {
    let add = ServerAction::<AddNote>::new();
    let described = if error.is_some() {
        "note-hint note-body-error"
    } else {
        "note-hint"
    };
    view! {
        <section class="case-section" aria-labelledby="notes-title">
            <h2 id="notes-title">"Advocate notes"</h2>
            <ActionForm action=add attr:class="stack note-form">
                <input type="hidden" name="case_id" value=case_id />
                <div class="field">
                    <label for="note-body">"Add a note"</label>
                    <p class="hint" id="note-hint">"Your own record. The child's words are never changed. Up to 2000 characters."</p>
                    <FieldError id="note-body-error" message=Signal::stored(error) />
                    <crate::components::TextBox
                        id="note-body"
                        name="body"
                        rows=4
                        maxlength=NOTE_MAX
                        attr:aria-describedby=described
                        attr:aria-invalid=error.is_some().then_some("true")
                    />
                </div>
                <button type="submit" class="button primary">"Add note"</button>
            </ActionForm>
            {if notes.is_empty() {
                view! { <p>"No notes yet."</p> }.into_any()
            } else {
                view! {
                    <ul class="notes">
                        {notes
                            .into_iter()
                            .map(|note| view! {
                                <li>
                                    <p class="note-meta">{note.author} {note.written.map(|w| view! { " · " {w} })}</p>
                                    <p class="note-body">{note.body}</p>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </section>
    }
}

#[component]
fn ShareSection(case: CaseFile) -> impl IntoView {
    let share = ServerAction::<ShareViews>::new();
    let block = share_block(&case);
    let hint = match block {
        Some(block) => block.reason(&case.child.name),
        None => format!(
            "Sends version {} to {}, as {} agreed. Never to the family.",
            case.views.as_ref().map_or(0, |v| v.version),
            recipients(&case).unwrap_or("the people the child agreed to"),
            case.child.name
        ),
    };
    view! {
        <section class="case-section action" aria-labelledby="share-title">
            <h2 id="share-title">"Share the views"</h2>
            <ActionForm action=share attr:class="stack">
                <input type="hidden" name="case_id" value=case.id.clone() />
                <button
                    type="submit"
                    class="button primary"
                    disabled=block.is_some()
                    aria-describedby="share-hint"
                >
                    "Share with social worker and chair"
                </button>
                <p class="hint" id="share-hint">{hint}</p>
            </ActionForm>
        </section>
    }
}

#[component]
fn CodeSection(case_id: String, child: String) -> impl IntoView {
    let issue = ServerAction::<IssueCode>::new();
    view! {
        <section class="case-section action" aria-labelledby="code-title">
            <h2 id="code-title">{format!("{child}'s sign-in code")}</h2>
            <ActionForm action=issue attr:class="stack">
                <input type="hidden" name="case_id" value=case_id />
                <button type="submit" class="button secondary" aria-describedby="code-hint">
                    "Issue sign-in code"
                </button>
                <p class="hint" id="code-hint">
                    {format!(
                        "Makes a new code and PIN for {child}, shown once on a slip to print. \
                         Any code {child} had before stops working."
                    )}
                </p>
            </ActionForm>
        </section>
    }
}

#[component]
fn ReferralSection(case: CaseFile) -> impl IntoView {
    let r = case.referral.clone();
    let row = |label: &'static str, value: Option<String>| {
        view! {
            <dt>{label}</dt>
            <dd>{value.filter(|v| !v.trim().is_empty()).unwrap_or_else(|| "Not given".into())}</dd>
        }
    };
    let lead = r.lead_time_days.map(|days| format!("{days} working days"));
    view! {
        <section class="case-section" aria-labelledby="referral-title">
            <h2 id="referral-title">"Referral"</h2>
            {r.lead_time_warning.clone().map(|w| view! { <p class="adv-notice problem">{w}</p> })}
            <dl class="adv-facts referral">
                <dt>"Meeting"</dt>
                <dd>
                    {crate::pages::staff::words::meeting(case.meeting.kind)}
                    {case.meeting.soon.then(|| view! { " " <span class="badge soon">"Within 3 working days"</span> })}
                </dd>
                {row("When", case.meeting.when.clone())}
                {row("Where", case.meeting.place.clone())}
                <dt>"Child"</dt>
                <dd>
                    {format!("{}, {}", case.child.name, case.child.age)}
                    {case.child.looked_after.then(|| view! { <span class="tag">"Looked after"</span> })}
                </dd>
                {row("Communication needs", case.child.communication_needs.clone().or(r.communication_needs.clone()))}
                {row("Lives with", r.lives_with.clone())}
                {row("Why an advocate", r.reason.clone())}
                {row("How to contact the child", r.how_to_contact.clone())}
                {row("Visit risks", r.visit_risks.clone())}
                {row("Anything else", r.other.clone())}
                {row("Parental agreement", Some(r.parental_agreement.clone()))}
                {row(
                    "Referred by",
                    if r.self_referral { Some("Self-referral".into()) } else { r.referrer.clone() },
                )}
                {row("Received", r.received.clone())}
                {row("Lead time", lead)}
                <dt>"Complete"</dt>
                <dd>
                    {format!("{}%", r.completeness)}
                    {(!r.missing.is_empty()).then(|| view! { " · missing: " {r.missing.join(", ")} })}
                </dd>
            </dl>
        </section>
    }
}
