//! The admin's Notifications page as a browser without JavaScript uses it: duty contacts added
//! (a bad address refused beside the field, what was typed kept), a webhook endpoint added with
//! its secret shown once, and what was sent listed with how it went.
use serde_json::json;
use tests::app::{spawn_demo_app, staff_token};

use super::ADMIN;
use super::delivery::refer_someone;
use crate::plain_browser::PlainBrowser;

const PAGE: &str = "/staff/notifications";

#[tokio::test]
async fn the_admin_sets_up_notices_and_sees_what_was_sent_without_javascript() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let mut browser = PlainBrowser::staff(&app, &admin);

    let page = browser.open(PAGE).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("There are no duty contacts yet"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Nothing has been sent yet."));

    // A mistyped address: refused beside its field, with both boxes as typed.
    let refused = browser
        .post(
            PAGE,
            "/api/staff/admin-add-duty-contact",
            &[("name", "Duty team"), ("email", "duty-at-council")],
        )
        .await;
    let back = refused.location.expect("back to the page");
    let page = browser.open(&back).await;
    assert!(
        page.body.contains("Enter an e-mail address like"),
        "{}",
        page.body
    );
    assert!(page.body.contains(r#"value="duty-at-council""#));
    assert!(page.body.contains(r#"value="Duty team""#));

    browser
        .post(
            PAGE,
            "/api/staff/admin-add-duty-contact",
            &[("name", "Duty team"), ("email", "duty@council.example")],
        )
        .await;
    let page = browser.open(PAGE).await;
    assert!(page.body.contains("duty@council.example"), "{}", page.body);
    assert!(!page.body.contains("There are no duty contacts yet"));

    // A webhook endpoint: its secret once, then never again.
    let added = browser
        .post(
            PAGE,
            "/api/staff/admin-add-webhook",
            &[("url", "http://127.0.0.1:9/hooks")],
        )
        .await;
    let page = browser.open(&added.location.expect("back")).await;
    assert!(page.body.contains("webhook-secret"), "{}", page.body);
    assert!(page.body.contains("whsec_"));
    let page = browser.open(PAGE).await;
    assert!(page.body.contains("http://127.0.0.1:9/hooks"));
    assert!(
        !page.body.contains("whsec_"),
        "the secret is shown only once"
    );

    // A referral arrives: the coordinator's e-mail waits (no mail server in tests) and the
    // webhook is tried.
    refer_someone(&app, 7).await;
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    let page = browser.open(PAGE).await;
    assert!(page.body.contains("New referral"), "{}", page.body);
    assert!(page.body.contains("E-mail: coordinator@demo.myvoice"));
    assert!(page.body.contains("Webhook: http://127.0.0.1:9/hooks"));

    // Nobody but an admin sees it.
    let social_worker = staff_token(&app.db, "social.worker@demo.myvoice").await;
    let answer = app
        .graphql_as(
            Some(&social_worker),
            "{ dutyContacts { email } }",
            json!({}),
        )
        .await;
    assert_eq!(answer["errors"][0]["extensions"]["code"], "FORBIDDEN");
}
