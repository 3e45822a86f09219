//! A staff page for one role, read with one GraphQL operation (issue 18): who is signed in comes
//! with the page's data (`api::server::page`). Signed-out visitors go to sign in; someone signed in
//! with another role is told the page is not theirs (the API would refuse them anyway).
//!
//! A page's read is made at the top of its route, never inside a `Suspense`: the server renders a
//! `Suspense`'s children more than once (a dry run, then for real), so a resource made there exists
//! two or three times on the server but once in the browser, which may then pick up the dry run's
//! copy (loaded without the request, so "signed out") and fail to hydrate.
use leptos::prelude::*;
use serde::{Serialize, de::DeserializeOwned};

use super::StaffPage;
use super::api::{Role, StaffRead, StaffUser};
use crate::error::{ErrorCode, PageError};

/// A page's one read: who is signed in and what the page shows.
pub type PageRead<T> = Resource<Result<StaffRead<T>, PageError>>;

/// The page `read` is for, shown to `role` only; `problem` says what went wrong when the read
/// failed for another reason than who is signed in.
#[component]
pub fn RolePage<T, F, V, P>(role: Role, read: PageRead<T>, page: F, problem: P) -> impl IntoView
where
    T: Clone + Serialize + DeserializeOwned + Send + Sync + 'static,
    F: Fn(StaffUser, T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
    P: Fn(PageError) -> AnyView + Clone + Send + Sync + 'static,
{
    view! {
        <Suspense>
            {move || {
                let (page, problem) = (page.clone(), problem.clone());
                Suspend::new(async move {
                    match read.await {
                        Ok(StaffRead::Page(user, data)) => page(user, data).into_any(),
                        Ok(StaffRead::NotYours(user)) => view! { <NotYours role user /> }.into_any(),
                        Err(error) if error.code() == ErrorCode::Unauthenticated => {
                            view! { <SignInToCarryOn /> }.into_any()
                        }
                        Err(error) => problem(error),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
fn NotYours(role: Role, user: StaffUser) -> impl IntoView {
    view! {
        <StaffPage title="Not your page".to_owned() user=Some(user)>
            <h1>"This page is not for your role"</h1>
            <p>{format!("Only the {} role can open this page.", role.title())} " "
                <a href="/staff">"Go to your first page"</a>"."</p>
        </StaffPage>
    }
}

#[component]
pub fn SignInToCarryOn() -> impl IntoView {
    view! {
        <StaffPage title="Sign in".to_owned() user=None>
            <h1>"Sign in to carry on"</h1>
            <p><a class="button primary" href="/staff/sign-in">"Sign in"</a></p>
        </StaffPage>
    }
}

/// With JavaScript, a form's answer (`Some`) arrives as its action's value rather than through
/// the next page. Kept at the top of the route, so the answer outlasts the page reading again.
pub fn answers<F, S, const N: usize>(values: [S; N]) -> RwSignal<Option<F>>
where
    F: Clone + Send + Sync + 'static,
    S: Get<Value = Option<Result<Option<F>, PageError>>> + Copy + Send + Sync + 'static,
{
    let answered = RwSignal::new(None);
    for value in values {
        Effect::new(move |_| {
            if let Some(Ok(Some(flash))) = value.get() {
                answered.set(Some(flash));
            }
        });
    }
    answered
}

/// The usual `problem`: the page's title and what could not be done.
pub fn unavailable(
    title: &'static str,
    words: &'static str,
) -> impl Fn(PageError) -> AnyView + Clone + Send + Sync + 'static {
    move |_| problem_page(title, words)
}

/// A `problem` for a page about one record: NOT_FOUND (no such record in the authority) or
/// BAD_USER_INPUT (the address's id is not one of ours: a mistyped link) says `missing`; anything
/// else says `words`.
pub fn missing_or_unavailable(
    title: &'static str,
    missing: &'static str,
    words: &'static str,
) -> impl Fn(PageError) -> AnyView + Clone + Send + Sync + 'static {
    move |error| match error.code() {
        crate::error::ErrorCode::NotFound | crate::error::ErrorCode::BadUserInput => {
            problem_page(title, missing)
        }
        _ => problem_page(title, words),
    }
}

/// A page that could not be shown: its title, why, and the way back.
pub fn problem_page(title: &'static str, words: &'static str) -> AnyView {
    view! {
        <StaffPage title=title.to_owned() user=None>
            <h1>{title}</h1>
            <p role="alert">{words}</p>
            <p><a href="/staff">"Back to your first page"</a></p>
        </StaffPage>
    }
    .into_any()
}
