//! The child's own page says, in the child's words, when their meeting moved or was cancelled;
//! their views stay with them. Read as a browser without JavaScript reads it (the server's page).
use chrono::{Duration, SecondsFormat, TimeZone, Utc};
use serde_json::json;
use tests::app::{child_token, spawn_demo_app, staff_token};

use super::answer;
use crate::plain_browser::PlainBrowser;
use crate::referrals::SOCIAL_WORKER;

const MOVED: &str = "Your meeting has moved. It is now on ";
const CANCELLED: &str = "Your meeting is not happening now. Your views are safe. Your advocate will tell you what happens next.";

#[tokio::test]
async fn the_childs_page_says_her_meeting_moved_and_then_that_it_is_not_happening() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let token = child_token(&app.db, "Mia").await;
    let meeting = answer(
        &app.graphql_as(Some(&token), "{ myCurrentMeeting { id } }", json!({}))
            .await,
        "myCurrentMeeting",
    )["id"]
        .clone();
    let mut mia = PlainBrowser::child(&app, &token);
    let before = mia.open("/me").await;
    assert_eq!(before.status, 200);
    assert!(!before.body.contains(MOVED) && !before.body.contains(CANCELLED));
    assert!(
        before.body.contains("Carry on with my views"),
        "{}",
        before.body
    );

    // Noon UTC is the same day in UK time, summer or winter.
    let day = (Utc::now() + Duration::days(40)).date_naive();
    let at = Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).expect("noon"));
    let moved = app
        .graphql_as(
            Some(&sw),
            "mutation($id: ID!, $at: DateTime!) {
               moveMeeting(id: $id, scheduledAt: $at, reason: \"The chair is on leave\") { id } }",
            json!({ "id": meeting, "at": at.to_rfc3339_opts(SecondsFormat::Secs, true) }),
        )
        .await;
    answer(&moved, "moveMeeting");
    let page = mia.open("/me").await;
    let expected = format!("{MOVED}{}", day.format("%A %-d %B at "));
    assert!(
        page.body.contains(&expected),
        "{expected:?} not on the page: {}",
        page.body
    );
    assert!(
        !page.body.contains("chair is on leave"),
        "staff reasons stay with staff"
    );

    let cancelled = app
        .graphql_as(
            Some(&sw),
            "mutation($id: ID!) { cancelMeeting(id: $id, reason: \"Mia moved out of county\") { id } }",
            json!({ "id": meeting }),
        )
        .await;
    answer(&cancelled, "cancelMeeting");
    let page = mia.open("/me").await;
    assert!(page.body.contains(CANCELLED), "{}", page.body);
    assert!(!page.body.contains(MOVED));
    assert!(
        !page.body.contains("out of county"),
        "staff reasons stay with staff"
    );
    // Nothing to carry on with while nobody knows what happens next; her words are still hers.
    assert!(!page.body.contains("Carry on with my views"));
    let views = answer(
        &app.graphql_as(
            Some(&token),
            "{ myCurrentMeeting { myViews { worries } } }",
            json!({}),
        )
        .await,
        "myCurrentMeeting",
    );
    assert_eq!(
        views["myViews"]["worries"],
        json!(["I don't know if I can still see my brother."])
    );
}
