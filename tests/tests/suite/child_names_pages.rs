//! Issue 20, item 6, as a child in Chromium at 360×640 (tests/browser/child-names.mjs): the names
//! the child gives are used on the pages after; the journey's last page is "Step N of N"; "who has
//! read my views" opens from my meeting with each person once; the public pages have "Leave now"
//! and "I'm not safe right now"; the next action is on the first screen; the new pages pass axe;
//! and no page a child or parent sees uses staff words.
use serde_json::{Value, json};
use tests::app::{repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;
use super::child_pages::hold_mias_meeting;
use crate::views::{ADVOCATE, kid, ok};

/// Words staff use that a child or parent should never have to read (whole words, any case).
const STAFF_WORDS: &[&str] = &[
    "conference",
    "child protection",
    "family group conference",
    "child in need",
    "CLA",
    "LAC",
    "looked after",
    "placement",
    "contact",
    "case",
    "referral",
    "ISRO",
    "IRO",
    "core group",
    "safeguarding",
    "strategy meeting",
    "section 47",
    "CIN",
    "CP plan",
];

fn words_of(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The staff words (and phrases) in `text`, matched as whole words, any case.
pub(crate) fn staff_words_in(text: &str) -> Vec<&'static str> {
    let words = words_of(text);
    STAFF_WORDS
        .iter()
        .copied()
        .filter(|phrase| {
            let wanted = words_of(phrase);
            words.windows(wanted.len()).any(|w| w == wanted.as_slice())
        })
        .collect()
}

#[test]
fn staff_words_are_found_as_whole_words_only() {
    assert_eq!(
        staff_words_in("A Child Protection conference"),
        ["conference", "child protection"]
    );
    assert_eq!(staff_words_in("my CASE worker"), ["case"]);
    assert!(staff_words_in("Your meeting. Your say. Contacting? Placemat, miracle").is_empty());
}

fn screenshots() -> String {
    let dir = repo_root().join("target/screenshots/child");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

fn text(value: &Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

#[tokio::test]
async fn the_child_names_things_counts_steps_sees_readers_and_reads_no_staff_words() {
    let (app, held) = (spawn_demo_app().await, spawn_demo_app().await);
    hold_mias_meeting(&held).await;
    // The advocate reads Mia's views twice more: one person, three reads.
    let advocate = staff_token(&held.db, ADVOCATE).await;
    let mia = kid(&held.db, "Mia").await;
    for _ in 0..2 {
        ok(&held
            .graphql_as(
                Some(&advocate),
                "query($c: ID!) { caseViews(caseId: $c) { version } }",
                json!({ "c": mia.case }),
            )
            .await);
    }
    let args = vec![app.url(""), held.url(""), screenshots()];
    let results = tokio::task::spawn_blocking(move || run_browser_script("child-names.mjs", &args))
        .await
        .expect("browser script ran");
    let failed: Vec<&Value> = results
        .iter()
        .filter(|r| r.get("error").is_some())
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    let named =
        |name: &str| -> Vec<&Value> { results.iter().filter(|r| r["name"] == name).collect() };

    let pages = named("page");
    // Public pages and journey pages, both with JavaScript on and off.
    assert!(pages.len() >= 40, "{} pages", pages.len());
    let mut jargon = Vec::new();
    for page in &pages {
        let what = format!("{} (JavaScript {})", page["path"], page["javaScript"]);
        // Expected: the not-found page's own 404, and the "Leave now" beacon cut off as the page goes.
        let problems: Vec<&Value> = page["problems"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|p| {
                let p = p.as_str().unwrap_or_default();
                !p.ends_with("/no-such-page") && !p.ends_with("/api/child/leave")
            })
            .collect();
        assert!(
            problems.is_empty(),
            "{what}: console errors or failed requests: {problems:?}"
        );
        assert!(
            page["leaveNow"].as_u64() >= Some(1),
            "{what}: no \"Leave now\""
        );
        assert!(
            page["notSafe"].as_u64() >= Some(1),
            "{what}: no \"I'm not safe right now\""
        );
        if let Some(violations) = page.get("violations") {
            assert_eq!(violations, &json!([]), "{what}: axe-core (WCAG 2.2 AA)");
        }
        let found = staff_words_in(&text(&page["text"]));
        if !found.is_empty() {
            jargon.push(format!("{what}: {found:?}"));
        }
    }
    assert!(
        jargon.is_empty(),
        "staff words on pages a child sees:\n{}",
        jargon.join("\n")
    );
    for path in ["/", "/no-such-page", "/me/names", "/me/who-read"] {
        let checked = pages
            .iter()
            .filter(|p| p["path"] == path && p.get("violations").is_some())
            .count();
        assert!(checked >= 1, "{path} was checked by axe");
    }

    // "Leave now" from the landing page leaves, with JavaScript on and off.
    assert_eq!(named("left").len(), 2);
    for left in named("left") {
        assert_eq!(left["url"], "https://www.bbc.co.uk/weather", "{left}");
    }

    // Steps counted truly: 1 to 8, the last page before sending is "Step 8 of 8".
    for javascript in [true, false] {
        let progress: Vec<String> = pages
            .iter()
            .filter(|p| p["javaScript"] == javascript && p["progress"].is_string())
            .filter(|p| text(&p["path"]).starts_with("/me/"))
            .map(|p| text(&p["progress"]))
            .take(8)
            .collect();
        let expected: Vec<String> = (1..=8).map(|n| format!("Step {n} of 8")).collect();
        assert_eq!(progress, expected, "JavaScript {javascript}");
    }

    // The next action is on the first screen of a 360×640 phone.
    let screens = named("first-screen");
    assert_eq!(screens.len(), 4, "{screens:?}");
    for screen in screens {
        let bottom = screen["bottom"].as_f64().expect("the main button is there");
        assert!(
            bottom <= 640.0,
            "{screen}: the main button ends at {bottom} px"
        );
    }

    // Names, with JavaScript off: a name too long is refused with every box still filled in...
    let error = named("names-error")[0];
    assert!(
        text(&error["alert"]).contains("up to 60 letters"),
        "{error}"
    );
    assert_eq!(error["meeting"], "My big day");
    assert_eq!(text(&error["worries"]), "x".repeat(61));
    assert!(text(&named("names-saved")[0]["status"]).starts_with("Saved"));
    // ...and then every page uses the names.
    let on = |path: &str| -> Value {
        named("named")
            .into_iter()
            .find(|r| r["path"] == path && r.get("headings").is_some())
            .map(|r| r["headings"].clone())
            .unwrap_or_default()
    };
    let has = |path: &str, heading: &str| {
        let headings = on(path);
        assert!(
            headings
                .as_array()
                .is_some_and(|h| h.iter().any(|x| text(x).contains(heading))),
            "{path}: no heading \"{heading}\" in {headings}"
        );
    };
    has("/me", "My big day");
    has("/me/views/worries", "Stuff that bugs me");
    has("/me/views/going-well", "Good bits");
    has("/me/views/want-to-happen", "My wishes");
    has("/me/check", "Stuff that bugs me");
    has("/me/check", "Good bits");
    has("/me/check", "My wishes");
    has("/me/after", "What happened at “My big day”");
    let sent = named("named")
        .into_iter()
        .find(|r| r["path"] == "/me/sent")
        .expect("sent");
    assert!(text(&sent["text"]).contains("My big day"), "{sent}");

    // Who has read my views, from my meeting: the advocate once, with first and last read.
    let readers = named("who-read");
    assert_eq!(readers.len(), 2);
    for seen in readers {
        let lines = seen["readers"].as_array().cloned().unwrap_or_default();
        assert_eq!(lines.len(), 1, "{seen}");
        let line = text(&lines[0]);
        assert!(
            line.contains("your advocate") && line.contains("3 times"),
            "{line}"
        );
        // Read three times, here all in one minute: said once, with the count.
    }
}
