//! A reply to the child (issue 20, item 2): the child's advocate or their meeting's chair sends a
//! short message; the child sees it on their next visit and answers only "Thank you" or "I have a
//! question", which reaches their advocate by e-mail (a real SMTP server) and on the case page.
use api::graphql::ids::NodeKind;
use api::notify::Clock;
use entity::enums::{NoticeTopic, StaffRole};
use entity::{advocacy_case, child, notice};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_by_email, staff_token};
use tests::mail::SmtpServer;

use crate::notices::app_with_mail;

pub(crate) const ADVOCATE: &str = "advocate@demo.myvoice";
pub(crate) const ISRO: &str = "isro@demo.myvoice";
pub(crate) const WORDS: &str = "Thank you, I'll share this on Tuesday.";

pub(crate) const SEND: &str = "mutation($c: ID!, $w: String!) {
    sendMessageToChild(childId: $c, words: $w) { id meetingId words from fromName seenAt reply } }";
pub(crate) const MINE: &str = "{ myMessages { id words from fromName seenAt reply } }";
pub(crate) const REPLY: &str = "mutation($m: ID!, $r: MessageReply!) {
    replyToMessage(messageId: $m, reply: $r) { id reply repliedAt } }";
const CASE: &str = "query($c: ID!) { caseMessages(caseId: $c) { id words fromName seenAt reply } }";

pub(crate) async fn child_gid(db: &DatabaseConnection, name: &str) -> String {
    let row = child::Entity::find()
        .filter(child::Column::PreferredName.eq(name))
        .one(db)
        .await
        .expect("query child")
        .unwrap_or_else(|| panic!("no child {name}"));
    NodeKind::Child.id(row.id).0
}

pub(crate) async fn case_of(db: &DatabaseConnection, name: &str) -> String {
    let child = child::Entity::find()
        .filter(child::Column::PreferredName.eq(name))
        .one(db)
        .await
        .expect("query child")
        .expect("child");
    let case = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ChildId.eq(child.id))
        .one(db)
        .await
        .expect("query case")
        .expect("the demo child has a case");
    NodeKind::Case.id(case.id).0
}

pub(crate) fn data<'a>(answer: &'a Value, field: &str) -> &'a Value {
    assert!(answer["errors"].is_null(), "{answer}");
    &answer["data"][field]
}

pub(crate) async fn send(app: &TestApp, token: &str, child: &str, words: &str) -> Value {
    app.graphql_as(Some(token), SEND, json!({ "c": child, "w": words }))
        .await
}

#[tokio::test]
async fn a_question_from_the_child_reaches_the_advocate_by_email_and_on_the_case() {
    let smtp = SmtpServer::start();
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    let db = &app.db;
    let advocate = staff_token(db, ADVOCATE).await;
    let mia = child_gid(db, "Mia").await;
    let case = case_of(db, "Mia").await;

    let sent = send(&app, &advocate, &mia, WORDS).await;
    let sent = data(&sent, "sendMessageToChild");
    assert_eq!(sent["words"], WORDS);
    assert_eq!(sent["from"], "ADVOCATE");
    assert!(sent["seenAt"].is_null());

    // The child's next visit shows it, and showing it is seeing it.
    let child = child_token(db, "Mia").await;
    let mine = app.graphql_as(Some(&child), MINE, json!({})).await;
    let mine = data(&mine, "myMessages");
    assert_eq!(mine.as_array().map(Vec::len), Some(1), "{mine}");
    assert_eq!(mine[0]["words"], WORDS);
    assert!(!mine[0]["seenAt"].is_null(), "{mine}");
    let on_case = app
        .graphql_as(Some(&advocate), CASE, json!({ "c": case }))
        .await;
    assert!(!data(&on_case, "caseMessages")[0]["seenAt"].is_null());

    let asked = app
        .graphql_as(
            Some(&child),
            REPLY,
            json!({ "m": mine[0]["id"], "r": "HAVE_A_QUESTION" }),
        )
        .await;
    assert_eq!(data(&asked, "replyToMessage")["reply"], "HAVE_A_QUESTION");

    // The advocate sees the question on the case…
    let on_case = app
        .graphql_as(Some(&advocate), CASE, json!({ "c": case }))
        .await;
    assert_eq!(
        data(&on_case, "caseMessages")[0]["reply"],
        "HAVE_A_QUESTION"
    );
    // … the outbox holds one notice for them …
    let advocate_email = staff_by_email(db, ADVOCATE).await.email;
    let notices = notice::Entity::find()
        .filter(notice::Column::Topic.eq(NoticeTopic::ChildQuestion))
        .all(db)
        .await
        .expect("notices");
    let emails: Vec<&str> = notices
        .iter()
        .filter(|n| n.channel == entity::enums::NoticeChannel::Email)
        .map(|n| n.recipient.as_str())
        .collect();
    assert_eq!(emails, [advocate_email.as_str()]);
    assert_eq!(notices[0].link, format!("/staff/cases/{case}"));
    // … and it arrives by e-mail, with no child's words and no name in it.
    let mail = smtp.wait_for(1).await;
    let question: Vec<_> = mail
        .iter()
        .filter(|m| m.subject == "A child has a question for you")
        .collect();
    assert_eq!(question.len(), 1, "{mail:?}");
    assert_eq!(question[0].to, advocate_email);
    assert!(!question[0].raw.contains("Mia") && !question[0].raw.contains("Tuesday"));

    // Answering again the same way changes nothing, and tells nobody twice.
    let again = app
        .graphql_as(
            Some(&child),
            REPLY,
            json!({ "m": mine[0]["id"], "r": "HAVE_A_QUESTION" }),
        )
        .await;
    assert_eq!(data(&again, "replyToMessage")["reply"], "HAVE_A_QUESTION");
    let count = notice::Entity::find()
        .filter(notice::Column::Topic.eq(NoticeTopic::ChildQuestion))
        .filter(notice::Column::Channel.eq(entity::enums::NoticeChannel::Email))
        .all(db)
        .await
        .expect("notices")
        .len();
    assert_eq!(count, 1);
}

#[tokio::test]
async fn a_child_reads_and_answers_only_their_own_messages() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let advocate = staff_token(db, ADVOCATE).await;
    let mia = child_gid(db, "Mia").await;
    let sent = send(&app, &advocate, &mia, WORDS).await;
    let message = data(&sent, "sendMessageToChild")["id"].clone();

    let leo = child_token(db, "Leo").await;
    let his = app.graphql_as(Some(&leo), MINE, json!({})).await;
    assert_eq!(data(&his, "myMessages"), &json!([]));
    let answered = app
        .graphql_as(Some(&leo), REPLY, json!({ "m": message, "r": "THANK_YOU" }))
        .await;
    assert_eq!(error_code(&answered), "NOT_FOUND", "{answered}");

    // Leo's attempt neither answered nor showed Mia's message.
    let on_case = app
        .graphql_as(
            Some(&advocate),
            CASE,
            json!({ "c": case_of(db, "Mia").await }),
        )
        .await;
    let listed = &data(&on_case, "caseMessages")[0];
    assert!(
        listed["reply"].is_null() && listed["seenAt"].is_null(),
        "{listed}"
    );

    let mia_token = child_token(db, "Mia").await;
    let thanks = app
        .graphql_as(
            Some(&mia_token),
            REPLY,
            json!({ "m": message, "r": "THANK_YOU" }),
        )
        .await;
    assert_eq!(data(&thanks, "replyToMessage")["reply"], "THANK_YOU");
    // One answer per message: no chat.
    let changed = app
        .graphql_as(
            Some(&mia_token),
            REPLY,
            json!({ "m": message, "r": "HAVE_A_QUESTION" }),
        )
        .await;
    assert_eq!(error_code(&changed), "CONFLICT", "{changed}");
    // "Thank you" tells nobody.
    let notices = notice::Entity::find()
        .filter(notice::Column::Topic.eq(NoticeTopic::ChildQuestion))
        .all(db)
        .await
        .expect("notices");
    assert!(notices.is_empty());
}

#[tokio::test]
async fn only_the_childs_advocate_or_meeting_chair_sends() {
    let app = spawn_demo_app().await;
    let db = &app.db;
    let la = staff_by_email(db, ADVOCATE).await.local_authority_id;
    crate::matrix::add_staff(
        db,
        la,
        "advocate.three@demo.myvoice",
        StaffRole::Advocate,
        None,
    )
    .await;
    let mia = child_gid(db, "Mia").await;

    let other = staff_token(db, "advocate.three@demo.myvoice").await;
    assert_eq!(
        error_code(&send(&app, &other, &mia, WORDS).await),
        "NOT_FOUND"
    );
    let social_worker = staff_token(db, "social.worker@demo.myvoice").await;
    assert_eq!(
        error_code(&send(&app, &social_worker, &mia, WORDS).await),
        "FORBIDDEN"
    );
    let advocate = staff_token(db, ADVOCATE).await;
    assert_eq!(
        error_code(&send(&app, &advocate, &mia, &"x".repeat(501)).await),
        "BAD_USER_INPUT"
    );
    assert_eq!(
        error_code(&send(&app, &advocate, &mia, "   ").await),
        "BAD_USER_INPUT"
    );

    // The chair of Mia's meeting sends one too, and sees it (with no answer yet) on the meeting.
    let isro = staff_token(db, ISRO).await;
    let sent = send(&app, &isro, &mia, "See you at your meeting on Monday.").await;
    let sent = data(&sent, "sendMessageToChild");
    assert_eq!(sent["from"], "CHAIR");
    let meeting = sent["meetingId"].clone();
    let query = "query($m: ID!) { meetingMessages(meetingId: $m) { words childFirstName reply } }";
    let listed = app
        .graphql_as(Some(&isro), query, json!({ "m": meeting }))
        .await;
    let listed = data(&listed, "meetingMessages");
    assert_eq!(listed[0]["childFirstName"], "Mia");
    assert_eq!(listed[0]["words"], "See you at your meeting on Monday.");
    // The child sees who it is from.
    let child = child_token(db, "Mia").await;
    let mine = app.graphql_as(Some(&child), MINE, json!({})).await;
    assert_eq!(data(&mine, "myMessages")[0]["from"], "CHAIR");
}
