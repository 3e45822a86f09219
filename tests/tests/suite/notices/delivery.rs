//! How notices travel: retries with back-off and a delivery log, e-mail that waits for a mail
//! server, and several instances that never send the same notice twice.
use api::notify::settings::SmtpUrl;
use api::notify::{Clock, MailSettings};
use chrono::{Duration, NaiveDate};
use entity::enums::MeetingKind;
use serde_json::json;
use tests::app::{spawn_demo_app, staff_token};
use tests::mail::SmtpServer;
use tests::webhooks::Receiver;

use super::{ADMIN, app_with_mail, ok, set_up_notices};
use crate::referrals::{
    COORDINATOR, SOCIAL_WORKER, add_child, add_meeting, create, days_ahead, demo_la, full_input,
};

const LOG: &str = "query($c: NoticeChannel) { notices(channel: $c) { totalCount edges { node {
    event channel recipient status attempts lastError link } } } }";

/// A new child and meeting, referred by the demo social worker: one notice for the coordinator.
pub(crate) async fn refer_someone(app: &tests::app::TestApp, n: u32) {
    let db = &app.db;
    let la = demo_la(db).await;
    let born = NaiveDate::from_ymd_opt(2014, 1, 1 + n % 28).expect("date");
    let child = add_child(db, la, &format!("Child {n}"), born, false).await;
    let meeting = add_meeting(
        db,
        la,
        child,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(10)),
    )
    .await;
    let social_worker = staff_token(db, SOCIAL_WORKER).await;
    ok(&create(
        app,
        Some(&social_worker),
        full_input(child, meeting, "GIVEN"),
    )
    .await);
}

#[tokio::test]
async fn a_failing_endpoint_is_retried_with_back_off_and_the_log_shows_each_try() {
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    set_up_notices(&app, &hooks).await;
    let admin = staff_token(&app.db, ADMIN).await;

    hooks.fail_next(2);
    refer_someone(&app, 1).await;
    smtp.wait_for(1).await;
    // The first try fails; the next is not due for 30 seconds.
    let log = loop {
        let log = app
            .graphql_as(Some(&admin), LOG, json!({ "c": "WEBHOOK" }))
            .await;
        if ok(&log)["notices"]["edges"][0]["node"]["attempts"] == 1 {
            break log;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let node = &log["data"]["notices"]["edges"][0]["node"];
    assert_eq!(node["status"], "WAITING");
    assert_eq!(node["recipient"], hooks.url().as_str());
    assert!(
        node["lastError"].as_str().expect("error").contains("500"),
        "{node}"
    );
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    assert_eq!(hooks.failed(), 1, "no retry before its time");

    // Half a minute later the second try fails too; a minute after that the third gets through.
    clock.advance(Duration::seconds(31));
    for _ in 0..200 {
        if hooks.failed() == 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(hooks.failed(), 2, "the second try came and failed");
    clock.advance(Duration::seconds(61));
    let delivered = hooks.wait_for(1).await;
    assert_eq!(hooks.failed(), 2);
    assert!(delivered[0].verified);
    let log = app
        .graphql_as(Some(&admin), LOG, json!({ "c": "WEBHOOK" }))
        .await;
    let node = &ok(&log)["notices"]["edges"][0]["node"];
    assert_eq!(node["status"], "DELIVERED");
    assert_eq!(node["attempts"], 3);
    assert_eq!(node["lastError"], json!(null));

    // E-mail is in the log too.
    let log = app
        .graphql_as(Some(&admin), LOG, json!({ "c": "EMAIL" }))
        .await;
    let node = &ok(&log)["notices"]["edges"][0]["node"];
    assert_eq!(node["recipient"], COORDINATOR);
    assert_eq!(node["status"], "DELIVERED");
    assert!(
        node["link"]
            .as_str()
            .expect("link")
            .starts_with("/staff/referrals/")
    );
}

#[tokio::test]
async fn without_a_mail_server_email_waits_in_the_outbox() {
    // The test app's default: no MYVOICE_SMTP_URL.
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    refer_someone(&app, 2).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let log = app
        .graphql_as(Some(&admin), LOG, json!({ "c": "EMAIL" }))
        .await;
    let node = &ok(&log)["notices"]["edges"][0]["node"];
    assert_eq!(node["status"], "WAITING");
    assert_eq!(node["attempts"], 0, "not tried, so not failed");
}

#[tokio::test]
async fn two_instances_never_send_the_same_notice_twice() {
    let smtp = SmtpServer::start();
    let hooks = Receiver::start().await;
    let clock = Clock::default();
    let app = app_with_mail(&smtp, &clock).await;
    set_up_notices(&app, &hooks).await;
    let url = SmtpUrl::parse(&smtp.url()).expect("smtp url");
    app.another_instance_with(move |s| s.notify.mail = MailSettings::Smtp(url))
        .await;

    const REFERRALS: u32 = 12;
    for n in 0..REFERRALS {
        refer_someone(&app, n).await;
    }
    smtp.wait_for(REFERRALS as usize).await;
    hooks.wait_for(REFERRALS as usize).await;
    // Both workers keep looking for a while: still one of each.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert_eq!(smtp.messages().len(), REFERRALS as usize);
    let mut ids: Vec<String> = hooks
        .received()
        .into_iter()
        .map(|d| d.delivery_id)
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), REFERRALS as usize);
    assert_eq!(hooks.received().len(), REFERRALS as usize);
}
