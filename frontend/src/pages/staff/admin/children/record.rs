//! The child's data protection page: who the child is, the hold, erasure, and the link to
//! everything held about them.
use leptos::prelude::*;

use super::actions::{AskErasure, DecideErasure, SetHold};
use super::{Flash, Record, RequestRow};

fn status_words(status: &str) -> &'static str {
    match status {
        "PENDING" => "Waiting for another administrator to confirm",
        "CONFIRMED" => "Confirmed: the record was erased",
        "CANCELLED" => "Cancelled: nothing was erased",
        _ => "Lapsed after 7 days: nothing was erased",
    }
}

/// A reason box with its label, and the refusal for this form if there was one.
#[component]
fn Reason(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    error: Option<String>,
    typed: String,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = if error.is_some() {
        format!("{hint_id} {error_id}")
    } else {
        hint_id.clone()
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint_id>{hint}</p>
            {error.clone().map(|e| view! { <p class="field-error" id=error_id.clone()>{e}</p> })}
            <input id=id name="reason" type="text" autocomplete="off" maxlength="2000" value=typed
                aria-invalid=error.is_some().to_string() aria-describedby=described />
        </div>
    }
}

#[component]
pub fn RecordBody(
    record: Record,
    hold: ServerAction<SetHold>,
    erase: ServerAction<AskErasure>,
    decide: ServerAction<DecideErasure>,
) -> impl IntoView {
    let (notice, refused) = match record.flash.clone() {
        Some(Flash::Done(words)) => (Some(words), None),
        Some(Flash::Refused {
            form,
            message,
            reason,
        }) => (None, Some((form, message, reason))),
        None => (None, None),
    };
    // Each form's refusal (message) and what was typed, worked out before the view moves things.
    let error_for = |form: &str| {
        refused
            .as_ref()
            .filter(|(f, ..)| f == form)
            .map(|(_, m, _)| m.clone())
    };
    let typed_for = |form: &str| {
        refused
            .as_ref()
            .filter(|(f, ..)| f == form)
            .map(|(.., r)| r.clone())
            .unwrap_or_default()
    };
    let (decide_error, erase_error, erase_typed) =
        (error_for("decide"), error_for("erase"), typed_for("erase"));
    let reason = if record.held {
        view! { <Reason id="lift-reason" label="Why the hold can be lifted" hint="For example: proceedings ended on 12 May." error=error_for("lift") typed=typed_for("lift") /> }.into_any()
    } else {
        view! { <Reason id="hold-reason" label="Why the record must be held" hint="For example: care proceedings, a police investigation, a complaint." error=error_for("hold") typed=typed_for("hold") /> }.into_any()
    };
    let id = record.id.clone();
    let export_href = format!("/staff/admin/children/{id}/export");
    let hold_id = id.clone();
    let erase_id = id.clone();
    let waiting: Vec<RequestRow> = record
        .requests
        .iter()
        .filter(|r| r.status == "PENDING")
        .cloned()
        .collect();
    let title = if record.full_name.is_empty() {
        record.name.clone()
    } else {
        format!("{} ({})", record.name, record.full_name)
    };
    let cannot_erase = if record.held {
        Some(
            "This record is under a legal hold, so it cannot be erased. Lift the hold first if it is no longer needed.",
        )
    } else if record.advocacy_open {
        Some(
            "This child's advocacy is still open, so the record cannot be erased yet. The work must be closed first.",
        )
    } else {
        None
    };
    view! {
        <p><a href="/staff/admin/children">"All children"</a></p>
        <h1>{title}</h1>
        {notice.map(|w| view! { <p class="notice" role="status">{w}</p> })}
        {decide_error.map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        <dl class="facts">
            <dt>"Reference"</dt><dd>{if record.reference.is_empty() { "None".to_owned() } else { record.reference.clone() }}</dd>
            <dt>"Date of birth"</dt><dd>{record.born.clone()}</dd>
            <dt>"Advocacy"</dt>
            <dd>{match (record.advocacy_open, record.last_closed.clone()) {
                (true, _) => "Open: nothing is removed while the work goes on.".to_owned(),
                (false, Some(day)) => format!("Last piece closed {day}: retention counts from that day."),
                (false, None) => "No advocacy yet.".to_owned(),
            }}</dd>
            <dt>"Record"</dt>
            <dd>{match (&record.removed_at, record.held) {
                (Some(at), _) => format!("Erased or anonymised {at}."),
                (None, true) => "Under a legal hold: nothing is removed.".to_owned(),
                (None, false) => "Kept for the authority's retention periods.".to_owned(),
            }}</dd>
        </dl>

        <section aria-labelledby="export-title">
            <h2 id="export-title">"Subject access"</h2>
            <p><a href=export_href>"Download everything held about this child"</a></p>
        </section>

        <section aria-labelledby="hold-title">
            <h2 id="hold-title">"Legal hold"</h2>
            <p>"While a hold is in place, nothing about this child is removed, by the retention job or by an erasure."</p>
            <ActionForm action=hold attr:class="stack narrow">
                <input type="hidden" name="child_id" value=hold_id />
                {record.held.then(|| view! { <input type="hidden" name="lift" value="yes" /> })}
                {reason}
                <button type="submit" class="button">{if record.held { "Lift the hold" } else { "Place a legal hold" }}</button>
            </ActionForm>
            {(!record.holds.is_empty()).then(|| view! {
                <h3>"Holds"</h3>
                <ul>
                    {record.holds.iter().map(|h| view! {
                        <li>
                            {format!("\u{201c}{}\u{201d}, placed {}", h.reason, h.set)}
                            {h.lifted.clone().map(|l| format!("; lifted {l}"))}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </section>

        <section aria-labelledby="erase-title">
            <h2 id="erase-title">"Erasure on request"</h2>
            <p>"One administrator asks; a different administrator confirms. Only then is the record erased: the child's views, notes, shares and reads, answers and messages are deleted, and what identifies the child is removed."</p>
            {waiting.into_iter().map(|r| {
                let request_id = r.id.clone();
                let cancel_id = r.id.clone();
                let child_id = id.clone();
                let cancel_child = id.clone();
                view! {
                    <div class="card">
                        <p>{format!("Asked {}: \u{201c}{}\u{201d}. Lapses {}.", r.asked, r.reason, r.lapses)}</p>
                        {if r.asked_by_you {
                            view! { <p>"You asked for this erasure, so another administrator must confirm it."</p> }.into_any()
                        } else {
                            view! {
                                <ActionForm action=decide>
                                    <input type="hidden" name="child_id" value=child_id />
                                    <input type="hidden" name="request_id" value=request_id />
                                    <button type="submit" class="button warning">"Confirm: erase this record now"</button>
                                </ActionForm>
                            }.into_any()
                        }}
                        <ActionForm action=decide>
                            <input type="hidden" name="child_id" value=cancel_child />
                            <input type="hidden" name="request_id" value=cancel_id />
                            <input type="hidden" name="cancel" value="yes" />
                            <button type="submit" class="button">"Cancel the request"</button>
                        </ActionForm>
                    </div>
                }
            }).collect_view()}
            {(record.removed_at.is_none() && !record.requests.iter().any(|r| r.status == "PENDING")).then(|| match cannot_erase {
                // Said before anyone types a reason: the API would refuse the request anyway.
                Some(why) => view! { <p class="notice">{why}</p> }.into_any(),
                None => view! {
                    <ActionForm action=erase attr:class="stack narrow">
                        <input type="hidden" name="child_id" value=erase_id.clone() />
                        <Reason id="erase-reason" label="Why the record should be erased" hint="For example: the young person asked on 2 March (ref DP-114)." error=erase_error typed=erase_typed />
                        <button type="submit" class="button">"Ask for erasure"</button>
                    </ActionForm>
                }.into_any(),
            })}
            {(!record.requests.is_empty()).then(|| view! {
                <h3>"Requests"</h3>
                <ul>
                    {record.requests.iter().map(|r| view! {
                        <li>{format!("Asked {}: \u{201c}{}\u{201d}. {}{}", r.asked, r.reason, status_words(&r.status),
                            r.confirmed.clone().map(|c| format!(" ({c})")).unwrap_or_default())}</li>
                    }).collect_view()}
                </ul>
            })}
        </section>
    }
}
