//! The admin's "Agencies" page as a browser without JavaScript uses it: the list, adding an agency,
//! a refused address shown next to its box with everything typed kept, and changing an agency.
use serde_json::json;
use tests::app::{spawn_demo_app, staff_token};

use super::{ADMIN, answer};
use crate::plain_browser::{PlainBrowser, input_value};

const PAGE: &str = "/staff/agencies";
const ACTION: &str = "/api/staff/admin-save-agency";

#[tokio::test]
async fn an_admin_adds_and_changes_an_agency_with_javascript_off() {
    let app = spawn_demo_app().await;
    let token = staff_token(&app.db, ADMIN).await;
    let mut admin = PlainBrowser::staff(&app, &token);

    let home = admin.open("/staff").await;
    assert!(
        home.body.contains("href=\"/staff/agencies\""),
        "linked from the admin's pages"
    );
    let page = admin.open(PAGE).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Demo Constabulary"),
        "the demo's agencies are listed"
    );

    // A bad address: back to the form, the problem beside the box, what was typed still there.
    let bad = [
        ("id", ""),
        ("name", "Oak Hill Academy"),
        ("kind", "EDUCATION"),
        ("contact_email", "safeguarding at oakhill"),
    ];
    let refused = admin.post(PAGE, ACTION, &bad).await;
    let back = refused.location.expect("sent back to the form");
    assert!(back.starts_with(PAGE), "{back}");
    let page = admin.open(&back).await;
    assert!(
        page.body.contains("id=\"contact_email-error\""),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("Enter an e-mail address like name@example.org.")
    );
    assert_eq!(
        input_value(&page.body, "name").as_deref(),
        Some("Oak Hill Academy")
    );
    assert_eq!(
        input_value(&page.body, "contact_email").as_deref(),
        Some("safeguarding at oakhill")
    );

    let good = [
        ("id", ""),
        ("name", "Oak Hill Academy"),
        ("kind", "EDUCATION"),
        ("contact_email", "safeguarding@oakhill.sch.uk"),
    ];
    let saved = admin.post(PAGE, ACTION, &good).await;
    let page = admin.open(&saved.location.expect("back to the list")).await;
    assert!(
        page.body.contains("Oak Hill Academy is saved."),
        "{}",
        page.body
    );
    assert!(page.body.contains("safeguarding@oakhill.sch.uk"));

    // The same name again is refused beside the name.
    let again = admin.post(PAGE, ACTION, &good).await;
    let page = admin.open(&again.location.expect("back to the form")).await;
    assert!(page.body.contains("id=\"name-error\""));
    assert!(page.body.contains("already has an agency with this name"));

    // Change it: its form opens filled in; the new name is listed.
    let list = answer(
        &app.graphql_as(
            Some(&token),
            "{ agencies(first: 100) { nodes { id name } } }",
            json!({}),
        )
        .await,
        "agencies",
    );
    let id = list["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "Oak Hill Academy")
        .expect("the new agency")["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let edit = format!("{PAGE}?edit={id}");
    let page = admin.open(&edit).await;
    assert_eq!(
        input_value(&page.body, "name").as_deref(),
        Some("Oak Hill Academy")
    );
    assert!(page.body.contains("Change an agency"));
    let changed = [
        ("id", id.as_str()),
        ("name", "Oak Hill Primary Academy"),
        ("kind", "EDUCATION"),
        ("contact_email", ""),
    ];
    let saved = admin.post(&edit, ACTION, &changed).await;
    let page = admin.open(&saved.location.expect("back to the list")).await;
    assert!(page.body.contains("Oak Hill Primary Academy is saved."));
    assert!(
        !page.body.contains("safeguarding@oakhill.sch.uk"),
        "the address was taken away"
    );
}
