//! The list of accounts, the deactivation check, and the invitation form.
use leptos::prelude::*;

use super::{
    DeactivateStaff, InviteStaff, NewPasswordLink, ROLES, StaffRow, Typed, role_code, role_words,
};
use crate::pages::staff::api::Role;

#[component]
pub fn StaffTable(
    rows: Vec<StaffRow>,
    me: String,
    link: ServerAction<NewPasswordLink>,
) -> impl IntoView {
    view! {
        <table class="caseload admin-table">
            <caption class="visually-hidden">"Staff accounts of this local authority, by name"</caption>
            <thead>
                <tr>
                    <th scope="col">"Name"</th>
                    <th scope="col">"E-mail address"</th>
                    <th scope="col">"Role"</th>
                    <th scope="col">"Status"</th>
                    <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| {
                        // The API refuses an admin deactivating themselves; do not offer it.
                        let yourself = row.name == me && row.role == Role::Admin;
                        let action = (row.active && !yourself).then(|| {
                            view! {
                                <a class="button small" href=format!("/staff?confirm={}", row.id)>
                                    "Deactivate" <span class="visually-hidden">" " {row.name.clone()}</span>
                                </a>
                            }
                        });
                        let (id, name) = (row.id.clone(), row.name.clone());
                        let new_link = row.active.then(move || {
                            view! {
                                <ActionForm action=link attr:class="inline">
                                    <input type="hidden" name="id" value=id />
                                    <button type="submit" class="button small">
                                        "New set-password link" <span class="visually-hidden">" for " {name}</span>
                                    </button>
                                </ActionForm>
                            }
                        });
                        view! {
                            <tr class:inactive=!row.active>
                                <th scope="row">{row.name.clone()}</th>
                                <td>{row.email.clone()}</td>
                                <td>{role_words(row.role)}</td>
                                <td>
                                    {if row.active {
                                        view! { <span class="badge active">"Active"</span> }.into_any()
                                    } else {
                                        view! { <span class="badge deactivated">"Deactivated"</span> }.into_any()
                                    }}
                                </td>
                                <td>{action} {new_link}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
pub fn ConfirmDeactivate(
    row: StaffRow,
    deactivate: ServerAction<DeactivateStaff>,
) -> impl IntoView {
    view! {
        <section class="card confirm" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{format!("Deactivate {}?", row.name)}</h2>
            <p>
                {format!("{} ({}) will not be able to sign in again, and any session they have open ends within 15 minutes. ", row.name, role_words(row.role))}
                "Their work, and the audit log of it, stays."
            </p>
            <ActionForm action=deactivate attr:class="actions">
                <input type="hidden" name="id" value=row.id.clone() />
                <button type="submit" class="button urgent-outline">"Yes, deactivate"</button>
                <a class="button" href="/staff">"Cancel"</a>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn InviteForm(
    rejected: Option<Typed>,
    agencies: Vec<(String, String)>,
    invite: ServerAction<InviteStaff>,
) -> impl IntoView {
    let Typed {
        field,
        message,
        name,
        email,
        role,
        agency,
    } = rejected.unwrap_or_default();
    let has_error = !message.is_empty();
    // The API names `agencyId`; the form calls it `agency`.
    let target = match field.as_str() {
        "name" | "email" | "role" => field.clone(),
        "agencyId" => "agency".to_owned(),
        _ => "email".to_owned(),
    };
    let error_for = move |f: &str| (has_error && target == f).then(|| message.clone());
    let (name_error, email_error, role_error, agency_error) = (
        error_for("name"),
        error_for("email"),
        error_for("role"),
        error_for("agency"),
    );
    let summary = [
        ("name", &name_error),
        ("email", &email_error),
        ("role", &role_error),
        ("agency", &agency_error),
    ]
    .into_iter()
    .filter_map(|(f, e)| e.clone().map(|e| (f, e)))
    .collect::<Vec<_>>();
    let invalid = |e: &Option<String>| e.is_some().to_string();
    view! {
        <section class="invite" aria-labelledby="invite-title">
            <h2 id="invite-title">"Invite a member of staff"</h2>
            <p class="hint">
                "You get a link for them, shown here once: send it to them only. With it they choose "
                "their password, then sign in at " <a href="/staff/sign-in">"staff sign-in"</a> " with their e-mail address."
            </p>
            {(!summary.is_empty()).then(|| view! {
                <div class="error-summary" role="alert" tabindex="-1" aria-labelledby="invite-errors">
                    <h2 id="invite-errors">"There is a problem"</h2>
                    <ul>{summary.into_iter().map(|(f, e)| view! { <li><a href=format!("#{f}")>{e}</a></li> }).collect_view()}</ul>
                </div>
            })}
            <ActionForm action=invite attr:class="stack narrow">
                <div class="field">
                    <label for="name">"Full name"</label>
                    {name_error.clone().map(|e| view! { <p class="field-error" id="name-error">{e}</p> })}
                    <input id="name" name="name" type="text" autocomplete="off" value=name required
                        aria-invalid=invalid(&name_error) aria-describedby=name_error.as_ref().map(|_| "name-error") />
                </div>
                <div class="field">
                    <label for="email">"E-mail address"</label>
                    <p class="hint" id="email-hint">"The address they will sign in with. Each address once per local authority."</p>
                    {email_error.clone().map(|e| view! { <p class="field-error" id="email-error">{e}</p> })}
                    <input id="email" name="email" type="email" autocomplete="off" value=email required
                        aria-invalid=invalid(&email_error)
                        aria-describedby=if email_error.is_some() { "email-hint email-error" } else { "email-hint" } />
                </div>
                <div class="field">
                    <label for="role">"Role"</label>
                    {role_error.clone().map(|e| view! { <p class="field-error" id="role-error">{e}</p> })}
                    <select id="role" name="role" aria-invalid=invalid(&role_error)
                        aria-describedby=role_error.as_ref().map(|_| "role-error")>
                        {ROLES
                            .iter()
                            .map(|(each, words)| {
                                let code = role_code(*each);
                                view! { <option value=code.clone() selected=role == code>{*words}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for="agency">"Agency"</label>
                    <p class="hint" id="agency-hint">"Only for partner agency staff: the agency they work for. Add agencies on the Agencies page."</p>
                    {agency_error.clone().map(|e| view! { <p class="field-error" id="agency-error">{e}</p> })}
                    <select id="agency" name="agency" aria-invalid=invalid(&agency_error)
                        aria-describedby=if agency_error.is_some() { "agency-hint agency-error" } else { "agency-hint" }>
                        <option value="" selected=agency.is_empty()>"Not agency staff"</option>
                        {agencies
                            .into_iter()
                            .map(|(id, words)| {
                                let chosen = agency == id;
                                view! { <option value=id selected=chosen>{words}</option> }
                            })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">"Invite"</button>
            </ActionForm>
        </section>
    }
}
