//! The list of keys with "Revoke", and the form that makes a key.
use leptos::prelude::*;

use super::{CreateKey, KeyRow, RevokeKey, SCOPES};

#[component]
pub fn KeyTable(keys: Vec<KeyRow>, revoke: ServerAction<RevokeKey>) -> impl IntoView {
    view! {
        <table class="caseload admin-table">
            <caption class="visually-hidden">"API keys of this local authority, working keys first"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Starts with"</th>
                    <th scope="col">"May"</th>
                    <th scope="col">"Made"</th>
                    <th scope="col">"Status"</th>
                </tr>
            </thead>
            <tbody>
                {keys.into_iter().map(|key| view! { <KeyRowView key revoke /> }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn KeyRowView(key: KeyRow, revoke: ServerAction<RevokeKey>) -> impl IntoView {
    let name = key.name.clone();
    let status = match key.revoked_at.clone() {
        Some(at) => view! { <span class="badge deactivated">"Revoked " {at}</span> }.into_any(),
        None => view! {
            <span class="badge active">"Working"</span>
            <ActionForm action=revoke attr:class="inline">
                <input type="hidden" name="id" value=key.id.clone() />
                <button type="submit" class="button small">
                    "Revoke" <span class="visually-hidden">" " {name}</span>
                </button>
            </ActionForm>
        }
        .into_any(),
    };
    view! {
        <tr class:inactive=key.revoked_at.is_some()>
            <th scope="row">{key.name.clone()}</th>
            <td><code>{key.prefix.clone()} "…"</code></td>
            <td>
                <ul class="plain-list">
                    {key.scopes.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}
                </ul>
            </td>
            <td>{key.created_at.clone()}</td>
            <td class="badges">{status}</td>
        </tr>
    }
}

#[component]
pub fn CreateKeyForm(
    rejected: Option<(String, String, String, Vec<String>)>,
    create: ServerAction<CreateKey>,
) -> impl IntoView {
    let (field, message, name, scopes) = rejected.unwrap_or_default();
    let name_error = (field == "name" && !message.is_empty()).then(|| message.clone());
    let scopes_error = (field == "scopes" && !message.is_empty()).then(|| message.clone());
    let summary: Vec<(&str, String)> = [
        ("name", name_error.clone()),
        ("scope-read_meetings", scopes_error.clone()),
    ]
    .into_iter()
    .filter_map(|(f, e)| e.map(|e| (f, e)))
    .collect();
    view! {
        <section class="invite" aria-labelledby="create-title">
            <h2 id="create-title">"Make a key"</h2>
            {(!summary.is_empty()).then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="key-errors">
                    <h2 id="key-errors">"There is a problem"</h2>
                    <ul>{summary.into_iter().map(|(f, e)| view! { <li><a href=format!("#{f}")>{e}</a></li> }).collect_view()}</ul>
                </div>
            })}
            <ActionForm action=create attr:class="stack narrow">
                <div class="field">
                    <label for="name">"Name"</label>
                    <p class="hint" id="name-hint">"The system that will use it, e.g. \u{201c}Case management (Mosaic)\u{201d}."</p>
                    {name_error.clone().map(|e| view! { <p class="field-error" id="name-error">{e}</p> })}
                    <input id="name" name="name" type="text" autocomplete="off" value=name
                        aria-invalid=name_error.is_some().to_string()
                        aria-describedby=if name_error.is_some() { "name-hint name-error" } else { "name-hint" } />
                </div>
                <fieldset aria-describedby=scopes_error.as_ref().map(|_| "scopes-error")>
                    <legend class="legend">"What may it do?"</legend>
                    {scopes_error.clone().map(|e| view! { <p class="field-error" id="scopes-error">{e}</p> })}
                    {SCOPES
                        .iter()
                        .map(|(field, words)| {
                            let id = format!("scope-{field}");
                            view! {
                                <div class="check-row">
                                    <input type="checkbox" id=id.clone() name=*field value="on"
                                        checked=scopes.iter().any(|s| s == field) />
                                    <label for=id>{*words}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <button type="submit" class="button primary">"Make key"</button>
            </ActionForm>
        </section>
    }
}
