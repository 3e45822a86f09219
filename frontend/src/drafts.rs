//! What a form held when a page without JavaScript sends it back to be put right ("Check the
//! referral", a message that needs another look). Never in an address: proxies, logs and the
//! browser's history keep addresses. The browser holds only an opaque key, in a short-lived
//! HttpOnly cookie; the text is kept by the server, in the database so that any instance behind a
//! load balancer finds it, and for an hour at most. Signing in or out, or "Leave now", drops it.
//!
//! Page state, not the domain's data: the API neither judges nor sees it, so it is kept beside
//! the GraphQL schema, by a store the server provides as Leptos context like `Gql`.
use std::{future::Future, pin::Pin, sync::Arc};

use cookie::{Cookie, time::Duration};
use http::request::Parts;
use leptos::prelude::use_context;
use serde::{Serialize, de::DeserializeOwned};

use crate::session;

const COOKIE: &str = "myvoice_draft";
/// As long as the server keeps a draft.
const KEEP_FOR_MINUTES: i64 = 60;

/// The forms whose drafts are kept; one draft per form in a browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Referral,
    AskForAdvocate,
    /// The chair's record of one meeting.
    MeetingRecord,
    /// A child's record, added or changed by hand.
    ChildRecord,
    /// A new meeting, set up by hand.
    NewMeeting,
    /// A meeting moved by hand.
    MeetingMove,
    /// A meeting cancelled by hand.
    MeetingCancel,
    /// The child's own names for their meeting and views.
    ChildNames,
}

impl Form {
    fn name(self) -> &'static str {
        match self {
            Self::Referral => "referral",
            Self::AskForAdvocate => "ask-for-an-advocate",
            Self::MeetingRecord => "meeting-record",
            Self::ChildRecord => "child-record",
            Self::NewMeeting => "new-meeting",
            Self::MeetingMove => "meeting-move",
            Self::MeetingCancel => "meeting-cancel",
            Self::ChildNames => "child-names",
        }
    }
}

pub type Pending<T> = Pin<Box<dyn Future<Output = T> + Send>>;

/// Where drafts are kept (the server's database). Keys are the browser's secret; a store keeps
/// only what it needs to find the draft again.
pub trait DraftStore: Send + Sync {
    /// Keep `body` as `form`'s draft under `key`, or under a new key when `key` is `None` or not
    /// one the store made. The key it was kept under; `None` when it could not be kept.
    fn keep(
        &self,
        key: Option<String>,
        form: &'static str,
        body: String,
        minutes: i64,
    ) -> Pending<Option<String>>;
    /// `form`'s draft under `key`, if kept and not expired.
    fn read(&self, key: String, form: &'static str) -> Pending<Option<String>>;
    /// Forget `form`'s draft under `key`, or every draft under it when `form` is `None`.
    fn forget(&self, key: String, form: Option<&'static str>) -> Pending<()>;
}

/// The store, as the server provides it.
#[derive(Clone)]
pub struct Drafts(pub Arc<dyn DraftStore>);

fn store() -> Option<Arc<dyn DraftStore>> {
    use_context::<Drafts>().map(|drafts| drafts.0)
}

fn key() -> Option<String> {
    let parts = use_context::<Parts>()?;
    session::request_cookie(&parts, COOKIE)
}

/// Keep `value` as this browser's draft of `form`.
pub async fn keep<T: Serialize>(form: Form, value: &T) {
    let (Some(store), Ok(body)) = (store(), serde_json::to_string(value)) else {
        return;
    };
    match store.keep(key(), form.name(), body, KEEP_FOR_MINUTES).await {
        Some(key) => session::set_cookie(
            Cookie::build((COOKIE, key)).max_age(Duration::minutes(KEEP_FOR_MINUTES)),
            "/",
        ),
        None => tracing::warn!(form = form.name(), "a form's draft could not be kept"),
    }
}

/// This browser's draft of `form`, if one is kept.
pub async fn read<T: DeserializeOwned>(form: Form) -> Option<T> {
    let (store, key) = (store()?, key()?);
    let body = store.read(key, form.name()).await?;
    serde_json::from_str(&body).ok()
}

/// The form was sent: its draft is no longer needed.
pub async fn forget(form: Form) {
    if let (Some(store), Some(key)) = (store(), key()) {
        store.forget(key, Some(form.name())).await;
    }
}

/// Someone signs in or out, or leaves in a hurry: nothing typed before stays for the next person.
pub async fn forget_all() {
    if let (Some(store), Some(key)) = (store(), key()) {
        store.forget(key, None).await;
        session::set_cookie(Cookie::build((COOKIE, "")).max_age(Duration::ZERO), "/");
    }
}
