//! `/staff/agencies`: the authority's partner agencies (police, health, school…), adding one and
//! changing one (`?edit=<id>` opens its form, so it works without JavaScript). Their staff are then
//! invited on the staff page with the role "Partner agency".
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, answers, unavailable};

mod actions;
mod form;
#[cfg(feature = "ssr")]
mod ops;

use actions::{SaveAgency, load_agencies};
use form::{AgencyForm, AgencyTable, Typed};

/// Every kind of agency, as the API spells it and as staff say it.
pub const KINDS: [(&str, &str); 7] = [
    ("POLICE", "Police"),
    ("HEALTH", "Health (health visitor, school nurse, hospital)"),
    ("EDUCATION", "School, nursery or college"),
    ("GP", "GP practice"),
    ("HOUSING", "Housing"),
    ("PROBATION", "Probation"),
    ("OTHER", "Other"),
];

pub fn kind_words(code: &str) -> &'static str {
    KINDS
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Other", |(_, words)| words)
}

/// An agency as the list shows it; `kind` as the API spells it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyRow {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub contact_email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Saved {
        name: String,
    },
    Rejected {
        /// The agency being changed; None when adding one.
        id: Option<String>,
        field: String,
        message: String,
        name: String,
        kind: String,
        contact_email: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AgencyList {
    pub agencies: Vec<AgencyRow>,
    pub flash: Option<Flash>,
}

/// The route: admins only.
#[component]
pub fn AdminAgencies() -> impl IntoView {
    let query = use_query_map();
    let save = ServerAction::<SaveAgency>::new();
    let answered = answers([save.value()]);
    let read = Resource::new_blocking(
        move || {
            let q = query.read();
            (q.get("at"), q.get("edit"), save.version().get())
        },
        |_| load_agencies(),
    );
    let problem = unavailable("Agencies", "The agencies could not be loaded. Try again.");
    let page = move |user: StaffUser, list: AgencyList| {
        view! { <AgenciesPage user list save answered /> }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn AgenciesPage(
    user: StaffUser,
    list: AgencyList,
    save: ServerAction<SaveAgency>,
    answered: RwSignal<Option<Flash>>,
) -> impl IntoView {
    let query = use_query_map();
    view! {
        <StaffPage title="Agencies".to_owned() user=Some(user)>
            <h1>"Partner agencies"</h1>
            <p class="lede">
                "The agencies invited to meetings and sent conference outcomes. Invite their staff on the "
                <a href="/staff">"staff page"</a> " with the role \u{201c}Partner agency\u{201d}."
            </p>
            {move || {
                let edit = query.read().get("edit");
                let mut list = list.clone();
                list.flash = list.flash.or_else(|| answered.get());
                view! { <AgenciesBody list edit save /> }.into_any()
            }}
        </StaffPage>
    }
}

#[component]
fn AgenciesBody(
    list: AgencyList,
    edit: Option<String>,
    save: ServerAction<SaveAgency>,
) -> impl IntoView {
    let (typed, notice) = match list.flash {
        Some(Flash::Rejected {
            id,
            field,
            message,
            name,
            kind,
            contact_email,
        }) => (
            Some(Typed {
                id,
                field,
                message,
                name,
                kind,
                contact_email,
            }),
            None,
        ),
        Some(Flash::Saved { name }) => (
            None,
            Some(view! { <p class="notice" role="status">{format!("{name} is saved.")}</p> }),
        ),
        None => (None, None),
    };
    // The form: what was typed when it was refused; else the agency being changed; else empty.
    let editing = edit.and_then(|id| list.agencies.iter().find(|a| a.id == id).cloned());
    let typed = typed.or_else(|| {
        editing.map(|a| Typed {
            id: Some(a.id),
            field: String::new(),
            message: String::new(),
            name: a.name,
            kind: a.kind,
            contact_email: a.contact_email,
        })
    });
    view! {
        {notice}
        {if list.agencies.is_empty() {
            view! { <p>"There are no agencies yet."</p> }.into_any()
        } else {
            view! { <AgencyTable agencies=list.agencies /> }.into_any()
        }}
        <AgencyForm typed save />
    }
}
