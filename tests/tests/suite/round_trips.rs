//! Round trips (issue 18): a child's page, and every staff page, reads what it shows (and who is
//! signed in) with one GraphQL operation; "Save and go on", "Send" and the staff pages' forms each
//! make one write, and the page they lead to then reads once. Counted with the server's execution
//! counter, as a browser without JavaScript walks the journeys.
use api::graphql::ids::NodeKind;
use tests::app::{TestApp, child_token, spawn_demo_app, staff_token};

use super::plain_browser::{Page, PlainBrowser, urlencode};
use super::referrals::{COORDINATOR, SOCIAL_WORKER, gid};
use super::staff_dead_ends::mias_case;
use super::staff_meetings::views_shared_then_meeting_held;
use super::views::{audit_count, kid, views_row};

const ADVOCATE: &str = "advocate@demo.myvoice";
const ISRO: &str = "isro@demo.myvoice";
const AGENCY: &str = "agency@demo.myvoice";
const ADMIN: &str = "admin@demo.myvoice";
/// In Mia's views, as `views_shared_then_meeting_held` has her write them.
const MIAS_WORDS: &str = "Please listen to me.";

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
/// The referral page (for the coordinator and the social worker, who read it differently) and the
/// advocate's case page; every other staff page below.
#[tokio::test]
async fn the_referral_and_case_pages_read_once_per_load() {
    let app = spawn_demo_app().await;
    let case = mias_case(&app.db).await;
    let case_path = format!("/staff/cases/{}", gid(NodeKind::Case, case.id));
    let referral_path = format!(
        "/staff/referrals/{}",
        gid(NodeKind::Referral, case.referral_id)
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

/// `path` read with one operation, showing `shown`.
async fn reads_once(
    app: &TestApp,
    browser: &mut PlainBrowser<'_>,
    path: &str,
    shown: &str,
) -> Page {
    let page = open_counted(app, browser, path).await;
    assert!(
        page.body.contains(shown),
        "{path} shows {shown:?}: {}",
        page.body
    );
    page
}

async fn signed_in<'a>(app: &'a TestApp, email: &str) -> PlainBrowser<'a> {
    PlainBrowser::staff(app, &staff_token(&app.db, email).await)
}

/// Post a form from `from` as a browser without JavaScript: one operation, answered with a
/// redirect. Where to.
async fn posts_once(
    app: &TestApp,
    browser: &mut PlainBrowser<'_>,
    from: &str,
    action: &str,
    fields: &[(&str, &str)],
) -> String {
    let (ran, answer) = app
        .executions_during(browser.post(from, action, fields))
        .await;
    assert_eq!(ran, 1, "{action} made {ran} operations");
    answer
        .location
        .expect("a plain form is answered with a redirect")
}

/// What `html` holds from `marker` to the next `"` (an address, a value), each time it is there.
fn after_each(html: &str, marker: &str) -> Vec<String> {
    html.split(marker)
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn every_staff_page_reads_once_per_load() {
    let app = spawn_demo_app().await;
    let meeting = views_shared_then_meeting_held(&app).await;
    let case = mias_case(&app.db).await;

    let mut advocate = signed_in(&app, ADVOCATE).await;
    reads_once(&app, &mut advocate, "/staff", "My caseload").await;
    let slip = format!("/staff/cases/{}/slip", gid(NodeKind::Case, case.id));
    reads_once(&app, &mut advocate, &slip, "Sign-in slip already shown").await;

    let mut social_worker = signed_in(&app, SOCIAL_WORKER).await;
    let sw = &mut social_worker;
    let children = reads_once(&app, sw, "/staff", "My children and their meetings").await;
    // The records pages (issue 19): add or change a child, add a meeting, move or cancel one.
    reads_once(&app, sw, "/staff/children/new", "Add a child").await;
    let records = after_each(&children.body, "href=\"/staff/children/");
    let change = records
        .iter()
        .find(|r| r.ends_with("/change"))
        .expect("Change details");
    reads_once(&app, sw, &format!("/staff/children/{change}"), "s record").await;
    let add = records
        .iter()
        .find(|r| r.ends_with("/new-meeting"))
        .expect("Add a meeting");
    reads_once(
        &app,
        sw,
        &format!("/staff/children/{add}"),
        "New meeting for",
    )
    .await;
    let moves = after_each(&children.body, "href=\"/staff/meetings/").remove(0);
    let move_page = format!("/staff/meetings/{moves}");
    reads_once(&app, sw, &move_page, "Move or cancel the").await;
    reads_once(&app, sw, &format!("{move_page}?step=cancel"), "Cancel the").await;
    reads_once(&app, sw, "/staff/referrals/new", "Sam (9)").await;
    let shared = reads_once(&app, sw, "/staff/shared-views", "Not read yet").await;
    let share = after_each(&shared.body, "href=\"/staff/shared-views/").remove(0);
    let one = format!("/staff/shared-views/{share}");
    reads_once(&app, sw, &one, MIAS_WORDS).await;

    let mut coordinator = signed_in(&app, COORDINATOR).await;
    let k = &mut coordinator;
    reads_once(&app, k, "/staff", "Referral inbox").await;
    let received = reads_once(&app, k, "/staff?status=RECEIVED", "Leo (5)").await;
    assert!(!received.body.contains("Jade (15)"), "filtered");
    reads_once(&app, k, "/staff/oversight", "Referrals received").await;
    let bad = "/staff/oversight?from=2026-13-45";
    reads_once(&app, k, bad, "There is a problem").await;
    // Another role's page says so, after one read too.
    reads_once(&app, k, "/staff/api-keys", "This page is not for your role").await;

    let mut isro = signed_in(&app, ISRO).await;
    reads_once(&app, &mut isro, "/staff", "Coming up").await;
    let mia = kid(&app.db, "Mia").await;
    let mias_views = views_row(&app.db, &mia).await.expect("views");
    let read_before = audit_count(&app.db, "views.read", mias_views.id).await;
    let meeting_path = format!("/staff/meetings/{}", urlencode(&meeting));
    reads_once(&app, &mut isro, &meeting_path, MIAS_WORDS).await;
    assert_eq!(
        audit_count(&app.db, "views.read", mias_views.id).await,
        read_before + 1,
        "opening the meeting page is recorded for Mia, once"
    );

    let mut agency = signed_in(&app, AGENCY).await;
    reads_once(&app, &mut agency, "/staff", "Outcomes sent to me").await;

    let mut admin = signed_in(&app, ADMIN).await;
    for (path, shown) in [
        ("/staff", "accounts in all."),
        ("/staff/agencies", "Partner agencies"),
        ("/staff/api-keys", "X-Api-Key"),
        ("/staff/notifications", "myvoice tells people by e-mail"),
        ("/staff/audit", "Nothing here can be changed or deleted."),
        ("/staff/audit?from=nonsense", "Enter dates like"),
        ("/staff/import", "Check the files first"),
        ("/staff/admin/retention", "How long records are kept"),
    ] {
        reads_once(&app, &mut admin, path, shown).await;
    }
    // Data protection (issue 22): find a child, their record, the export page.
    let found = reads_once(&app, &mut admin, "/staff/admin/children?q=Mia", "1 found").await;
    let mia = after_each(&found.body, "href=\"/staff/admin/children/");
    let mia = mia.first().expect("Mia's record");
    let record = format!("/staff/admin/children/{mia}");
    reads_once(&app, &mut admin, &record, "Legal hold").await;
    let export = format!("{record}/export");
    reads_once(&app, &mut admin, &export, "Export a child").await;

    // Signed out: sent to sign in, having asked the API nothing.
    let mut nobody = PlainBrowser::new(&app);
    for path in ["/staff", "/staff/oversight"] {
        let (ran, page) = app.executions_during(nobody.open(path)).await;
        assert_eq!(ran, 0, "{path} signed out: {ran} operations");
        assert!(page.body.contains("Sign in"), "{path} signed out");
    }
    assert_eq!(
        nobody.addresses.last().map(String::as_str),
        Some("/staff/sign-in")
    );
}

#[tokio::test]
async fn a_staff_form_writes_once_and_the_page_it_lands_on_reads_once() {
    let app = spawn_demo_app().await;
    let meeting = views_shared_then_meeting_held(&app).await;
    let meeting_path = format!("/staff/meetings/{}", urlencode(&meeting));

    // The chair saves the record, then sends the outcome to every agency.
    let mut isro = signed_in(&app, ISRO).await;
    let form = open_counted(&app, &mut isro, &meeting_path).await;
    let words = "Round trips: one write each.";
    // With an answer to each of Mia's points (issue 20), in the same write.
    let answers = super::answers_pages::all_agreed(&form);
    let mut record = vec![
        ("meeting_id", meeting.as_str()),
        ("worried_about_now", words),
        ("complicating_factors", words),
        ("going_well", words),
        ("signs_of_safety", words),
        ("plan", words),
        ("outcome_staff_words", words),
        ("outcome_child_words", words),
    ];
    record.extend(answers.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let saved = posts_once(
        &app,
        &mut isro,
        &meeting_path,
        "/api/staff/record-meeting",
        &record,
    )
    .await;
    let page = reads_once(&app, &mut isro, &saved, "The meeting record is saved.").await;
    let ticked: Vec<(String, String)> = (0..10)
        .map(|i| format!("agencies[{i}]"))
        .filter_map(|name| {
            let id = after_each(&page.body, &format!("name=\"{name}\" value=\"")).pop()?;
            Some((name, id))
        })
        .collect();
    assert!(!ticked.is_empty(), "agencies to send the outcome to");
    let mut sent: Vec<(&str, &str)> = vec![("meeting_id", meeting.as_str())];
    sent.extend(ticked.iter().map(|(name, id)| (name.as_str(), id.as_str())));
    let action = "/api/staff/distribute-outcome";
    let landed = posts_once(&app, &mut isro, &meeting_path, action, &sent).await;
    reads_once(&app, &mut isro, &landed, "The outcome was sent to").await;

    // The police acknowledge it.
    let mut agency = signed_in(&app, AGENCY).await;
    let page = reads_once(&app, &mut agency, "/staff", "To acknowledge (1)").await;
    let outcome = after_each(&page.body, "name=\"distribution_id\" value=\"").remove(0);
    let fields = [("distribution_id", outcome.as_str())];
    let action = "/api/staff/acknowledge-outcome";
    let landed = posts_once(&app, &mut agency, "/staff", action, &fields).await;
    reads_once(&app, &mut agency, &landed, "Acknowledged (1)").await;

    // An admin adds an agency.
    let mut admin = signed_in(&app, ADMIN).await;
    open_counted(&app, &mut admin, "/staff/agencies").await;
    let fields = [
        ("name", "Round Trip Clinic"),
        ("kind", "HEALTH"),
        ("contact_email", "clinic@example.org"),
    ];
    let action = "/api/staff/admin-save-agency";
    let landed = posts_once(&app, &mut admin, "/staff/agencies", action, &fields).await;
    reads_once(&app, &mut admin, &landed, "Round Trip Clinic is saved.").await;

    // The social worker checks a referral: the check reads once, and the form it comes back to
    // reads the choices and the assessment together, once.
    let mut sw = signed_in(&app, SOCIAL_WORKER).await;
    let form = open_counted(&app, &mut sw, "/staff/referrals/new").await;
    let before_sam = form.body.find("\">Sam (9)").expect("Sam is a choice");
    let pair = after_each(&form.body[..before_sam], "value=\"")
        .pop()
        .expect("Sam's choice's value");
    let reason = "Sam wants someone on his side at the review.";
    let fields = [
        ("intent", "check"),
        ("pair", pair.as_str()),
        ("reason", reason),
    ];
    let action = "/api/staff/referral";
    let landed = posts_once(&app, &mut sw, "/staff/referrals/new", action, &fields).await;
    assert_eq!(landed, "/staff/referrals/new?intent=check#check");
    let page = reads_once(
        &app,
        &mut sw,
        "/staff/referrals/new?intent=check",
        "Still missing",
    )
    .await;
    assert!(page.body.contains(reason), "the draft comes back");
}
