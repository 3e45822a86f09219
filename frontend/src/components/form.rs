//! Form pieces shared by the child's and the staff pages.
use leptos::prelude::*;

use crate::text::text;

/// GOV.UK-style error summary: announced at once, each line links to its field.
#[component]
pub fn ErrorSummary(
    #[prop(into)] errors: Signal<Vec<(&'static str, &'static str)>>,
) -> impl IntoView {
    let t = text();
    view! {
        <Show when=move || !errors.read().is_empty()>
            <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="error-summary-title">
                <h2 id="error-summary-title">{t.error_summary}</h2>
                <ul>
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|(field, words)| {
                                view! {
                                    <li>
                                        <a href=format!("#{field}")>{words}</a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

/// The message beside a field, tied to it by `aria-describedby`.
#[component]
pub fn FieldError(
    id: &'static str,
    #[prop(into)] message: Signal<Option<&'static str>>,
) -> impl IntoView {
    view! {
        <p class="field-error" id=id hidden=move || message.get().is_none()>
            {move || message.get()}
        </p>
    }
}
