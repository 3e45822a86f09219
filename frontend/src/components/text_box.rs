//! The one way to draw a `<textarea>` (a test fails on any other). Leptos' server renderer writes a
//! textarea's children as they are, unescaped (tachys treats `textarea` like `script`), so text put
//! there as a child could close the box and run script: `</textarea><script>…`. Here the text goes
//! in as HTML we escaped ourselves, which the browser parses back to exactly the text.
//!
//! In the browser: hydrating leaves the box alone, so what was typed before the bundle loaded
//! stays; a box drawn in the browser (or drawn again with other text, e.g. both texts kept after a
//! clash) also gets the `value` property, so it shows the text even if someone had typed in it.
use leptos::prelude::*;

/// A text box holding `value`. Further attributes (`attr:aria-describedby`, …) and events
/// (`on:input`) go on the `<textarea>` itself.
#[component]
pub fn TextBox(
    #[prop(into)] id: String,
    #[prop(into)] name: String,
    #[prop(into, optional)] value: String,
    rows: u32,
    maxlength: usize,
) -> impl IntoView {
    let html = escaped(&value);
    let property = browser_value(value);
    view! {
        <textarea id=id name=name rows=rows maxlength=maxlength inner_html=html prop:value=property></textarea>
    }
}

/// The text as the content of a `<textarea>`: `&`, `<` and `>` escaped (nothing else is special
/// there). The HTML parser drops one line break right after `<textarea>`, so the server writes
/// one first to keep a text that starts with a line break whole; a browser setting `innerHTML`
/// drops none.
fn escaped(text: &str) -> String {
    let lead = if cfg!(feature = "ssr") { "\n" } else { "" };
    format!("{lead}{}", html_escape::encode_text(text))
}

/// The `value` property to set: none while hydrating (the page already shows the text, and
/// anything typed since must stay), the text whenever the box is drawn in the browser.
#[cfg(feature = "hydrate")]
fn browser_value(text: String) -> Option<leptos::wasm_bindgen::JsValue> {
    let hydrating = Owner::current_shared_context().is_some_and(|sc| sc.during_hydration());
    (!hydrating).then(|| leptos::wasm_bindgen::JsValue::from_str(&text))
}

/// On the server properties are not rendered.
#[cfg(not(feature = "hydrate"))]
fn browser_value(_text: String) -> Option<leptos::wasm_bindgen::JsValue> {
    None
}

#[cfg(test)]
mod tests {
    use super::escaped;

    #[test]
    fn text_cannot_leave_the_box() {
        let lead = if cfg!(feature = "ssr") { "\n" } else { "" };
        assert_eq!(
            escaped("</textarea><script>alert(1)</script>"),
            format!("{lead}&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
        );
        // Already-escaped text stays as typed: "&lt;" is shown as "&lt;", not "<".
        assert_eq!(
            escaped("a &lt; b & \"c\""),
            format!("{lead}a &amp;lt; b &amp; \"c\"")
        );
    }
}

/// The guard: `<textarea` is written nowhere in the pages' source but here.
#[cfg(test)]
mod guard {
    use std::path::{Path, PathBuf};

    fn sources(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("read the source folder") {
            let path = entry.expect("source entry").path();
            if path.is_dir() {
                sources(&path, found);
            } else if path.extension().is_some_and(|e| e == "rs") {
                found.push(path);
            }
        }
    }

    #[test]
    fn every_text_box_is_drawn_by_text_box() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        sources(&src, &mut files);
        assert!(files.len() > 20, "found the sources: {files:?}");
        let this = src.join("components").join("text_box.rs");
        let offenders: Vec<String> = files
            .iter()
            .filter(|path| **path != this)
            .filter_map(|path| {
                let text = std::fs::read_to_string(path).expect("read a source file");
                let lower = text.to_lowercase();
                // The element in `view!`, or built by hand with `leptos::html::textarea()`.
                (lower.contains("<textarea") || lower.contains("textarea()"))
                    .then(|| path.display().to_string())
            })
            .collect();
        assert!(
            offenders.is_empty(),
            "draw text boxes with components::TextBox (it escapes the text); found <textarea in {offenders:?}"
        );
    }
}
