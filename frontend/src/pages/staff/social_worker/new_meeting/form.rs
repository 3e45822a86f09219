//! The new meeting as a form.
use leptos::prelude::*;

use super::super::by_hand::{Line, Problem, ProblemSummary, described};
use super::{CreateMeeting, KINDS, NewMeetingRead};

#[component]
pub fn NewMeetingForm(read: NewMeetingRead, save: ServerAction<CreateMeeting>) -> impl IntoView {
    let kept = read.kept.clone();
    let f = kept.form.clone();
    let p = |field: &str| kept.problem(field);
    let (kind_p, date_p, time_p, place_p, chair_p, agencies_p, follow_p) = (
        p("kind"),
        p("date"),
        p("time"),
        p("place"),
        p("chair"),
        p("agencies"),
        p("follow_up_of"),
    );
    let ticked = f.agencies.clone().unwrap_or_default();
    let kinds = KINDS
        .iter()
        .map(|(code, words)| view! { <option value=*code selected=f.kind == *code>{*words}</option> })
        .collect_view();
    let chairs = read
        .chairs
        .iter()
        .map(|(id, name)| view! { <option value=id.clone() selected=f.chair == *id>{name.clone()}</option> })
        .collect_view();
    let earlier = read
        .earlier
        .iter()
        .map(|(id, words)| view! { <option value=id.clone() selected=f.follow_up_of == *id>{words.clone()}</option> })
        .collect_view();
    let agencies = read
        .agencies
        .iter()
        .enumerate()
        .map(|(i, (id, name))| {
            let input_id = format!("agency-{i}");
            view! {
                <div class="check-row">
                    <input type="checkbox" id=input_id.clone() name=format!("form[agencies][{i}]")
                        value=id.clone() checked=ticked.contains(id) />
                    <label for=input_id>{name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let no_agencies = read.agencies.is_empty();
    view! {
        <ProblemSummary problems=kept.problems.clone() />
        <ActionForm action=save attr:class="stack narrow record-form" attr:novalidate=true>
            <input type="hidden" name="form[child]" value=f.child.clone() />
            <div class="field">
                <label for="kind">"Kind of meeting"</label>
                <Problem id="kind" message=kind_p.clone() />
                <select id="kind" name="form[kind]" aria-invalid=kind_p.is_some().to_string()
                    aria-describedby=described("kind", false, &kind_p)>
                    <option value="" selected=f.kind.is_empty()>"Choose the kind of meeting"</option>
                    {kinds}
                </select>
            </div>
            <Line id="date" kind="date" label="Date" hint="For example 2027-03-14."
                value=f.date.clone() problem=date_p />
            <Line id="time" kind="time" label="Start time (UK time)" hint="For example 10:30."
                value=f.time.clone() problem=time_p />
            <Line id="place" label="Place (optional)"
                hint="For example \u{201c}Family centre, Taunton\u{201d} or \u{201c}Online\u{201d}."
                value=f.place.clone() problem=place_p />
            <div class="field">
                <label for="chair">"Chair (ISRO: CP chair or IRO)"</label>
                <Problem id="chair" message=chair_p.clone() />
                <select id="chair" name="form[chair]" aria-invalid=chair_p.is_some().to_string()
                    aria-describedby=described("chair", false, &chair_p)>
                    <option value="" selected=f.chair.is_empty()>"Not chosen yet (a follow-up keeps the earlier chair)"</option>
                    {chairs}
                </select>
            </div>
            <fieldset class="field" id="agencies" aria-describedby=described("agencies", true, &agencies_p)>
                <legend class="question">"Agencies invited"</legend>
                <p class="hint" id="agencies-hint">"For a follow-up, tick none to invite the same agencies as before."</p>
                <Problem id="agencies" message=agencies_p.clone() />
                {if no_agencies {
                    view! { <p>"Your authority has no partner agencies yet: the admin adds them."</p> }.into_any()
                } else {
                    agencies.into_any()
                }}
            </fieldset>
            <div class="field">
                <label for="follow_up_of">"Agreed at the end of an earlier meeting? (optional)"</label>
                <p class="hint" id="follow_up_of-hint">"For example the review agreed at the end of a conference."</p>
                <Problem id="follow_up_of" message=follow_p.clone() />
                <select id="follow_up_of" name="form[follow_up_of]" aria-invalid=follow_p.is_some().to_string()
                    aria-describedby=described("follow_up_of", true, &follow_p)>
                    <option value="" selected=f.follow_up_of.is_empty()>"No, not a follow-up"</option>
                    {earlier}
                </select>
            </div>
            <button type="submit" class="button primary">"Add meeting"</button>
        </ActionForm>
    }
}
