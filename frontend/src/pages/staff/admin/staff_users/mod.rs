//! `/staff` for an admin: the authority's staff accounts with role and status, inviting someone
//! (their link to choose a password shown once, never in an address), and deactivating an account after
//! a confirmation step that works without JavaScript.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::answers;

mod actions;
mod forms;
// Its types cross to the browser; its operations run on the server only.
#[cfg_attr(not(feature = "ssr"), allow(dead_code))]
mod ops;

use actions::{DeactivateStaff, InviteStaff, NewPasswordLink};
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

/// The invite form as typed, with what was wrong with it (`field`: the input to point at).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Typed {
    pub field: String,
    pub message: String,
    pub name: String,
    pub email: String,
    pub role: String,
    pub agency: String,
}

/// What the last form left for this page (see `once`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Invited {
        name: String,
        email: String,
        url: String,
        expires: String,
    },
    InviteRejected(Typed),
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
    /// (id, name) of the authority's partner agencies, for inviting their staff.
    pub agencies: Vec<(String, String)>,
    pub total: u64,
    pub next: Option<String>,
    pub flash: Option<Flash>,
}

/// The list's forms and, with JavaScript, their answers: made at the top of `/staff` (see
/// `gate`), so they outlast the page reading again after each answer.
#[derive(Clone, Copy)]
pub struct StaffForms {
    invite: ServerAction<InviteStaff>,
    deactivate: ServerAction<DeactivateStaff>,
    link: ServerAction<NewPasswordLink>,
    answered: RwSignal<Option<Flash>>,
}

impl StaffForms {
    /// Made once, at the top of the route.
    pub fn for_route() -> Self {
        let query = use_query_map();
        let invite = ServerAction::<InviteStaff>::new();
        let deactivate = ServerAction::<DeactivateStaff>::new();
        let link = ServerAction::<NewPasswordLink>::new();
        let answered = answers([invite.value(), deactivate.value(), link.value()]);
        // Shown once: asking to deactivate someone puts the last answer away.
        Effect::new(move |_| {
            if query.read().get("confirm").is_some() {
                answered.set(None);
            }
        });
        Self {
            invite,
            deactivate,
            link,
            answered,
        }
    }

    /// Whenever one of the forms was answered (the list is read again).
    pub fn versions(&self) -> (usize, usize, usize) {
        (
            self.invite.version().get(),
            self.deactivate.version().get(),
            self.link.version().get(),
        )
    }
}

/// The staff list and who is signed in, in one read.
#[cfg(feature = "ssr")]
pub async fn read(
    after: Option<String>,
) -> Result<crate::pages::staff::api::StaffRead<StaffList>, crate::error::PageError> {
    use crate::pages::staff::api::server::page;
    let after = after.filter(|a| !a.is_empty());
    let read = page::<ops::StaffList>(Role::Admin, ops::staff_list::Variables { after }).await?;
    Ok(read.map(|data| {
        let list = data.staff_users;
        StaffList {
            agencies: data
                .agencies
                .nodes
                .into_iter()
                .map(|a| (a.id, a.name))
                .collect(),
            rows: list.nodes,
            total: u64::try_from(list.total_count).unwrap_or_default(),
            next: list
                .page_info
                .has_next_page
                .then_some(list.page_info.end_cursor)
                .flatten(),
            flash: crate::pages::staff::once::take(),
        }
    }))
}

#[component]
pub fn StaffUsers(user: StaffUser, list: StaffList, forms: StaffForms) -> impl IntoView {
    let StaffForms {
        invite,
        deactivate,
        link,
        answered,
    } = forms;
    let query = use_query_map();
    let me = user.name.clone();
    view! {
        <StaffPage title="Staff users".to_owned() user=Some(user)>
            <h1>"Staff users"</h1>
            {move || {
                let confirm = query.read().get("confirm");
                let mut list = list.clone();
                list.flash = list.flash.or_else(|| answered.get());
                view! { <StaffBody list confirm me=me.clone() invite deactivate link /> }.into_any()
            }}
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
        Some(Flash::InviteRejected(typed)) => Some(typed.clone()),
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
        Flash::InviteRejected(_) => None,
    });
    view! {
        {flash}
        {to_confirm.map(|row| view! { <ConfirmDeactivate row deactivate /> })}
        <StaffTable rows=list.rows.clone() me link />
        <p class="hint">{format!("{} accounts in all.", list.total)}</p>
        {list.next.map(|cursor| view! {
            <p><a href=format!("/staff?after={cursor}")>"Next page of staff"</a></p>
        })}
        <InviteForm rejected agencies=list.agencies.clone() invite />
    }
}
