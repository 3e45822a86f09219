//! myvoice pages. Rendered on the server (`ssr`); in the browser only the interactive islands
//! (`#[island]`) run, from one small bundle per audience (`child-bundle`, `staff-bundle`).
#[cfg(feature = "ssr")]
pub mod app;
pub mod components;
#[cfg(feature = "ssr")]
pub mod dates;
#[cfg(feature = "ssr")]
pub mod drafts;
pub mod error;
pub mod gql;
pub mod model;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod session;
pub mod text;

#[cfg(feature = "ssr")]
pub use app::{App, shell};

/// A child is signed out after this many minutes without a page, a save or "I'm still here".
pub const IDLE_MINUTES: i64 = 20;

/// Name of the server's Leptos output under `/pkg/` (the stylesheet is `myvoice.css`). The
/// browser bundles are named by audience: see `components::Bundle`.
pub const OUTPUT_NAME: &str = "myvoice";

/// Entry point of a browser bundle: set up the reactive system; the page's loader script
/// (`components::IslandLoader`) then calls each island's own entry point.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
