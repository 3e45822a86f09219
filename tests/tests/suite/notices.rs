//! Nobody has to sign in to find out (issue 19, items 5 and 6): notices reach a real SMTP server
//! (aiosmtpd, from Debian) and a real webhook receiver that checks every signature itself. Time is
//! moved with the app's clock, never waited for.
use api::graphql::ids::NodeKind;
use api::notify::settings::SmtpUrl;
use api::notify::{Clock, MailSettings};
use chrono::{Duration, NaiveDate};
use entity::enums::MeetingKind;
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, spawn_demo_app_with, staff_by_email, staff_token};
use tests::mail::SmtpServer;
use tests::webhooks::Receiver;

use crate::referrals::{
    ADVOCATE, COORDINATOR, SOCIAL_WORKER, add_child, add_meeting, create, days_ahead, demo_la,
    demo_referral, full_input, gid,
};

mod delivery;
mod page;

const ADMIN: &str = "admin@demo.myvoice";
const DUTY: &str = "duty@council.example";
/// A name no e-mail may carry.
const CHILD_NAME: &str = "Oluwaseun";

/// The demo app sending mail to `smtp`, on a clock the test moves.
pub(crate) async fn app_with_mail(smtp: &SmtpServer, clock: &Clock) -> TestApp {
    let url = SmtpUrl::parse(&smtp.url()).expect("smtp url");
    let clock = clock.clone();
    spawn_demo_app_with(move |s| {
        s.notify.mail = MailSettings::Smtp(url);
        s.notify.clock = clock;
    })
    .await
}

/// The admin sets up a webhook endpoint at the receiver (which learns its secret) and a duty
/// contact.
pub(crate) async fn set_up_notices(app: &TestApp, hooks: &Receiver) {
    let admin = staff_token(&app.db, ADMIN).await;
    let added = app
        .graphql_as(
            Some(&admin),
            "mutation($u: String!) { addWebhookEndpoint(url: $u) { endpoint { id url } secret } }",
            json!({ "u": hooks.url() }),
        )
        .await;
    let secret = added["data"]["addWebhookEndpoint"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("{added}"));
    assert!(
        secret.starts_with("whsec_") && secret.len() > 40,
        "{secret}"
    );
    hooks.set_secret(secret);
    let duty = app
        .graphql_as(
            Some(&admin),
            "mutation($e: String!) { addDutyContact(name: \"Children's services duty team\", email: $e) { id email } }",
            json!({ "e": DUTY }),
        )
        .await;
    assert_eq!(duty["data"]["addDutyContact"]["email"], DUTY, "{duty}");
}

fn ok(answer: &Value) -> &Value {
    assert!(answer["errors"].is_null(), "{answer}");
    &answer["data"]
}

fn recipients(mail: &[tests::mail::Received]) -> Vec<String> {
    let mut to: Vec<String> = mail.iter().map(|m| m.to.clone()).collect();
    to.sort();
    to
}

#[tokio::test]
async fn staff_hear_by_email_and_integrators_by_signed_webhook_without_signing_in() {
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    let db = &app.db;
    set_up_notices(&app, &hooks).await;

    // A social worker refers a child: the coordinator is told, and so is the integrator.
    let la = demo_la(db).await;
    let born = NaiveDate::from_ymd_opt(2015, 3, 1).expect("date");
    let child = add_child(db, la, CHILD_NAME, born, false).await;
    let meeting = add_meeting(
        db,
        la,
        child,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let social_worker = staff_token(db, SOCIAL_WORKER).await;
    let made = create(
        &app,
        Some(&social_worker),
        full_input(child, meeting, "GIVEN"),
    )
    .await;
    let referral_id = ok(&made)["createReferral"]["id"]
        .as_str()
        .expect("id")
        .to_string();
    let mail = smtp.wait_for(1).await;
    assert_eq!(recipients(&mail), [COORDINATOR]);
    assert_eq!(mail[0].subject, "New referral for advocacy");
    assert!(
        mail[0]
            .raw
            .contains(&format!("/staff/referrals/{referral_id}")),
        "{}",
        mail[0].raw
    );
    let hook = &hooks.wait_for(1).await[0];
    assert_eq!(hook.event, "referral.received");
    assert!(hook.verified, "the signature checks out with the secret");
    assert_eq!(hook.body["data"]["subject"]["id"], referral_id.as_str());

    // The coordinator allocates an advocate: the advocate is told.
    let coordinator = staff_token(db, COORDINATOR).await;
    let leo = gid(
        NodeKind::Referral,
        demo_referral(db, "Leo", MeetingKind::InitialChildProtectionConference).await,
    );
    let advocate = gid(NodeKind::StaffUser, staff_by_email(db, ADVOCATE).await.id);
    ok(&app
        .graphql_as(
            Some(&coordinator),
            "mutation($id: ID!) { acceptReferral(id: $id) { id } }",
            json!({ "id": leo }),
        )
        .await);
    ok(&app
        .graphql_as(
            Some(&coordinator),
            "mutation($r: ID!, $a: ID!) { allocateAdvocate(referralId: $r, advocateId: $a) { id } }",
            json!({ "r": leo, "a": advocate }),
        )
        .await);
    let mail = smtp.wait_for(2).await;
    assert!(
        mail.iter()
            .any(|m| m.to == ADVOCATE && m.subject.contains("allocated")),
        "{:?}",
        recipients(&mail)
    );

    // Mia asks for help now: her advocate is told, and her page says so.
    let mia = child_token(db, "Mia").await;
    let help = app
        .graphql_as(
            Some(&mia),
            "mutation { requestUrgentHelp(message: \"I'm scared at home\") { message told emergencyNumber childlineNumber } }",
            json!({}),
        )
        .await;
    let answer = &ok(&help)["requestUrgentHelp"];
    assert_eq!(answer["told"], json!(["ADVOCATE"]));
    assert!(
        answer["message"]
            .as_str()
            .expect("message")
            .contains("We have told your advocate")
    );
    assert_eq!(answer["emergencyNumber"], "999");
    assert_eq!(answer["childlineNumber"], "0800 1111");
    let mail = smtp.wait_for(3).await;
    assert!(
        mail.iter()
            .any(|m| m.to == ADVOCATE && m.subject.starts_with("URGENT"))
    );

    // Nobody acknowledges it. Fifteen minutes later it goes to the duty team and the coordinator.
    clock.advance(Duration::minutes(14));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 3, "not before fifteen minutes");
    clock.advance(Duration::minutes(2));
    let mail = smtp.wait_for(5).await;
    let escalated: Vec<String> = mail
        .iter()
        .filter(|m| m.subject.contains("not been picked up"))
        .map(|m| m.to.clone())
        .collect();
    assert_eq!(escalated.len(), 2, "{escalated:?}");
    assert!(escalated.contains(&COORDINATOR.to_string()) && escalated.contains(&DUTY.to_string()));

    // Every webhook was signed; each event once. No e-mail names the child or carries her words.
    let hooks_seen = hooks.wait_for(4).await;
    let mut events: Vec<&str> = hooks_seen.iter().map(|d| d.event.as_str()).collect();
    events.sort();
    assert_eq!(
        events,
        [
            "case.allocated",
            "referral.received",
            "urgent_help.escalated",
            "urgent_help.raised"
        ]
    );
    assert!(hooks_seen.iter().all(|d| d.verified));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let mail = smtp.messages();
    assert_eq!(mail.len(), 5, "nothing twice: {:?}", recipients(&mail));
    assert_eq!(hooks.received().len(), 4);
    for m in &mail {
        for secret in [CHILD_NAME, "Mia", "scared", "Leo finds it hard"] {
            assert!(!m.raw.contains(secret), "{secret} in: {}", m.raw);
        }
    }
}

#[tokio::test]
async fn a_child_with_no_advocate_is_heard_by_the_duty_team_at_once() {
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    set_up_notices(&app, &hooks).await;

    // Leo has been referred but has no advocate yet.
    let leo = child_token(&app.db, "Leo").await;
    let help = app
        .graphql_as(
            Some(&leo),
            "mutation { requestUrgentHelp { message told advocateTold } }",
            json!({}),
        )
        .await;
    let answer = &ok(&help)["requestUrgentHelp"];
    assert_eq!(answer["advocateTold"], false);
    assert_eq!(answer["told"], json!(["DUTY_TEAM", "COORDINATORS"]));
    let message = answer["message"].as_str().expect("message");
    assert!(
        message.contains("We have told the team at the council"),
        "{message}"
    );
    assert!(
        message.contains("call 999") && message.contains("0800 1111"),
        "{message}"
    );

    // Straight away: no clock moved.
    let mail = smtp.wait_for(2).await;
    assert_eq!(recipients(&mail), [COORDINATOR, DUTY]);
    assert!(mail.iter().all(|m| m.subject.starts_with("URGENT")));
    // And not again when the fifteen minutes pass.
    clock.advance(Duration::minutes(30));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 2);
}

#[tokio::test]
async fn shared_views_and_sent_outcomes_are_told_and_an_unacknowledged_outcome_is_chased() {
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    set_up_notices(&app, &hooks).await;

    // Mia sends her views and her advocate shares them: her social worker and the chair are told.
    let mia = crate::views::kid(&app.db, "Mia").await;
    let token = child_token(&app.db, "Mia").await;
    crate::views::mia_submits(&app, &mia, &token).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    ok(&app
        .graphql_as(
            Some(&advocate),
            "mutation($c: ID!) { shareViews(caseId: $c) { status } }",
            json!({ "c": mia.case }),
        )
        .await);
    let mail = smtp.wait_for(2).await;
    assert_eq!(recipients(&mail), ["isro@demo.myvoice", SOCIAL_WORKER]);
    assert!(
        mail.iter()
            .all(|m| m.subject == "A child's views have been shared with you")
    );
    assert!(mail.iter().all(|m| m.raw.contains("/staff/shared-views/")));

    // The chair sends a meeting's outcome to the police: the police's user is told.
    let meeting = crate::outcomes::recorded_meeting(&app).await;
    let police = crate::outcomes::agency_id(&app.db, "Demo Constabulary").await;
    ok(&crate::outcomes::distribute(&app, meeting, &[police]).await);
    let mail = smtp.wait_for(3).await;
    let sent: Vec<_> = mail
        .iter()
        .filter(|m| m.subject.contains("outcome"))
        .collect();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].to, "agency@demo.myvoice");

    // Nobody acknowledges it: after three working days the agency is reminded, once.
    clock.advance(Duration::days(7));
    let mail = smtp.wait_for(4).await;
    let chased: Vec<_> = mail
        .iter()
        .filter(|m| m.subject.starts_with("Reminder"))
        .collect();
    assert_eq!(chased.len(), 1);
    assert_eq!(chased[0].to, "agency@demo.myvoice");
    clock.advance(Duration::days(7));
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 4, "one reminder only");
    let events: Vec<String> = hooks
        .wait_for(4)
        .await
        .into_iter()
        .map(|d| d.event)
        .collect();
    assert_eq!(
        events.iter().filter(|e| *e == "views.shared").count(),
        2,
        "{events:?}"
    );
    assert!(events.contains(&"outcome.sent".to_string()));
    assert!(events.contains(&"outcome.chased".to_string()));
}

#[tokio::test]
async fn a_moved_or_cancelled_meeting_tells_its_social_worker_chair_and_advocate() {
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    set_up_notices(&app, &hooks).await;
    let mia = crate::views::kid(&app.db, "Mia").await;
    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    let people = ["advocate@demo.myvoice", "isro@demo.myvoice", SOCIAL_WORKER];

    const MOVE: &str = "mutation($id: ID!, $at: DateTime!) {
        moveMeeting(id: $id, scheduledAt: $at, reason: \"The chair is on leave\") { id } }";
    for (n, days) in [(1, 30), (2, 31)] {
        let at = chrono::Utc::now() + Duration::days(days);
        ok(&app
            .graphql_as(
                Some(&social_worker),
                MOVE,
                json!({ "id": mia.meeting, "at": at }),
            )
            .await);
        let mail = smtp.wait_for(3 * n).await;
        let moved: Vec<_> = mail
            .iter()
            .filter(|m| m.subject == "A meeting has moved")
            .collect();
        assert_eq!(
            moved.len(),
            3 * n,
            "each move is told: {:?}",
            recipients(&mail)
        );
    }
    let mut moved: Vec<String> = smtp
        .messages()
        .into_iter()
        .filter(|m| m.subject == "A meeting has moved")
        .map(|m| m.to)
        .collect();
    moved.sort();
    moved.dedup();
    assert_eq!(moved, people);

    const CANCEL: &str =
        "mutation($id: ID!) { cancelMeeting(id: $id, reason: \"No longer needed\") { id } }";
    for _ in 0..2 {
        ok(&app
            .graphql_as(Some(&social_worker), CANCEL, json!({ "id": mia.meeting }))
            .await);
    }
    let mail = smtp.wait_for(9).await;
    let cancelled: Vec<_> = mail
        .iter()
        .filter(|m| m.subject == "A meeting has been cancelled")
        .collect();
    assert_eq!(cancelled.len(), 3);
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(smtp.messages().len(), 9, "cancelling twice tells once");
    let events: Vec<String> = hooks
        .wait_for(3)
        .await
        .into_iter()
        .map(|d| d.event)
        .collect();
    assert_eq!(events.iter().filter(|e| *e == "meeting.moved").count(), 2);
    assert_eq!(
        events.iter().filter(|e| *e == "meeting.cancelled").count(),
        1
    );
}
