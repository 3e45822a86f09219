//! `/staff/admin/children/:childId/export`: an admin downloads everything held about one child for
//! a subject access request. One plain form (always posted by the browser itself, JavaScript on or
//! off): its answer sends the browser straight to the one-time download link the API's
//! `exportChildRecord` made, so the zip arrives as a download and this page stays. The zip is
//! made when downloaded and not kept; the download is audited by the API.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::error::PageError;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffRead, StaffUser};
use crate::pages::staff::gate::{RolePage, missing_or_unavailable};

#[cfg(feature = "ssr")]
mod ops;

/// Who is signed in (the page is for admins) and the child's name, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-export-page")]
pub async fn load_export_page(child_id: String) -> Result<StaffRead<String>, PageError> {
    use ops::{ExportPage, export_page};

    let read = crate::pages::staff::api::server::page::<ExportPage>(
        Role::Admin,
        export_page::Variables { child_id },
    )
    .await?;
    Ok(read.map(|data| {
        let c = data.child_data_protection;
        let mut name = c.preferred_name;
        if let Some(full) = c.full_name.filter(|f| !f.is_empty()) {
            name = format!("{name} ({full})");
        }
        match c.reference.filter(|r| !r.is_empty()) {
            Some(reference) => format!("{name}, reference {reference}"),
            None => name,
        }
    }))
}

/// "Download the record": the API makes a one-time link and the browser is sent to it. When the
/// API refuses (no such child in the authority) or fails, back to the page, which says so.
#[leptos::server(prefix = "/api/staff", endpoint = "admin-export-child")]
pub async fn export_child(child_id: String) -> Result<(), PageError> {
    use ops::{ExportChildRecord, export_child_record};

    let answer = crate::pages::staff::api::server::exec::<ExportChildRecord>(
        export_child_record::Variables {
            child_id: child_id.clone(),
        },
    )
    .await;
    match answer {
        Ok(data) => leptos_axum::redirect(&data.export_child_record.path),
        Err(_) => leptos_axum::redirect(&format!(
            "/staff/admin/children/{}/export?failed=1",
            urlencoding(&child_id)
        )),
    }
    Ok(())
}

/// Only letters, digits, `-` and `_` go back into the address (ids are base64url).
#[cfg(feature = "ssr")]
fn urlencoding(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

/// The route: admins only.
#[component]
pub fn AdminChildExport() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let child_id = params.read_untracked().get("childId").unwrap_or_default();
    let failed = query.read_untracked().get("failed").is_some();
    let id = child_id.clone();
    let read = Resource::new_blocking(move || id.clone(), load_export_page);
    let problem = missing_or_unavailable(
        "Export a child's record",
        "There is no such child in your authority: find them under Children.",
        "The page could not be loaded. Try again.",
    );
    let page = move |user: StaffUser, name: String| {
        view! { <ExportPage user name child_id=child_id.clone() failed /> }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn ExportPage(user: StaffUser, name: String, child_id: String, failed: bool) -> impl IntoView {
    let back = format!("/staff/admin/children/{child_id}");
    view! {
        <StaffPage title="Export a child's record".to_owned() user=Some(user)>
            <p><a href=back>"Back to the child's record"</a></p>
            <h1>"Export a child's record"</h1>
            <p class="lede"><strong>{name}</strong></p>
            <p class="lede">
                "For a subject access request: everything myvoice holds about this child, in one zip file. "
                "It holds every row about the child as data (their views with every version, who they were shared with "
                "and when they were read, notes, meetings and outcomes, answers, messages, requests for help, legal holds "
                "and the audit trail), and the printable statement of each of their views."
            </p>
            {failed.then(|| view! {
                <p class="error-summary" role="alert">
                    "The record could not be exported. Try again in a minute."
                </p>
            })}
            <form class="card" method="post" action="/api/staff/admin-export-child">
                <input type="hidden" name="child_id" value=child_id />
                <p class="hint">
                    "The file is made when you download it and is not kept by myvoice. Keep it as safely as the child's file. "
                    "Each download is recorded in the audit log."
                </p>
                <button type="submit" class="button">"Download the record (zip)"</button>
            </form>
        </StaffPage>
    }
}
