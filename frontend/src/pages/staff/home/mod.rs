//! `/staff`: what this service is, for someone signed out; the role's first page once signed in,
//! read with one operation: the role the session names chooses the page's operation, and is
//! checked again on its answer (`api::server::page`).
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};
use serde::{Deserialize, Serialize};

use super::StaffPage;
use super::api::{StaffRead, StaffUser};
use super::gate::unavailable;
use super::{admin, agency, caseload, coordinator, isro, social_worker};
use crate::error::PageError;

/// The signed-in role's first page, as its read gives it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FirstPage {
    Caseload(Vec<caseload::CaseRow>),
    Children(Vec<social_worker::children::ChildRow>),
    Inbox(coordinator::inbox::Inbox),
    StaffUsers(admin::staff_users::StaffList),
    Meetings(isro::home::MyMeetingsData),
    Outcomes(Vec<agency::Outcome>),
}

/// Who is signed in and their role's first page, in one read; `None` when signed out. The address
/// asks the inbox for `status` and `complete`, and the staff list for the page `after`.
#[leptos::server(prefix = "/api/staff", endpoint = "home")]
pub async fn load_home(
    status: Option<String>,
    complete: Option<String>,
    after: Option<String>,
) -> Result<Option<StaffRead<FirstPage>>, PageError> {
    use super::api::{Role, server::session_role};
    let read = match session_role() {
        None => return Ok(None),
        Some(Role::Advocate) => caseload::read().await?.map(FirstPage::Caseload),
        Some(Role::SocialWorker) => social_worker::children::read()
            .await?
            .map(FirstPage::Children),
        Some(Role::Coordinator) => coordinator::inbox::read(status, complete)
            .await?
            .map(FirstPage::Inbox),
        Some(Role::Admin) => admin::staff_users::read(after)
            .await?
            .map(FirstPage::StaffUsers),
        Some(Role::Isro) => isro::home::read().await?.map(FirstPage::Meetings),
        Some(Role::Agency) => agency::read().await?.map(FirstPage::Outcomes),
    };
    Ok(Some(read))
}

#[component]
pub fn StaffHome() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    // Made here, at the top (see `gate`), whatever the role: the admin's forms.
    let staff_forms = admin::staff_users::StaffForms::for_route();
    // Keyed on the address (after "Acknowledge", a filter, a page of staff) and on the admin's
    // forms, so the page reads again after each.
    let read = Resource::new_blocking(
        move || (location.search.get(), staff_forms.versions()),
        move |_| {
            let (status, complete, after) =
                query.with_untracked(|q| (q.get("status"), q.get("complete"), q.get("after")));
            load_home(status, complete, after)
        },
    );
    let problem = unavailable(
        "Your first page",
        "Your first page could not be loaded. Try again.",
    );
    view! {
        <Suspense>
            {move || {
                let problem = problem.clone();
                Suspend::new(async move {
                    match read.await {
                        Ok(Some(StaffRead::Page(user, first))) => {
                            view! { <RoleHome user first staff_forms /> }.into_any()
                        }
                        Ok(None) | Err(PageError::SignedOut) => view! { <Welcome /> }.into_any(),
                        // Another role than the session named: nothing to show but the way in.
                        Ok(Some(StaffRead::NotYours(_))) => view! { <Welcome /> }.into_any(),
                        Err(error) => problem(error),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn RoleHome(
    user: StaffUser,
    first: FirstPage,
    staff_forms: admin::staff_users::StaffForms,
) -> impl IntoView {
    match first {
        FirstPage::Caseload(rows) => view! { <caseload::Caseload user rows /> }.into_any(),
        FirstPage::Children(children) => {
            view! { <social_worker::children::MyChildren user children /> }.into_any()
        }
        FirstPage::Inbox(inbox) => {
            view! { <coordinator::inbox::ReferralInbox user inbox /> }.into_any()
        }
        FirstPage::StaffUsers(list) => {
            view! { <admin::StaffUsers user list forms=staff_forms /> }.into_any()
        }
        FirstPage::Meetings(data) => view! { <isro::home::MyMeetings user data /> }.into_any(),
        FirstPage::Outcomes(outcomes) => {
            view! { <agency::OutcomesForMe user outcomes /> }.into_any()
        }
    }
}

#[component]
fn Welcome() -> impl IntoView {
    view! {
        <StaffPage title="Staff".to_owned() user=None>
            <h1>"myvoice for staff"</h1>
            <p>
                "Advocates, social workers, ISROs (CP chairs and IROs), advocacy coordinators and partner agencies "
                "use myvoice to make sure each child's views reach the meeting about them, in time and in their own words."
            </p>
            <p><a class="button primary" href="/staff/sign-in">"Sign in"</a></p>
            <ul>
                <li>"Advocates: your caseload, the child's views, sharing with the social worker and chair."</li>
                <li>"Social workers: request an advocate, see views shared with you."</li>
                <li>"ISROs: views received before each conference or CLA review, the meeting record and outcome."</li>
                <li>"Coordinators: the referral inbox, allocation and oversight."</li>
                <li>"Agencies: conference outcomes sent to you."</li>
            </ul>
            <p>"Integrators: the GraphQL API and GraphiQL are at " <a href="/graphql">"/graphql"</a> "."</p>
        </StaffPage>
    }
}
