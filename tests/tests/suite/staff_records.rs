//! The social worker's pages for records by hand (issue 19, item 2): add a child, set up her
//! meeting with an invited agency, move it and cancel it, and the child's own page telling her in
//! her words. With JavaScript off as a plain browser, and with it on in Chromium at desktop size
//! (axe on every page). The coordinator adds the child of a self-referral from the same page.
mod chromium;
mod coordinator;
mod follow_up;

use chrono::{Duration, Utc};
use tests::app::{child_token, spawn_demo_app, staff_token};

use crate::plain_browser::{PlainBrowser, input_value, text_boxes};
use crate::referrals::SOCIAL_WORKER;

pub(crate) const MOVED: &str = "Your meeting has moved. It is now on ";
const NOT_HAPPENING: &str = "Your meeting is not happening now. Your views are safe.";
pub(crate) const CHILD_ACTION: &str = "/api/staff/child-record";
const MEETING_ACTION: &str = "/api/staff/new-meeting";
const MOVE_ACTION: &str = "/api/staff/meeting-move";
const CANCEL_ACTION: &str = "/api/staff/meeting-cancel";

/// A day `days` from today, as a date box holds it (far enough from today that UK time and UTC
/// agree on which side of now it is).
pub(crate) fn uk_day(days: i64) -> String {
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
pub(crate) fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
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

/// The pages are the social worker's (the coordinator only adds a child): anyone else is told the
/// page cannot be opened, and nobody signed in is sent to sign in.
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
    let mia = crate::referrals::child_named(&app.db, "Mia").await;
    let mia = crate::referrals::gid(api::graphql::ids::NodeKind::Child, mia.id);
    let coordinator = staff_token(&app.db, crate::referrals::COORDINATOR).await;
    let mut coordinator = PlainBrowser::staff(&app, &coordinator);
    for path in [
        format!("/staff/children/{mia}/change"),
        format!("/staff/children/{mia}/new-meeting"),
    ] {
        let page = coordinator.open(&path).await;
        assert!(
            page.body.contains("this page cannot be opened"),
            "{path}: {}",
            page.body
        );
    }
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut sw = PlainBrowser::staff(&app, &sw);
    let page = sw.open(&format!("/staff/children/{mia}/change")).await;
    assert!(
        page.body.contains("Change Mia&#x27;s record") || page.body.contains("Change Mia's record"),
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
