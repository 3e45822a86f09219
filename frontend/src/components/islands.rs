//! Getting a page's islands running, and nothing more. Leptos's own `HydrationScripts` preloads
//! the bundle on every page, even with JavaScript off; a child's phone should download nothing it
//! will not run, so each page loads its audience's bundle only when it has an island.
use leptos::prelude::*;

/// Which browser bundle a page's islands are in (built by `scripts/lib.sh`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bundle {
    Child,
    Staff,
}

impl Bundle {
    pub const fn name(self) -> &'static str {
        match self {
            Bundle::Child => "child",
            Bundle::Staff => "staff",
        }
    }
}

/// The script at the end of a page: when the page has islands, fetch the bundle, start it, run
/// each island, then mark `<main data-hydrated="true">` (pages and browser tests use it to tell
/// "works without JavaScript" apart from "enhanced with JavaScript").
#[component]
pub fn IslandLoader(bundle: Bundle) -> impl IntoView {
    let name = bundle.name();
    let script = format!(
        r#"const islands = document.querySelectorAll("leptos-island");
if (islands.length) {{
  const bundle = await import("/pkg/{name}.js");
  await bundle.default({{ module_or_path: "/pkg/{name}_bg.wasm" }});
  bundle.hydrate();
  for (const island of islands) bundle[island.dataset.component]?.(island);
  document.getElementById("main")?.setAttribute("data-hydrated", "true");
}}"#
    );
    view! { <script type="module" nonce=leptos::nonce::use_nonce()>{script}</script> }
}

/// True once this island runs in the browser (effects never run during server rendering).
pub fn use_hydrated() -> ReadSignal<bool> {
    let (hydrated, set_hydrated) = signal(false);
    Effect::new(move |_| set_hydrated.set(true));
    hydrated
}
