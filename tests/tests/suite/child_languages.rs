//! The child's and the family's pages in English, Welsh, Polish and Arabic, in real Chromium at
//! 360×640: each page passes axe-core, says its language in `<html lang>`, is mirrored for Arabic,
//! fits the phone, and is screenshotted under target/screenshots/languages/. The language picked is
//! the child's own: it is kept on their record (audited) and comes back when they sign in elsewhere.
use std::path::PathBuf;

use entity::audit_event;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{repo_root, spawn_demo_app};

use super::browser::run_browser_script;
use super::child_pages::hold_mias_meeting;
use super::referrals::child_named;

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/languages");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

#[tokio::test]
async fn every_child_and_public_page_reads_and_mirrors_right_in_four_languages() {
    let (app, held) = (spawn_demo_app().await, spawn_demo_app().await);
    hold_mias_meeting(&held).await;
    let (url, held_url, shots) = (app.url(""), held.url(""), screenshots());
    let results = tokio::task::spawn_blocking(move || {
        run_browser_script("child-languages.mjs", &[url, held_url, shots])
    })
    .await
    .expect("browser script ran");

    for result in &results {
        assert!(result.get("error").is_none(), "{result}");
        assert_eq!(
            result["problems"],
            json!([]),
            "console errors or outside requests: {result}"
        );
    }
    let pages: Vec<&Value> = results.iter().filter(|r| r.get("lang").is_some()).collect();
    // 8 public pages, 14 signed in, 2 after the meeting: in each of the 4 languages.
    assert_eq!(pages.len(), 4 * 24, "{pages:?}");
    let mut headings: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for page in &pages {
        let lang = page["lang"].as_str().expect("a language");
        let what = format!("{} in {lang}", page["name"]);
        assert_eq!(
            page["violations"],
            json!([]),
            "{what}: axe-core (WCAG 2.2 AA)"
        );
        assert_eq!(page["htmlLang"], lang, "{what}: <html lang>");
        let dir = if lang == "ar" { "rtl" } else { "ltr" };
        assert_eq!(page["dir"], dir, "{what}: <html dir>");
        assert_eq!(page["mainTextAlign"], dir, "{what}: the heading runs {dir}");
        assert_eq!(
            page["overflow"], false,
            "{what}: scrolls sideways at 360 px"
        );
        assert_eq!(
            page["smallTargets"],
            json!([]),
            "{what}: targets under 44 px"
        );
        let name = page["name"].as_str().expect("a name").to_owned();
        headings
            .entry(name)
            .or_default()
            .push(page["h1"].as_str().unwrap_or_default().to_owned());
    }
    // Each page's heading is in its own words in each language, not English left in.
    for (page, said) in &headings {
        let distinct: std::collections::BTreeSet<&String> = said.iter().collect();
        assert_eq!(
            distinct.len(),
            4,
            "{page}: the same heading in two languages: {said:?}"
        );
    }
    assert!(
        pages
            .iter()
            .any(|p| p["lang"] == "cy" && p["h1"] == "Dy gyfarfod. Dy lais.")
    );
    assert!(
        pages
            .iter()
            .any(|p| p["lang"] == "pl" && p["h1"] == "Cześć, Mia")
    );

    // The last language picked (Arabic) is Mia's own now, and was recorded each time she chose.
    let fresh = results
        .iter()
        .find(|r| r["name"] == "fresh-browser")
        .expect("the fresh browser's visit");
    assert_eq!(
        fresh["before"], "en",
        "nothing chosen in a new browser: English"
    );
    assert_eq!(
        fresh["after"], "ar",
        "signing in brings Mia's language back"
    );
    assert_eq!(fresh["dir"], "rtl");
    let mia = child_named(&app.db, "Mia").await;
    assert_eq!(mia.language, "ar");
    let chosen = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("child.language_set"))
        .all(&app.db)
        .await
        .expect("read");
    assert_eq!(
        chosen.len(),
        3,
        "Welsh, Polish, Arabic (English was already hers)"
    );
}
