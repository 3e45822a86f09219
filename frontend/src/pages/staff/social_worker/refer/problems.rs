//! Problems with the referral form, from the API (so not `&'static str`), each linked to its field.
use leptos::prelude::*;

/// A problem with a form, linked to its field: `(field id, words)`.
pub type FieldProblems = Vec<(String, String)>;

/// GOV.UK-style error summary for messages that come from the API (so not `&'static str`).
#[component]
pub fn ProblemSummary(#[prop(into)] problems: Signal<FieldProblems>) -> impl IntoView {
    view! {
        <Show when=move || !problems.read().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="problem-summary-title">
                <h2 id="problem-summary-title">"There is a problem"</h2>
                <ul>
                    {move || {
                        problems
                            .get()
                            .into_iter()
                            .map(|(field, words)| view! { <li><a href=format!("#{field}")>{words}</a></li> })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The message beside a field, from the problems above; `id` is the field's id + "-error".
#[component]
pub fn FieldProblem(
    field: &'static str,
    #[prop(into)] problems: Signal<FieldProblems>,
) -> impl IntoView {
    let message = move || {
        problems
            .read()
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, words)| words.clone())
    };
    view! {
        <p class="field-error" id=format!("{field}-error") hidden=move || message().is_none()>
            {message}
        </p>
    }
}

/// Whether `field` has a problem, as `aria-invalid` says it.
pub fn invalid(problems: Signal<FieldProblems>, field: &'static str) -> impl Fn() -> String {
    move || problems.read().iter().any(|(f, _)| f == field).to_string()
}
