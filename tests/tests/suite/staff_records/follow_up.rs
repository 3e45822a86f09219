//! The review agreed at the end of a conference, set up from the social worker's page without
//! JavaScript: it keeps the conference's chair when none is chosen, and says whose follow-up it is.
use api::graphql::ids::NodeKind;
use serde_json::json;
use tests::app::{hold_meeting_of, spawn_demo_app, staff_token};

use super::uk_day;
use crate::plain_browser::PlainBrowser;
use crate::referrals::{SOCIAL_WORKER, child_named, gid};

#[tokio::test]
async fn the_review_agreed_at_the_end_of_leos_conference_is_set_up_from_his_card() {
    let app = spawn_demo_app().await;
    let held = gid(NodeKind::Meeting, hold_meeting_of(&app.db, "Leo").await);
    let isro = staff_token(&app.db, crate::by_hand::ISRO).await;
    let recorded = app
        .graphql_as(
            Some(&isro),
            "mutation($m: ID!) { recordMeeting(meetingId: $m, input: { plan: \"Plan\",
               outcomeStaffWords: \"Staff words\", outcomeChildWords: \"You said\" }) { status } }",
            json!({ "m": held }),
        )
        .await;
    assert_eq!(
        recorded["data"]["recordMeeting"]["status"], "HELD",
        "{recorded}"
    );
    let leo = gid(NodeKind::Child, child_named(&app.db, "Leo").await.id);

    let token = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut sw = PlainBrowser::staff(&app, &token);
    let home = sw.open("/staff").await;
    let follow_up = format!("/staff/children/{leo}/new-meeting?after={held}");
    assert!(
        home.body.contains(&format!("href=\"{follow_up}\"")),
        "{}",
        home.body
    );
    let page = sw.open(&follow_up).await;
    let chosen = format!("value=\"{held}\" selected");
    assert!(
        page.body.contains(&chosen),
        "the conference is chosen: {}",
        page.body
    );

    let day = uk_day(90);
    let form = [
        ("form[child]", leo.as_str()),
        ("form[kind]", "CHILD_PROTECTION_REVIEW"),
        ("form[date]", day.as_str()),
        ("form[time]", "10:00"),
        ("form[place]", "County Hall, room 2"),
        ("form[chair]", ""),
        ("form[follow_up_of]", held.as_str()),
    ];
    let saved = sw.post(&follow_up, "/api/staff/new-meeting", &form).await;
    let to = saved.location.expect("to my children");
    assert_eq!(to, format!("/staff?done=meeting-added#child-{leo}"));

    let read = app
        .graphql_as(
            Some(&token),
            "{ myChildren(first: 100) { nodes { id meetings { kind followUpOf chair { name } } } } }",
            json!({}),
        )
        .await;
    let children = read["data"]["myChildren"]["nodes"]
        .as_array()
        .expect("children")
        .clone();
    let leos = children
        .iter()
        .find(|c| c["id"] == json!(leo))
        .expect("Leo");
    let review = leos["meetings"]
        .as_array()
        .expect("meetings")
        .iter()
        .find(|m| m["kind"] == "CHILD_PROTECTION_REVIEW")
        .expect("the review")
        .clone();
    assert_eq!(review["followUpOf"], json!(held));
    assert_eq!(
        review["chair"]["name"], "Helen Carter",
        "the conference's chair"
    );
}
