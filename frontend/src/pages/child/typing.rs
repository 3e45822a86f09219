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
    /// No signal: the words wait on the phone.
    pub saved_on_phone: String,
}

impl TypingWords {
    pub fn from_text() -> Self {
        let t = crate::text::text();
        Self {
            letters_left: crate::text::phrase::letters_left_template(),
            saving: t.saving.to_owned(),
            saved: t.saved.to_owned(),
            saved_on_phone: t.saved_on_phone.to_owned(),
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
        saved_on_phone,
    } = words;
    let letters = RwSignal::new(letters);
    let hydrated = use_hydrated();
    let state = RwSignal::new(None::<String>);
    #[cfg(feature = "hydrate")]
    let show = super::autosave::Show {
        state,
        saving,
        saved,
        on_phone: saved_on_phone,
    };
    #[cfg(feature = "hydrate")]
    {
        // The buttons save the whole page: an autosave still waiting would only race them.
        let sending =
            window_event_listener(leptos::ev::submit, |ev| super::autosave::submitting(&ev));
        on_cleanup(move || sending.remove());
        let show = show.clone();
        Effect::new(move |_| super::autosave::resume(part, show.clone()));
    }
    #[cfg(not(feature = "hydrate"))]
    let _ = (part, &saving, &saved, &saved_on_phone);
    let on_input = move |ev: leptos::ev::Event| {
        letters.set(event_target_value(&ev).chars().count());
        #[cfg(feature = "hydrate")]
        super::autosave::schedule(part, show.clone());
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
