//! The child's pages in real Chromium at 360×640, with JavaScript on and off, on the demo child
//! (Mia, DEMO-0001 / 2468): the whole journey, drafts that are never lost, urgent help, quick exit,
//! sign-in mistakes, and every page checked by axe-core and screenshotted under
//! target/screenshots/child/. What the browser showed is then checked against the API.
use std::path::PathBuf;

use serde_json::{Value, json};
use tests::app::{TestApp, child_token, hold_meeting_of, repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;

const ADVOCATE: &str = "advocate@demo.myvoice";
const ISRO: &str = "isro@demo.myvoice";
/// What the demo draft already holds (api/src/demo.rs).
const DRAFT_WORRY: &str = "I don't know if I can still see my brother.";
const DRAFT_GOING_WELL: &str = "I like my foster carers' dog, Biscuit.";
const KEPT_BOTH: &str = "You changed this in another window too. We kept both.";
const OUTCOME_FOR_MIA: &str =
    "You said you want to stay with Mr and Mrs Patel. The meeting agreed: you stay.";

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/child");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

async fn browse(script: &'static str, args: Vec<String>) -> Vec<Value> {
    tokio::task::spawn_blocking(move || run_browser_script(script, &args))
        .await
        .expect("browser script ran")
}

/// A line the script printed finished without an error, a console error or an outside request.
fn assert_clean(result: &Value, what: &str) {
    assert!(result.get("error").is_none(), "{what} failed: {result}");
    assert_eq!(
        result["problems"],
        json!([]),
        "{what}: console errors, failed or third-party requests"
    );
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, got {value}"))
}

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

/// Mia's meeting's ID and her views, read as Mia.
async fn mias_views(app: &TestApp) -> (String, Value) {
    let token = child_token(&app.db, "Mia").await;
    let meetings = gql(
        app,
        &token,
        "{ myMeetings(first: 5) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    let meeting = text(&meetings["myMeetings"]["edges"][0]["node"]["id"]).to_owned();
    let query =
        "query($m: ID!) { myViews(meetingId: $m) { version status worries goingWell wantToHappen
        feeling freeWords attendance shareWithSocialWorker shareWithChair shareWithFamily } }";
    let views = gql(app, &token, query, json!({ "m": meeting })).await["myViews"].clone();
    (meeting, views)
}

/// Mia's case on her advocate's caseload.
async fn mias_case(app: &TestApp, advocate: &str) -> Value {
    let query = "{ myCaseload(first: 20) { edges { node { id urgentHelpOpen child { preferredName } } } } }";
    let caseload = gql(app, advocate, query, json!({})).await;
    caseload["myCaseload"]["edges"]
        .as_array()
        .and_then(|edges| {
            edges
                .iter()
                .find(|e| e["node"]["child"]["preferredName"] == "Mia")
        })
        .map(|edge| edge["node"].clone())
        .expect("Mia is on the advocate's caseload")
}

#[tokio::test]
async fn the_whole_journey_from_sign_in_to_receipt_works_with_javascript_on_and_off() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let results = browse(
        "child-journey.mjs",
        vec![on.url(""), off.url(""), screenshots()],
    )
    .await;
    assert_eq!(results.len(), 2, "{results:?}");
    for (result, app) in results.iter().zip([&on, &off]) {
        let run = format!("journey with JavaScript {}", result["javaScript"]);
        assert_clean(result, &run);
        let typed = &result["typed"];
        assert_eq!(
            result["before"], DRAFT_WORRY,
            "{run}: the saved draft is carried on"
        );
        assert_eq!(
            result["keptAfterAdd"], typed["worries"][0],
            "{run}: \"Add another\" keeps what was typed"
        );

        // "Check and send" shows exactly what was typed, with the draft's words first.
        let worries = json!([DRAFT_WORRY, typed["worries"][0], typed["worries"][1]]);
        let going_well = json!([DRAFT_GOING_WELL, typed["goingWell"][0]]);
        let shown = &result["shown"];
        assert_eq!(shown["Things I worry about"], worries, "{run}");
        assert_eq!(shown["Things that are going well"], going_well, "{run}");
        assert_eq!(
            shown["What I want to happen"], typed["wantToHappen"],
            "{run}"
        );
        assert_eq!(shown["How I feel"], "🙂 Happy", "{run}");
        assert_eq!(shown["Anything else"], typed["anythingElse"], "{run}");
        assert_eq!(shown["Coming to my meeting"], typed["coming"], "{run}");
        assert_eq!(shown["Who can see my views"], typed["whoSees"], "{run}");
        let receipt = text(&result["receipt"]);
        assert!(
            receipt.contains("Sent! Priya, your advocate, has your views."),
            "{run}: {receipt}"
        );

        // The advocate has exactly those words, sent.
        let advocate = staff_token(&app.db, ADVOCATE).await;
        let case = mias_case(app, &advocate).await;
        let query = "query($c: ID!) { caseViews(caseId: $c) { status worries goingWell wantToHappen feeling
            freeWords attendance shareWithSocialWorker shareWithChair shareWithFamily shareWithMeeting } }";
        let views =
            gql(app, &advocate, query, json!({ "c": case["id"] })).await["caseViews"].clone();
        assert_eq!(
            views,
            json!({
                "status": "SUBMITTED",
                "worries": worries,
                "goingWell": going_well,
                "wantToHappen": typed["wantToHappen"],
                "feeling": "HAPPY",
                "freeWords": typed["anythingElse"],
                "attendance": "ADVOCATE_SPEAKS_FOR_ME",
                "shareWithSocialWorker": true,
                "shareWithChair": true,
                "shareWithFamily": false,
                "shareWithMeeting": false,
            }),
            "{run}: what the advocate received"
        );
    }
}

#[tokio::test]
async fn drafts_survive_a_reload_and_two_tabs_never_overwrite_each_other() {
    let app = spawn_demo_app().await;
    let results = browse("child-drafts.mjs", vec![app.url(""), screenshots()]).await;
    let check = |name: &str| {
        let result = results
            .iter()
            .find(|r| r["check"] == name)
            .unwrap_or_else(|| panic!("no result for {name}: {results:?}"));
        assert_clean(result, name);
        result
    };

    // Autosave: the letters left count down as the child types, "Saved" shows, a reload keeps it.
    let autosave = check("autosave");
    assert_eq!(autosave["countBefore"], "2000 letters left");
    let after = text(&autosave["countAfter"]);
    assert!(
        after.starts_with("1977 letters left") && after.contains("Saved"),
        "{after}"
    );
    assert_eq!(
        autosave["afterReload"],
        json!([DRAFT_GOING_WELL, "Drawing comics with Sam", ""])
    );

    // Two tabs, each saving different words: the second is told, and shown both.
    for (name, shown) in [
        (
            "two-tabs-js",
            json!([
                DRAFT_WORRY,
                "Tab A: the new school",
                "Tab B: my phone was taken",
                ""
            ]),
        ),
        (
            "two-tabs-autosave",
            json!(["Tab A: a bike", "Tab B: see my brother", ""]),
        ),
        (
            "two-tabs-no-js",
            json!(["From tab A: I like my school.\n\nFrom tab B: I miss my mum."]),
        ),
    ] {
        let result = check(name);
        assert!(
            text(&result["notice"]).starts_with(KEPT_BOTH),
            "{name}: {result}"
        );
        assert_eq!(result["shown"], shown, "{name}: the boxes after the clash");
    }

    // Nothing was lost: the draft holds every tab's words.
    let (_, views) = mias_views(&app).await;
    assert_eq!(views["status"], "DRAFT");
    assert_eq!(
        views["worries"],
        json!([
            DRAFT_WORRY,
            "Tab A: the new school",
            "Tab B: my phone was taken"
        ])
    );
    assert_eq!(
        views["goingWell"],
        json!([DRAFT_GOING_WELL, "Drawing comics with Sam"])
    );
    assert_eq!(
        views["wantToHappen"],
        json!(["Tab A: a bike", "Tab B: see my brother"])
    );
    assert_eq!(
        views["freeWords"],
        "From tab A: I like my school.\n\nFrom tab B: I miss my mum."
    );
}

#[tokio::test]
async fn urgent_help_reaches_the_advocate_quick_exit_leaves_nothing_and_sign_in_mistakes_are_kind()
{
    let app = spawn_demo_app().await;
    let results = browse("child-safety.mjs", vec![app.url(""), screenshots()]).await;
    assert_eq!(results.len(), 6, "{results:?}");
    for result in &results {
        let what = format!(
            "{} with JavaScript {}",
            result["check"], result["javaScript"]
        );
        assert_clean(result, &what);
        match text(&result["check"]) {
            "sign-in-errors" => {
                for (case, query, words) in [
                    (
                        "wrongPin",
                        "?error=wrong",
                        "That code or PIN did not work. Check them and try again.",
                    ),
                    ("emptyCode", "?error=code", "Type your code."),
                ] {
                    let seen = &result[case];
                    assert_eq!(seen["url"], query, "{what} {case}");
                    assert_eq!(seen["summary"], words, "{what} {case}: the error summary");
                    // The summary links to the field, which says the same and is marked invalid.
                    assert_eq!(seen["href"], "#code", "{what} {case}");
                    assert_eq!(seen["fieldLabel"], "Your code", "{what} {case}");
                    assert_eq!(seen["fieldInvalid"], "true", "{what} {case}");
                    assert!(
                        text(&seen["fieldDescription"]).ends_with(words),
                        "{what} {case}: {seen}"
                    );
                    assert_eq!(
                        seen["visibleAfterLink"], true,
                        "{what} {case}: the link shows the field"
                    );
                    // The browser moves focus to the field; with JavaScript the router only
                    // scrolls to it, so keyboard users are not taken there yet.
                    if result["javaScript"] == false {
                        assert_eq!(
                            seen["focusAfterLink"], "code",
                            "{what} {case}: focus on the field"
                        );
                    }
                }
                assert_eq!(result["signedIn"], false, "{what}");
            }
            "urgent-help" => {
                assert_eq!(
                    result["calls"],
                    json!(["tel:999", "tel:08001111"]),
                    "{what}"
                );
                assert!(
                    text(&result["told"]).starts_with("We have told your advocate."),
                    "{what}: {result}"
                );
            }
            "quick-exit" => {
                assert_eq!(
                    result["wordsBefore"], DRAFT_GOING_WELL,
                    "{what}: the views were on screen"
                );
                assert_eq!(
                    result["landedOn"], "Weather",
                    "{what}: left for the neutral page"
                );
                assert_eq!(
                    result["cookieGone"], true,
                    "{what}: the session cookie is gone"
                );
                for (way, page) in [
                    ("back", &result["back"]),
                    ("opening /me", &result["reopened"]),
                ] {
                    assert_eq!(
                        page["path"], "/sign-in",
                        "{what}: {way} shows the sign-in page"
                    );
                    let shown = text(&page["text"]);
                    assert!(
                        !shown.contains(DRAFT_GOING_WELL) && !shown.contains("Mia"),
                        "{what}: {way} shows: {shown}"
                    );
                }
            }
            other => panic!("unexpected check {other}"),
        }
    }

    // The advocate sees both requests for help, with the child's words, and the flag on the case.
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let query = "{ openUrgentHelp(first: 10) { edges { node { childFirstName message acknowledgedAt } } } }";
    let open = gql(&app, &advocate, query, json!({})).await;
    let mut asks: Vec<Value> = open["openUrgentHelp"]["edges"]
        .as_array()
        .expect("edges")
        .iter()
        .map(|edge| edge["node"].clone())
        .collect();
    asks.sort_by(|a, b| text(&a["message"]).cmp(text(&b["message"])));
    assert_eq!(
        json!(asks),
        json!([
            { "childFirstName": "Mia", "message": "Help please (JS off)", "acknowledgedAt": null },
            { "childFirstName": "Mia", "message": "Help please (JS on)", "acknowledgedAt": null },
        ])
    );
    assert_eq!(mias_case(&app, &advocate).await["urgentHelpOpen"], true);
}

/// Move Mia's review into the past with an outcome for her, after she sent her views and her
/// advocate read them: what "after my meeting" is for.
pub(crate) async fn hold_mias_meeting(app: &TestApp) {
    let (meeting_id, views) = mias_views(app).await;
    let child = child_token(&app.db, "Mia").await;
    let submit = "mutation($m: ID!, $v: Int!) { submitViews(meetingId: $m, expectedVersion: $v,
        idempotencyKey: \"browser-test-held\") { version } }";
    gql(
        app,
        &child,
        submit,
        json!({ "m": meeting_id, "v": views["version"] }),
    )
    .await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let case = mias_case(app, &advocate).await;
    gql(
        app,
        &advocate,
        "query($c: ID!) { caseViews(caseId: $c) { version } }",
        json!({ "c": case["id"] }),
    )
    .await;

    hold_meeting_of(&app.db, "Mia").await;

    let isro = staff_token(&app.db, ISRO).await;
    let record = "mutation($m: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $m, input: $i) { id } }";
    let input = json!({
        "plan": "Mia stays with her foster carers; contact with her brother every month.",
        "outcomeStaffWords": "Placement to continue; sibling contact monthly.",
        "outcomeChildWords": OUTCOME_FOR_MIA,
    });
    gql(app, &isro, record, json!({ "m": meeting_id, "i": input })).await;
}

/// Every child page, first visit, HTML, styles, script and wasm as the server sends them (gzip).
const PAGE_BUDGET_BYTES: u64 = 150_000;

#[tokio::test]
async fn every_child_page_passes_axe_fits_a_phone_and_is_screenshotted() {
    let (app, held) = (spawn_demo_app().await, spawn_demo_app().await);
    hold_mias_meeting(&held).await;
    let results = browse(
        "child-pages.mjs",
        vec![app.url(""), held.url(""), screenshots()],
    )
    .await;

    let first = results
        .iter()
        .find(|r| r["name"] == "first-load")
        .expect("first load");
    assert_clean(first, "the sign-in page's first load");
    let before_wasm = first["beforeWasmBytes"].as_u64().expect("bytes");
    eprintln!(
        "sign-in first load: {before_wasm} bytes before the wasm, wasm {} bytes",
        first["wasmBytes"]
    );
    assert!(
        before_wasm < 50_000,
        "the sign-in page sends {before_wasm} bytes before any wasm"
    );

    let pages: Vec<&Value> = results
        .iter()
        .filter(|r| r["name"] != "first-load")
        .collect();
    // 3 signed out, 13 signed in, 8 in younger-child mode, 2 after the meeting; JavaScript on and off.
    assert_eq!(pages.len(), 2 * 26, "{pages:?}");
    for page in &pages {
        let what = format!(
            "{} ({}, JavaScript {})",
            page["name"], page["path"], page["javaScript"]
        );
        assert_clean(page, &what);
        assert_eq!(
            page["violations"],
            json!([]),
            "{what}: axe-core (WCAG 2.2 AA)"
        );
        assert_eq!(
            page["overflow"], false,
            "{what}: scrolls sideways at 360 px"
        );
        assert_eq!(
            page["smallTargets"],
            json!([]),
            "{what}: buttons and choices under 44 px"
        );
        assert_eq!(page["lang"], "en", "{what}");
        assert!(
            text(&page["title"]).ends_with(" · myvoice"),
            "{what}: {}",
            page["title"]
        );
        if page["smallInlineLinks"] != json!([]) {
            eprintln!(
                "{what}: links in sentences under 44 px: {}",
                page["smallInlineLinks"]
            );
        }
        eprintln!(
            "{what}: {} bytes of HTML, {} bytes in all on a first visit, {} px tall",
            page["htmlBytes"], page["wireBytes"], page["pageHeight"]
        );
        // A first visit, bundle included, must stay affordable on a pay-as-you-go phone.
        let wire = page["wireBytes"].as_u64().expect("bytes on the wire");
        assert!(
            wire <= PAGE_BUDGET_BYTES,
            "{what}: {wire} bytes on a first visit, over the {PAGE_BUDGET_BYTES}-byte budget"
        );
        let bundle = &page["bundleFiles"];
        if page["javaScript"] == true {
            assert_eq!(
                bundle,
                &json!(["/pkg/child.js", "/pkg/child_bg.wasm"]),
                "{what}: the child bundle, and never the staff one"
            );
        } else {
            assert_eq!(
                bundle,
                &json!([]),
                "{what}: nothing to run, nothing fetched"
            );
        }
    }

    for page in &pages {
        assert!(
            page["looks"]["playerBottom"].is_u64(),
            "{} (JavaScript {}): no \"Read to me\"",
            page["name"],
            page["javaScript"]
        );
    }
    easier_pages_are_easier(&pages);

    // After the meeting, Mia reads what was decided and who has read her views.
    for page in pages.iter().filter(|p| p["name"] == "after") {
        let shown = text(&page["text"]);
        assert!(shown.contains(OUTCOME_FOR_MIA), "{shown}");
        // Each person once, however often they opened the views.
        assert_eq!(shown.matches("Priya (your advocate)").count(), 1, "{shown}");
    }
}

/// The easier pages, against the same pages with more words: a bigger picture at the top, a
/// picture on every choice, no hints, and "Read to me" on the first screen (640 px).
fn easier_pages_are_easier(pages: &[&Value]) {
    let easier: Vec<&&Value> = pages
        .iter()
        .filter(|p| text(&p["name"]).ends_with("-younger"))
        .collect();
    assert_eq!(easier.len(), 2 * 8);
    for page in easier {
        let name = text(&page["name"]);
        let what = format!("{name} (JavaScript {})", page["javaScript"]);
        let looks = &page["looks"];
        assert!(
            looks["playerBottom"]
                .as_u64()
                .is_some_and(|bottom| bottom <= 640),
            "{what}: \"Read to me\" is below the first screen: {looks}"
        );
        assert_eq!(looks["hintsShown"], 0, "{what}: fewer words");
        let usual = name.trim_end_matches("-younger");
        if usual == "me" {
            continue;
        }
        let more_words = pages
            .iter()
            .find(|p| p["name"] == usual && p["javaScript"] == page["javaScript"])
            .expect("the same page with more words");
        let big = looks["headingPicture"].as_u64().expect("a picture");
        let small = more_words["looks"]["headingPicture"]
            .as_u64()
            .expect("a picture");
        assert!(
            big >= 64 && big >= small * 3 / 2,
            "{what}: the picture is {big} px wide, {small} px with more words"
        );
        let choices = looks["choicePictures"].as_array().expect("a list");
        match usual {
            "views-feelings" => assert_eq!(choices.len(), 7, "{what}: {choices:?}"),
            "coming" => assert_eq!(choices.len(), 5, "{what}: {choices:?}"),
            "who-sees" => assert!(!choices.is_empty(), "{what}"),
            _ => assert!(choices.is_empty(), "{what}: {choices:?}"),
        }
        assert!(
            choices.iter().all(|w| w.as_u64().is_some_and(|w| w >= 44)),
            "{what}: every choice has a picture a child can see: {choices:?}"
        );
    }
}
