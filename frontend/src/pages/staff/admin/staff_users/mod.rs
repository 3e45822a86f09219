//! `/staff` for an admin: the authority's staff accounts with role and status, inviting someone
//! (their link to choose a password shown once, never in an address), and deactivating an account after
//! a confirmation step that works without JavaScript.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{Staff, page_data};

mod actions;
mod forms;
// Its types cross to the browser; its operations run on the server only.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
mod ops;

use actions::{DeactivateStaff, InviteStaff, NewPasswordLink, load_staff};
use forms::{ConfirmDeactivate, InviteForm, StaffTable};

/// Every role, with the words an admin uses for it.
const ROLES: [(Role, &str); 6] = [
    (Role::Advocate, "Advocate"),
    (Role::SocialWorker, "Social worker"),
    (Role::Isro, "ISRO (CP chair / IRO)"),
    (Role::Coordinator, "Advocacy coordinator"),
    (Role::Agency, "Partner agency"),
    (Role::Admin, "Administrator"),
];

fn role_words(role: Role) -> &'static str {
    ROLES
        .iter()
        .find(|(r, _)| *r == role)
        .map_or("Unknown role", |(_, words)| words)
}

/// The role as the form posts it and the API spells it, e.g. `SOCIAL_WORKER`.
fn role_code(role: Role) -> String {
    serde_json::to_value(role)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// A staff account as the list shows it.
pub type StaffRow = ops::staff_list::StaffRow;

/// What the last form left for this page (see `once`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Invited {
        name: String,
        email: String,
        url: String,
        expires: String,
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
    PasswordLink {
        name: String,
        email: String,
        url: String,
        expires: String,
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

/// The staff list and its two forms, for an admin (made at the top of `/staff`: see `gate`).
#[derive(Clone, Copy)]
pub struct StaffUsersData {
    invite: ServerAction<InviteStaff>,
    deactivate: ServerAction<DeactivateStaff>,
    link: ServerAction<NewPasswordLink>,
    list: Resource<Result<StaffList, PageError>>,
}

impl StaffUsersData {
    pub fn new(staff: Staff) -> Self {
        let query = use_query_map();
        let invite = ServerAction::<InviteStaff>::new();
        let deactivate = ServerAction::<DeactivateStaff>::new();
        let link = ServerAction::<NewPasswordLink>::new();
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
                    link.version().get(),
                )
            },
            |(after, ..)| load_staff(after),
        );
        Self {
            invite,
            deactivate,
            link,
            list,
        }
    }
}

#[component]
pub fn StaffUsers(user: StaffUser, data: StaffUsersData) -> impl IntoView {
    let StaffUsersData {
        invite,
        deactivate,
        link,
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
    Effect::new(move |_| {
        if let Some(Ok(Some(flash))) = link.value().get() {
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
                                view! { <StaffBody list confirm me invite deactivate link /> }.into_any()
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
    link: ServerAction<NewPasswordLink>,
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
            url,
            expires,
        } => Some(
            view! {
                <section class="card once" role="status" aria-labelledby="once-title">
                    <h2 id="once-title">{format!("{name} has been added: send them this link")}</h2>
                    <p>"Copy this link and send it to " <strong>{email}</strong> " only. With it they choose their password:"</p>
                    <p class="secret"><code data-testid="password-link">{url}</code></p>
                    <p class="hint">
                        {format!("It works once, until {expires}. This is the only time it is shown; ")}
                        "if it is lost, make a new one with \"New set-password link\" below."
                    </p>
                </section>
            }
            .into_any(),
        ),
        Flash::PasswordLink {
            name,
            email,
            url,
            expires,
        } => Some(
            view! {
                <section class="card once" role="status" aria-labelledby="once-title">
                    <h2 id="once-title">{format!("A new link for {name} to set their password")}</h2>
                    <p>"Copy this link and send it to " <strong>{email}</strong> " only:"</p>
                    <p class="secret"><code data-testid="password-link">{url}</code></p>
                    <p class="hint">
                        {format!("It works once, until {expires}. Any earlier link for {name} has stopped working; ")}
                        "their password stays as it is until they use the link. This is the only time it is shown."
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
        <StaffTable rows=list.rows.clone() me link />
        <p class="hint">{format!("{} accounts in all.", list.total)}</p>
        {list.next.map(|cursor| view! {
            <p><a href=format!("/staff?after={cursor}")>"Next page of staff"</a></p>
        })}
        <InviteForm rejected invite />
    }
}
