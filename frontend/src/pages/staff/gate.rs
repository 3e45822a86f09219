//! A staff page for one role: signed-out visitors go to sign in; someone signed in with another
//! role is told the page is not theirs (the API would refuse them anyway).
//!
//! Every resource of a staff page is made at the top of its route (with `signed_in`,
//! `maybe_signed_in` and `page_data` below), never inside a `Suspense`: the server renders a
//! `Suspense`'s children more than once (a dry run, then for real), so a resource made there exists
//! two or three times on the server but once in the browser, which may then pick up the dry run's
//! copy (loaded without the request, so "signed out") and fail to hydrate.
use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use super::StaffPage;
use super::api::{Role, StaffUser, current_staff};
use crate::error::{ErrorCode, PageError};

/// Who is signed in (`None`: nobody), loaded once per page.
pub type Staff = Resource<Result<Option<StaffUser>, PageError>>;

/// Like `current_staff`, but without JavaScript a signed-out visitor is sent to sign in.
#[leptos::server(prefix = "/api/staff", endpoint = "signed-in")]
pub async fn signed_in_staff() -> Result<Option<StaffUser>, PageError> {
    super::api::server::require().await.map(Some)
}

/// The signed-in member of staff, for a page that needs one.
pub fn signed_in() -> Staff {
    Resource::new_blocking(|| (), |_| signed_in_staff())
}

/// The signed-in member of staff, or nobody, for a page anyone may open.
pub fn maybe_signed_in() -> Staff {
    Resource::new_blocking(|| (), |_| current_staff())
}

/// A page's data, made at the top of its route: loaded after `staff` (so a session renewed for
/// one is not renewed again for the other), only for someone holding `role` when one is given
/// (anyone else gets FORBIDDEN without a call to the API), and again whenever `source` changes.
pub fn page_data<S, T, Fut>(
    staff: Staff,
    role: impl Into<Option<Role>>,
    source: impl Fn() -> S + Send + Sync + 'static,
    load: impl Fn(S) -> Fut + Send + Sync + 'static,
) -> Resource<Result<T, PageError>>
where
    S: PartialEq + Clone + Send + Sync + 'static,
    T: Serialize + DeserializeOwned + Send + Sync + 'static,
    Fut: Future<Output = Result<T, PageError>> + Send + 'static,
{
    let role = role.into();
    let load = Arc::new(load);
    Resource::new_blocking(source, move |source| {
        let load = Arc::clone(&load);
        async move {
            match (staff.await, role) {
                (Ok(Some(user)), Some(role)) if user.role != role => Err(PageError::Api {
                    code: ErrorCode::Forbidden,
                    message: format!("This page is for the {} role.", role.title()),
                    details: serde_json::Value::Null,
                }),
                (Ok(Some(_)), _) => load(source).await,
                (Ok(None), _) => Err(PageError::SignedOut),
                (Err(error), _) => Err(error),
            }
        }
    })
}

#[component]
pub fn RolePage<F, V>(role: Role, staff: Staff, page: F) -> impl IntoView
where
    F: Fn(StaffUser) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match staff.await {
                        Ok(Some(user)) if user.role == role => page(user).into_any(),
                        Ok(Some(user)) => view! {
                            <StaffPage title="Not your page".to_owned() user=Some(user)>
                                <h1>"This page is not for your role"</h1>
                                <p>{format!("Only the {} role can open this page.", role.title())} " "
                                    <a href="/staff">"Go to your first page"</a>"."</p>
                            </StaffPage>
                        }
                        .into_any(),
                        Ok(None) | Err(_) => view! {
                            <StaffPage title="Sign in".to_owned() user=None>
                                <h1>"Sign in to carry on"</h1>
                                <p><a class="button primary" href="/staff/sign-in">"Sign in"</a></p>
                            </StaffPage>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
