//! myvoice pages. Rendered on the server (`ssr`), hydrated in the browser (`hydrate`) when JavaScript is on.
pub mod app;
pub mod child;
pub mod components;
#[cfg(feature = "ssr")]
pub mod drafts;
pub mod error;
#[cfg(feature = "ssr")]
pub mod gql;
pub mod model;
pub mod routes;
#[cfg(feature = "ssr")]
pub mod session;
pub mod staff;
pub mod text;

pub use app::{App, shell};

/// A child is signed out after this many minutes without a page, a save or "I'm still here".
pub const IDLE_MINUTES: i64 = 20;

/// Name of the browser bundle under `/pkg/` (`myvoice.js`, `myvoice_bg.wasm`).
pub const OUTPUT_NAME: &str = "myvoice";

/// Entry point of the browser bundle: attach to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
