//! `/staff`: what this service is, for someone signed out; the role's first page once signed in.
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use super::StaffPage;
use super::api::{Role, StaffUser};
use super::gate::{Staff, maybe_signed_in, page_data};
use super::{admin, agency, caseload, coordinator, isro, social_worker};
use crate::error::PageError;

/// Every role's first page's data, made here at the top (see `gate` for why); only the
/// signed-in role's is loaded, the others answer FORBIDDEN without asking the API.
#[derive(Clone, Copy)]
struct FirstPages {
    caseload: Resource<Result<Vec<caseload::CaseRow>, PageError>>,
    children: Resource<Result<Vec<social_worker::children::ChildRow>, PageError>>,
    inbox: Resource<Result<coordinator::inbox::Inbox, PageError>>,
    staff_users: admin::staff_users::StaffUsersData,
    meetings: Resource<Result<isro::home::MyMeetingsData, PageError>>,
    outcomes: Resource<Result<Vec<agency::Outcome>, PageError>>,
}

impl FirstPages {
    fn new(staff: Staff) -> Self {
        let location = use_location();
        Self {
            caseload: page_data(staff, Role::Advocate, || (), |_| caseload::load_caseload()),
            children: page_data(
                staff,
                Role::SocialWorker,
                || (),
                |_| social_worker::children::load_my_children(),
            ),
            inbox: coordinator::inbox::inbox_data(staff),
            staff_users: admin::staff_users::StaffUsersData::new(staff),
            meetings: page_data(staff, Role::Isro, || (), |_| isro::home::load_my_meetings()),
            // Keyed on the address: after "Acknowledge" the list reads again.
            outcomes: page_data(
                staff,
                Role::Agency,
                move || location.search.get(),
                |_| agency::load_outcomes(),
            ),
        }
    }
}

#[component]
pub fn StaffHome() -> impl IntoView {
    let staff = maybe_signed_in();
    let pages = FirstPages::new(staff);
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match staff.await {
                    Ok(Some(user)) => view! { <RoleHome user pages /> }.into_any(),
                    _ => view! { <Welcome /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RoleHome(user: StaffUser, pages: FirstPages) -> impl IntoView {
    match user.role {
        Role::Advocate => view! { <caseload::Caseload user rows=pages.caseload /> }.into_any(),
        Role::SocialWorker => {
            view! { <social_worker::children::MyChildren user children=pages.children /> }
                .into_any()
        }
        Role::Coordinator => {
            view! { <coordinator::inbox::ReferralInbox user inbox=pages.inbox /> }.into_any()
        }
        Role::Admin => view! { <admin::StaffUsers user data=pages.staff_users /> }.into_any(),
        Role::Isro => view! { <isro::home::MyMeetings user data=pages.meetings /> }.into_any(),
        Role::Agency => view! { <agency::OutcomesForMe user outcomes=pages.outcomes /> }.into_any(),
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
