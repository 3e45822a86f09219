//! `/staff/import`: an admin loads the authority's staff, children and meetings from CSV files
//! exported from the case-management system. One plain multipart form (it works without
//! JavaScript) with three files and two buttons: "Check the files" (a dry run: every bad row in a
//! table, nothing written) and "Import". The files go to the API's `importRecords`, which does the
//! work; this page only shows its answer.
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

/// The most problems and new staff links the answer carries to the next page: it travels in a
/// short-lived cookie. The command line (`myvoice import`) prints every one.
pub const SHOWN_PROBLEMS: usize = 6;
/// On this page a staff file names at most this many people (their links are shown here once).
pub const PAGE_STAFF_ROWS: usize = 10;

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
        links: Vec<NewLink>,
    },
    Refused {
        message: String,
    },
}

/// The route: admins only.
#[component]
pub fn AdminImport() -> impl IntoView {
    let query = use_query_map();
    // A new address after each upload (`?at=…`), so the answer is read again.
    let read = Resource::new_blocking(move || query.read().get("at"), |_| load_import());
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
