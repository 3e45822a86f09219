//! The page's three parts: duty contacts, webhook endpoints, and what was sent.
use leptos::prelude::*;

use super::{Flash, Forms, NoticesPage, Sent};

/// The refusal for `form`, if the last post of that form was refused: (field, message, typed).
fn rejected(flash: &Option<Flash>, which: &str) -> Option<(String, String, Vec<String>)> {
    match flash {
        Some(Flash::Rejected {
            form,
            field,
            message,
            typed,
        }) if form == which => Some((field.clone(), message.clone(), typed.clone())),
        _ => None,
    }
}

#[component]
fn FieldError(error: Option<String>, id: &'static str) -> impl IntoView {
    error.map(|e| view! { <p class="field-error" id=id>{e}</p> })
}

#[component]
pub fn ContactsSection(page: NoticesPage, forms: Forms) -> impl IntoView {
    let refused = rejected(&page.flash, "contact");
    let (field, message, typed) = refused.clone().unwrap_or_default();
    let typed_name = typed.first().cloned().unwrap_or_default();
    let typed_email = typed.get(1).cloned().unwrap_or_default();
    let name_error = (refused.is_some() && field == "name").then(|| message.clone());
    let email_error = (refused.is_some() && field != "name").then(|| message.clone());
    let done = match &page.flash {
        Some(Flash::Done(words)) => {
            Some(view! { <p class="notice" role="status">{words.clone()}</p> })
        }
        _ => None,
    };
    view! {
        {done}
        <section aria-labelledby="duty-title">
            <h2 id="duty-title">"Duty contacts"</h2>
            <p>
                "When a child asks for help now and their advocate has not acknowledged it within 15 "
                "minutes, or the child has no advocate, myvoice e-mails these contacts and the advocacy "
                "coordinators at once."
            </p>
            {if page.contacts.is_empty() {
                view! { <p class="warning">"There are no duty contacts yet. Add your duty team so urgent help always reaches someone."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {page.contacts.into_iter().map(|c| view! {
                            <li>
                                {c.name.clone()} " — " <span>{c.email.clone()}</span>
                                <ActionForm action=forms.remove_contact attr:class="inline">
                                    <input type="hidden" name="id" value=c.id.clone() />
                                    <button type="submit" class="button small">
                                        "Remove" <span class="visually-hidden">" " {c.name.clone()}</span>
                                    </button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=forms.add_contact attr:class="stack narrow">
                <div class="field">
                    <label for="duty-name">"Team or role"</label>
                    <FieldError error=name_error.clone() id="duty-name-error" />
                    <input id="duty-name" name="name" type="text" value=typed_name
                        placeholder="Children's services duty team"
                        aria-invalid=name_error.is_some().to_string() />
                </div>
                <div class="field">
                    <label for="duty-email">"E-mail address"</label>
                    <FieldError error=email_error.clone() id="duty-email-error" />
                    <input id="duty-email" name="email" type="email" value=typed_email
                        aria-invalid=email_error.is_some().to_string() />
                </div>
                <button type="submit" class="button primary">"Add duty contact"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn HooksSection(page: NoticesPage, forms: Forms) -> impl IntoView {
    let refused = rejected(&page.flash, "hook");
    let url_error = refused.as_ref().map(|(_, message, _)| message.clone());
    let typed = refused
        .and_then(|(_, _, typed)| typed.into_iter().next())
        .unwrap_or_default();
    let added = match &page.flash {
        Some(Flash::HookAdded { url, secret }) => Some(view! {
            <section class="card once" role="status" aria-labelledby="secret-title">
                <h2 id="secret-title">"Webhooks will go to " {url.clone()}</h2>
                <p>"Put this signing secret into the receiving system now:"</p>
                <p class="secret"><code data-testid="webhook-secret">{secret.clone()}</code></p>
                <p class="hint">"This is the only time it is shown. If it is lost, remove the endpoint and add it again."</p>
            </section>
        }),
        _ => None,
    };
    view! {
        {added}
        <section aria-labelledby="hooks-title">
            <h2 id="hooks-title">"Webhooks"</h2>
            <p>
                "Other systems, such as your case-management system, can be told of each event as it "
                "happens. Every delivery is signed; see " <a href="/graphql">"the API"</a>
                " (" <code>"addWebhookEndpoint"</code> ") for how to check it."
            </p>
            {if page.hooks.is_empty() {
                view! { <p>"There are no webhook endpoints."</p> }.into_any()
            } else {
                view! {
                    <ul class="plain-list">
                        {page.hooks.into_iter().map(|h| view! {
                            <li>
                                <code>{h.url.clone()}</code> " (added " {h.added.clone()} ")"
                                <ActionForm action=forms.remove_hook attr:class="inline">
                                    <input type="hidden" name="id" value=h.id.clone() />
                                    <button type="submit" class="button small">
                                        "Remove" <span class="visually-hidden">" " {h.url.clone()}</span>
                                    </button>
                                </ActionForm>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ActionForm action=forms.add_hook attr:class="stack narrow">
                <div class="field">
                    <label for="hook-url">"Endpoint address"</label>
                    <p class="hint" id="hook-url-hint">"The full address, e.g. https://cms.example.gov.uk/myvoice-hooks"</p>
                    <FieldError error=url_error.clone() id="hook-url-error" />
                    <input id="hook-url" name="url" type="url" value=typed
                        aria-invalid=url_error.is_some().to_string()
                        aria-describedby="hook-url-hint" />
                </div>
                <button type="submit" class="button primary">"Add endpoint"</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn SentTable(sent: Vec<Sent>, total: i64) -> impl IntoView {
    view! {
        <section aria-labelledby="sent-title">
            <h2 id="sent-title">"Sent lately"</h2>
            {if sent.is_empty() {
                view! { <p>"Nothing has been sent yet."</p> }.into_any()
            } else {
                view! {
                    <p>{format!("The latest {} of {total}.", sent.len())}</p>
                    <table class="caseload admin-table">
                        <caption class="visually-hidden">"E-mails and webhooks, newest first"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"When"</th>
                                <th scope="col">"What"</th>
                                <th scope="col">"To"</th>
                                <th scope="col">"Status"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {sent.into_iter().map(|s| view! {
                                <tr>
                                    <td>{s.when}</td>
                                    <td>{s.what}</td>
                                    <td>{format!("{}: {}", if s.by_email { "E-mail" } else { "Webhook" }, s.to)}</td>
                                    <td>
                                        {s.status}
                                        {(s.attempts > 1).then(|| format!(" ({} tries)", s.attempts))}
                                        {s.error.map(|e| view! { <br /><span class="hint">{e}</span> })}
                                    </td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
