//! The list of agencies with "Change", and the form that adds or changes one.
use leptos::prelude::*;

use super::{AgencyRow, KINDS, SaveAgency, kind_words};

/// What the form shows: typed and refused, or the agency being changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Typed {
    pub id: Option<String>,
    pub field: String,
    pub message: String,
    pub name: String,
    pub kind: String,
    pub contact_email: String,
}

#[component]
pub fn AgencyTable(agencies: Vec<AgencyRow>) -> impl IntoView {
    view! {
        <table class="caseload admin-table">
            <caption class="visually-hidden">"Partner agencies of this local authority"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"Kind"</th>
                    <th scope="col">"Contact e-mail"</th>
                    <th scope="col"><span class="visually-hidden">"Change"</span></th>
                </tr>
            </thead>
            <tbody>
                {agencies
                    .into_iter()
                    .map(|a| view! {
                        <tr>
                            <th scope="row">{a.name.clone()}</th>
                            <td>{kind_words(&a.kind)}</td>
                            <td>{a.contact_email.clone()}</td>
                            <td>
                                <a href=format!("/staff/agencies?edit={}#agency-form", a.id)>
                                    "Change" <span class="visually-hidden">" " {a.name.clone()}</span>
                                </a>
                            </td>
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn AgencyForm(typed: Option<Typed>, save: ServerAction<SaveAgency>) -> impl IntoView {
    let typed = typed.unwrap_or_default();
    let error = |field: &str| {
        (typed.field == field && !typed.message.is_empty()).then(|| typed.message.clone())
    };
    let name_error = error("name");
    let kind_error = error("kind");
    let email_error = error("contact_email");
    let summary: Vec<(&str, String)> = [
        ("name", name_error.clone()),
        ("kind", kind_error.clone()),
        ("contact_email", email_error.clone()),
    ]
    .into_iter()
    .filter_map(|(f, e)| e.map(|e| (f, e)))
    .collect();
    let changing = typed.id.is_some();
    let title = if changing {
        "Change an agency"
    } else {
        "Add an agency"
    };
    let described = |hint: &'static str, error: &Option<String>, id: &'static str| {
        if error.is_some() {
            format!("{hint} {id}")
        } else {
            hint.to_owned()
        }
    };
    view! {
        <section class="invite" id="agency-form" aria-labelledby="agency-title">
            <h2 id="agency-title">{title}</h2>
            {(!summary.is_empty()).then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="agency-errors">
                    <h2 id="agency-errors">"There is a problem"</h2>
                    <ul>{summary.into_iter().map(|(f, e)| view! { <li><a href=format!("#{f}")>{e}</a></li> }).collect_view()}</ul>
                </div>
            })}
            <ActionForm action=save attr:class="stack narrow">
                <input type="hidden" name="id" value=typed.id.clone().unwrap_or_default() />
                <div class="field">
                    <label for="name">"Name"</label>
                    <p class="hint" id="name-hint">"As staff know it, e.g. \u{201c}Avon and Somerset Police\u{201d}. Each name once."</p>
                    {name_error.clone().map(|e| view! { <p class="field-error" id="name-error">{e}</p> })}
                    <input id="name" name="name" type="text" autocomplete="off" value=typed.name.clone()
                        aria-invalid=name_error.is_some().to_string()
                        aria-describedby=described("name-hint", &name_error, "name-error") />
                </div>
                <div class="field">
                    <label for="kind">"Kind"</label>
                    {kind_error.clone().map(|e| view! { <p class="field-error" id="kind-error">{e}</p> })}
                    <select id="kind" name="kind" aria-invalid=kind_error.is_some().to_string()>
                        {KINDS
                            .iter()
                            .map(|(code, words)| view! {
                                <option value=*code selected=typed.kind == *code>{*words}</option>
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="contact_email">"Contact e-mail (optional)"</label>
                    <p class="hint" id="contact_email-hint">"A shared address for the agency, e.g. its safeguarding team."</p>
                    {email_error.clone().map(|e| view! { <p class="field-error" id="contact_email-error">{e}</p> })}
                    <input id="contact_email" name="contact_email" type="email" autocomplete="off"
                        value=typed.contact_email.clone()
                        aria-invalid=email_error.is_some().to_string()
                        aria-describedby=described("contact_email-hint", &email_error, "contact_email-error") />
                </div>
                <button type="submit" class="button primary">{if changing { "Save changes" } else { "Add agency" }}</button>
                {changing.then(|| view! { <a href="/staff/agencies">"Add a new agency instead"</a> })}
            </ActionForm>
        </section>
    }
}
