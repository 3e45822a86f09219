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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedRow {
    pub share_id: String,
    pub child: String,
    pub meeting: MeetingKind,
    pub meeting_at: Option<String>,
    pub shared_at: Option<String>,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedViews {
    pub child: String,
    pub meeting: MeetingKind,
    pub meeting_at: Option<String>,
    pub shared_at: Option<String>,
    pub version: i32,
    pub words: ViewsWords,
}

#[leptos::server(prefix = "/api/staff", endpoint = "shared-views")]
pub async fn load_shared() -> Result<Vec<SharedRow>, PageError> {
    use crate::gql::untyped::{Connection, in_words};
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data {
        views_shared_with_me: Connection<Node>,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Node {
        share_id: String,
        child_first_name: String,
        meeting_kind: MeetingKind,
        meeting_at: Option<String>,
        shared_at: String,
        read_at: Option<String>,
    }
    crate::pages::staff::api::server::require_role(Role::SocialWorker).await?;
    let data: Data = crate::pages::staff::api::server::run(
        "{ viewsSharedWithMe(first: 100) { edges { node { shareId childFirstName meetingKind
            meetingAt sharedAt readAt } } } }",
        serde_json::json!({}),
    )
    .await?;
    Ok(data
        .views_shared_with_me
        .edges
        .into_iter()
        .map(|e| SharedRow {
            share_id: e.node.share_id,
            child: e.node.child_first_name,
            meeting: e.node.meeting_kind,
            meeting_at: e.node.meeting_at.as_deref().and_then(in_words),
            shared_at: in_words(&e.node.shared_at),
            read: e.node.read_at.is_some(),
        })
        .collect())
}

#[leptos::server(prefix = "/api/staff", endpoint = "shared-views-one")]
pub async fn load_one_shared(share: String) -> Result<SharedViews, PageError> {
    use crate::components::VIEWS_WORDS_FIELDS;
    use crate::gql::untyped::in_words;
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Data {
        shared_views: Raw,
    }
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Raw {
        child_first_name: String,
        meeting_kind: MeetingKind,
        meeting_at: Option<String>,
        shared_at: String,
        version: i32,
        #[serde(flatten)]
        words: ViewsWords,
    }
    crate::pages::staff::api::server::require_role(Role::SocialWorker).await?;
    let data: Data = crate::pages::staff::api::server::run(
        format!(
            "query One($s: ID!) {{ sharedViews(shareId: $s) {{ childFirstName meetingKind meetingAt \
             sharedAt version {VIEWS_WORDS_FIELDS} }} }}"
        ),
        serde_json::json!({ "s": share }),
    )
    .await?;
    let raw = data.shared_views;
    Ok(SharedViews {
        child: raw.child_first_name,
        meeting: raw.meeting_kind,
        meeting_at: raw.meeting_at.as_deref().and_then(in_words),
        shared_at: in_words(&raw.shared_at),
        version: raw.version,
        words: raw.words,
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
                                            <td>{row.shared_at.unwrap_or_default()}</td>
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
            {format!(". Version {}, shared {}.", views.version, views.shared_at.unwrap_or_default())}
        </p>
        <p class="notice">"Read-only, exactly as the child wrote it. Use the child's own words when you refer to them."</p>
        <section class="card">
            <ChildWords words=views.words heading=Heading::H2 />
        </section>
    }
}
