//! The same pages in Chromium at desktop size with JavaScript on, axe on every page; and the
//! admin's Agencies, Notifications and data protection pages, tested elsewhere only without
//! JavaScript.
use std::path::PathBuf;

use serde_json::{Value, json};
use tests::app::{TestApp, child_token, repo_root, spawn_demo_app};

use super::MOVED;
use crate::browser::run_browser_script;
use crate::plain_browser::PlainBrowser;

/// What the child's record page says once a legal hold is placed.
const HELD: &str = "The record is under a legal hold: nothing about the child will be removed.";

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

async fn run(app: &TestApp, script: &'static str) -> Vec<Value> {
    let args = vec![app.url(""), screenshots()];
    tokio::task::spawn_blocking(move || run_browser_script(script, &args))
        .await
        .expect("browser script ran")
}

fn assert_pages(results: &[Value]) {
    let pages: Vec<&Value> = results.iter().filter(|r| r["page"].is_string()).collect();
    assert!(!pages.is_empty(), "{results:?}");
    for page in pages {
        let what = format!("{} (JavaScript {})", page["page"], page["javaScript"]);
        assert_eq!(page["violations"], json!([]), "{what}: accessibility");
        assert_eq!(page["overflow"], false, "{what}: scrolls sideways");
        assert_eq!(page["smallTargets"], json!([]), "{what}: small targets");
    }
}

#[tokio::test]
async fn a_social_worker_adds_a_child_and_a_meeting_and_moves_it_in_chromium() {
    let app = spawn_demo_app().await;
    let results = run(&app, "staff-records.mjs").await;
    assert_pages(&results);
    let run = results
        .iter()
        .find(|r| r["run"].is_string())
        .expect("the run's result");
    assert!(run.get("error").is_none(), "{run}");
    assert_eq!(
        run["problems"],
        json!([]),
        "console errors or failed requests"
    );
    assert_eq!(run["addressesCarryingText"], json!([]));
    assert_eq!(
        run["childAdded"],
        "Child added. Add their meeting from their card below."
    );
    assert_eq!(
        run["dateError"],
        "That time has passed: choose a time still to come."
    );
    assert_eq!(run["placeKept"], "Family centre, Taunton");
    assert_eq!(run["policeKept"], true);
    assert_eq!(run["meetingAdded"], "Meeting added.");
    assert!(
        run["moved"]
            .as_str()
            .is_some_and(|m| m.starts_with("Meeting moved.")),
        "{run}"
    );
    let token = child_token(&app.db, "Zara").await;
    let mut zara = PlainBrowser::child(&app, &token);
    let page = zara.open("/me").await;
    assert!(page.body.contains(MOVED), "{}", page.body);
}

#[tokio::test]
async fn the_admins_agencies_and_notifications_pages_in_chromium() {
    let app = spawn_demo_app().await;
    let results = run(&app, "staff-admin-pages.mjs").await;
    assert_pages(&results);
    let run = results
        .iter()
        .find(|r| r["run"].is_string())
        .expect("the run's result");
    assert!(run.get("error").is_none(), "{run}");
    assert_eq!(
        run["problems"],
        json!([]),
        "console errors or failed requests"
    );
    assert_eq!(run["saved"], "Oak Hill Academy is saved.");
    assert_eq!(run["dutyListed"], true, "{run}");
    assert_eq!(run["held"], HELD, "{run}");
}
