//! `/staff/import`: an admin loads the authority's staff, children and meetings from CSV files
//! exported from the case-management system. One plain multipart form (it works without
//! JavaScript) with three files: "Check the files" is a dry run the API keeps for a day, shown at
//! `/staff/import?check=…` with every bad row in a table and nothing written; once a check has no
//! problem, "Import these files" imports exactly what was checked. The API's `importRecords` does
//! the work; this page only shows its answers.
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use serde::{Deserialize, Serialize};

use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, unavailable};

mod actions;
// Its operations run on the server only.
#[cfg(feature = "ssr")]
mod ops;
mod view;

use actions::load_import;
use view::{ImportForm, ReportView};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub rows: i64,
    pub created: i64,
    pub updated: i64,
    pub unchanged: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub file: String,
    pub line: Option<i64>,
    pub column: Option<String>,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewLink {
    pub name: String,
    pub email: String,
    pub path: String,
}

/// What the last upload found, for the next page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Report {
        dry_run: bool,
        imported: bool,
        /// Staff, children, meetings.
        counts: [Counts; 3],
        problems: Vec<Problem>,
        /// All the problems, when more than `problems` holds.
        problem_count: usize,
        /// A dry run kept by the API: "Import these files" imports it.
        check_id: Option<String>,
        links: Vec<NewLink>,
        /// New staff whose links did not fit in the answer (made on the Staff users page).
        links_left_out: usize,
    },
    Refused {
        message: String,
    },
}

/// The route: admins only.
#[component]
pub fn AdminImport() -> impl IntoView {
    let query = use_query_map();
    // A new address after each answer (`?at=…`, `?check=…`), so it is read again. Who is signed in
    // comes with the check: one read per page load.
    let read = Resource::new_blocking(
        move || query.with(|q| (q.get("at"), q.get("check"))),
        |(_, check)| load_import(check),
    );
    let problem = unavailable(
        "Import from files",
        "The page could not be loaded. Try again.",
    );
    let page = |user: StaffUser, flash: Option<Flash>| view! { <ImportPage user flash /> };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn ImportPage(user: StaffUser, flash: Option<Flash>) -> impl IntoView {
    view! {
        <StaffPage title="Import from files".to_owned() user=Some(user)>
            <h1>"Import from files"</h1>
            <p class="lede">
                "Load your staff, children and meetings from CSV files exported from your case-management system. "
                "Check the files first: every row with a problem is listed, and nothing is written. "
                "Importing the same files again changes nothing."
            </p>
            <ReportView flash />
            <ImportForm />
        </StaffPage>
    }
}
