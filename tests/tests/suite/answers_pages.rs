//! "You said → we decided" in the pages, JavaScript off (a plain browser posting forms): the chair
//! sees each of Mia's points on the record form, a record with a point unanswered comes back with
//! the message and every answer typed (escaped in its box); with every point answered it is saved;
//! Mia's "What happened at my meeting" shows "You said: …" with each answer in plain words.
use tests::app::{child_token, spawn_demo_app, staff_token};

use super::plain_browser::{Page, PlainBrowser, text_boxes, urlencode};
use super::staff_meetings::views_shared_then_meeting_held;

const ISRO: &str = "isro@demo.myvoice";
const RECORD: &str = "/api/staff/record-meeting";
/// Markup typed into an answer: it must come back as text, never as HTML.
const TRICKY: &str = "at your next meeting </textarea><b>in March</b> & after.";

/// The hidden fields naming each point on the record form, as (name, value), in the form's order.
pub(crate) fn point_fields(page: &Page) -> Vec<(String, String)> {
    let mut fields = Vec::new();
    for i in 0.. {
        let mut found = false;
        for field in ["views_id", "part", "index"] {
            let name = format!("answers[{i}][{field}]");
            let marker = format!(r#"name="{name}" value=""#);
            if let Some(at) = page.body.find(&marker) {
                let start = at + marker.len();
                let end = start + page.body[start..].find('"').unwrap_or(0);
                fields.push((name, page.body[start..end].to_owned()));
                found = true;
            }
        }
        if !found {
            break;
        }
    }
    fields
}

/// The record form's boxes, all filled.
pub(crate) fn record_fields(meeting: &str) -> Vec<(String, String)> {
    let words = "Answered: every point of Mia's views.";
    [
        ("meeting_id", meeting),
        ("worried_about_now", words),
        ("complicating_factors", words),
        ("going_well", words),
        ("signs_of_safety", words),
        ("plan", words),
        ("outcome_staff_words", words),
        ("outcome_child_words", words),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

/// Every point answered "agreed" (what the round-trip and other record tests need).
pub(crate) fn all_agreed(page: &Page) -> Vec<(String, String)> {
    let mut fields = point_fields(page);
    let points = fields.len() / 3;
    for i in 0..points {
        fields.push((format!("answers[{i}][kind]"), "AGREED".into()));
        fields.push((format!("answers[{i}][words]"), "You will.".into()));
    }
    fields
}

fn pairs(fields: &[(String, String)]) -> Vec<(&str, &str)> {
    fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect()
}

#[tokio::test]
async fn the_chair_answers_each_point_on_the_record_page_and_mia_reads_the_answers() {
    let app = spawn_demo_app().await;
    let meeting = views_shared_then_meeting_held(&app).await;
    let path = format!("/staff/meetings/{}", urlencode(&meeting));
    let mut isro = PlainBrowser::staff(&app, &staff_token(&app.db, ISRO).await);

    // Mia's four points beside the whiteboard: a worry, a good thing, a wish and her free words.
    let page = isro.open(&path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("What the child said, and the meeting&#x27;s answers")
            || page
                .body
                .contains("What the child said, and the meeting's answers"),
        "the answers on the record form"
    );
    let points = point_fields(&page);
    assert_eq!(points.len(), 12, "four points: {points:?}");
    assert!(
        page.body.contains("You said … - the"),
        "the hint in child words"
    );
    for kind in [
        "AGREED",
        "NOT_THIS_TIME",
        "TALK_ABOUT_LATER",
        "ADVOCATE_WILL_EXPLAIN",
    ] {
        assert!(
            page.body
                .contains(&format!(r#"name="answers[0][kind]" value="{kind}""#)),
            "{kind} offered"
        );
    }

    // Three answered, the free words not: refused, with every answer typed kept.
    let mut fields = record_fields(&meeting);
    fields.extend(points.clone());
    let answers = [
        ("0", "AGREED", "You will see your brother every month."),
        ("1", "TALK_ABOUT_LATER", TRICKY),
        ("2", "NOT_THIS_TIME", "the court has to decide first."),
    ];
    for (i, kind, words) in answers {
        fields.push((format!("answers[{i}][kind]"), kind.into()));
        fields.push((format!("answers[{i}][words]"), words.into()));
    }
    fields.push(("answers[3][words]".into(), String::new()));
    let refused = isro.post(&path, RECORD, &pairs(&fields)).await;
    let back = refused.location.clone().expect("back to the form");
    assert!(back.contains("errors=answers:missing"), "{back}");
    let page = isro.open(&back).await;
    assert!(
        page.body.contains("Answer every point the child made"),
        "the message shown"
    );
    let boxes = text_boxes(&page.body);
    assert_eq!(boxes["answers-1-words"], TRICKY, "kept, as text");
    assert!(!page.body.contains("<b>in March</b>"), "never as markup");
    assert!(
        page.body.contains(
            r#"id="answers-2-not_this_time" name="answers[2][kind]" value="NOT_THIS_TIME" checked"#
        ) || page.body.contains(r#"value="NOT_THIS_TIME" checked"#),
        "the choice kept"
    );

    // The free words answered too: saved.
    fields.push(("answers[3][kind]".into(), "ADVOCATE_WILL_EXPLAIN".into()));
    let saved = isro.post(&path, RECORD, &pairs(&fields)).await;
    let landed = saved.location.clone().expect("saved");
    assert!(landed.contains("saved=record"), "{landed}");
    let page = isro.open(&landed).await;
    assert_eq!(
        text_boxes(&page.body)["answers-0-words"],
        "You will see your brother every month.",
        "the saved answer shown again"
    );

    // Mia reads each of her points with its answer, in plain words.
    let mut mia = PlainBrowser::child(&app, &child_token(&app.db, "Mia").await);
    let after = mia.open("/me/after").await;
    assert_eq!(after.status, 200);
    let shown = html_escape::decode_html_entities(&after.body).into_owned();
    for expected in [
        "What the meeting said about what you said",
        "You said: I don't know if I can still see my brother.",
        "The meeting agreed. You will see your brother every month.",
        "We will talk about it at your next meeting </textarea><b>in March</b> & after.",
        "Not this time, because the court has to decide first.",
        "Your advocate will explain.",
    ] {
        assert!(shown.contains(expected), "{expected:?} on Mia's page");
    }
    assert!(
        !after.body.contains("<b>in March</b>"),
        "as text on Mia's page"
    );
}
