//! The referral form (an island) and the assessment beside it.
use leptos::prelude::*;

use super::problems::{FieldProblem, ProblemSummary, invalid};
use super::{AGREEMENT_FIELD, BOXES, Checked, Choice, Draft, Intent, Refer};
use crate::components::TextBox;
use crate::model::{ParentalAgreement, ReferralStatus};

/// The parental agreement radios: the value, the form's value, the radio's id (the first is where
/// the error summary sends the reader) and the label.
const AGREEMENTS: [(ParentalAgreement, &str, &str, &str); 4] = [
    (
        ParentalAgreement::Given,
        "GIVEN",
        AGREEMENT_FIELD,
        "Given: the parents or carers agree",
    ),
    (
        ParentalAgreement::Pending,
        "PENDING",
        "agreement-pending",
        "Not asked yet, or waiting for their answer",
    ),
    (
        ParentalAgreement::Refused,
        "REFUSED",
        "agreement-refused",
        "Refused: the parents or carers do not agree",
    ),
    (
        ParentalAgreement::NotRequiredLookedAfter,
        "NOT_REQUIRED_LOOKED_AFTER",
        "agreement-not-required",
        "Not needed: the child is looked after",
    ),
];

/// An island: with JavaScript the meter follows the typing and the buttons answer in place.
#[island]
pub fn ReferralForm(
    /// The children and meetings to choose from.
    choices: Vec<Choice>,
    draft: Draft,
    checked: Checked,
    /// The problems are shown (after "Check" or "Send"), not only the meter.
    shown: bool,
) -> impl IntoView {
    let action = ServerAction::<Refer>::new();
    let live = RwSignal::new(draft.clone());
    let checked = RwSignal::new(checked);
    let shown = RwSignal::new(shown);
    let sending = RwSignal::new(false);
    // After "Check" or "Send" with JavaScript: what the server made of it.
    Effect::new(move |_| {
        if let Some(result) = action.value().get() {
            shown.set(true);
            match result {
                Ok(result) => checked.set(result),
                Err(error) => checked.update(|c| {
                    c.problems = vec![("pair".into(), error.to_string())];
                }),
            }
        }
    });
    Effect::new(move |_| {
        if let Some(input) = action.input().get() {
            sending.set(input.intent == Intent::Send);
        }
    });
    // The live meter: ask again a moment after the typing stops.
    #[cfg(feature = "hydrate")]
    {
        let first = StoredValue::new(true);
        let timer = StoredValue::new(None::<leptos::leptos_dom::helpers::TimeoutHandle>);
        Effect::new(move |_| {
            let draft = live.get();
            if first.get_value() {
                first.set_value(false);
                return;
            }
            if let Some(handle) = timer.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(
                move || {
                    leptos::task::spawn_local(async move {
                        let was_sending = sending.get_untracked();
                        if let Ok(result) = super::check_referral(draft, was_sending).await {
                            checked.update(|c| {
                                c.assessment = result.assessment;
                                if shown.get_untracked() {
                                    c.problems = result.problems;
                                }
                            });
                        }
                    });
                },
                std::time::Duration::from_millis(350),
            )
            .ok();
            timer.set_value(handle);
        });
    }
    let problems = Signal::derive(move || {
        if shown.get() {
            checked.read().problems.clone()
        } else {
            Vec::new()
        }
    });
    let chosen = draft.pair.clone();
    let boxes = BOXES
        .iter()
        .map(|&(name, label, hint)| {
            let hint_id = format!("{name}-hint");
            let described = format!("{name}-hint {name}-error");
            view! {
                <div class="field">
                    <label for=name>{label}</label>
                    <p class="hint" id=hint_id>{hint}</p>
                    <FieldProblem field=name problems />
                    <TextBox
                        id=name
                        name=name
                        rows=3
                        maxlength=2000
                        value=draft.text(name).to_owned()
                        attr:aria-describedby=described
                        attr:aria-invalid=invalid(problems, name)
                        on:input=move |ev| {
                            let value = event_target_value(&ev);
                            live.update(|d| d.set_text(name, value));
                        }
                    />
                </div>
            }
        })
        .collect_view();
    let agreement_choices = AGREEMENTS
        .into_iter()
        .map(|(choice, value, id, label)| {
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=id
                        name="parental_agreement"
                        value=value
                        checked=draft.parental_agreement == Some(choice)
                        on:change=move |_| live.update(|d| d.parental_agreement = Some(choice))
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <ProblemSummary problems />
        <div class="referral-layout">
            <ActionForm action attr:class="referral-form" attr:id="referral-form" attr:novalidate=true>
                <div class="field">
                    <label for="pair">"Child and meeting"</label>
                    <p class="hint" id="pair-hint">"A new meeting needs a new referral."</p>
                    <FieldProblem field="pair" problems />
                    <select
                        id="pair"
                        name="pair"
                        aria-describedby="pair-hint pair-error"
                        aria-invalid=invalid(problems, "pair")
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            live.update(|d| d.pair = value);
                        }
                    >
                        <option value="" selected=chosen.is_empty()>"Choose a child and meeting"</option>
                        {choices
                            .into_iter()
                            .map(|Choice { value, label }| {
                                let selected = value == chosen;
                                view! { <option value=value selected=selected>{label}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                {boxes}
                <fieldset class="field" aria-describedby="agreement-rule agreement-given-error">
                    <legend class="question">"Parental agreement"</legend>
                    <p class="hint" id="agreement-rule">
                        "Ask the parents or carers before you refer. If they have not agreed yet, the referral waits "
                        "until they do. Their agreement is not needed when the child is looked after by the local authority."
                    </p>
                    <FieldProblem field="agreement-given" problems />
                    {agreement_choices}
                </fieldset>
                <div class="actions">
                    <button type="submit" name="intent" value="check" class="button">"Check the referral"</button>
                    <button type="submit" name="intent" value="send" class="button primary">"Send the referral"</button>
                </div>
            </ActionForm>
            <AssessmentPanel checked live />
        </div>
    }
}

/// The meter, what is missing, the lead time and the agreement rule for this child.
#[component]
fn AssessmentPanel(checked: RwSignal<Checked>, live: RwSignal<Draft>) -> impl IntoView {
    let body = move || {
        let Some(a) = checked.get().assessment else {
            return view! {
                <p>"Choose the child and meeting to see how complete the referral is and how much time the advocate has."</p>
            }
            .into_any();
        };
        let missing = if a.missing.is_empty() {
            view! { <p class="complete">"Nothing is missing: the advocate has what they need."</p> }
                .into_any()
        } else {
            view! {
                <h3>"Still missing"</h3>
                <ul class="missing">{a.missing.iter().map(|m| view! { <li>{m.clone()}</li> }).collect_view()}</ul>
            }
            .into_any()
        };
        let lead = match (a.working_days, a.warning.clone()) {
            (Some(days), warning) => view! {
                <h3>"Lead time"</h3>
                <p>{format!("The meeting is {days} working {} away.", if days == 1 { "day" } else { "days" })}</p>
                {warning.map(|w| view! { <p class="warning"><strong>"Too short for the child to attend. "</strong>{w}</p> })}
            }
            .into_any(),
            (None, _) => view! { <h3>"Lead time"</h3><p>"This piece of advocacy has no meeting date."</p> }.into_any(),
        };
        let agreement = if a.looked_after {
            "This child is looked after by the local authority: parental agreement is not needed."
        } else {
            "This child is not looked after: ask the parents or carers to agree."
        };
        let starts = match (a.starts_as, live.get().parental_agreement) {
            (_, None) => "Choose the parental agreement below.",
            (Some(ReferralStatus::PendingConsent), _) => {
                "As it stands, the referral will wait for parental agreement before the coordinator can accept it."
            }
            (Some(_), _) => "The coordinator can accept it as soon as it arrives.",
            (None, _) => "That parental agreement is not allowed for this child.",
        };
        view! {
            <p class="meter-line">
                <label for="completeness-meter">"Complete"</label>
                " "
                <meter id="completeness-meter" min="0" max="100" low="60" high="99" optimum="100" value=a.score>
                    {format!("{}%", a.score)}
                </meter>
                " "
                <strong class="score">{format!("{}%", a.score)}</strong>
            </p>
            {missing}
            {lead}
            <h3>"Parental agreement"</h3>
            <p>{agreement}</p>
            <p>{starts}</p>
        }
        .into_any()
    };
    view! {
        <aside class="assessment card" id="check" aria-labelledby="check-title">
            <h2 id="check-title">"How complete is this referral?"</h2>
            <div role="status" aria-live="polite" aria-atomic="false">{body}</div>
        </aside>
    }
}
