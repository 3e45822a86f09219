//! The views text boxes with JavaScript on: a live letter count, and a save a moment after the
//! child stops typing. An island around server-rendered boxes: without JavaScript the same boxes
//! are saved by the form's buttons. The form's hidden `version` input is the one version both
//! ways: an autosave reads it and writes the new one back.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::views::Part;
use crate::components::use_hydrated;

/// The few words the island shows, in the child's language (sent with the page, see `islands`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TypingWords {
    /// "{n} letters left"
    pub letters_left: String,
    pub saving: String,
    pub saved: String,
}

impl TypingWords {
    pub fn from_text() -> Self {
        let t = crate::text::text();
        Self {
            letters_left: crate::text::phrase::letters_left_template(),
            saving: t.saving.to_owned(),
            saved: t.saved.to_owned(),
        }
    }
}

/// Wraps a label and its text box (`children`): counts the letters of whatever is typed inside and
/// schedules the autosave.
#[island]
pub fn TypingHelp(
    part: Part,
    max: usize,
    letters: usize,
    count_id: String,
    words: TypingWords,
    children: Children,
) -> impl IntoView {
    let TypingWords {
        letters_left,
        saving,
        saved,
    } = words;
    let letters = RwSignal::new(letters);
    let hydrated = use_hydrated();
    let state = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    {
        // The buttons save the whole page: an autosave still waiting would only race them.
        let sending = window_event_listener(leptos::ev::submit, |_| autosave::cancel());
        on_cleanup(move || sending.remove());
    }
    let on_input = move |ev: leptos::ev::Event| {
        letters.set(event_target_value(&ev).chars().count());
        #[cfg(feature = "hydrate")]
        autosave::schedule(part, state, saving.clone(), saved.clone());
        #[cfg(not(feature = "hydrate"))]
        let _ = (part, &saving, &saved);
    };
    view! {
        <div class="field" on:input=on_input>
            {children()}
            <p class="count" id=count_id aria-live="polite" hidden=move || !hydrated.get()>
                {move || letters_left.replace("{n}", &(max.saturating_sub(letters.get())).to_string())}
                " "
                <span class="save-state">{move || state.get()}</span>
            </p>
        </div>
    }
}

#[cfg(feature = "hydrate")]
mod autosave {
    use std::time::Duration;

    use leptos::prelude::*;
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        FormData, HtmlFormElement, HtmlInputElement, RequestInit, Response, UrlSearchParams,
    };

    use super::super::views::{Part, Saved};

    thread_local! {
        static PENDING: std::cell::RefCell<Option<leptos::leptos_dom::helpers::TimeoutHandle>> = const { std::cell::RefCell::new(None) };
    }

    /// Save 1.5 s after the last key.
    pub fn schedule(part: Part, state: RwSignal<Option<String>>, saving: String, saved: String) {
        cancel();
        let handle = set_timeout_with_handle(
            move || save_now(part, state, saving, saved),
            Duration::from_millis(1500),
        )
        .ok();
        PENDING.with_borrow_mut(|pending| *pending = handle);
    }

    /// Forget a save that is still waiting.
    pub fn cancel() {
        if let Some(handle) = PENDING.with_borrow_mut(Option::take) {
            handle.clear();
        }
    }

    fn form() -> Option<HtmlFormElement> {
        document()
            .get_element_by_id("views-form")
            .and_then(|node| node.dyn_into::<HtmlFormElement>().ok())
    }

    fn save_now(part: Part, state: RwSignal<Option<String>>, saving: String, saved_words: String) {
        let Some(form) = form() else {
            return;
        };
        state.set(Some(saving));
        leptos::task::spawn_local(async move {
            match post(&form).await {
                Ok(saved) if saved.kept_both => {
                    // The boxes on screen are out of date: show both texts, as without JavaScript.
                    let _ = window()
                        .location()
                        .set_href(&format!("{}?kept=both", part.href()));
                }
                Ok(saved) => {
                    if let Some(input) = form
                        .query_selector("input[name='version']")
                        .ok()
                        .flatten()
                        .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
                    {
                        // The attribute too: it is what the form sends.
                        let value = saved.version.to_string();
                        let _ = input.set_attribute("value", &value);
                        input.set_value(&value);
                    }
                    state.set(Some(saved_words));
                }
                Err(_) => state.set(None),
            }
        });
    }

    /// The form exactly as its buttons send it, to the same server function, with "stay": one
    /// way to save with JavaScript or without. Asking for JSON makes the server answer instead of
    /// sending the browser on.
    async fn post(form: &HtmlFormElement) -> Result<Saved, JsValue> {
        let data = FormData::new_with_form(form)?;
        data.set_with_str("go", "stay")?;
        let body = UrlSearchParams::new_with_str_sequence_sequence(&data)?;
        let init = RequestInit::new();
        init.set_method("POST");
        init.set_body(&body);
        let headers = web_sys::Headers::new()?;
        headers.set("Accept", "application/json")?;
        init.set_headers(&headers);
        let answer: Response =
            JsFuture::from(window().fetch_with_str_and_init(&form.action(), &init))
                .await?
                .dyn_into()?;
        if !answer.ok() {
            return Err(JsValue::from_str("not saved"));
        }
        let text = JsFuture::from(answer.text()?)
            .await?
            .as_string()
            .unwrap_or_default();
        serde_json::from_str(&text).map_err(|_| JsValue::from_str("unexpected answer"))
    }
}
