//! Round trips (issue 18): a child's page reads what it shows with one GraphQL operation, and
//! "Save and go on" and "Send" each make one write; the page they lead to then reads once. Counted
//! with the server's execution counter, as a browser without JavaScript walks the journey.
use tests::app::{TestApp, child_token, spawn_demo_app};

use super::plain_browser::{Page, PlainBrowser};

/// The `value` of the form input named `name` (hidden inputs have no id).
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

async fn open_counted(app: &TestApp, browser: &mut PlainBrowser<'_>, path: &str) -> Page {
    let (ran, page) = app.executions_during(browser.open(path)).await;
    assert_eq!(page.status, 200, "{path}");
    assert_eq!(ran, 1, "{path} read with {ran} operations");
    page
}

#[tokio::test]
async fn a_child_page_reads_once_and_save_or_send_writes_once() {
    let app = spawn_demo_app().await;
    let token = child_token(&app.db, "Mia").await;
    let mut mia = PlainBrowser::child(&app, &token);
    for path in [
        "/me",
        "/me/views/going-well",
        "/me/coming",
        "/me/who-sees",
        "/me/check",
    ] {
        open_counted(&app, &mut mia, path).await;
    }

    let page = open_counted(&app, &mut mia, "/me/views/worries").await;
    let (meeting, version) = (field(&page, "meeting_id"), field(&page, "version"));
    let fields = [
        ("meeting_id", meeting.as_str()),
        ("part", "worries"),
        ("version", version.as_str()),
        ("go", "next"),
        ("items[0]", "Nobody asks me"),
        ("boxes", "1"),
    ];
    let (ran, saved) = app
        .executions_during(mia.post("/me/views/worries", "/api/child/save", &fields))
        .await;
    assert_eq!(ran, 1, "Save and go on wrote with {ran} operations");
    let next = saved.location.expect("on to the next page");
    assert_eq!(next, "/me/views/going-well");
    open_counted(&app, &mut mia, &next).await;

    let page = open_counted(&app, &mut mia, "/me/check").await;
    assert!(
        page.body.contains("Nobody asks me"),
        "the check page shows the saved worry"
    );
    let fields = [
        ("meeting_id", field(&page, "meeting_id")),
        ("version", field(&page, "version")),
    ];
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let (ran, sent) = app
        .executions_during(mia.post("/me/check", "/api/child/send", &fields))
        .await;
    assert_eq!(ran, 1, "Send wrote with {ran} operations");
    assert_eq!(sent.location.as_deref(), Some("/me/sent"));
    open_counted(&app, &mut mia, "/me/sent").await;
}

/// A staff page reads who is signed in with its own operation: one execution per load (issue 18).
/// So far the referral page (for the coordinator and the social worker) and the advocate's case
/// page; the other staff pages still ask "who is this" first.
#[tokio::test]
async fn the_referral_and_case_pages_read_once_per_load() {
    use super::referrals::{COORDINATOR, SOCIAL_WORKER};
    use super::staff_dead_ends::mias_case;
    use api::graphql::ids::NodeKind;
    use tests::app::staff_token;

    let app = spawn_demo_app().await;
    let case = mias_case(&app.db).await;
    let case_path = format!(
        "/staff/cases/{}",
        super::referrals::gid(NodeKind::Case, case.id)
    );
    let referral_path = format!(
        "/staff/referrals/{}",
        super::referrals::gid(NodeKind::Referral, case.referral_id)
    );

    let advocate = staff_token(&app.db, "advocate@demo.myvoice").await;
    let mut advocate = PlainBrowser::staff(&app, &advocate);
    let page = open_counted(&app, &mut advocate, &case_path).await;
    assert!(page.body.contains("Close this case"), "the case page");
    open_counted(&app, &mut advocate, &format!("{case_path}?close=confirm")).await;

    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let mut coordinator = PlainBrowser::staff(&app, &coordinator);
    let page = open_counted(&app, &mut coordinator, &referral_path).await;
    assert!(
        page.body.contains("Close the case"),
        "the coordinator's referral page"
    );

    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut social_worker = PlainBrowser::staff(&app, &social_worker);
    let page = open_counted(&app, &mut social_worker, &referral_path).await;
    assert!(
        page.body.contains("Referral for Mia"),
        "the social worker's referral page"
    );
    assert!(
        !page.body.contains("Close the case"),
        "not the social worker's to close"
    );
}
