//! `/staff/admin/children` and `/staff/admin/children/:childId` (issue 22): an admin finds a
//! child by name or reference, and on the child's page places or lifts a legal hold, asks for the
//! record to be erased, or confirms or cancels another admin's request. Plain forms that work
//! without JavaScript; every answer comes back to the child's page.
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use serde::{Deserialize, Serialize};

use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, answers, missing_or_unavailable, unavailable};

mod actions;
#[cfg(feature = "ssr")]
mod ops;
mod record;

use actions::{AskErasure, DecideErasure, SetHold, load_child, load_children};
use record::RecordBody;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildRow {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub reference: String,
    pub held: bool,
    pub removed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ChildList {
    pub search: String,
    pub total: i64,
    pub children: Vec<ChildRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HoldRow {
    pub reason: String,
    /// When and by whom, in words.
    pub set: String,
    pub lifted: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequestRow {
    pub id: String,
    pub reason: String,
    /// PENDING, CONFIRMED, CANCELLED or EXPIRED.
    pub status: String,
    pub asked: String,
    pub asked_by_you: bool,
    pub lapses: String,
    pub confirmed: Option<String>,
}

/// What a form left for the page: done, or refused with the reason that was typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Flash {
    Done(String),
    Refused {
        form: String,
        message: String,
        reason: String,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    pub name: String,
    pub full_name: String,
    pub reference: String,
    pub born: String,
    pub removed_at: Option<String>,
    pub held: bool,
    pub advocacy_open: bool,
    pub last_closed: Option<String>,
    pub holds: Vec<HoldRow>,
    pub requests: Vec<RequestRow>,
    pub flash: Option<Flash>,
}

/// The list route: admins only; `?q=` is the search (a GET form, so it can be bookmarked).
#[component]
pub fn AdminChildren() -> impl IntoView {
    let query = use_query_map();
    let read = Resource::new_blocking(move || query.read().get("q"), load_children);
    let problem = unavailable("Children", "The children could not be loaded. Try again.");
    let page = move |user: StaffUser, list: ChildList| view! { <ChildrenPage user list /> };
    view! { <RolePage role=Role::Admin read page problem /> }
}

#[component]
fn ChildrenPage(user: StaffUser, list: ChildList) -> impl IntoView {
    view! {
        <StaffPage title="Children".to_owned() user=Some(user)>
            <h1>"Children: holds and erasure"</h1>
            <p class="lede">
                "Find a child to put their record under a legal hold, or to erase it on request. "
                "How long records are kept is on "
                <a href="/staff/admin/retention">"How long records are kept"</a> "."
            </p>
            <form method="get" action="/staff/admin/children" class="stack narrow" role="search">
                <div class="field">
                    <label for="q">"Name or reference"</label>
                    <p class="hint" id="q-hint">"Part of the child's name, full name or case-management reference."</p>
                    <input id="q" name="q" type="search" autocomplete="off" value=list.search.clone()
                        aria-describedby="q-hint" />
                </div>
                <button type="submit" class="button">"Find"</button>
            </form>
            <h2>{format!("{} found", list.total)}</h2>
            {if list.children.is_empty() {
                view! { <p>"No child matches."</p> }.into_any()
            } else {
                view! {
                    <table class="caseload admin-table">
                        <caption class="visually-hidden">"Children of this local authority"</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Name"</th>
                                <th scope="col">"Full name"</th>
                                <th scope="col">"Reference"</th>
                                <th scope="col">"Record"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {list.children.into_iter().map(|c| view! {
                                <tr>
                                    <th scope="row">
                                        <a href=format!("/staff/admin/children/{}", c.id)>{c.name.clone()}</a>
                                    </th>
                                    <td>{c.full_name.clone()}</td>
                                    <td>{c.reference.clone()}</td>
                                    <td>{if c.removed { "Removed" } else if c.held { "Under a legal hold" } else { "Kept as usual" }}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            }}
        </StaffPage>
    }
}

/// The child's record route: admins only.
#[component]
pub fn AdminChildRecord() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let hold = ServerAction::<SetHold>::new();
    let erase = ServerAction::<AskErasure>::new();
    let decide = ServerAction::<DecideErasure>::new();
    let answered = answers([hold.value(), erase.value(), decide.value()]);
    let read = Resource::new_blocking(
        move || {
            (
                params.read().get("childId").unwrap_or_default(),
                query.read().get("at"),
                hold.version().get(),
                erase.version().get(),
                decide.version().get(),
            )
        },
        |(child_id, ..)| load_child(child_id),
    );
    let problem = missing_or_unavailable(
        "Child's record",
        "There is no such child in your authority: find them under Children.",
        "This child's record could not be loaded. Try again.",
    );
    let page = move |user: StaffUser, record: Record| {
        view! {
            <StaffPage title="Child's record".to_owned() user=Some(user)>
                {move || {
                    let mut record = record.clone();
                    record.flash = record.flash.or_else(|| answered.get());
                    view! { <RecordBody record hold erase decide /> }.into_any()
                }}
            </StaffPage>
        }
    };
    view! { <RolePage role=Role::Admin read page problem /> }
}
