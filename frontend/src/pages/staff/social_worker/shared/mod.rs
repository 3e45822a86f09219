//! "Views shared with me": the children's views a social worker received, newest first, and one
//! of them read-only, exactly as the child wrote it. Opening one is recorded for the child.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use crate::components::{Authorship, ChildWords, Heading, ViewsWords, WrittenBy};
use crate::error::PageError;
use crate::model::MeetingKind;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffRead, StaffUser};
use crate::pages::staff::gate::{RolePage, unavailable};
use crate::pages::staff::words;

#[cfg(feature = "ssr")]
mod ops;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedRow {
    pub share_id: String,
    pub child: String,
    pub meeting: MeetingKind,
    pub meeting_at: Option<String>,
    pub shared_at: String,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedViews {
    pub views_id: String,
    pub child: String,
    pub meeting: MeetingKind,
    pub meeting_at: Option<String>,
    pub shared_at: String,
    pub version: i64,
    pub words: ViewsWords,
    pub authorship: Authorship,
}

/// Who is signed in and the views shared with them, in one read.
#[leptos::server(prefix = "/api/staff", endpoint = "shared-views")]
pub async fn load_shared() -> Result<StaffRead<Vec<SharedRow>>, PageError> {
    use crate::dates::in_words;
    use crate::pages::staff::api::server::page;

    let variables = ops::views_shared_with_me::Variables {};
    let read = page::<ops::ViewsSharedWithMe>(Role::SocialWorker, variables).await?;
    Ok(read.map(|shared| {
        shared
            .views_shared_with_me
            .nodes
            .into_iter()
            .map(|row| SharedRow {
                share_id: row.share_id,
                child: row.child_first_name,
                meeting: row.meeting_kind,
                meeting_at: row.meeting_at.as_ref().map(in_words),
                shared_at: in_words(&row.shared_at),
                read: row.read_at.is_some(),
            })
            .collect()
    }))
}

/// Who is signed in and one share's views, in one read (recorded for the child).
#[leptos::server(prefix = "/api/staff", endpoint = "shared-views-one")]
pub async fn load_one_shared(share: String) -> Result<StaffRead<SharedViews>, PageError> {
    use crate::dates::in_words;
    use crate::pages::staff::api::server::page;

    let variables = ops::shared_views::Variables { share_id: share };
    let read = page::<ops::SharedViews>(Role::SocialWorker, variables).await?;
    Ok(read.map(|data| {
        let views = data.shared_views;
        SharedViews {
            views_id: views.views_id.clone(),
            child: views.child_first_name.clone(),
            meeting: views.meeting_kind,
            meeting_at: views.meeting_at.as_ref().map(in_words),
            shared_at: in_words(&views.shared_at),
            version: views.version,
            authorship: crate::authorship!(views),
            words: crate::views_words!(views),
        }
    }))
}

#[component]
pub fn SharedList() -> impl IntoView {
    let read = Resource::new_blocking(|| (), |_| load_shared());
    let problem = unavailable(
        "Views shared with me",
        "The views could not be loaded. Try again.",
    );
    let page = |user: StaffUser, rows: Vec<SharedRow>| view! { <SharedListPage user rows /> };
    view! { <RolePage role=Role::SocialWorker read page problem /> }
}

#[component]
fn SharedListPage(user: StaffUser, rows: Vec<SharedRow>) -> impl IntoView {
    let list = if rows.is_empty() {
        view! { <p>"No views have been shared with you yet."</p> }.into_any()
    } else {
        view! {
            <table class="caseload">
                <caption class="visually-hidden">"Views shared with you, newest first"</caption>
                <thead><tr>
                    <th scope="col">"Child"</th>
                    <th scope="col">"Meeting"</th>
                    <th scope="col">"Shared"</th>
                    <th scope="col">"Read"</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|row| view! {
                        <tr>
                            <th scope="row">
                                <a href=format!("/staff/shared-views/{}", row.share_id)>
                                    {format!("{}'s views", row.child)}
                                </a>
                            </th>
                            <td>{words::meeting(row.meeting)} {row.meeting_at.map(|at| format!(", {at}"))}</td>
                            <td>{row.shared_at}</td>
                            <td>{if row.read { "Read" } else { "Not read yet" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <StaffPage title="Views shared with me".to_owned() user=Some(user)>
            <h1>"Views shared with me"</h1>
            <p>"Children's views their advocate shared with you, with the child's agreement. Newest first."</p>
            {list}
        </StaffPage>
    }
}

#[component]
pub fn SharedOne() -> impl IntoView {
    let params = use_params_map();
    let share = params.with_untracked(|p| p.get("share").unwrap_or_default());
    let read = Resource::new_blocking(move || share.clone(), load_one_shared);
    let problem = unavailable(
        "These views cannot be opened",
        "They are not shared with you, or the child no longer agrees to share them.",
    );
    let page = |user: StaffUser, views: SharedViews| {
        view! {
            <StaffPage title="Child's views".to_owned() user=Some(user)>
                <p><a href="/staff/shared-views">"Back to views shared with me"</a></p>
                <ViewsRead views />
            </StaffPage>
        }
    };
    view! { <RolePage role=Role::SocialWorker read page problem /> }
}

#[component]
fn ViewsRead(views: SharedViews) -> impl IntoView {
    view! {
        <h1>{format!("{}'s views", views.child)}</h1>
        <p>
            {words::meeting(views.meeting)} {views.meeting_at.map(|at| format!(", {at}"))}
            {format!(". Version {}, shared {}.", views.version, views.shared_at)}
        </p>
        <p class="notice">"Read-only, exactly as the child wrote it. Use the child's own words when you refer to them."</p>
        <section class="card">
            <WrittenBy authorship=views.authorship />
            <ChildWords words=views.words heading=Heading::H2 />
        </section>
        <p><a href=format!("/staff/statement/{}", views.views_id)>"Statement to print or save as PDF"</a></p>
    }
}
