//! The admin's data protection pages as a browser without JavaScript uses them (issue 22): finding
//! a child, holding and releasing their record, asking for an erasure that a second admin
//! confirms, and changing how long a kind of record is kept.
use api::graphql::ids::NodeKind;
use chrono::Utc;
use tests::app::{spawn_app, staff_token};

use crate::plain_browser::PlainBrowser;
use crate::retention::{authority, child_with_closed_work, left, of};

#[tokio::test]
async fn two_admins_hold_and_erase_a_childs_record_with_javascript_off() {
    let app = spawn_app().await;
    let db = &app.db;
    let story = authority(db, "exmoor").await;
    let ada = child_with_closed_work(db, &story, "Ada", Utc::now()).await;
    let first_token = staff_token(db, &story.admin_email).await;
    let second_token = staff_token(db, &story.second_admin_email).await;
    let mut first = PlainBrowser::staff(&app, &first_token);
    let mut second = PlainBrowser::staff(&app, &second_token);

    let home = first.open("/staff").await;
    assert!(
        home.body.contains("href=\"/staff/admin/children\""),
        "linked for admins"
    );
    let found = first.open("/staff/admin/children?q=ref-ada").await;
    let page = format!("/staff/admin/children/{}", NodeKind::Child.id(ada.id).0);
    assert!(
        found.body.contains(&format!("href=\"{page}\"")),
        "{}",
        found.body
    );

    let record = first.open(&page).await;
    assert_eq!(record.status, 200);
    assert!(record.body.contains("Ada (Ada Example)"));
    assert!(record.body.contains(&format!("href=\"{page}/export\"")));
    assert!(
        record
            .body
            .contains("Download everything held about this child")
    );

    // A hold needs a reason; with one, the record is held; then lifted.
    let hold = "/api/staff/admin-dp-hold";
    let child_id = NodeKind::Child.id(ada.id).0;
    let refused = first
        .post(&page, hold, &[("child_id", &child_id), ("reason", " ")])
        .await;
    let back = first
        .open(&refused.location.expect("back to the record"))
        .await;
    assert!(back.body.contains("Give a reason."), "{}", back.body);
    let held = first
        .post(
            &page,
            hold,
            &[("child_id", &child_id), ("reason", "Care proceedings")],
        )
        .await;
    let back = first.open(&held.location.expect("back")).await;
    assert!(
        back.body
            .contains("Under a legal hold: nothing is removed.")
    );
    assert!(back.body.contains("Care proceedings"));
    // While held, the page says erasure cannot happen instead of offering a form the API refuses.
    assert!(
        back.body
            .contains("under a legal hold, so it cannot be erased")
    );
    assert!(!back.body.contains("Ask for erasure</button>"));
    let lifted = first
        .post(
            &page,
            hold,
            &[
                ("child_id", &child_id),
                ("reason", "Proceedings ended"),
                ("lift", "yes"),
            ],
        )
        .await;
    let back = first.open(&lifted.location.expect("back")).await;
    assert!(back.body.contains("The legal hold is lifted."));
    assert!(back.body.contains("Ask for erasure</button>"));

    // Erasure: the first admin asks and cannot confirm; the second confirms.
    let asked = first
        .post(
            &page,
            "/api/staff/admin-dp-erase",
            &[("child_id", &child_id), ("reason", "Asked by Ada")],
        )
        .await;
    let back = first.open(&asked.location.expect("back")).await;
    assert!(
        back.body.contains("You asked for this erasure"),
        "{}",
        back.body
    );
    assert!(!back.body.contains("Confirm: erase this record now"));
    assert!(of(&left(db, &ada).await, "views") > 0);
    let theirs = second.open(&page).await;
    assert!(
        theirs.body.contains("Confirm: erase this record now"),
        "{}",
        theirs.body
    );
    let request_id = theirs
        .body
        .split("name=\"request_id\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the request's id")
        .to_owned();
    let done = second
        .post(
            &page,
            "/api/staff/admin-dp-decide",
            &[("child_id", &child_id), ("request_id", &request_id)],
        )
        .await;
    let back = second.open(&done.location.expect("back")).await;
    assert!(
        back.body.contains("The child&#x27;s record is erased")
            || back.body.contains("The child's record is erased"),
        "{}",
        back.body
    );
    assert_eq!(of(&left(db, &ada).await, "views"), 0);
}

#[tokio::test]
async fn an_admin_changes_how_long_a_kind_of_record_is_kept_with_javascript_off() {
    let app = spawn_app().await;
    let db = &app.db;
    let story = authority(db, "mendip").await;
    let token = staff_token(db, &story.admin_email).await;
    let mut admin = PlainBrowser::staff(&app, &token);
    let page = "/staff/admin/retention";
    let shown = admin.open(page).await;
    assert_eq!(shown.status, 200);
    assert!(
        shown.body.contains("Advocates&#x27; notes") || shown.body.contains("Advocates' notes")
    );
    assert!(shown.body.contains("value=\"2190\""));

    let action = "/api/staff/admin-set-retention";
    let bad = admin
        .post(
            page,
            action,
            &[("kind", "ADVOCATE_NOTES"), ("days", "six years")],
        )
        .await;
    let back = admin.open(&bad.location.expect("back")).await;
    assert!(
        back.body.contains("Give a whole number of days"),
        "{}",
        back.body
    );
    let zero = admin
        .post(page, action, &[("kind", "ADVOCATE_NOTES"), ("days", "0")])
        .await;
    let back = admin.open(&zero.location.expect("back")).await;
    assert!(
        back.body.contains("Choose between 1 and 36500 days."),
        "{}",
        back.body
    );
    let saved = admin
        .post(
            page,
            action,
            &[("kind", "ADVOCATE_NOTES"), ("days", "3650")],
        )
        .await;
    let back = admin.open(&saved.location.expect("back")).await;
    assert!(back.body.contains("kept 3650 days"), "{}", back.body);
    assert!(back.body.contains("value=\"3650\""));
}
