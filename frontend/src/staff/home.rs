//! `/staff`: what this service is, for someone signed out; the role's first page once signed in.
use leptos::prelude::*;

use super::StaffPage;
use super::api::{Role, StaffUser, current_staff};
use super::caseload::Caseload;

#[component]
pub fn StaffHome() -> impl IntoView {
    let user = Resource::new_blocking(|| (), |_| current_staff());
    view! {
        <Suspense>
            {move || Suspend::new(async move {
                match user.await {
                    Ok(Some(user)) => view! { <RoleHome user /> }.into_any(),
                    _ => view! { <Welcome /> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn RoleHome(user: StaffUser) -> impl IntoView {
    match user.role {
        Role::Advocate => view! { <Caseload user /> }.into_any(),
        Role::SocialWorker => {
            view! { <super::social_worker::children::MyChildren user /> }.into_any()
        }
        Role::Coordinator => view! { <super::coordinator::inbox::ReferralInbox user /> }.into_any(),
        Role::Admin => view! { <super::admin::StaffUsers user /> }.into_any(),
        Role::Isro => view! { <super::isro::home::MyMeetings user /> }.into_any(),
        Role::Agency => view! { <super::agency::OutcomesForMe user /> }.into_any(),
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
