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
            letters_left: t.letters_left.to_owned(),
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
    use wasm_bindgen::JsCast;
    use web_sys::{HtmlInputElement, HtmlTextAreaElement};

    use super::super::views::{Go, Part, save_views};

    thread_local! {
        static PENDING: std::cell::RefCell<Option<leptos::leptos_dom::helpers::TimeoutHandle>> = const { std::cell::RefCell::new(None) };
    }

    /// Save the whole form 1.5 s after the last key, through the same server function.
    pub fn schedule(
        part: Part,
        state: RwSignal<Option<String>>,
        saving: String,
        saved: String,
    ) {
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

    fn boxes(selector: &str) -> Vec<String> {
        document()
            .query_selector_all(selector)
            .map(|list| {
                (0..list.length())
                    .filter_map(|i| list.item(i))
                    .filter_map(|node| node.dyn_into::<HtmlTextAreaElement>().ok())
                    .map(|area| area.value())
                    .collect()
            })
            .unwrap_or_default()
    }

    fn version_input() -> Option<HtmlInputElement> {
        document()
            .query_selector("#views-form input[name='version']")
            .ok()
            .flatten()
            .and_then(|node| node.dyn_into::<HtmlInputElement>().ok())
    }

    fn save_now(part: Part, state: RwSignal<Option<String>>, saving: String, saved_words: String) {
        let Some(version) = version_input().and_then(|input| input.value().parse::<i32>().ok())
        else {
            return;
        };
        let items = boxes("#views-form textarea[name^='items']");
        let words = boxes("#views-form textarea[name='words']").pop();
        state.set(Some(saving));
        leptos::task::spawn_local(async move {
            let is_list = !matches!(part, Part::AnythingElse);
            let result = save_views(
                part,
                version,
                Go::Stay,
                is_list.then_some(items),
                None,
                words,
                None,
                None,
                None,
                None,
                None,
                None,
            )
            .await;
            match result {
                Ok(saved) if saved.kept_both => {
                    // The boxes on screen are out of date: show both texts, as without JavaScript.
                    let _ = window()
                        .location()
                        .set_href(&format!("{}?kept=both", part.href()));
                }
                Ok(saved) => {
                    if let Some(input) = version_input() {
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
}
