//! The social worker's pages: my children and their meetings (the first page), "Request an
//! advocate" with its completeness meter, the sent referral, and the views children shared.
pub mod children;
pub mod refer;
pub mod shared;

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

#[cfg(feature = "ssr")]
pub mod server {
    /// A plain form post (JavaScript off): the browser wants a page back, not data.
    pub fn plain_form_post() -> bool {
        leptos::prelude::use_context::<http::request::Parts>().is_some_and(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .is_some_and(|v| v.contains("text/html"))
        })
    }

    /// `application/x-www-form-urlencoded`, for addresses that carry a form's values back.
    pub fn form_encode(pairs: &[(&str, &str)]) -> String {
        fn one(text: &str, out: &mut String) {
            for byte in text.bytes() {
                match byte {
                    b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                        out.push(byte as char)
                    }
                    b' ' => out.push('+'),
                    other => out.push_str(&format!("%{other:02X}")),
                }
            }
        }
        let mut out = String::new();
        for (name, value) in pairs {
            if !out.is_empty() {
                out.push('&');
            }
            one(name, &mut out);
            out.push('=');
            one(value, &mut out);
        }
        out
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn values_survive_the_address() {
            assert_eq!(
                super::form_encode(&[("reason", "Mum & me\r\n50% sure"), ("a", "é")]),
                "reason=Mum+%26+me%0D%0A50%25+sure&a=%C3%A9"
            );
        }
    }
}
