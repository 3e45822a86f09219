//! The child's record as a form: each problem beside its field, what was typed kept.
use leptos::prelude::*;

use super::super::by_hand::{Kept, Line, Problem, ProblemSummary, described};
use super::{ChildForm, SaveChild};
use crate::components::TextBox;

/// A box for longer text (drawn by `TextBox`, which escapes it).
#[component]
fn Words(
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
            <TextBox id=id name=format!("form[{id}]") value rows=3 maxlength=2000
                attr:aria-describedby=by attr:aria-invalid=problem.is_some().to_string() />
        </div>
    }
}

/// A box to tick; ticked holds "yes".
#[component]
fn Tick(id: &'static str, label: &'static str, ticked: bool) -> impl IntoView {
    view! {
        <div class="check-row">
            <input type="checkbox" id=id name=format!("form[{id}]") value="yes" checked=ticked />
            <label for=id>{label}</label>
        </div>
    }
}

#[component]
pub fn ChildRecordForm(kept: Kept<ChildForm>, save: ServerAction<SaveChild>) -> impl IntoView {
    let f = kept.form.clone();
    let adding = f.id.is_empty();
    let from_referral = !f.referral.is_empty();
    let advocacy_p = kept.problem("advocacy_for");
    let [
        preferred_name_p,
        full_name_p,
        date_of_birth_p,
        looked_after_problem,
        language_p,
        parental_p,
        agreed_on_p,
        needs_p,
        lives_with_p,
    ] = [
        "preferred_name",
        "full_name",
        "date_of_birth",
        "looked_after",
        "language",
        "parental_responsibility",
        "agreed_on",
        "communication_needs",
        "lives_with",
    ]
    .map(|field| kept.problem(field));
    let looked = f.looked_after.clone();
    view! {
        <ProblemSummary problems=kept.problems.clone() />
        <ActionForm action=save attr:class="stack narrow record-form" attr:novalidate=true>
            <input type="hidden" name="form[id]" value=f.id.clone() />
            <input type="hidden" name="form[referral]" value=f.referral.clone() />
            <Line id="preferred_name" label="Name the child wants to be called"
                hint="The only name the child's pages use." value=f.preferred_name.clone()
                problem=preferred_name_p />
            <Line id="full_name" label="Full name (optional)" hint="For staff only."
                value=f.full_name.clone() problem=full_name_p />
            <Line id="date_of_birth" label="Date of birth" kind="date" hint="For example 2015-03-14."
                value=f.date_of_birth.clone() problem=date_of_birth_p />
            <fieldset class="field" aria-describedby=looked_after_problem.as_ref().map(|_| "looked_after-error")>
                <legend class="question">"Is the child looked after by the local authority?"</legend>
                <p class="hint">"Then parental agreement to advocacy is not needed."</p>
                <Problem id="looked_after" message=looked_after_problem.clone() />
                <div class="radio">
                    <input type="radio" id="looked_after" name="form[looked_after]" value="yes" checked=looked == "yes" />
                    <label for="looked_after">"Yes, looked after"</label>
                </div>
                <div class="radio">
                    <input type="radio" id="looked_after-no" name="form[looked_after]" value="no" checked=looked == "no" />
                    <label for="looked_after-no">"No"</label>
                </div>
            </fieldset>
            <Line id="language" label="First language (optional)" hint="Leave empty for English."
                value=f.language.clone() problem=language_p />
            <Tick id="interpreter" label="An interpreter is needed to work with the child"
                ticked=f.interpreter == "yes" />
            <Line id="parental_responsibility" label="Who holds parental responsibility (optional)"
                hint="For example \u{201c}Mother and father\u{201d} or \u{201c}Shared with the local authority\u{201d}."
                value=f.parental_responsibility.clone() problem=parental_p />
            <fieldset class="field">
                <legend class="question">"Advocacy"</legend>
                <Tick id="agreed" label="The child agreed to have an advocate" ticked=f.agreed == "yes" />
                <Line id="agreed_on" label="The day they agreed" kind="date"
                    hint="Only when they agreed, for example 2026-11-30."
                    value=f.agreed_on.clone() problem=agreed_on_p />
            </fieldset>
            <Words id="communication_needs" label="Communication needs (optional)"
                hint="Language, disability, how the child likes to communicate, or \u{201c}None\u{201d}."
                value=f.communication_needs.clone() problem=needs_p />
            <Words id="lives_with" label="Who the child lives with (optional)"
                hint="For example mum and a younger sister, or foster carers."
                value=f.lives_with.clone() problem=lives_with_p />
            {from_referral.then(|| view! { <AdvocacyFor chosen=f.advocacy_for.clone() problem=advocacy_p.clone() /> })}
            <button type="submit" class="button primary">{if adding { "Add child" } else { "Save changes" }}</button>
        </ActionForm>
    }
}

/// For the coordinator, from a self-referral: what the child asked for. Advice and assistance or a
/// complaint is set up with the child; a meeting is set up by the child's social worker.
#[component]
fn AdvocacyFor(chosen: String, problem: Option<String>) -> impl IntoView {
    let choices = [
        (
            "ADVICE_AND_ASSISTANCE",
            "advocacy_for",
            "Advice and assistance: the child wants help with something",
        ),
        (
            "COMPLAINT",
            "advocacy_for-complaint",
            "Help to make a complaint",
        ),
        (
            "",
            "advocacy_for-meeting",
            "A meeting about them: their social worker sets it up (link the self-referral once it is booked)",
        ),
    ];
    view! {
        <fieldset class="field" aria-describedby=problem.as_ref().map(|_| "advocacy_for-error")>
            <legend class="question">"What did the child ask for?"</legend>
            <Problem id="advocacy_for" message=problem.clone() />
            {choices
                .into_iter()
                .map(|(value, id, words)| view! {
                    <div class="radio">
                        <input type="radio" id=id name="form[advocacy_for]" value=value checked=chosen == value />
                        <label for=id>{words}</label>
                    </div>
                })
                .collect_view()}
        </fieldset>
    }
}
