//! myvoice pages. Rendered on the server (`ssr`), hydrated in the browser (`hydrate`) when JavaScript is on.
pub mod app;
pub mod routes;

pub use app::{App, shell};

/// Name of the browser bundle under `/pkg/` (`myvoice.js`, `myvoice_bg.wasm`).
pub const OUTPUT_NAME: &str = "myvoice";

/// Entry point of the browser bundle: attach to the server-rendered page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_body(App);
}
