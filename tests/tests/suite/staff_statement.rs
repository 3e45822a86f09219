//! The statement of a child's views in real Chromium (issue 20), JavaScript off and on: the advocate
//! records handing the printed statement to the family (the one audience Mia agreed to that gets no
//! share), opens the statement, and saves it as a PDF as the print window's "Save as PDF" does; the
//! social worker opens it from the views shared with them. The PDF's text, read back with pdftotext
//! (poppler-utils, from Debian), holds Mia's exact words. Axe shows no violations on every page.
use std::process::Command;

use serde_json::{Value, json};
use tests::app::{child_token, repo_root, spawn_demo_app};

use super::browser::run_browser_script;
use crate::sharing::share;
use crate::views::{kid, ok, save, submit, views_row};
use api::graphql::ids::NodeKind;

const WORRIES: [&str; 2] = [
    "I don't know if I can still see my brother.",
    "Dad shouts when he's had a drink — it's scary.",
];
const GOING_WELL: &str = "I like my foster carers' dog, Biscuit.";
const WANT: &str = "See my brother every Saturday.";
const FREE_WORDS: &str = "Please read this out at the start. I want them to hear it from me.";

/// The text of a PDF as a reader sees it, read by pdftotext.
pub(crate) fn pdf_text(path: &str) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", path, "-"])
        .output()
        .expect("pdftotext runs (poppler-utils from Debian; scripts/lib.sh installs it)");
    assert!(out.status.success(), "pdftotext failed on {path}");
    // Lines wrap where the page ends them: compare words, not line breaks.
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn check_pages(result: &Value, run: &str) {
    let checks = result["checks"].as_array().expect("page checks");
    assert_eq!(checks.len(), 3, "{run}: {checks:?}");
    for check in checks {
        let page = format!("{run}: {}", check["page"]);
        assert_eq!(check["violations"], json!([]), "{page}: axe violations");
        assert_eq!(check["overflow"], false, "{page}: scrolls sideways");
    }
}

#[tokio::test]
async fn the_statement_prints_and_saves_as_a_pdf_with_the_childs_exact_words() {
    let app = spawn_demo_app().await;
    let mia = kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    let content = json!({
        "worries": WORRIES,
        "goingWell": [GOING_WELL],
        "wantToHappen": [WANT],
        "freeWords": FREE_WORDS,
        "feeling": "WORRIED",
        "attendance": "ADVOCATE_SPEAKS_FOR_ME",
        "shareWithSocialWorker": true,
        "shareWithChair": true,
        "shareWithFamily": true,
    });
    ok(&save(&app, &token, &mia.meeting, 1, content).await);
    ok(&submit(&app, &token, &mia.meeting, 2, "mia-statement-page").await);
    ok(&share(&app, &mia.case).await);
    let views = NodeKind::Views
        .id(views_row(&app.db, &mia).await.unwrap().id)
        .0;

    let shots = repo_root().join("target/screenshots/staff");
    let pdfs = repo_root().join("target/statements");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    std::fs::create_dir_all(&pdfs).expect("pdf folder");
    let args = vec![
        app.url(""),
        shots.display().to_string(),
        format!("/staff/cases/{}", mia.case),
        views.clone(),
        pdfs.display().to_string(),
    ];
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("staff-statement.mjs", &args))
            .await
            .expect("browser script ran");
    assert_eq!(results.len(), 2, "{results:?}");

    for result in &results {
        let js = result["javaScript"].as_bool().expect("javaScript flag");
        let run = format!(
            "statement with JavaScript {}",
            if js { "on" } else { "off" }
        );
        assert!(result.get("error").is_none(), "{run} failed: {result}");
        assert_eq!(
            result["problems"],
            json!([]),
            "{run}: console errors or failed requests"
        );
        check_pages(result, &run);
        if !js {
            assert_eq!(
                result["offered"],
                json!(["Family"]),
                "{run}: only the family is handed a copy"
            );
        }
        let went = result["went"].as_str().unwrap_or_default();
        assert!(
            went.contains("Family: printed statement handed over on")
                && went.contains("Social worker: shared"),
            "{run}: {went}"
        );
        // With JavaScript the button prints; without it the page says how.
        assert_eq!(
            result["printButton"],
            json!(if js { 1 } else { 0 }),
            "{run}"
        );

        let text = pdf_text(result["pdf"].as_str().expect("pdf path"));
        for words in WORRIES.iter().chain([&GOING_WELL, &WANT, &FREE_WORDS]) {
            assert!(
                text.contains(words),
                "{run}: the PDF lacks {words:?}: {text}"
            );
        }
        assert!(text.contains("Mia's views: statement"), "{run}: {text}");
        assert!(
            text.contains("Tom Reed: version 2 shared"),
            "{run}: who it went to: {text}"
        );
        assert!(
            text.contains("Printed statement (version 2) handed over on"),
            "{run}: {text}"
        );
        assert!(
            !text.contains("Back to your first page"),
            "{run}: the page's links are not printed"
        );

        let seen = result["socialWorkerSees"].as_str().unwrap_or_default();
        assert!(
            seen.contains(FREE_WORDS) && seen.contains(WORRIES[1]),
            "{run}: {seen}"
        );
    }
}
