//! "Views shared with me": the children's views a social worker received, newest first, and one
//! of them read-only, exactly as the child wrote it. Opening one is recorded for the child.
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use serde::{Deserialize, Serialize};

use crate::components::{ChildWords, Heading, ViewsWords};
use crate::error::PageError;
use crate::model::MeetingKind;
use crate::pages::staff::StaffPage;
use crate::pages::staff::api::{Role, StaffUser};
use crate::pages::staff::gate::{RolePage, page_data, signed_in};
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
    pub child: String,
    pub meeting: MeetingKind,
    pub meeting_at: Option<String>,
    pub shared_at: String,
    pub version: i64,
    pub words: ViewsWords,
}

#[leptos::server(prefix = "/api/staff", endpoint = "shared-views")]
pub async fn load_shared() -> Result<Vec<SharedRow>, PageError> {
    use crate::dates::in_words;
    use crate::pages::staff::api::server::{exec, require_role};

    require_role(Role::SocialWorker).await?;
    let shared = exec::<ops::ViewsSharedWithMe>(ops::views_shared_with_me::Variables {}).await?;
    Ok(shared
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
        .collect())
}

#[leptos::server(prefix = "/api/staff", endpoint = "shared-views-one")]
pub async fn load_one_shared(share: String) -> Result<SharedViews, PageError> {
    use crate::dates::in_words;
    use crate::pages::staff::api::server::{exec, require_role};

    require_role(Role::SocialWorker).await?;
    let views = exec::<ops::SharedViews>(ops::shared_views::Variables { share_id: share })
        .await?
        .shared_views;
    Ok(SharedViews {
        child: views.child_first_name.clone(),
        meeting: views.meeting_kind,
        meeting_at: views.meeting_at.as_ref().map(in_words),
        shared_at: in_words(&views.shared_at),
        version: views.version,
        words: crate::views_words!(views),
    })
}

#[component]
pub fn SharedList() -> impl IntoView {
    let staff = signed_in();
    let rows = page_data(staff, Role::SocialWorker, || (), |_| load_shared());
    view! { <RolePage role=Role::SocialWorker staff page=move |user| view! { <SharedListPage user rows /> } /> }
}

#[component]
fn SharedListPage(
    user: StaffUser,
    rows: Resource<Result<Vec<SharedRow>, PageError>>,
) -> impl IntoView {
    view! {
        <StaffPage title="Views shared with me".to_owned() user=Some(user)>
            <h1>"Views shared with me"</h1>
            <p>"Children's views their advocate shared with you, with the child's agreement. Newest first."</p>
            <Suspense>
                {move || Suspend::new(async move {
                    match rows.await {
                        Ok(rows) if rows.is_empty() => view! { <p>"No views have been shared with you yet."</p> }.into_any(),
                        Ok(rows) => view! {
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
                        }.into_any(),
                        Err(_) => view! { <p role="alert">"The views could not be loaded. Try again."</p> }.into_any(),
                    }
                })}
            </Suspense>
        </StaffPage>
    }
}

#[component]
pub fn SharedOne() -> impl IntoView {
    let params = use_params_map();
    let share = params.with_untracked(|p| p.get("share").unwrap_or_default());
    let staff = signed_in();
    let views = page_data(
        staff,
        Role::SocialWorker,
        move || share.clone(),
        load_one_shared,
    );
    view! { <RolePage role=Role::SocialWorker staff page=move |user| view! { <SharedOnePage user views /> } /> }
}

#[component]
fn SharedOnePage(
    user: StaffUser,
    views: Resource<Result<SharedViews, PageError>>,
) -> impl IntoView {
    view! {
        <StaffPage title="Child's views".to_owned() user=Some(user)>
            <p><a href="/staff/shared-views">"Back to views shared with me"</a></p>
            <Suspense>
                {move || Suspend::new(async move {
                    match views.await {
                        Ok(views) => view! { <ViewsRead views /> }.into_any(),
                        Err(_) => view! {
                            <h1>"These views cannot be opened"</h1>
                            <p role="alert">"They are not shared with you, or the child no longer agrees to share them."</p>
                        }.into_any(),
                    }
                })}
            </Suspense>
        </StaffPage>
    }
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
            <ChildWords words=views.words heading=Heading::H2 />
        </section>
    }
}
