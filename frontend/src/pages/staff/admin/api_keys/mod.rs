//! `/staff/api-keys`: the authority's keys for other systems (case management, reporting), making a
//! key with the scopes it needs (its secret shown once, never in an address) and revoking one.
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

use actions::{CreateKey, RevokeKey, load_keys};
use view::{CreateKeyForm, KeyTable};

/// The form's checkbox per scope (named as the server function's arguments), with what each lets
/// a system do.
const SCOPES: &[(&str, &str)] = &[
    (
        "read_meetings",
        "Read meetings: kind, time, place, status and the children linked to them",
    ),
    (
        "read_outcomes",
        "Read meeting outcomes and who they were sent to",
    ),
    ("read_referrals", "Read referrals and how complete they are"),
    (
        "write_referrals",
        "Make referrals for an advocate, as a case-management system would",
    ),
    (
        "read_oversight",
        "Read oversight measures (no child-level data)",
    ),
];

/// A key as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeyRow {
    pub id: String,
    pub name: String,
    pub prefix: String,
    /// What the key may do, in words.
    pub scopes: Vec<String>,
    /// In UK time.
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
        /// The scope boxes that were ticked, by name.
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

/// The route: admins only.
#[component]
pub fn AdminApiKeys() -> impl IntoView {
    let query = use_query_map();
    let create = ServerAction::<CreateKey>::new();
    let revoke = ServerAction::<RevokeKey>::new();
    let answered = answers([create.value(), revoke.value()]);
    let read = Resource::new_blocking(
        move || {
            (
                query.read().get("at"),
                create.version().get(),
                revoke.version().get(),
            )
        },
        |_| load_keys(),
    );
    let problem = unavailable("API keys", "The keys could not be loaded. Try again.");
    let page = move |user: StaffUser, list: KeyList| {
        view! { <ApiKeysPage user list create revoke answered /> }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn ApiKeysPage(
    user: StaffUser,
    list: KeyList,
    create: ServerAction<CreateKey>,
    revoke: ServerAction<RevokeKey>,
    answered: RwSignal<Option<Flash>>,
) -> impl IntoView {
    view! {
        <StaffPage title="API keys".to_owned() user=Some(user)>
            <h1>"API keys"</h1>
            <p class="lede">
                "Keys let another system, such as your case-management system, use the myvoice API "
                "with only the permissions you choose. The key is sent as the " <code>"X-Api-Key"</code> " header to "
                <a href="/graphql">"/graphql"</a> "."
            </p>
            {move || {
                let mut list = list.clone();
                list.flash = list.flash.or_else(|| answered.get());
                view! { <KeysBody list create revoke /> }.into_any()
            }}
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
