//! Real Chromium at phone size: pages render without JavaScript and hydrate with it.
use std::process::Command;

use serde_json::Value;
use tests::app::{repo_root, spawn_app};

/// Run a script from tests/browser with node; each stdout line is one JSON result.
pub(crate) fn run_browser_script(script: &str, args: &[String]) -> Vec<Value> {
    let dir = repo_root().join("tests/browser");
    assert!(
        dir.join("node_modules/playwright-core").exists(),
        "run scripts/test.sh: it installs playwright-core"
    );
    let output = Command::new("node")
        .arg(dir.join(script))
        .args(args)
        .output()
        .expect("node runs");
    assert!(
        output.status.success(),
        "{script} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("JSON line"))
        .collect()
}

#[tokio::test]
async fn pages_load_a_bundle_only_for_their_islands_and_only_with_javascript() {
    let app = spawn_app().await;
    let shots = repo_root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let args = vec![
        app.url(""),
        shots.display().to_string(),
        "/".into(),
        "/staff".into(),
        "/sign-in".into(),
    ];
    let results = tokio::task::spawn_blocking(move || run_browser_script("hydration.mjs", &args))
        .await
        .unwrap();
    assert_eq!(results.len(), 6, "{results:?}");
    for result in &results {
        let page = format!("{} (JavaScript {})", result["path"], result["javaScript"]);
        assert_eq!(
            result["problems"],
            serde_json::json!([]),
            "{page}: console errors, failed or third-party requests"
        );
        assert_eq!(
            result["overflow"], false,
            "{page}: scrolls sideways at 360 px"
        );
        assert!(
            !result["heading"].as_str().unwrap_or_default().is_empty(),
            "{page}: no heading"
        );
        let javascript = result["javaScript"] == true;
        let islands = result["islands"].as_u64().unwrap_or_default();
        // The staff sign-in has nothing interactive; the landing page and the child's sign-in have
        // "Leave now", which leaves the history behind with JavaScript.
        let interactive = result["path"] != "/staff";
        assert_eq!(islands > 0, interactive, "{page}: islands");
        assert_eq!(
            result["hydrated"],
            javascript && interactive,
            "{page}: the islands run only with JavaScript"
        );
        let expected = if javascript && interactive {
            serde_json::json!(["/pkg/child.js", "/pkg/child_bg.wasm"])
        } else {
            serde_json::json!([])
        };
        assert_eq!(result["bundles"], expected, "{page}: bundle files fetched");
    }
}
