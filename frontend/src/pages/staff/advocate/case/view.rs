//! The parts of the case page: urgent help, the child's views and their versions, the outcome,
//! notes, the two actions and the referral.
use leptos::prelude::*;

use super::file::{CaseFile, NOTE_MAX, Note, Outcome, ShareBlock, ViewsShown};
use super::{AcknowledgeHelp, AddNote, IssueCode, ShareViews, recipients};
use crate::components::{ChildWords, FieldError, Heading};
use crate::model::{Audience, ParentalAgreement, ViewsStatus};

#[component]
pub fn UrgentHelpPanel(case: CaseFile) -> impl IntoView {
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
                                        <strong>{help.raised.clone()}</strong>
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
pub fn ViewsSection(case: CaseFile) -> impl IntoView {
    let child = case.child.name.clone();
    let body = match case.views.clone() {
        None => view! { <p>{format!("{child} has not started their views yet.")}</p> }.into_any(),
        Some(views) => view! {
            <p class="views-meta">
                <span class=format!("badge views-{:?}", views.status).to_lowercase()>{status_words(views.status)}</span>
                " Version " {views.version}
                {views.submitted.clone().map(|when| view! { " · submitted " {when} })}
            </p>
            <crate::components::WrittenBy authorship=views.authorship.clone() />
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
    let agreed: Vec<&str> = [
        (Audience::SocialWorker, "social worker"),
        (Audience::Chair, "chair (ISRO)"),
        (Audience::Family, "family"),
        (Audience::Meeting, "everyone at the meeting"),
    ]
    .into_iter()
    .filter(|(audience, _)| views.shared_with(*audience))
    .map(|(_, words)| words)
    .collect();
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
pub fn HistorySection(history: Vec<ViewsShown>) -> impl IntoView {
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
pub fn OutcomeSection(outcome: Outcome) -> impl IntoView {
    let body = match outcome {
        Outcome::Recorded {
            staff_words,
            child_words,
            recorded,
        } => view! {
            <p class="hint">"Recorded by the chair on " {recorded} "."</p>
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
pub fn NotesSection(
    case_id: String,
    notes: Vec<Note>,
    error: Option<&'static str>,
) -> impl IntoView {
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
                                    <p class="note-meta">{note.author} " · " {note.written}</p>
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
pub fn ShareSection(case: CaseFile) -> impl IntoView {
    let share = ServerAction::<ShareViews>::new();
    let block = ShareBlock::of(&case);
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
pub fn CodeSection(case_id: String, child: String) -> impl IntoView {
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
pub fn ReferralSection(case: CaseFile) -> impl IntoView {
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
                {row("Language", Some(case.child.language.clone()))}
                {row("Communication needs", case.child.communication_needs.clone().or(r.communication_needs.clone()))}
                {row("Lives with", r.lives_with.clone())}
                {row("Why an advocate", r.reason.clone())}
                {row("How to contact the child", r.how_to_contact.clone())}
                {row("Visit risks", r.visit_risks.clone())}
                {row("Anything else", r.other.clone())}
                {row("Parental agreement", Some(agreement(r.parental_agreement).into()))}
                {row(
                    "Referred by",
                    if r.self_referral { Some("Self-referral".into()) } else { r.referrer.clone() },
                )}
                {row("Received", Some(r.received.clone()))}
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

/// Parental agreement, as the advocate reads it on the case.
fn agreement(agreement: ParentalAgreement) -> &'static str {
    match agreement {
        ParentalAgreement::Given => "Given by parents or carers",
        ParentalAgreement::Refused => "Refused by parents or carers",
        ParentalAgreement::Pending => "Not given yet",
        ParentalAgreement::NotRequiredLookedAfter => "Not needed: the child is looked after",
    }
}
