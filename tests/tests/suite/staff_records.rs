//! The social worker's pages for records by hand (issue 19, item 2): add a child, set up her
//! meeting with an invited agency, move it and cancel it, and the child's own page telling her in
//! her words. With JavaScript off as a plain browser, and with it on in Chromium at desktop size
//! (axe on every page).
use std::path::PathBuf;

use chrono::{Duration, Utc};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;
use crate::plain_browser::{PlainBrowser, input_value, text_boxes};
use crate::referrals::SOCIAL_WORKER;

const MOVED: &str = "Your meeting has moved. It is now on ";
const NOT_HAPPENING: &str = "Your meeting is not happening now. Your views are safe.";
const CHILD_ACTION: &str = "/api/staff/child-record";
const MEETING_ACTION: &str = "/api/staff/new-meeting";
const MOVE_ACTION: &str = "/api/staff/meeting-move";
const CANCEL_ACTION: &str = "/api/staff/meeting-cancel";

/// A day `days` from today, as a date box holds it (far enough from today that UK time and UTC
/// agree on which side of now it is).
fn uk_day(days: i64) -> String {
    (Utc::now() + Duration::days(days))
        .format("%Y-%m-%d")
        .to_string()
}

/// Whether the `<input>` with this value is ticked.
fn ticked(html: &str, value: &str) -> bool {
    let at = html.find(&format!("value=\"{value}\"")).expect("the box");
    let end = at + html[at..].find('>').expect("its end");
    html[at..end].contains(" checked")
}

/// The text between `start` (first found) and the next `end`.
fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let to = from + text[from..].find(end)?;
    Some(&text[from..to])
}

/// The page's ID of the demo agency named `name` (from the new-meeting form's checkboxes).
fn checkbox_value(html: &str, label: &str) -> String {
    let at = html
        .find(&format!(">{label}</label>"))
        .expect("the agency's box");
    let before = &html[..at];
    let input = before.rfind("<input").expect("its input");
    between(&before[input..], "value=\"", "\"")
        .expect("a value")
        .to_owned()
}

fn option_value(html: &str, label: &str) -> String {
    let at = html
        .find(&format!(">{label}</option>"))
        .expect("the option");
    let before = &html[..at];
    let option = before.rfind("<option").expect("its start");
    between(&before[option..], "value=\"", "\"")
        .expect("a value")
        .to_owned()
}

#[tokio::test]
async fn a_social_worker_adds_a_child_then_books_moves_and_cancels_her_meeting_with_javascript_off()
{
    let app = spawn_demo_app().await;
    let token = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut sw = PlainBrowser::staff(&app, &token);

    let home = sw.open("/staff").await;
    assert!(home.body.contains("href=\"/staff/children/new\""), "linked");
    let page = sw.open("/staff/children/new").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<h1>Add a child</h1>"), "{}", page.body);

    // A date of birth that is not a date: back to the form, the problem beside it, all kept.
    let needs = "Likes to draw. </textarea><b>not bold</b>";
    let mut child = vec![
        ("form[id]", ""),
        ("form[preferred_name]", "Nadia"),
        ("form[full_name]", "Nadia Rahman"),
        ("form[date_of_birth]", "2016-02-30"),
        ("form[looked_after]", "no"),
        ("form[language]", "Bengali"),
        ("form[interpreter]", "yes"),
        ("form[parental_responsibility]", "Mother"),
        ("form[communication_needs]", needs),
        ("form[lives_with]", "Mum and her baby brother"),
    ];
    let refused = sw.post("/staff/children/new", CHILD_ACTION, &child).await;
    let back = refused.location.expect("sent back to the form");
    assert!(back.starts_with("/staff/children/new?check=1"), "{back}");
    let page = sw.open(&back).await;
    assert!(page.body.contains("id=\"date_of_birth-error\""));
    assert!(
        page.body
            .contains("Enter the date of birth as a real date, like 2015-03-14.")
    );
    assert!(page.body.contains("There is a problem"));
    assert_eq!(
        input_value(&page.body, "preferred_name").as_deref(),
        Some("Nadia")
    );
    assert_eq!(
        input_value(&page.body, "date_of_birth").as_deref(),
        Some("2016-02-30")
    );
    let boxes = text_boxes(&page.body);
    assert_eq!(
        boxes.get("communication_needs").map(String::as_str),
        Some(needs)
    );
    assert!(!page.body.contains("<b>not bold</b>"), "typed text escaped");

    // The child agreed to advocacy but no day is given: the API's refusal, beside the day.
    child[3] = ("form[date_of_birth]", "2016-02-28");
    child.push(("form[agreed]", "yes"));
    let refused = sw.post("/staff/children/new", CHILD_ACTION, &child).await;
    let page = sw.open(&refused.location.expect("back")).await;
    assert!(
        page.body.contains("id=\"agreed_on-error\""),
        "{}",
        page.body
    );
    assert!(page.body.contains("Give the date the child agreed"));
    let agreed = uk_day(-3);
    child.push(("form[agreed_on]", &agreed));
    let saved = sw.post("/staff/children/new", CHILD_ACTION, &child).await;
    let to = saved.location.expect("to my children");
    assert!(to.starts_with("/staff?done=child-added#child-"), "{to}");
    let child_id = to.rsplit("#child-").next().unwrap_or_default().to_owned();
    let page = sw.open(&to).await;
    assert!(page.body.contains("Child added."), "{}", page.body);
    assert!(page.body.contains("Nadia"));
    let new_meeting = format!("/staff/children/{child_id}/new-meeting");
    assert!(page.body.contains(&format!("href=\"{new_meeting}\"")));

    // Her record opens filled in, and changes.
    let change = format!("/staff/children/{child_id}/change");
    let page = sw.open(&change).await;
    assert_eq!(
        input_value(&page.body, "full_name").as_deref(),
        Some("Nadia Rahman")
    );
    assert_eq!(
        input_value(&page.body, "agreed_on").as_deref(),
        Some(agreed.as_str())
    );
    let mut changed = child.clone();
    changed[0] = ("form[id]", &child_id);
    changed[1] = ("form[preferred_name]", "Nadia");
    changed[9] = ("form[lives_with]", "Mum, her baby brother and grandma");
    let saved = sw.post(&change, CHILD_ACTION, &changed).await;
    let page = sw.open(&saved.location.expect("to my children")).await;
    assert!(
        page.body.contains("The child&#x27;s record is saved.")
            || page.body.contains("The child's record is saved.")
    );

    // Her meeting: a CiN meeting with the police invited, chaired by the demo ISRO.
    let page = sw.open(&new_meeting).await;
    assert!(page.body.contains("New meeting for Nadia"), "{}", page.body);
    let police = checkbox_value(&page.body, "Demo Constabulary");
    let chair = option_value(&page.body, "Helen Carter");
    let day = uk_day(20);
    let mut meeting = vec![
        ("form[child]", child_id.as_str()),
        ("form[kind]", "CHILD_IN_NEED_MEETING"),
        ("form[date]", "2027-13-01"),
        ("form[time]", "10:00"),
        ("form[place]", "Family centre, Taunton"),
        ("form[chair]", chair.as_str()),
        ("form[agencies][0]", police.as_str()),
        ("form[follow_up_of]", ""),
    ];
    let refused = sw.post(&new_meeting, MEETING_ACTION, &meeting).await;
    let page = sw.open(&refused.location.expect("back")).await;
    assert!(page.body.contains("id=\"date-error\""), "{}", page.body);
    assert!(
        page.body
            .contains("Enter the date as a real date, like 2027-03-14.")
    );
    assert_eq!(
        input_value(&page.body, "place").as_deref(),
        Some("Family centre, Taunton")
    );
    assert!(ticked(&page.body, &police), "ticked stays ticked");
    // A day gone by: the API's words, beside the date.
    let yesterday = uk_day(-1);
    meeting[2] = ("form[date]", &yesterday);
    let refused = sw.post(&new_meeting, MEETING_ACTION, &meeting).await;
    let page = sw.open(&refused.location.expect("back")).await;
    assert!(page.body.contains("That time has passed"), "{}", page.body);
    meeting[2] = ("form[date]", &day);
    let saved = sw.post(&new_meeting, MEETING_ACTION, &meeting).await;
    let to = saved.location.expect("to my children");
    assert!(to.starts_with("/staff?done=meeting-added"), "{to}");
    let page = sw.open(&to).await;
    assert!(page.body.contains("Meeting added."));
    let card = page
        .body
        .find(&format!("id=\"child-{child_id}\""))
        .expect("Nadia's card");
    let meeting_id = between(&page.body[card..], "href=\"/staff/meetings/", "/change\"")
        .expect("a way to move or cancel it")
        .to_owned();
    let change_meeting = format!("/staff/meetings/{meeting_id}/change");
    let page = sw.open(&change_meeting).await;
    assert!(page.body.contains("Demo Constabulary"), "invited");
    assert!(page.body.contains("Helen Carter"), "the chair");
    assert!(page.body.contains("Family centre, Taunton"));

    let nadia_token = child_token(&app.db, "Nadia").await;
    let mut nadia = PlainBrowser::child(&app, &nadia_token);
    let before = nadia.open("/me").await;
    assert_eq!(before.status, 200);
    assert!(!before.body.contains(MOVED));

    // Moved: first without a reason (asked for it, the new date kept), then with one.
    let later = uk_day(27);
    let mut moving = vec![
        ("form[meeting]", meeting_id.as_str()),
        ("form[child]", child_id.as_str()),
        ("form[date]", later.as_str()),
        ("form[time]", "12:00"),
        ("form[place]", "Family centre, Taunton"),
        ("form[reason]", ""),
    ];
    let refused = sw.post(&change_meeting, MOVE_ACTION, &moving).await;
    let page = sw.open(&refused.location.expect("back")).await;
    assert!(
        page.body.contains("Give the reason it moved"),
        "{}",
        page.body
    );
    assert_eq!(
        input_value(&page.body, "move-date").as_deref(),
        Some(later.as_str())
    );
    moving[5] = ("form[reason]", "The chair is on leave that week.");
    let moved = sw.post(&change_meeting, MOVE_ACTION, &moving).await;
    let to = moved.location.expect("to my children");
    assert_eq!(to, format!("/staff?done=meeting-moved#child-{child_id}"));
    let page = sw.open(&to).await;
    assert!(page.body.contains("Meeting moved."));
    let page = nadia.open("/me").await;
    let later_words = chrono::NaiveDate::parse_from_str(&later, "%Y-%m-%d")
        .expect("a day")
        .format("%A %-d %B at 12:00")
        .to_string();
    let expected = format!("{MOVED}{later_words}");
    assert!(page.body.contains(&expected), "{expected}: {}", page.body);
    assert!(
        !page.body.contains("on leave"),
        "staff reasons stay with staff"
    );

    // Cancelled, after a confirm step that asks for the reason.
    let confirm = format!("{change_meeting}?step=cancel");
    let page = sw.open(&confirm).await;
    assert!(
        page.body.contains("Cancel the CiN meeting?"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Yes, cancel the meeting"));
    let mut cancelling = vec![
        ("form[meeting]", meeting_id.as_str()),
        ("form[child]", child_id.as_str()),
        ("form[reason]", "  "),
    ];
    let refused = sw.post(&confirm, CANCEL_ACTION, &cancelling).await;
    let back = refused.location.expect("back");
    assert!(back.contains("step=cancel"), "{back}");
    let page = sw.open(&back).await;
    assert!(page.body.contains("id=\"cancel-reason-error\""));
    cancelling[2] = ("form[reason]", "The family moved out of the area.");
    let cancelled = sw.post(&confirm, CANCEL_ACTION, &cancelling).await;
    let page = sw.open(&cancelled.location.expect("to my children")).await;
    assert!(page.body.contains("Meeting cancelled."));
    assert!(
        !page.body.contains(&format!("href=\"{change_meeting}\"")),
        "nothing left to change"
    );
    let page = nadia.open("/me").await;
    assert!(page.body.contains(NOT_HAPPENING), "{}", page.body);
    assert!(!page.body.contains("out of the area"));
    let page = sw.open(&change_meeting).await;
    assert!(page.body.contains("This meeting cannot be changed now."));

    // Nothing typed ever went into an address.
    let typed = [
        "Nadia",
        "Taunton",
        "on leave",
        "out of the area",
        "Likes to draw",
    ];
    for address in &sw.addresses {
        let decoded = crate::plain_browser::percent_decode(address);
        for t in typed {
            assert!(!decoded.contains(t), "{address} carries {t:?}");
        }
    }
}

/// A self-referral from a child nobody here knows yet: the coordinator adds the child from the
/// referral, with the advice and assistance she asked for, comes back and links the referral.
#[tokio::test]
async fn the_coordinator_adds_the_child_of_a_self_referral_and_links_it_with_javascript_off() {
    let app = spawn_demo_app().await;
    let asked = app
        .graphql(
            "mutation($i: SelfReferralInput!) { selfReferral(input: $i) { message } }",
            json!({ "i": {
                "localAuthority": "demo", "name": "Priya", "contact": "07700 900123",
                "about": "I want help to tell school what happened.",
            } }),
        )
        .await;
    assert!(asked["errors"].is_null(), "{asked}");
    let referral = crate::staff_dead_ends::newest_self_referral(&app.db).await;
    let referral = crate::referrals::gid(api::graphql::ids::NodeKind::Referral, referral);
    let token = staff_token(&app.db, crate::referrals::COORDINATOR).await;
    let mut co = PlainBrowser::staff(&app, &token);
    let page_path = format!("/staff/referrals/{referral}");
    let page = co.open(&page_path).await;
    let add = format!("/staff/children/new?referral={referral}");
    assert!(
        page.body.contains(&format!("href=\"{add}\"")),
        "{}",
        page.body
    );
    let page = co.open(&add).await;
    assert!(
        page.body.contains("What did the child ask for?"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Back to the self-referral"));
    let mut child = vec![
        ("form[id]", ""),
        ("form[referral]", referral.as_str()),
        ("form[preferred_name]", "Priya"),
        ("form[date_of_birth]", ""),
        ("form[looked_after]", "no"),
        ("form[advocacy_for]", "ADVICE_AND_ASSISTANCE"),
    ];
    let refused = co.post(&add, CHILD_ACTION, &child).await;
    let back = refused.location.expect("back to the form");
    assert!(back.starts_with(&format!("{add}&check=1")), "{back}");
    let page = co.open(&back).await;
    assert!(
        page.body.contains("Give the child&#x27;s date of birth.")
            || page.body.contains("Give the child's date of birth."),
        "{}",
        page.body
    );
    assert_eq!(
        input_value(&page.body, "preferred_name").as_deref(),
        Some("Priya")
    );
    child[3] = ("form[date_of_birth]", "2013-05-04");
    let saved = co.post(&add, CHILD_ACTION, &child).await;
    let to = saved.location.expect("back to the referral");
    assert_eq!(to, format!("{page_path}?done=child-added"));
    let page = co.open(&to).await;
    assert!(page.body.contains("Child added."), "{}", page.body);
    let priya = page.body.find(">Priya (").expect("Priya to link to");
    assert!(
        page.body[priya..].starts_with(">Priya (")
            && between(&page.body[priya..], ") — ", "<")
                == Some("Advice and assistance, no date set"),
        "her advice: {}",
        &page.body[priya..]
    );
    let input = page.body[..priya]
        .rfind("name=\"choice\"")
        .expect("its radio");
    let choice = between(&page.body[input..], "value=\"", "\"")
        .expect("its value")
        .to_owned();
    let linked = co
        .post(
            &page_path,
            "/api/staff/referral-link",
            &[("id", referral.as_str()), ("choice", choice.as_str())],
        )
        .await;
    let page = co.open(&linked.location.expect("back")).await;
    assert!(page.body.contains("Referral for Priya"), "{}", page.body);
}

/// Another social worker's child and meeting cannot be opened (they exist for nobody else).
#[tokio::test]
async fn the_pages_are_the_social_workers_own() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let mut browser = PlainBrowser::staff(&app, &admin);
    let page = browser.open("/staff/children/new").await;
    assert!(
        page.body.contains("this page cannot be opened"),
        "{}",
        page.body
    );
    let mut nobody = PlainBrowser::new(&app);
    nobody.open("/staff/children/new").await;
    assert_eq!(
        nobody.addresses.last().map(String::as_str),
        Some("/staff/sign-in"),
        "signed out: to sign in"
    );
}

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

async fn run(app: &TestApp, script: &'static str) -> Vec<Value> {
    let args = vec![app.url(""), screenshots()];
    tokio::task::spawn_blocking(move || run_browser_script(script, &args))
        .await
        .expect("browser script ran")
}

fn assert_pages(results: &[Value]) {
    let pages: Vec<&Value> = results.iter().filter(|r| r["page"].is_string()).collect();
    assert!(!pages.is_empty(), "{results:?}");
    for page in pages {
        let what = format!("{} (JavaScript {})", page["page"], page["javaScript"]);
        assert_eq!(page["violations"], json!([]), "{what}: accessibility");
        assert_eq!(page["overflow"], false, "{what}: scrolls sideways");
        assert_eq!(page["smallTargets"], json!([]), "{what}: small targets");
    }
}

#[tokio::test]
async fn a_social_worker_adds_a_child_and_a_meeting_and_moves_it_in_chromium() {
    let app = spawn_demo_app().await;
    let results = run(&app, "staff-records.mjs").await;
    assert_pages(&results);
    let run = results
        .iter()
        .find(|r| r["run"].is_string())
        .expect("the run's result");
    assert!(run.get("error").is_none(), "{run}");
    assert_eq!(
        run["problems"],
        json!([]),
        "console errors or failed requests"
    );
    assert_eq!(run["addressesCarryingText"], json!([]));
    assert_eq!(
        run["childAdded"],
        "Child added. Add their meeting from their card below."
    );
    assert_eq!(
        run["dateError"],
        "That time has passed: choose a time still to come."
    );
    assert_eq!(run["placeKept"], "Family centre, Taunton");
    assert_eq!(run["policeKept"], true);
    assert_eq!(run["meetingAdded"], "Meeting added.");
    assert!(
        run["moved"]
            .as_str()
            .is_some_and(|m| m.starts_with("Meeting moved.")),
        "{run}"
    );
    let token = child_token(&app.db, "Zara").await;
    let mut zara = PlainBrowser::child(&app, &token);
    let page = zara.open("/me").await;
    assert!(page.body.contains(MOVED), "{}", page.body);
}

#[tokio::test]
async fn the_admins_agencies_and_notifications_pages_in_chromium() {
    let app = spawn_demo_app().await;
    let results = run(&app, "staff-admin-pages.mjs").await;
    assert_pages(&results);
    let run = results
        .iter()
        .find(|r| r["run"].is_string())
        .expect("the run's result");
    assert!(run.get("error").is_none(), "{run}");
    assert_eq!(
        run["problems"],
        json!([]),
        "console errors or failed requests"
    );
    assert_eq!(run["saved"], "Oak Hill Academy is saved.");
    assert_eq!(run["dutyListed"], true, "{run}");
}
