//! The frame of every staff page: who is signed in, the role's pages, sign out.
use leptos::prelude::*;
use leptos_meta::Title;

use super::api::{Role, StaffUser};
use crate::components::{Bundle, IslandLoader};
use crate::error::PageError;

#[leptos::server(prefix = "/api/staff", endpoint = "sign-out")]
pub async fn staff_sign_out() -> Result<(), PageError> {
    super::api::server::sign_out().await;
    leptos_axum::redirect("/staff/sign-in?why=signed-out");
    Ok(())
}

/// The pages each role works in, in the order they use them.
fn links(role: Role) -> &'static [(&'static str, &'static str)] {
    match role {
        Role::Advocate => &[("/staff", "My caseload")],
        Role::SocialWorker => &[
            ("/staff", "My children"),
            ("/staff/referrals/new", "Request an advocate"),
            ("/staff/shared-views", "Views shared with me"),
        ],
        Role::Isro => &[("/staff", "My meetings")],
        Role::Coordinator => &[
            ("/staff", "Referral inbox"),
            ("/staff/oversight", "Oversight"),
        ],
        Role::Agency => &[("/staff", "Outcomes sent to me")],
        Role::Admin => &[
            ("/staff", "Staff users"),
            ("/staff/import", "Import from files"),
            ("/staff/agencies", "Agencies"),
            ("/staff/api-keys", "API keys"),
            ("/staff/notifications", "Notifications"),
            ("/staff/audit", "Audit log"),
            ("/staff/admin/children", "Children: holds and erasure"),
            ("/staff/admin/retention", "How long records are kept"),
        ],
    }
}

#[component]
pub fn StaffPage(title: String, user: Option<StaffUser>, children: Children) -> impl IntoView {
    let sign_out = ServerAction::<StaffSignOut>::new();
    let nav = user.clone().map(|user| {
        view! {
            <nav aria-label="Staff pages" class="staff-nav">
                <ul>
                    {links(user.role)
                        .iter()
                        .map(|(href, label)| view! { <li><a href=*href>{*label}</a></li> })
                        .collect_view()}
                </ul>
            </nav>
            <div class="who">
                <span>{user.name.clone()} " · " {user.role.title()}</span>
                <ActionForm action=sign_out attr:class="inline">
                    <button type="submit" class="link-button">"Sign out"</button>
                </ActionForm>
            </div>
        }
    });
    view! {
        <Title text=title />
        <a class="skip" href="#main">"Skip to main content"</a>
        <header class="top staff-top">
            <a class="brand" href="/staff">"myvoice"</a>
            {nav}
        </header>
        <main id="main" class="page staff" data-hydrated="false">
            {children()}
        </main>
        <IslandLoader bundle=Bundle::Staff />
    }
}
