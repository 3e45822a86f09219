//! Front door for advocates, social workers, ISROs, coordinators, agencies and admins.
use leptos::prelude::*;
use leptos_meta::Title;

use crate::app::use_hydrated;

#[component]
pub fn StaffHome() -> impl IntoView {
    let hydrated = use_hydrated();
    view! {
        <Title text="Staff" />
        <header class="top">
            <a class="brand" href="/">"myvoice"</a>
            <span>"Staff"</span>
        </header>
        <main id="main" class="page staff" data-hydrated=move || hydrated.get().to_string()>
            <h1>"myvoice for staff"</h1>
            <p>
                "Advocates, social workers, ISROs (CP chairs and IROs), advocacy coordinators and partner agencies "
                "use myvoice to make sure each child's views reach the meeting about them, in time and in their own words."
            </p>
            <ul>
                <li>"Advocates: your caseload, the child's views, sharing with the social worker and chair."</li>
                <li>"Social workers: request an advocate, see views shared with you."</li>
                <li>"ISROs: views received before each conference or CLA review, the meeting record and outcome."</li>
                <li>"Coordinators: the referral inbox, allocation and oversight."</li>
                <li>"Agencies: conference outcomes sent to you."</li>
            </ul>
            <p>"Integrators: the GraphQL API and GraphiQL are at " <a href="/graphql">"/graphql"</a> "."</p>
        </main>
    }
}
