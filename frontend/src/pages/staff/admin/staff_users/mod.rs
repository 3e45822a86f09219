//! `/staff` for an admin: the authority's staff accounts with role and status, inviting someone
//! (their temporary password shown once, never in an address), and deactivating an account after
//! a confirmation step that works without JavaScript.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{Staff, page_data};

/// Roles as the API names them, with the words staff use.
pub const ROLES: &[(&str, &str)] = &[
    ("ADVOCATE", "Advocate"),
    ("SOCIAL_WORKER", "Social worker"),
    ("ISRO", "ISRO (CP chair / IRO)"),
    ("COORDINATOR", "Advocacy coordinator"),
    ("AGENCY", "Partner agency"),
    ("ADMIN", "Administrator"),
];

pub fn role_words(code: &str) -> &'static str {
    ROLES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Unknown role", |(_, words)| words)
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub active: bool,
}

/// What the last form left for this page (see `once`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Invited {
        name: String,
        email: String,
        password: String,
    },
    InviteRejected {
        field: String,
        message: String,
        name: String,
        email: String,
        role: String,
    },
    Deactivated {
        name: String,
    },
    Refused {
        message: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaffList {
    pub rows: Vec<StaffRow>,
    pub total: u64,
    pub next: Option<String>,
    pub flash: Option<Flash>,
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-staff")]
pub async fn load_staff(after: Option<String>) -> Result<StaffList, PageError> {
    use crate::gql::untyped::Connection;

    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "staffUsers")]
        list: Listed,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Listed {
        total_count: u64,
        page_info: PageInfo,
        #[serde(flatten)]
        connection: Connection<StaffRow>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct PageInfo {
        has_next_page: bool,
        end_cursor: Option<String>,
    }
    let data: Data = crate::pages::staff::api::server::run(
        "query($after: String) { staffUsers(first: 50, after: $after) { totalCount
            pageInfo { hasNextPage endCursor } edges { node { id name email role active } } } }",
        serde_json::json!({ "after": after.filter(|a| !a.is_empty()) }),
    )
    .await?;
    Ok(StaffList {
        rows: data
            .list
            .connection
            .edges
            .into_iter()
            .map(|e| e.node)
            .collect(),
        total: data.list.total_count,
        next: data
            .list
            .page_info
            .has_next_page
            .then_some(data.list.page_info.end_cursor)
            .flatten(),
        flash: crate::pages::staff::once::take(),
    })
}

/// A unique address each time, so the page reloads its list after every change.
#[cfg(feature = "ssr")]
fn back(done: &str) -> String {
    format!(
        "/staff?done={done}&at={}",
        chrono::Utc::now().timestamp_millis()
    )
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-invite")]
pub async fn invite_staff(
    name: String,
    email: String,
    role: String,
) -> Result<Option<Flash>, PageError> {
    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "inviteStaff")]
        invited: Invited,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Invited {
        temporary_password: String,
        staff: StaffRow,
    }
    let rejected = |field: String, message: String| Flash::InviteRejected {
        field,
        message,
        name: name.clone(),
        email: email.clone(),
        role: role.clone(),
    };
    if !ROLES.iter().any(|(code, _)| *code == role) {
        let flash = rejected("role".into(), "Choose the role they will have.".into());
        return Ok(crate::pages::staff::once::answer(
            flash,
            &back("check"),
            false,
        ));
    }
    let answer: Result<Data, _> = crate::pages::staff::api::server::run(
        "mutation($i: InviteStaffInput!) { inviteStaff(input: $i) {
            temporaryPassword staff { id name email role active } } }",
        serde_json::json!({ "i": { "name": name, "email": email, "role": role } }),
    )
    .await;
    let (flash, done) = match answer {
        Ok(data) => (
            Flash::Invited {
                name: data.invited.staff.name,
                email: data.invited.staff.email,
                password: data.invited.temporary_password,
            },
            "invited",
        ),
        Err(error) => match super::field_error(&error) {
            Some((field, message)) => (rejected(field, message), "check"),
            None => return Err(error),
        },
    };
    Ok(crate::pages::staff::once::answer(flash, &back(done), false))
}

#[leptos::server(prefix = "/api/staff", endpoint = "admin-deactivate")]
pub async fn deactivate_staff(id: String) -> Result<Option<Flash>, PageError> {
    #[derive(Deserialize)]
    struct Data {
        #[serde(rename = "deactivateStaff")]
        done: Done,
    }
    #[derive(Deserialize)]
    struct Done {
        name: String,
    }
    let answer: Result<Data, _> = crate::pages::staff::api::server::run(
        "mutation($id: ID!) { deactivateStaff(id: $id) { name } }",
        serde_json::json!({ "id": id }),
    )
    .await;
    let (flash, done) = match answer {
        Ok(data) => (
            Flash::Deactivated {
                name: data.done.name,
            },
            "deactivated",
        ),
        Err(error) => match super::field_error(&error) {
            Some((_, message)) => (Flash::Refused { message }, "refused"),
            None if error.code() == crate::error::ErrorCode::NotFound => (
                Flash::Refused {
                    message: "That account was not found.".into(),
                },
                "refused",
            ),
            None => return Err(error),
        },
    };
    // Either way the confirmation is over: back to the list.
    Ok(crate::pages::staff::once::answer(flash, &back(done), true))
}

/// The staff list and its two forms, for an admin (made at the top of `/staff`: see `gate`).
#[derive(Clone, Copy)]
pub struct StaffUsersData {
    invite: ServerAction<InviteStaff>,
    deactivate: ServerAction<DeactivateStaff>,
    list: Resource<Result<StaffList, PageError>>,
}

impl StaffUsersData {
    pub fn new(staff: Staff) -> Self {
        let query = use_query_map();
        let invite = ServerAction::<InviteStaff>::new();
        let deactivate = ServerAction::<DeactivateStaff>::new();
        let list = page_data(
            staff,
            Role::Admin,
            move || {
                let q = query.read();
                (
                    q.get("after"),
                    q.get("at"),
                    invite.version().get(),
                    deactivate.version().get(),
                )
            },
            |(after, ..)| load_staff(after),
        );
        Self {
            invite,
            deactivate,
            list,
        }
    }
}

#[component]
pub fn StaffUsers(user: StaffUser, data: StaffUsersData) -> impl IntoView {
    let StaffUsersData {
        invite,
        deactivate,
        list,
    } = data;
    let query = use_query_map();
    // With JavaScript, the forms' answers arrive here rather than through the next page.
    let answered = RwSignal::new(None::<Flash>);
    Effect::new(move |_| {
        if let Some(Ok(Some(flash))) = invite.value().get() {
            answered.set(Some(flash));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(Some(flash))) = deactivate.value().get() {
            answered.set(Some(flash));
        }
    });
    // Shown once: asking to deactivate someone puts the last answer away.
    Effect::new(move |_| {
        if query.read().get("confirm").is_some() {
            answered.set(None);
        }
    });
    let me = user.name.clone();
    view! {
        <StaffPage title="Staff users".to_owned() user=Some(user)>
            <h1>"Staff users"</h1>
            <Suspense>
                {move || {
                    let me = me.clone();
                    Suspend::new(async move {
                        let confirm = query.read().get("confirm");
                        match list.await {
                            Ok(mut list) => {
                                list.flash = list.flash.or_else(|| answered.get());
                                view! { <StaffBody list confirm me invite deactivate /> }.into_any()
                            }
                            Err(_) => view! { <p role="alert">"The staff list could not be loaded. Try again."</p> }.into_any(),
                        }
                    })
                }}
            </Suspense>
        </StaffPage>
    }
}

#[component]
fn StaffBody(
    list: StaffList,
    confirm: Option<String>,
    me: String,
    invite: ServerAction<InviteStaff>,
    deactivate: ServerAction<DeactivateStaff>,
) -> impl IntoView {
    let to_confirm =
        confirm.and_then(|id| list.rows.iter().find(|r| r.id == id && r.active).cloned());
    let rejected = match &list.flash {
        Some(Flash::InviteRejected {
            field,
            message,
            name,
            email,
            role,
        }) => Some((
            field.clone(),
            message.clone(),
            name.clone(),
            email.clone(),
            role.clone(),
        )),
        _ => None,
    };
    let flash = list.flash.clone().and_then(|flash| match flash {
        Flash::Invited {
            name,
            email,
            password,
        } => Some(
            view! {
                <section class="card once" role="status" aria-labelledby="once-title">
                    <h2 id="once-title">{format!("{name} can now sign in")}</h2>
                    <p>"Their e-mail address: " <strong>{email}</strong></p>
                    <p>"Their temporary password:"</p>
                    <p class="secret"><code data-testid="temporary-password">{password}</code></p>
                    <p class="hint">
                        "This is the only time it is shown. Give it to them in person or by phone, "
                        "never in the same e-mail as their address."
                    </p>
                </section>
            }
            .into_any(),
        ),
        Flash::Deactivated { name } => Some(
            view! { <p class="notice" role="status">{format!("{name}'s account is deactivated. They can no longer sign in.")}</p> }
                .into_any(),
        ),
        Flash::Refused { message } => Some(
            view! { <div class="error-summary" role="alert"><h2>"Not done"</h2><p>{message}</p></div> }.into_any(),
        ),
        Flash::InviteRejected { .. } => None,
    });
    view! {
        {flash}
        {to_confirm.map(|row| view! { <ConfirmDeactivate row deactivate /> })}
        <StaffTable rows=list.rows.clone() me />
        <p class="hint">{format!("{} accounts in all.", list.total)}</p>
        {list.next.map(|cursor| view! {
            <p><a href=format!("/staff?after={cursor}")>"Next page of staff"</a></p>
        })}
        <InviteForm rejected invite />
    }
}

#[component]
fn StaffTable(rows: Vec<StaffRow>, me: String) -> impl IntoView {
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
                        let yourself = row.name == me && row.role == "ADMIN";
                        let action = (row.active && !yourself).then(|| {
                            view! {
                                <a class="button small" href=format!("/staff?confirm={}", row.id)>
                                    "Deactivate" <span class="visually-hidden">" " {row.name.clone()}</span>
                                </a>
                            }
                        });
                        view! {
                            <tr class:inactive=!row.active>
                                <th scope="row">{row.name.clone()}</th>
                                <td>{row.email.clone()}</td>
                                <td>{role_words(&row.role)}</td>
                                <td>
                                    {if row.active {
                                        view! { <span class="badge active">"Active"</span> }.into_any()
                                    } else {
                                        view! { <span class="badge deactivated">"Deactivated"</span> }.into_any()
                                    }}
                                </td>
                                <td>{action}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn ConfirmDeactivate(row: StaffRow, deactivate: ServerAction<DeactivateStaff>) -> impl IntoView {
    view! {
        <section class="card confirm" aria-labelledby="confirm-title">
            <h2 id="confirm-title">{format!("Deactivate {}?", row.name)}</h2>
            <p>
                {format!("{} ({}) will not be able to sign in again, and any session they have open ends within 15 minutes. ", row.name, role_words(&row.role))}
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
fn InviteForm(
    rejected: Option<(String, String, String, String, String)>,
    invite: ServerAction<InviteStaff>,
) -> impl IntoView {
    let (field, message, name, email, role) = rejected.unwrap_or_default();
    let has_error = !message.is_empty();
    let target = if ["name", "email", "role"].contains(&field.as_str()) {
        field.clone()
    } else {
        "email".to_owned()
    };
    let error_for = move |f: &str| (has_error && target == f).then(|| message.clone());
    let (name_error, email_error, role_error) =
        (error_for("name"), error_for("email"), error_for("role"));
    let summary = [
        ("name", &name_error),
        ("email", &email_error),
        ("role", &role_error),
    ]
    .into_iter()
    .filter_map(|(f, e)| e.clone().map(|e| (f, e)))
    .collect::<Vec<_>>();
    let invalid = |e: &Option<String>| e.is_some().to_string();
    view! {
        <section class="invite" aria-labelledby="invite-title">
            <h2 id="invite-title">"Invite a member of staff"</h2>
            <p class="hint">
                "They get a temporary password, shown here once. They sign in at "
                <a href="/staff/sign-in">"staff sign-in"</a> " with their e-mail address and that password."
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
                            .map(|(code, words)| view! { <option value=*code selected=role == *code>{*words}</option> })
                            .collect_view()}
                    </select>
                </div>
                <button type="submit" class="button primary">"Invite"</button>
            </ActionForm>
        </section>
    }
}
