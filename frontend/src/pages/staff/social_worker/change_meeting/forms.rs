//! The two forms: move the meeting, and cancel it (the confirm step).
use leptos::prelude::*;

use super::super::by_hand::{Kept, Line, Problem, ProblemSummary, described};
use super::{CancelForm, CancelMeeting, MeetingShown, MoveForm, MoveMeeting, page_path};
use crate::components::TextBox;

/// A reason in a text box (drawn by `TextBox`, which escapes it), required.
#[component]
fn Reason(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    value: String,
    problem: Option<String>,
) -> impl IntoView {
    let by = described(id, true, &problem);
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=format!("{id}-hint")>{hint}</p>
            <Problem id message=problem.clone() />
            <TextBox id=id name="form[reason]" value rows=3 maxlength=2000
                attr:aria-describedby=by attr:aria-invalid=problem.is_some().to_string() />
        </div>
    }
}

#[component]
pub fn MoveSection(kept: Kept<MoveForm>) -> impl IntoView {
    let action = ServerAction::<MoveMeeting>::new();
    let f = kept.form.clone();
    let (date_p, time_p, place_p, reason_p) = (
        kept.problem("move-date"),
        kept.problem("move-time"),
        kept.problem("move-place"),
        kept.problem("move-reason"),
    );
    view! {
        <section class="card decision" aria-labelledby="move-title">
            <h2 id="move-title">"Move the meeting"</h2>
            <p>"The child's page will say the meeting has moved, and when it is now."</p>
            <ProblemSummary problems=kept.problems.clone() />
            <ActionForm action attr:class="stack narrow record-form" attr:novalidate=true>
                <input type="hidden" name="form[meeting]" value=f.meeting.clone() />
                <input type="hidden" name="form[child]" value=f.child.clone() />
                <Line id="move-date" name="date" kind="date" label="New date"
                    hint="For example 2027-03-14." value=f.date.clone() problem=date_p />
                <Line id="move-time" name="time" kind="time" label="New start time (UK time)"
                    hint="For example 10:30." value=f.time.clone() problem=time_p />
                <Line id="move-place" name="place" label="Place"
                    hint="Left as it is (or empty), the place stays." value=f.place.clone() problem=place_p />
                <Reason id="move-reason" label="Why it moved"
                    hint="Required. For staff: the child is not shown it." value=f.reason.clone() problem=reason_p />
                <button type="submit" class="button primary">"Move meeting"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn CancelSection(meeting: MeetingShown, kept: Kept<CancelForm>) -> impl IntoView {
    let action = ServerAction::<CancelMeeting>::new();
    let reason_p = kept.problem("cancel-reason");
    view! {
        <section class="card decision confirm" aria-labelledby="cancel-title">
            <h2 id="cancel-title">"Cancel the meeting"</h2>
            <p>"The child's page will say the meeting is not happening now. Their views stay with them. A cancelled meeting cannot be booked again: set up a new one instead."</p>
            <ProblemSummary problems=kept.problems.clone() />
            <ActionForm action attr:class="stack narrow record-form" attr:novalidate=true>
                <input type="hidden" name="form[meeting]" value=kept.form.meeting.clone() />
                <input type="hidden" name="form[child]" value=kept.form.child.clone() />
                <Reason id="cancel-reason" label="Why it is cancelled"
                    hint="Required. For staff: the child is not shown it." value=kept.form.reason.clone() problem=reason_p />
                <div class="actions">
                    <button type="submit" class="button primary">"Yes, cancel the meeting"</button>
                    <a href=page_path(&meeting.id)>"No, keep it"</a>
                </div>
            </ActionForm>
        </section>
    }
}
