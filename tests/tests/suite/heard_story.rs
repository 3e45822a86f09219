//! Issue 20's story in Chromium, on the demo data as new users would try it, with JavaScript on and
//! off (each on its own app): the advocate writes down three things Mia said → Mia confirms them on
//! her phone → the advocate shares them and saves the statement as a PDF → the social worker and the
//! chair read them before the meeting, and the chair sends Mia a message → the meeting takes place
//! → the chair answers each point → Mia sees each answer, thanks the chair, and sees who read her
//! views. Every page is checked (axe as served and hydrated, no sideways scrolling), the child's at
//! 360×640; after the steps the API is asked what it now holds.
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, hold_meeting_of, repo_root, spawn_demo_app, staff_token};

use api::graphql::ids::NodeKind;

use crate::staff_statement::pdf_text;
use crate::staff_story::step_of;

const UNCONFIRMED: &str = "Written by the advocate - not yet confirmed by the child";
const CONFIRMED: &str = "Written by the advocate - confirmed by the child on their phone";

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, got {value}"))
}

async fn step(app: &TestApp, js: &'static str, name: &'static str, input: Value) -> Value {
    step_of(app, "heard-story.mjs", js, name, input).await
}

async fn story(app: &TestApp, js: &'static str) {
    let words = step(app, js, "words", json!({})).await;
    let said = words["said"].clone();
    let case_path = text(&words["casePath"]).to_owned();
    let label = text(&words["label"]);
    assert!(label.contains(UNCONFIRMED), "JS {js}: {label}");
    assert!(label.contains(text(&said["worry"])), "JS {js}: {label}");

    let confirm = step(app, js, "confirm", json!({})).await;
    for part in ["worry", "goingWell", "want"] {
        assert!(
            text(&confirm["asked"]).contains(text(&said[part])),
            "JS {js}: Mia is asked about her {part}: {confirm}"
        );
    }
    assert!(text(&confirm["asked"]).contains("Is this what you said?"));
    assert_eq!(
        text(&confirm["notice"]),
        "Thank you. Now everyone knows these are your own words."
    );
    assert_eq!(confirm["stillAsked"], 0, "JS {js}: asked once only");

    let pdfs = repo_root().join("target/statements");
    std::fs::create_dir_all(&pdfs).expect("pdf folder");
    let share = step(
        app,
        js,
        "share",
        json!({ "casePath": case_path, "pdfDir": pdfs.display().to_string() }),
    )
    .await;
    assert!(
        text(&share["label"]).contains(CONFIRMED),
        "JS {js}: {share}"
    );
    let pdf = pdf_text(text(&share["pdf"]));
    for part in ["worry", "goingWell", "want"] {
        let words = text(&said[part]);
        assert!(
            pdf.contains(words),
            "JS {js}: the PDF lacks {words:?}: {pdf}"
        );
    }
    assert!(pdf.contains("confirmed by the child"), "JS {js}: {pdf}");

    let read = step(app, js, "read", json!({})).await;
    assert!(text(&read["views"]).contains(text(&said["want"])), "{read}");

    let message = step(app, js, "message", json!({})).await;
    assert!(
        text(&message["views"]).contains(CONFIRMED),
        "JS {js}: {message}"
    );
    assert_eq!(
        text(&message["notice"]),
        "Your message was sent. The child sees it on their next visit."
    );
    assert!(
        text(&message["listed"]).contains(text(&message["message"])),
        "{message}"
    );

    let meeting_id = NodeKind::Meeting
        .id(hold_meeting_of(&app.db, "Mia").await)
        .0;
    let record = step(app, js, "record", json!({})).await;
    let points = record["points"].as_array().expect("points");
    assert_eq!(
        points.len(),
        3,
        "JS {js}: one per thing Mia said: {points:?}"
    );
    for (point, part) in points.iter().zip(["worry", "goingWell", "want"]) {
        assert!(text(point).contains(text(&said[part])), "JS {js}: {point}");
    }

    let after = step(app, js, "after", json!({})).await;
    assert!(
        text(&after["messages"]).contains(text(&message["message"])),
        "JS {js}: Mia sees the chair's message: {after}"
    );
    assert!(
        text(&after["answered"]).contains("You said thank you."),
        "{after}"
    );
    let readers = after["readers"].to_string();
    assert!(
        readers.contains("Tom") && readers.contains("Helen"),
        "JS {js}: the social worker and the chair read Mia's views: {readers}"
    );
    let page = text(&after["after"]);
    for reader in [
        "Priya (your advocate)",
        "Tom (your social worker)",
        "Helen (",
    ] {
        assert_eq!(
            page.matches(reader).count(),
            1,
            "JS {js}: each reader once on \"What happened\": {page}"
        );
    }
    // Each thing Mia said, then the meeting's answer to it, in child words.
    let leads = [
        "The meeting agreed.",
        "Not this time, because",
        "We will talk about it",
    ];
    for ((part, [_, answer]), lead) in ["worry", "goingWell", "want"]
        .iter()
        .zip(answers(&record))
        .zip(leads)
    {
        let said = format!("You said: {}", text(&said[part]));
        let answered = format!("{said} {lead} {answer}");
        assert!(page.contains(&answered), "JS {js}: {answered:?} in {page}");
    }

    // What the API now holds: Mia's answer, and the answers she can read.
    let chair = staff_token(&app.db, "isro@demo.myvoice").await;
    let sent = app
        .graphql_as(
            Some(&chair),
            "query($m: ID!) { meetingMessages(meetingId: $m) { words reply } }",
            json!({ "m": meeting_id }),
        )
        .await;
    let replies = sent["data"]["meetingMessages"].clone();
    assert_eq!(
        replies,
        json!([{ "words": message["message"], "reply": "THANK_YOU" }]),
        "JS {js}: {sent}"
    );
    let mia = child_token(&app.db, "Mia").await;
    let mine = app
        .graphql_as(
            Some(&mia),
            "{ myCurrentMeeting { answers { said kind words } } }",
            json!({}),
        )
        .await;
    let kinds: Vec<&Value> = mine["data"]["myCurrentMeeting"]["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| &a["kind"])
        .collect();
    assert_eq!(
        kinds,
        vec!["AGREED", "NOT_THIS_TIME", "TALK_ABOUT_LATER"],
        "JS {js}: {mine}"
    );
}

fn answers(record: &Value) -> Vec<[String; 2]> {
    record["answers"]
        .as_array()
        .expect("answers")
        .iter()
        .map(|a| [text(&a[0]).to_owned(), text(&a[1]).to_owned()])
        .collect()
}

#[tokio::test]
async fn each_thing_mia_said_is_confirmed_shared_answered_and_comes_back_to_her() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    story(&on, "on").await;
    story(&off, "off").await;
}
