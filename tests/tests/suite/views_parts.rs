//! The child's consent as one list (`sharedWith`) beside the four older flags, and saving one part
//! of the views at a time with the server merging (issue 18): a part saved from an older version
//! goes on top when nobody changed that part since, and is a CONFLICT with the current views when
//! somebody did. `saveViewsDraft` keeps answering as before.
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app};

use crate::views::{VIEWS, audit_count, kid, my_views, ok, views_row};

const CONSENT: &str = "version sharedWith shareWithSocialWorker shareWithChair shareWithFamily \
    shareWithMeeting";

/// A child's window on one meeting's views.
struct Window<'a> {
    app: &'a TestApp,
    token: String,
    meeting: String,
}

impl Window<'_> {
    /// `saveViewsPart` from version `expected` with `args` (the value arguments, e.g. `items`,
    /// and `key` for its idempotency key).
    async fn part(&self, expected: i32, part: &str, args: Value) -> Value {
        let query = format!(
            "mutation($m: ID!, $v: Int!, $p: ViewsPart!, $items: [String!], $feeling: Feeling,
                      $freeWords: String, $attendance: AttendanceChoice, $sharedWith: [Audience!],
                      $key: String) {{
               saveViewsPart(meetingId: $m, expectedVersion: $v, part: $p, items: $items,
                 feeling: $feeling, freeWords: $freeWords, attendance: $attendance,
                 sharedWith: $sharedWith, idempotencyKey: $key) {{ {VIEWS} sharedWith }} }}"
        );
        let mut variables = json!({ "m": self.meeting, "v": expected, "p": part });
        if let (Some(all), Some(more)) = (variables.as_object_mut(), args.as_object()) {
            all.extend(more.clone());
        }
        self.app
            .graphql_as(Some(&self.token), &query, variables)
            .await
    }

    /// `saveViewsDraft` of the whole views, answering the consent fields.
    async fn whole(&self, expected: i32, content: Value) -> Value {
        let query = format!(
            "mutation($m: ID!, $v: Int!, $c: ViewsInput!) {{
               saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) {{ {CONSENT} }} }}"
        );
        let variables = json!({ "m": self.meeting, "v": expected, "c": content });
        self.app
            .graphql_as(Some(&self.token), &query, variables)
            .await
    }

    /// The saved views of a part save that must succeed.
    async fn saved(&self, expected: i32, part: &str, args: Value) -> Value {
        ok(&self.part(expected, part, args).await)["saveViewsPart"].clone()
    }
}

async fn window<'a>(app: &'a TestApp, name: &str) -> (Window<'a>, crate::views::Kid) {
    let kid = kid(&app.db, name).await;
    let window = Window {
        app,
        token: child_token(&app.db, name).await,
        meeting: kid.meeting.clone(),
    };
    (window, kid)
}

#[tokio::test]
async fn consent_is_one_list_and_the_four_flags_still_work() {
    let app = spawn_demo_app().await;
    let (mia, kid) = window(&app, "Mia").await;

    // The list, in any order, comes back in the schema's order, with the flags to match.
    let content = json!({ "worries": ["school"], "sharedWith": ["CHAIR", "SOCIAL_WORKER"] });
    assert_eq!(
        ok(&mia.whole(1, content).await)["saveViewsDraft"],
        json!({
            "version": 2, "sharedWith": ["SOCIAL_WORKER", "CHAIR"], "shareWithSocialWorker": true,
            "shareWithChair": true, "shareWithFamily": false, "shareWithMeeting": false,
        })
    );

    // The flags alone, as integrators sent them before: one left out is "no".
    let flags =
        json!({ "shareWithFamily": true, "shareWithMeeting": true, "shareWithChair": false });
    let saved = mia.whole(2, flags).await;
    assert_eq!(
        ok(&saved)["saveViewsDraft"]["sharedWith"],
        json!(["FAMILY", "MEETING"])
    );

    // Both, saying the same: fine. Both, disagreeing: BAD_USER_INPUT and nothing saved.
    let agreeing =
        json!({ "sharedWith": ["MEETING"], "shareWithMeeting": true, "shareWithChair": false });
    let saved = mia.whole(3, agreeing).await;
    assert_eq!(
        ok(&saved)["saveViewsDraft"]["sharedWith"],
        json!(["MEETING"])
    );
    let refused = mia
        .whole(
            4,
            json!({ "sharedWith": ["MEETING"], "shareWithChair": true }),
        )
        .await;
    assert_eq!(error_code(&refused), "BAD_USER_INPUT");
    assert_eq!(refused["errors"][0]["extensions"]["field"], "sharedWith");
    let message = refused["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("CHAIR"), "says which audience: {message}");
    let views = views_row(&app.db, &kid).await.expect("views");
    assert_eq!((views.version, views.share_with_chair), (4, false));

    // A stale save shows the current views with the list too.
    let stale = mia.whole(1, json!({})).await;
    assert_eq!(error_code(&stale), "CONFLICT");
    let current = &stale["errors"][0]["extensions"]["current"];
    assert_eq!(current["sharedWith"], json!(["MEETING"]));
    assert_eq!(current["shareWithMeeting"], true);
}

#[tokio::test]
async fn a_part_goes_on_top_unless_someone_changed_that_part() {
    let app = spawn_demo_app().await;
    let (mia, kid) = window(&app, "Mia").await;
    let before = ok(&my_views(&app, &mia.token, &mia.meeting).await)["myViews"].clone();
    assert_eq!(before["version"], 1);

    // The phone saves the worries from version 1.
    let items = json!({ "items": ["  my brother  ", "", "school"] });
    let phone = mia.saved(1, "WORRIES", items).await;
    assert_eq!(phone["version"], 2);
    assert_eq!(phone["worries"], json!(["my brother", "school"]));
    assert_eq!(phone["goingWell"], before["goingWell"], "other parts kept");
    assert_eq!(phone["status"], "DRAFT");

    // The laptop, still on version 1, saves how Mia feels: nobody changed that, so it goes on top.
    let laptop = mia.saved(1, "FEELING", json!({ "feeling": "HAPPY" })).await;
    assert_eq!(laptop["version"], 3);
    assert_eq!(laptop["feeling"], "HAPPY");
    assert_eq!(
        laptop["worries"], phone["worries"],
        "the phone's words kept"
    );

    // The laptop's worries from version 1 clash with the phone's: CONFLICT, nothing overwritten.
    let dogs = json!({ "items": ["dogs"] });
    let clash = mia.part(1, "WORRIES", dogs.clone()).await;
    assert_eq!(error_code(&clash), "CONFLICT");
    let current = &clash["errors"][0]["extensions"]["current"];
    assert_eq!(current["version"], 3);
    assert_eq!(current["worries"], phone["worries"]);
    assert_eq!(views_row(&app.db, &kid).await.expect("views").version, 3);

    // From the version it was shown, it saves; so do consent and clearing a part.
    let again = mia.saved(3, "WORRIES", dogs).await;
    assert_eq!(again["worries"], json!(["dogs"]));
    let consent = mia
        .saved(3, "SHARED_WITH", json!({ "sharedWith": ["CHAIR"] }))
        .await;
    assert_eq!(consent["version"], 5);
    assert_eq!(consent["sharedWith"], json!(["CHAIR"]));
    assert_eq!(consent["shareWithChair"], true);
    assert_eq!(consent["worries"], json!(["dogs"]));
    let cleared = mia.saved(5, "ATTENDANCE", json!({})).await;
    assert_eq!(cleared["attendance"], Value::Null);

    // Every part save is a draft save: audited, one version each.
    let row = views_row(&app.db, &kid).await.expect("views");
    assert_eq!(row.version, 6);
    assert_eq!(audit_count(&app.db, "views.draft_saved", row.id).await, 5);

    // The whole-views save keeps its own rule: only from the current version.
    let whole = mia.whole(5, json!({ "worries": ["x"] })).await;
    assert_eq!(error_code(&whole), "CONFLICT");
    let whole = mia.whole(6, json!({ "worries": ["x"] })).await;
    assert_eq!(ok(&whole)["saveViewsDraft"]["version"], 7);
    // ... and a part it changed is then a clash for a save from before it.
    let late = mia.part(6, "WORRIES", json!({ "items": ["y"] })).await;
    assert_eq!(error_code(&late), "CONFLICT");
    let untouched = mia
        .saved(6, "FREE_WORDS", json!({ "freeWords": "hi" }))
        .await;
    assert_eq!(untouched["version"], 8);
}

#[tokio::test]
async fn first_parts_start_the_views_and_wrong_arguments_are_refused() {
    let app = spawn_demo_app().await;
    let (jade, kid) = window(&app, "Jade").await;

    // Two windows with nothing saved yet each save a different part: both kept.
    let first = jade
        .saved(0, "GOING_WELL", json!({ "items": ["art"] }))
        .await;
    assert_eq!(first["version"], 1);
    let second = jade
        .saved(0, "WANT_TO_HAPPEN", json!({ "items": ["more art"] }))
        .await;
    assert_eq!(second["version"], 2);
    assert_eq!(second["goingWell"], json!(["art"]));
    assert_eq!(second["wantToHappen"], json!(["more art"]));
    let clash = jade.part(0, "GOING_WELL", json!({ "items": ["x"] })).await;
    assert_eq!(error_code(&clash), "CONFLICT");

    // An argument that does not go with the part, or too much of one, is the child's to fix.
    let wrong = jade.part(2, "WORRIES", json!({ "feeling": "SAD" })).await;
    assert_eq!(error_code(&wrong), "BAD_USER_INPUT");
    assert_eq!(wrong["errors"][0]["extensions"]["field"], "feeling");
    let long = "x".repeat(2001);
    let too_long = jade.part(2, "WORRIES", json!({ "items": [long] })).await;
    assert_eq!(error_code(&too_long), "BAD_USER_INPUT");
    assert_eq!(views_row(&app.db, &kid).await.expect("views").version, 2);
}

#[tokio::test]
async fn a_save_sent_again_with_its_key_is_not_written_twice() {
    let app = spawn_demo_app().await;
    let (mia, kid) = window(&app, "Mia").await;
    let start = views_row(&app.db, &kid).await.map_or(0, |v| v.version);
    let save = json!({ "items": ["The bus is late"], "key": "phone-save-0001" });
    let first = mia.saved(start, "WORRIES", save.clone()).await;
    assert_eq!(first["worries"], json!(["The bus is late"]));

    // Its answer was lost on the way: the phone sends the very same save again.
    let again = mia.saved(start, "WORRIES", save).await;
    assert_eq!(again["version"], first["version"], "not written again");
    assert_eq!(again["worries"], json!(["The bus is late"]));
    let row = views_row(&app.db, &kid).await.expect("views");
    assert_eq!(
        i64::from(row.version),
        first["version"].as_i64().unwrap_or(0)
    );

    // The same words without the key, from the old version: this part changed since, a CONFLICT.
    let unnamed = mia
        .part(start, "WORRIES", json!({ "items": ["The bus is late"] }))
        .await;
    assert_eq!(error_code(&unnamed), "CONFLICT");
    // A key that is not a plain token is refused, and nothing is saved.
    let version = row.version;
    let bad = mia
        .part(version, "WORRIES", json!({ "items": ["x"], "key": "no" }))
        .await;
    assert_eq!(error_code(&bad), "BAD_USER_INPUT");
    let after = views_row(&app.db, &kid).await.expect("views");
    assert_eq!(after.version, version);
}
