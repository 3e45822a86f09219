//! Whose words staff are reading (issue 20): views the advocate wrote down for the child (from a
//! visit or a paper sheet) are labelled wherever staff see them, until the child confirms them.
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who wrote the views, and whether the child confirmed the advocate's writing.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Authorship {
    pub by_advocate: bool,
    /// "on their phone" / "in person on 2026-12-06"; `None` while not confirmed.
    pub confirmed: Option<String>,
}

impl Authorship {
    /// From the schema's fields as any page's generated types hold them (`ADVOCATE`, `IN_PERSON`).
    pub fn new(
        written_by: &str,
        confirmed: bool,
        how: Option<&str>,
        on: Option<chrono::NaiveDate>,
    ) -> Self {
        let confirmed = confirmed.then(|| match (how, on) {
            (Some("IN_PERSON"), Some(on)) => format!("in person on {}", on.format("%-d %B %Y")),
            (Some("IN_PERSON"), None) => "in person".to_owned(),
            _ => "on their phone".to_owned(),
        });
        Self {
            by_advocate: written_by == "ADVOCATE",
            confirmed,
        }
    }

    /// The label staff see, or nothing for the child's own words.
    pub fn label(&self) -> Option<String> {
        if !self.by_advocate {
            return None;
        }
        Some(match &self.confirmed {
            None => "Written by the advocate - not yet confirmed by the child".to_owned(),
            Some(how) => format!("Written by the advocate - confirmed by the child {how}"),
        })
    }
}

/// `Authorship` from a generated views type with `writtenBy confirmedAt confirmedHow confirmedOn`.
#[macro_export]
macro_rules! authorship {
    ($views:expr) => {{
        let views = &$views;
        $crate::components::Authorship::new(
            &format!("{:?}", views.written_by),
            views.confirmed_at.is_some(),
            views
                .confirmed_how
                .as_ref()
                .map(|h| format!("{h:?}"))
                .as_deref(),
            views.confirmed_on,
        )
    }};
}

/// The label above views staff read, when the advocate wrote them.
#[component]
pub fn WrittenBy(authorship: Authorship) -> impl IntoView {
    let unconfirmed = authorship.confirmed.is_none();
    authorship.label().map(|label| {
        view! {
            <p class=if unconfirmed { "written-by unconfirmed" } else { "written-by" }>
                <strong>{label}</strong>
            </p>
        }
    })
}
