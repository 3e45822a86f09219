//! The autosave with JavaScript on, and what it does without a signal. A save is kept on the phone
//! before it is sent; with no signal it waits there (the page says "saved on this phone") and is
//! sent again, the very same request with the same key, every few seconds until it arrives. Only
//! one save is on its way at a time: words typed meanwhile go in the next one, made from the boxes
//! once the first is answered, so nothing is sent on top of a save that may not have arrived. A
//! save whose answer was lost and is sent again is no double: the server keeps words it already
//! has once (`views::save::Answer::keeping`). "Leave now" wipes what is kept (`forget_all`).
use std::cell::{Cell, RefCell};
use std::time::Duration;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    FormData, HtmlFormElement, HtmlInputElement, RequestInit, Response, UrlSearchParams,
};

use super::views::{Part, Saved};

/// What is kept in this browser's storage: the save on its way, until it has arrived, and the
/// boxes as they are since (sent next, once the first is in).
const KEPT: &str = "myvoice-unsent";
const NEXT: &str = "myvoice-unsent-next";
/// How long after the last key a save starts, and how often one without a signal is tried again.
const QUIET: Duration = Duration::from_millis(1500);
const RETRY: Duration = Duration::from_secs(3);

/// What a save shows beside the boxes, in the child's language.
#[derive(Clone)]
pub struct Show {
    pub state: RwSignal<Option<String>>,
    pub saving: String,
    pub saved: String,
    pub on_phone: String,
}

/// One save: where it goes, the form as sent, and its key.
#[derive(Clone, Serialize, Deserialize)]
struct Save {
    action: String,
    body: String,
    key: String,
}

thread_local! {
    static WAITING: RefCell<Option<leptos::leptos_dom::helpers::TimeoutHandle>> = const { RefCell::new(None) };
    static ON_ITS_WAY: Cell<bool> = const { Cell::new(false) };
    /// Typed while a save was on its way (in case this browser keeps nothing in storage).
    static TYPED_SINCE: Cell<bool> = const { Cell::new(false) };
    static RESUMED: Cell<bool> = const { Cell::new(false) };
}

/// Save a moment after the last key.
pub fn schedule(part: Part, show: Show) {
    if let Some(handle) = WAITING.with_borrow_mut(Option::take) {
        handle.clear();
    }
    let handle = set_timeout_with_handle(move || save_now(part, show), QUIET).ok();
    WAITING.with_borrow_mut(|waiting| *waiting = handle);
}

/// The form's buttons are saving the whole page: a save not started yet is dropped. One on its
/// way (or waiting for a signal) is not: the boxes as they are now are kept to follow it, so
/// what waits on the phone is never older than what the child sees.
pub fn submitting(ev: &leptos::ev::SubmitEvent) {
    if let Some(handle) = WAITING.with_borrow_mut(Option::take) {
        handle.clear();
    }
    // Only the views form: "Leave now" is a form too, and it wipes what is kept.
    let views_form = ev
        .target()
        .and_then(|target| target.dyn_into::<HtmlFormElement>().ok())
        .is_some_and(|form| form.id() == "views-form");
    if views_form
        && ON_ITS_WAY.get()
        && let Some(save) = form().and_then(|form| current(&form))
    {
        write(NEXT, &save);
        TYPED_SINCE.set(true);
    }
}

/// Wipe whatever is kept on this phone ("Leave now").
pub fn forget_all() {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(KEPT);
        let _ = storage.remove_item(NEXT);
    }
}

/// Once per page: a save kept from an earlier page (the phone lost its signal, then the page was
/// closed) is sent now, and the page shown again with it.
pub fn resume(part: Part, show: Show) {
    if RESUMED.replace(true) {
        return;
    }
    // A save to follow with none before it (its first arrived as the page closed) goes itself.
    let lone_next = || {
        let next = read(NEXT)?;
        remove(NEXT, &next.key);
        write(KEPT, &next);
        Some(next)
    };
    if let Some(save) = read(KEPT).or_else(lone_next) {
        send(part, show, save, true);
    }
}

/// The boxes as they are now, as a new save.
fn current(form: &HtmlFormElement) -> Option<Save> {
    Some(Save {
        action: form.action(),
        body: body_of(form).ok()?,
        key: new_key(),
    })
}

fn save_now(part: Part, show: Show) {
    let Some(save) = form().and_then(|form| current(&form)) else {
        return;
    };
    if ON_ITS_WAY.get() {
        // Kept too, so a page closed without a signal loses none of it.
        write(NEXT, &save);
        TYPED_SINCE.set(true);
        return;
    }
    write(KEPT, &save);
    send(part, show, save, false);
}

/// Send `save` until it arrives. `from_before`: it was kept by an earlier page, so this page's
/// boxes do not have it yet and are shown again once it is in.
fn send(part: Part, show: Show, save: Save, from_before: bool) {
    ON_ITS_WAY.set(true);
    show.state.set(Some(show.saving.clone()));
    attempt(part, show, save, from_before);
}

/// One try; without a signal, another in a few seconds (quietly: the words beside the box, read
/// out by screen readers, change once, not at every try).
fn attempt(part: Part, show: Show, save: Save, from_before: bool) {
    leptos::task::spawn_local(async move {
        match post(&save).await {
            Ok(saved) => {
                remove(KEPT, &save.key);
                set_version(saved.version);
                let typed_since = TYPED_SINCE.replace(false);
                if let Some(next) = read(NEXT) {
                    // Typed while this one was on its way: it follows, on top of this version.
                    remove(NEXT, &next.key);
                    let next = Save {
                        body: with_version(&next.body, saved.version),
                        ..next
                    };
                    write(KEPT, &next);
                    return send(part, show, next, from_before || saved.kept_both);
                }
                ON_ITS_WAY.set(false);
                if typed_since && !from_before && !saved.kept_both {
                    return save_now(part, show);
                }
                if saved.kept_both {
                    // Another window had words here too: show both, as without JavaScript.
                    let _ = window()
                        .location()
                        .set_href(&format!("{}?kept=both", part.href()));
                } else if from_before {
                    let _ = window().location().reload();
                } else {
                    show.state.set(Some(show.saved.clone()));
                }
            }
            Err(Failure::NoSignal) => {
                if show.state.get_untracked().as_deref() != Some(show.on_phone.as_str()) {
                    show.state.set(Some(show.on_phone.clone()));
                }
                let _ =
                    set_timeout_with_handle(move || attempt(part, show, save, from_before), RETRY);
            }
            Err(Failure::Refused) => {
                remove(KEPT, &save.key);
                ON_ITS_WAY.set(false);
                show.state.set(None);
            }
        }
    });
}

/// A kept form's body with a newer version.
fn with_version(body: &str, version: i64) -> String {
    match UrlSearchParams::new_with_str(body) {
        Ok(params) => {
            params.set("version", &version.to_string());
            params.to_string().into()
        }
        Err(_) => body.to_owned(),
    }
}

fn form() -> Option<HtmlFormElement> {
    document()
        .get_element_by_id("views-form")
        .and_then(|node| node.dyn_into::<HtmlFormElement>().ok())
}

/// The form exactly as its buttons send it, with "stay": one way to save, with JavaScript or not.
fn body_of(form: &HtmlFormElement) -> Result<String, JsValue> {
    let data = FormData::new_with_form(form)?;
    data.set_with_str("go", "stay")?;
    Ok(UrlSearchParams::new_with_str_sequence_sequence(&data)?
        .to_string()
        .into())
}

/// The new version goes into the form's hidden input (the attribute too: it is what is sent).
fn set_version(version: i64) {
    if let Some(input) = form()
        .and_then(|form| form.query_selector("input[name='version']").ok().flatten())
        .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
    {
        let value = version.to_string();
        let _ = input.set_attribute("value", &value);
        input.set_value(&value);
    }
}

enum Failure {
    /// No answer (no signal, or a proxy with no server behind it): try again.
    NoSignal,
    /// The server answered no: trying again would get the same.
    Refused,
}

/// Asking for JSON makes the server answer instead of sending the browser on.
async fn post(save: &Save) -> Result<Saved, Failure> {
    let init = RequestInit::new();
    init.set_method("POST");
    init.set_body(&JsValue::from_str(&save.body));
    let headers = web_sys::Headers::new().map_err(|_| Failure::Refused)?;
    let _ = headers.set("Accept", "application/json");
    let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
    let _ = headers.set("Idempotency-Key", &save.key);
    init.set_headers(&headers);
    let answer: Response =
        match JsFuture::from(window().fetch_with_str_and_init(&save.action, &init)).await {
            Ok(answer) => answer.dyn_into().map_err(|_| Failure::Refused)?,
            Err(_) => return Err(Failure::NoSignal),
        };
    if matches!(answer.status(), 502..=504) {
        return Err(Failure::NoSignal);
    }
    if !answer.ok() {
        return Err(Failure::Refused);
    }
    let text = match answer.text() {
        Ok(text) => JsFuture::from(text).await.map_err(|_| Failure::NoSignal)?,
        Err(_) => return Err(Failure::Refused),
    };
    serde_json::from_str(&text.as_string().unwrap_or_default()).map_err(|_| Failure::Refused)
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

fn write(name: &str, save: &Save) {
    if let (Some(storage), Ok(json)) = (storage(), serde_json::to_string(save)) {
        let _ = storage.set_item(name, &json);
    }
}

fn read(name: &str) -> Option<Save> {
    let json = storage()?.get_item(name).ok()??;
    serde_json::from_str(&json).ok()
}

/// Forget the kept save under `name` if it is this one (a newer one may have taken its place).
fn remove(name: &str, key: &str) {
    if let Some(storage) = storage()
        && read(name).is_some_and(|save| save.key == key)
    {
        let _ = storage.remove_item(name);
    }
}

/// 16 random bytes as hex: the save's key.
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(crypto) = window().crypto() {
        let _ = crypto.get_random_values_with_u8_array(&mut bytes);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
