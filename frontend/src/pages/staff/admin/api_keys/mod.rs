//! `/staff/api-keys`: the authority's keys for other systems (case management, reporting), making a
//! key with the scopes it needs (its secret shown once, never in an address) and revoking one.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, page_data, signed_in};

/// Scopes as the API names them, with what each lets a system do.
pub const SCOPES: &[(&str, &str, &str)] = &[
    (
        "read_meetings",
        "READ_MEETINGS",
        "Read meetings: kind, time, place, status and the children linked to them",
    ),
    (
        "read_outcomes",
        "READ_OUTCOMES",
        "Read meeting outcomes and who they were sent to",
    ),
    (
        "read_referrals",
        "READ_REFERRALS",
        "Read referrals and how complete they are",
    ),
    (
        "write_referrals",
        "WRITE_REFERRALS",
        "Make referrals for an advocate, as a case-management system would",
    ),
    (
        "read_oversight",
        "READ_OVERSIGHT",
        "Read oversight measures (no child-level data)",
    ),
];

fn scope_words(code: &str) -> &'static str {
    match code {
        "READ_MEETINGS" => "Read meetings",
        "READ_OUTCOMES" => "Read outcomes",
        "READ_REFERRALS" => "Read referrals",
        "WRITE_REFERRALS" => "Make referrals",
        "READ_OVERSIGHT" => "Read oversight",
        _ => "Unknown scope",
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KeyRow {
    pub id: String,
    pub name: String,
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_at: String,
    pub revoked_at: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Created {
        name: String,
        secret: String,
    },
    Rejected {
        field: String,
        message: String,
        name: String,
        scopes: Vec<String>,
    },
    Revoked {
        name: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyList {
    pub keys: Vec<KeyRow>,
    pub flash: Option<Flash>,
}

/// A time as staff read it, in UK time: "23 Nov 2026, 18:44".
#[cfg(feature = "ssr")]
pub(crate) fn uk_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|at| {
            at.with_timezone(&chrono_tz::Europe::London)
                .format("%-d %b %Y, %H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| rfc3339.to_owned())
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-keys")]
pub async fn load_keys() -> Result<KeyList, PageError> {
    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "apiKeys")]
        keys: Vec<KeyRow>,
    }
    let data: Data = crate::pages::staff::api::server::run(
        "{ apiKeys { id name prefix scopes createdAt revokedAt } }",
        serde_json::json!({}),
    )
    .await?;
    let mut keys: Vec<KeyRow> = data
        .keys
        .into_iter()
        .map(|mut k| {
            k.created_at = uk_time(&k.created_at);
            k.revoked_at = k.revoked_at.as_deref().map(uk_time);
            k
        })
        .collect();
    // Working keys first, each group in the order they were made.
    keys.sort_by_key(|k| k.revoked_at.is_some());
    Ok(KeyList {
        keys,
        flash: crate::pages::staff::once::take(),
    })
}

#[cfg(feature = "ssr")]
fn back(done: &str) -> String {
    format!(
        "/staff/api-keys?done={done}&at={}",
        chrono::Utc::now().timestamp_millis()
    )
}

/// One checkbox per scope (each its own field, so the plain form and the enhanced one post alike).
#[leptos::server(prefix = "/api/staff", endpoint = "admin-create-key")]
pub async fn create_key(
    name: String,
    read_meetings: Option<String>,
    read_outcomes: Option<String>,
    read_referrals: Option<String>,
    write_referrals: Option<String>,
    read_oversight: Option<String>,
) -> Result<Option<Flash>, PageError> {
    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "createApiKey")]
        created: Created,
    }
    #[derive(Deserialize)]
    struct Created {
        secret: String,
        key: Named,
    }
    #[derive(Deserialize)]
    struct Named {
        name: String,
    }
    let ticked = [
        read_meetings,
        read_outcomes,
        read_referrals,
        write_referrals,
        read_oversight,
    ];
    let scopes: Vec<String> = SCOPES
        .iter()
        .zip(ticked)
        .filter(|(_, on)| on.is_some())
        .map(|((_, code, _), _)| (*code).to_owned())
        .collect();
    let rejected = |field: &str, message: String| {
        let flash = Flash::Rejected {
            field: field.to_owned(),
            message,
            name: name.clone(),
            scopes: scopes.clone(),
        };
        crate::pages::staff::once::answer(flash, &back("check"), false)
    };
    if name.trim().is_empty() {
        return Ok(rejected(
            "name",
            "Give the key a name, such as the system that will use it.".into(),
        ));
    }
    if scopes.is_empty() {
        return Ok(rejected(
            "scopes",
            "Choose at least one thing the key may do.".into(),
        ));
    }
    let answer: Result<Data, _> = crate::pages::staff::api::server::run(
        "mutation($n: String!, $s: [Scope!]!) { createApiKey(name: $n, scopes: $s) { secret key { name } } }",
        serde_json::json!({ "n": name, "s": scopes }),
    )
    .await;
    match answer {
        Ok(data) => {
            let flash = Flash::Created {
                name: data.created.key.name,
                secret: data.created.secret,
            };
            Ok(crate::pages::staff::once::answer(
                flash,
                &back("created"),
                false,
            ))
        }
        Err(error) => match super::field_error(&error) {
            Some((field, message)) => Ok(rejected(
                if field == "scopes" { "scopes" } else { "name" },
                message,
            )),
            None => Err(error),
        },
    }
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-revoke-key")]
pub async fn revoke_key(id: String) -> Result<Option<Flash>, PageError> {
    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "revokeApiKey")]
        revoked: Revoked,
    }
    #[derive(Deserialize)]
    struct Revoked {
        name: String,
    }
    let data: Data = crate::pages::staff::api::server::run(
        "mutation($id: ID!) { revokeApiKey(id: $id) { name } }",
        serde_json::json!({ "id": id }),
    )
    .await?;
    let flash = Flash::Revoked {
        name: data.revoked.name,
    };
    Ok(crate::pages::staff::once::answer(
        flash,
        &back("revoked"),
        false,
    ))
}

/// The route: admins only.
#[component]
pub fn AdminApiKeys() -> impl IntoView {
    let query = use_query_map();
    let create = ServerAction::<CreateKey>::new();
    let revoke = ServerAction::<RevokeKey>::new();
    let staff = signed_in();
    let list = page_data(
        staff,
        Role::Admin,
        move || {
            (
                query.read().get("at"),
                create.version().get(),
                revoke.version().get(),
            )
        },
        |_| load_keys(),
    );
    view! { <RolePage role=Role::Admin staff page=move |user| view! { <ApiKeysPage user create revoke list /> } /> }
}

#[component]
fn ApiKeysPage(
    user: StaffUser,
    create: ServerAction<CreateKey>,
    revoke: ServerAction<RevokeKey>,
    list: Resource<Result<KeyList, PageError>>,
) -> impl IntoView {
    // With JavaScript, the forms' answers arrive here rather than through the next page.
    let answered = RwSignal::new(None::<Flash>);
    Effect::new(move |_| {
        if let Some(Ok(Some(flash))) = create.value().get() {
            answered.set(Some(flash));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(flash))) = revoke.value().get() {
            answered.set(Some(flash));
        }
    });
    view! {
        <StaffPage title="API keys".to_owned() user=Some(user)>
            <h1>"API keys"</h1>
            <p class="lede">
                "Keys let another system, such as your case-management system, use the myvoice API "
                "with only the permissions you choose. The key is sent as the " <code>"X-Api-Key"</code> " header to "
                <a href="/graphql">"/graphql"</a> "."
            </p>
            <Suspense>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(mut list) => {
                            list.flash = list.flash.or_else(|| answered.get());
                            view! { <KeysBody list create revoke /> }.into_any()
                        }
                        Err(_) => view! { <p role="alert">"The keys could not be loaded. Try again."</p> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn KeysBody(
    list: KeyList,
    create: ServerAction<CreateKey>,
    revoke: ServerAction<RevokeKey>,
) -> impl IntoView {
    let (rejected, flash) = match list.flash {
        Some(Flash::Rejected { field, message, name, scopes }) => (Some((field, message, name, scopes)), None),
        Some(Flash::Created { name, secret }) => (
            None,
            Some(
                view! {
                    <section class="card once" role="status" aria-labelledby="once-title">
                        <h2 id="once-title">{format!("Key \u{201c}{name}\u{201d} is ready")}</h2>
                        <p>"Copy it into the other system now:"</p>
                        <p class="secret"><code data-testid="api-key-secret">{secret}</code></p>
                        <p class="hint">"This is the only time it is shown. If it is lost, revoke it and make a new one."</p>
                    </section>
                }
                .into_any(),
            ),
        ),
        Some(Flash::Revoked { name }) => (
            None,
            Some(view! { <p class="notice" role="status">{format!("Key \u{201c}{name}\u{201d} is revoked. It no longer works.")}</p> }.into_any()),
        ),
        None => (None, None),
    };
    view! {
        {flash}
        <h2>"Keys"</h2>
        {if list.keys.is_empty() {
            view! { <p>"There are no keys yet."</p> }.into_any()
        } else {
            view! { <KeyTable keys=list.keys revoke /> }.into_any()
        }}
        <CreateKeyForm rejected create />
    }
}

#[component]
fn KeyTable(keys: Vec<KeyRow>, revoke: ServerAction<RevokeKey>) -> impl IntoView {
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
                    {key.scopes.iter().map(|s| view! { <li>{scope_words(s)}</li> }).collect_view()}
                </ul>
            </td>
            <td>{key.created_at.clone()}</td>
            <td class="badges">{status}</td>
        </tr>
    }
}

#[component]
fn CreateKeyForm(
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
                        .map(|(field, code, words)| {
                            let id = format!("scope-{field}");
                            view! {
                                <div class="check-row">
                                    <input type="checkbox" id=id.clone() name=*field value="on"
                                        checked=scopes.iter().any(|s| s == code) />
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
