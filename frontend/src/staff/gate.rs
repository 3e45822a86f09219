//! A staff page for one role: signed-out visitors go to sign in; someone signed in with another
//! role is told the page is not theirs (the API would refuse them anyway).
use leptos::prelude::*;

use super::StaffPage;
use super::api::{Role, StaffUser};
use crate::error::PageError;

/// The signed-in member of staff; signed out, the browser is sent to sign in.
#[leptos::server(prefix = "/api/staff", endpoint = "signed-in")]
pub async fn signed_in_staff() -> Result<StaffUser, PageError> {
    super::api::server::require().await
}

#[component]
pub fn RolePage<F, V>(role: Role, page: F) -> impl IntoView
where
    F: Fn(StaffUser) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let user = Resource::new_blocking(|| (), |_| signed_in_staff());
    view! {
        <Suspense>
            {move || {
                let page = page.clone();
                Suspend::new(async move {
                    match user.await {
                        Ok(user) if user.role == role => page(user).into_any(),
                        Ok(user) => view! {
                            <StaffPage title="Not your page".to_owned() user=Some(user)>
                                <h1>"This page is not for your role"</h1>
                                <p>{format!("Only the {} role can open this page.", role.title())} " "
                                    <a href="/staff">"Go to your first page"</a>"."</p>
                            </StaffPage>
                        }
                        .into_any(),
                        Err(_) => view! {
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
