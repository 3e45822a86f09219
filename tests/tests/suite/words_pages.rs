//! Issue 20, items 2 and 3, as people see them with JavaScript off: the child answers a message and
//! confirms words their advocate wrote, on "my meeting"; the advocate writes the child's words and
//! sees the child's question on the case page; the social worker and the chair see the label
//! "Written by the advocate - not yet confirmed by the child" until the child confirms.
use serde_json::json;
use tests::app::{TestApp, child_token, spawn_demo_app, staff_token};

use super::plain_browser::{Page, PlainBrowser};
use crate::messages::{ADVOCATE, ISRO, case_of, child_gid, data, send};

const SOCIAL_WORKER: &str = "social.worker@demo.myvoice";
const UNCONFIRMED: &str = "Written by the advocate - not yet confirmed by the child";
const HEARD: &str = "I want to stay at my school with my friends.";

/// The `value` of the first form input named `name`.
fn field(page: &Page, name: &str) -> String {
    let marker = format!(r#"name="{name}" value=""#);
    let start = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no input named {name}"))
        + marker.len();
    let end = start + page.body[start..].find('"').unwrap_or(0);
    page.body[start..end].to_owned()
}

fn moved_to(page: &Page) -> String {
    assert!(
        (300..400).contains(&page.status),
        "a redirect: {}",
        page.body
    );
    page.location.clone().expect("Location")
}

#[tokio::test]
async fn the_child_answers_a_message_and_the_advocate_sees_the_question_without_javascript() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let advocate = staff_token(db, ADVOCATE).await;
    let mia = child_gid(db, "Mia").await;
    data(
        &send(&app, &advocate, &mia, "See you on Tuesday after school.").await,
        "sendMessageToChild",
    );

    let token = child_token(db, "Mia").await;
    let mut child = PlainBrowser::child(&app, &token);
    let page = child.open("/me").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("See you on Tuesday after school."),
        "{}",
        page.body
    );
    assert!(page.body.contains("Messages for you"));
    assert!(page.body.contains("I have a question"));
    let message = field(&page, "message_id");
    let answered = child
        .post(
            "/me",
            "/api/child/message-reply",
            &[("message_id", &message), ("reply", "question")],
        )
        .await;
    let back = moved_to(&answered);
    assert!(back.starts_with("/me?answered=1"), "{back}");
    let page = child.open(&back).await;
    assert!(page.body.contains("Thank you. Your answer was sent."));
    assert!(page.body.contains("Your advocate will talk to you soon."));
    assert!(
        !page.body.contains(r#"value="question""#),
        "answered once only"
    );

    let mut staff = PlainBrowser::staff(&app, &advocate);
    let case = case_of(db, "Mia").await;
    let page = staff.open(&format!("/staff/cases/{case}")).await;
    assert!(
        page.body
            .contains("Mia has a question: please get in touch."),
        "{}",
        page.body
    );

    // The advocate sends another from the case page.
    let sent = staff
        .post(
            &format!("/staff/cases/{case}"),
            "/api/staff/case-message",
            &[
                ("case_id", &case),
                ("child_id", &mia),
                ("words", "I will ring you tonight."),
            ],
        )
        .await;
    let back = moved_to(&sent);
    assert!(back.contains("done=message-sent"), "{back}");
    let page = child.open("/me").await;
    assert!(page.body.contains("I will ring you tonight."));
}

#[tokio::test]
async fn advocate_written_words_are_labelled_until_the_child_confirms_them_without_javascript() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let advocate = staff_token(db, ADVOCATE).await;
    let case = case_of(db, "Mia").await;
    let case_page = format!("/staff/cases/{case}");

    // The advocate writes Mia's words from a visit on the case page.
    let mut staff = PlainBrowser::staff(&app, &advocate);
    let page = staff.open(&case_page).await;
    assert!(
        page.body.contains("Write down Mia&#x27;s words")
            || page.body.contains("Write down Mia's words")
    );
    let recorded = staff
        .post(
            &case_page,
            "/api/staff/case-record-views",
            &[
                ("form[case_id]", &case),
                ("form[how]", "visit"),
                ("form[worries]", HEARD),
                (
                    "form[going_well]",
                    "My foster carers are kind.\r\nI like art.",
                ),
                ("form[want_to_happen]", ""),
                ("form[feeling]", "OKAY"),
                ("form[free_words]", ""),
                ("form[attendance]", "ADVOCATE_SPEAKS_FOR_ME"),
                ("form[social_worker]", "yes"),
                ("form[chair]", "yes"),
            ],
        )
        .await;
    assert!(moved_to(&recorded).contains("done=views-recorded"));
    let page = staff.open(&case_page).await;
    assert!(page.body.contains(UNCONFIRMED), "{}", page.body);
    assert!(page.body.contains(HEARD));
    assert!(page.body.contains("I like art."));
    let shared = app
        .graphql_as(
            Some(&advocate),
            "mutation($c: ID!) { shareViews(caseId: $c) { recipients { shareId audience } } }",
            json!({ "c": case }),
        )
        .await;
    let recipients = data(&shared, "shareViews")["recipients"].clone();
    let sw_share = recipients
        .as_array()
        .and_then(|r| r.iter().find(|r| r["audience"] == "SOCIAL_WORKER"))
        .map(|r| r["shareId"].as_str().unwrap_or_default().to_owned())
        .expect("shared with the social worker");

    let sw_token = staff_token(db, SOCIAL_WORKER).await;
    let mut sw = PlainBrowser::staff(&app, &sw_token);
    let sw_page = format!("/staff/shared-views/{sw_share}");
    assert!(sw.open(&sw_page).await.body.contains(UNCONFIRMED));
    let meeting = field(
        &PlainBrowser::child(&app, &child_token(db, "Mia").await)
            .open("/me")
            .await,
        "meeting_id",
    );
    let isro = staff_token(db, ISRO).await;
    let mut chair = PlainBrowser::staff(&app, &isro);
    assert!(
        chair
            .open(&format!("/staff/meetings/{meeting}"))
            .await
            .body
            .contains(UNCONFIRMED)
    );

    // Mia reads them on "my meeting" and says yes.
    let token = child_token(db, "Mia").await;
    let mut child = PlainBrowser::child(&app, &token);
    let page = child.open("/me").await;
    assert!(
        page.body
            .contains("Your advocate wrote this for you. Is this what you said?")
    );
    assert!(page.body.contains(HEARD));
    assert!(page.body.contains("I want to change it"));
    let yes = child
        .post(
            "/me",
            "/api/child/confirm-words",
            &[("meeting_id", &meeting)],
        )
        .await;
    let back = moved_to(&yes);
    assert!(back.starts_with("/me?confirmed=1"), "{back}");
    let page = child.open(&back).await;
    assert!(
        page.body
            .contains("Now everyone knows these are your own words.")
    );
    assert!(!page.body.contains("Is this what you said?"));

    let page = sw.open(&sw_page).await;
    assert!(!page.body.contains(UNCONFIRMED));
    assert!(
        page.body
            .contains("Written by the advocate - confirmed by the child on their phone")
    );
    assert!(
        chair
            .open(&format!("/staff/meetings/{meeting}"))
            .await
            .body
            .contains("confirmed by the child on their phone")
    );
}

#[tokio::test]
async fn the_advocate_records_an_in_person_confirmation_on_the_case_page() {
    let app: TestApp = spawn_demo_app().await;
    let db = &app.db;
    let advocate = staff_token(db, ADVOCATE).await;
    let case = case_of(db, "Mia").await;
    let case_page = format!("/staff/cases/{case}");
    let mut staff = PlainBrowser::staff(&app, &advocate);
    let recorded = staff
        .post(
            &case_page,
            "/api/staff/case-record-views",
            &[
                ("form[case_id]", &case),
                ("form[how]", "paper"),
                ("form[worries]", HEARD),
            ],
        )
        .await;
    assert!(moved_to(&recorded).contains("done=views-recorded"));
    let page = staff.open(&case_page).await;
    assert!(
        page.body.contains("confirmed this in person on"),
        "{}",
        page.body
    );
    let confirmed = staff
        .post(
            &case_page,
            "/api/staff/case-confirmed-in-person",
            &[("case_id", &case), ("on", "2026-12-01")],
        )
        .await;
    assert!(moved_to(&confirmed).contains("done=confirmed"));
    let page = staff.open(&case_page).await;
    assert!(
        page.body.contains(
            "Written by the advocate - confirmed by the child in person on 1 December 2026"
        ),
        "{}",
        page.body
    );
}
