//! `/staff/notifications`: who is told what without signing in. The authority's duty contacts (for
//! urgent help nobody picked up), its webhook endpoints (the signing secret shown once), and what
//! was sent lately by e-mail and webhook, with how each delivery went.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, answers, unavailable};

mod actions;
#[cfg(feature = "ssr")]
mod ops;
mod view;

use actions::{AddContact, AddHook, RemoveContact, RemoveHook, load_notices};
use view::{ContactsSection, HooksSection, SentTable};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub id: String,
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hook {
    pub id: String,
    pub url: String,
    pub added: String,
}

/// One notice as the log shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub when: String,
    pub what: String,
    pub by_email: bool,
    pub to: String,
    pub status: String,
    pub attempts: i64,
    pub error: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    /// A form was refused: which one, the field, why, and what was typed.
    Rejected {
        form: String,
        field: String,
        message: String,
        typed: Vec<String>,
    },
    HookAdded {
        url: String,
        secret: String,
    },
    Done(String),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NoticesPage {
    pub contacts: Vec<Contact>,
    pub hooks: Vec<Hook>,
    pub sent: Vec<Sent>,
    pub total_sent: i64,
    pub flash: Option<Flash>,
}

/// The forms of the page, so each part can be posted with or without JavaScript.
#[derive(Clone, Copy)]
pub struct Forms {
    pub add_contact: ServerAction<AddContact>,
    pub remove_contact: ServerAction<RemoveContact>,
    pub add_hook: ServerAction<AddHook>,
    pub remove_hook: ServerAction<RemoveHook>,
}

/// The route: admins only.
#[component]
pub fn AdminNotices() -> impl IntoView {
    let query = use_query_map();
    let forms = Forms {
        add_contact: ServerAction::new(),
        remove_contact: ServerAction::new(),
        add_hook: ServerAction::new(),
        remove_hook: ServerAction::new(),
    };
    let answered = answers([
        forms.add_contact.value(),
        forms.remove_contact.value(),
        forms.add_hook.value(),
        forms.remove_hook.value(),
    ]);
    let read = Resource::new_blocking(
        move || {
            (
                query.read().get("at"),
                forms.add_contact.version().get(),
                forms.remove_contact.version().get(),
                forms.add_hook.version().get(),
                forms.remove_hook.version().get(),
            )
        },
        |_| load_notices(),
    );
    let problem = unavailable(
        "Notifications",
        "Notifications could not be loaded. Try again.",
    );
    let page = move |user: StaffUser, data: NoticesPage| {
        view! { <Notices user forms data answered /> }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn Notices(
    user: StaffUser,
    forms: Forms,
    data: NoticesPage,
    answered: RwSignal<Option<Flash>>,
) -> impl IntoView {
    view! {
        <StaffPage title="Notifications".to_owned() user=Some(user)>
            <h1>"Notifications"</h1>
            <p class="lede">
                "myvoice tells people by e-mail when something needs them, so nobody has to sign in "
                "to find out. E-mails never hold a child's name or words: only a link to sign in and look."
            </p>
            {move || {
                let mut page = data.clone();
                page.flash = page.flash.or_else(|| answered.get());
                view! {
                    <ContactsSection page=page.clone() forms />
                    <HooksSection page=page.clone() forms />
                    <SentTable sent=page.sent total=page.total_sent />
                }
                .into_any()
            }}
        </StaffPage>
    }
}
