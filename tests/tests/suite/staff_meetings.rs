//! The ISRO's and the partner agency's pages in Chromium, JavaScript on and off, on the demo data:
//! the chair reads Mia's views, records her review (a required box left empty first), sends the
//! outcome to the police; the police acknowledge; the chair sees it; and Mia is told the outcome in
//! her words. What the browser showed is checked against the API.
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, hold_meeting_of, repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;

const ADVOCATE: &str = "advocate@demo.myvoice";
const ISRO: &str = "isro@demo.myvoice";
const WORRY: &str = "I don't know if I can still see my brother.";
const WANT: &str = "To stay with Mr and Mrs Patel.\nAnd see my brother every month.";
const FREE_WORDS: &str = "Please listen to me.\n\nI mean it.";

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

fn text(value: &Value) -> &str {
    value
        .as_str()
        .unwrap_or_else(|| panic!("expected text, got {value}"))
}

/// Mia writes her views (line breaks in them) and agrees the chair may see them; she sends them,
/// her advocate shares them; then the review is moved to two hours ago, so it can be recorded.
/// Returns the meeting's ID.
pub(crate) async fn views_shared_then_meeting_held(app: &TestApp) -> String {
    let mia = child_token(&app.db, "Mia").await;
    let meetings = gql(
        app,
        &mia,
        "{ myMeetings(first: 5) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    let meeting_id = text(&meetings["myMeetings"]["edges"][0]["node"]["id"]).to_owned();
    let version = gql(
        app,
        &mia,
        "query($m: ID!) { myViews(meetingId: $m) { version } }",
        json!({ "m": meeting_id }),
    )
    .await["myViews"]["version"]
        .clone();
    let saved = gql(
        app,
        &mia,
        "mutation($m: ID!, $v: Int!, $c: ViewsInput!) { saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) { version } }",
        json!({ "m": meeting_id, "v": version, "c": {
            "worries": [WORRY],
            "goingWell": ["I like my foster carers' dog, Biscuit."],
            "wantToHappen": [WANT],
            "feeling": "HAPPY",
            "freeWords": FREE_WORDS,
            "attendance": "ADVOCATE_SPEAKS_FOR_ME",
            "shareWithSocialWorker": true,
            "shareWithChair": true,
        } }),
    )
    .await;
    gql(
        app,
        &mia,
        "mutation($m: ID!, $v: Int!) { submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: \"staff-meetings-test\") { version } }",
        json!({ "m": meeting_id, "v": saved["saveViewsDraft"]["version"] }),
    )
    .await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let caseload = gql(
        app,
        &advocate,
        "{ myCaseload(first: 20) { edges { node { id child { preferredName } } } } }",
        json!({}),
    )
    .await;
    let case = caseload["myCaseload"]["edges"]
        .as_array()
        .and_then(|edges| {
            edges
                .iter()
                .find(|e| e["node"]["child"]["preferredName"] == "Mia")
        })
        .map(|e| e["node"]["id"].clone())
        .expect("Mia's case");
    gql(
        app,
        &advocate,
        "mutation($c: ID!) { shareViews(caseId: $c) { version } }",
        json!({ "c": case }),
    )
    .await;

    hold_meeting_of(&app.db, "Mia").await;
    meeting_id
}

#[tokio::test]
async fn the_chair_records_the_meeting_and_sends_the_outcome_and_the_agency_acknowledges_it() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let meeting_on = views_shared_then_meeting_held(&on).await;
    let meeting_off = views_shared_then_meeting_held(&off).await;
    let shots = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&shots).expect("screenshot folder");
    let args = vec![on.url(""), off.url(""), shots.display().to_string()];
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("staff-meetings.mjs", &args))
            .await
            .expect("browser script ran");
    assert_eq!(results.len(), 2, "{results:?}");

    for ((result, app), meeting_id) in results
        .iter()
        .zip([&on, &off])
        .zip([meeting_on, meeting_off])
    {
        let run = format!("meetings with JavaScript {}", result["javaScript"]);
        assert!(result.get("error").is_none(), "{run} failed: {result}");
        assert_eq!(
            result["problems"],
            json!([]),
            "{run}: console errors or failed requests"
        );
        let checks = result["checks"].as_array().expect("checks");
        assert_eq!(checks.len(), 11, "{run}: every page checked");
        for check in checks {
            let page = &check["page"];
            assert_eq!(check["violations"], json!([]), "{run}: axe on {page}");
            assert_eq!(check["overflow"], false, "{run}: {page} scrolls sideways");
            assert_eq!(
                check["smallTargets"],
                json!([]),
                "{run}: small targets on {page}"
            );
        }
        let typed = &result["typed"];

        // My meetings: the review, with Mia and her views received but not opened yet.
        let home = text(&result["home"]);
        assert!(home.contains("CLA review"), "{run}: {home}");
        assert!(
            home.contains("Views received (1)") && home.contains("1 not opened"),
            "{run}: {home}"
        );
        assert!(
            home.contains("Not recorded yet"),
            "{run}: the past meeting waits for its record: {home}"
        );

        // Mia's views, exactly as she wrote them, line breaks kept; the audit said discreetly.
        assert_eq!(
            result["meetingPath"],
            format!("/staff/meetings/{meeting_id}"),
            "{run}"
        );
        let views = &result["views"];
        assert_eq!(views["heading"], "Mia's views", "{run}");
        assert_eq!(views["Things I worry about"], json!([WORRY]), "{run}");
        assert_eq!(views["What I want to happen"], json!([WANT]), "{run}");
        assert_eq!(views["Anything else"], FREE_WORDS, "{run}");
        assert_eq!(views["How I feel"], "🙂 Happy", "{run}");
        assert_eq!(
            views["Coming to my meeting"], "My advocate speaks for me",
            "{run}"
        );
        assert!(
            text(&result["auditNote"]).starts_with("Opening the views is recorded"),
            "{run}: {}",
            result["auditNote"]
        );

        // Refused without the outcome in the child's words: said beside the box and in the
        // summary, and nothing typed was lost.
        let refused = &result["refused"];
        assert_eq!(
            refused["url"], "?errors=outcome_child_words:missing",
            "{run}"
        );
        assert!(
            text(&refused["summary"]).contains("Enter the outcome in the child's words"),
            "{run}: {refused}"
        );
        assert_eq!(refused["links"], json!(["#outcome_child_words"]), "{run}");
        assert_eq!(
            refused["fieldError"], "Enter the outcome in the child's words",
            "{run}"
        );
        assert_eq!(refused["invalid"], "true", "{run}");
        assert!(
            text(&refused["describedBy"]).contains("outcome_child_words-error"),
            "{run}: {refused}"
        );
        for key in [
            "worried",
            "complicating",
            "goingWell",
            "signs",
            "plan",
            "staffWords",
        ] {
            assert_eq!(
                refused["kept"][key], typed[key],
                "{run}: {key} kept after the refusal"
            );
        }
        assert_eq!(refused["kept"]["childWords"], "", "{run}");
        // Each of Mia's points answered (issue 20): kept after the refusal, shown once saved.
        let chosen: Vec<Value> = result["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .map(|a| json!({ "kind": a[0], "words": a[1] }))
            .collect();
        assert_eq!(refused["keptAnswers"], json!(chosen), "{run}");
        assert_eq!(result["saved"]["answers"], json!(chosen), "{run}");

        // Saved: the form shows the record; the API has exactly what was typed.
        assert_eq!(
            result["saved"]["notice"], "The meeting record is saved.",
            "{run}"
        );
        for (key, shown) in result["saved"]["shown"].as_object().expect("shown") {
            assert_eq!(shown, &typed[key], "{run}: {key} after saving");
        }
        let isro = staff_token(&app.db, ISRO).await;
        let recorded = gql(
            app,
            &isro,
            "query($m: ID!) { meeting(id: $m) { status whiteboard { worriedAboutNow complicatingFactors goingWell
                signsOfSafety plan } outcomeStaffWords outcomeChildWords }
                outcomeDistribution(meetingId: $m) { agency { name } acknowledgedAt acknowledgedBy { name } } }",
            json!({ "m": meeting_id }),
        )
        .await;
        assert_eq!(
            recorded["meeting"],
            json!({
                "status": "HELD",
                "whiteboard": {
                    "worriedAboutNow": typed["worried"],
                    "complicatingFactors": typed["complicating"],
                    "goingWell": typed["goingWell"],
                    "signsOfSafety": typed["signs"],
                    "plan": typed["plan"],
                },
                "outcomeStaffWords": typed["staffWords"],
                "outcomeChildWords": typed["childWords"],
            }),
            "{run}: the record as typed"
        );

        // Sending: nothing ticked is refused kindly; then sent to the police only.
        assert!(
            text(&result["sendRefused"])
                .contains("Choose at least one agency to send the outcome to"),
            "{run}: {}",
            result["sendRefused"]
        );
        assert_eq!(
            result["sent"]["notice"], "The outcome was sent to 1 agency.",
            "{run}"
        );
        let rows = result["sent"]["rows"].as_array().expect("rows");
        assert_eq!(rows.len(), 1, "{run}: {rows:?}");
        assert!(
            text(&rows[0]).starts_with("Demo Constabulary")
                && text(&rows[0]).contains("Not yet: follow up"),
            "{run}: {rows:?}"
        );
        assert_eq!(
            result["sent"]["stillOffered"],
            json!([
                "Demo NHS Foundation Trust",
                "Hill Street GP Surgery",
                "Riverside Primary School"
            ]),
            "{run}: the police are not offered twice"
        );

        // The agency saw the outcome with the whiteboard, and acknowledged it.
        let before = text(&result["agencyBefore"]);
        assert!(
            before.contains("To acknowledge (1)")
                && before.contains("CLA review for Mia")
                && before.contains(text(&typed["staffWords"]))
                && before.contains("What needs to happen: the plan"),
            "{run}: {before}"
        );
        let after = text(&result["agencyAfter"]);
        assert!(
            after.contains("To acknowledge (0)") && after.contains("Acknowledged (1)"),
            "{run}: {after}"
        );
        assert_eq!(result["acknowledgeButtons"], 0, "{run}");

        // The chair sees who acknowledged and when; the API agrees.
        let seen = result["acknowledged"].as_array().expect("rows");
        assert_eq!(seen.len(), 1, "{run}: {seen:?}");
        assert!(
            text(&seen[0]).contains("Acknowledged")
                && text(&seen[0]).ends_with("by PC Alex Morgan"),
            "{run}: {seen:?}"
        );
        let distribution = &recorded["outcomeDistribution"];
        assert_eq!(
            distribution[0]["agency"]["name"], "Demo Constabulary",
            "{run}"
        );
        let isro_now = gql(
            app,
            &isro,
            "query($m: ID!) { outcomeDistribution(meetingId: $m) { acknowledgedAt acknowledgedBy { name } } }",
            json!({ "m": meeting_id }),
        )
        .await;
        assert!(
            isro_now["outcomeDistribution"][0]["acknowledgedAt"].is_string(),
            "{run}: {isro_now}"
        );

        // Mia is told the outcome in her words (her "after my meeting" page), and that the chair
        // read her views.
        let mia = child_token(&app.db, "Mia").await;
        let mine = gql(
            app,
            &mia,
            "query($m: ID!) { myMeetings(first: 5) { edges { node { id outcomeForMe } } }
                whoHasReadMyViews(meetingId: $m) { who firstName } }",
            json!({ "m": meeting_id }),
        )
        .await;
        let node = &mine["myMeetings"]["edges"][0]["node"];
        let answered = gql(
            app,
            &mia,
            "{ myCurrentMeeting { answers { kind words } } }",
            json!({}),
        )
        .await;
        let answered: Vec<Value> = answered["myCurrentMeeting"]["answers"]
            .as_array()
            .expect("answers")
            .iter()
            .map(|a| json!({ "kind": a["kind"], "words": a["words"].as_str().unwrap_or("") }))
            .collect();
        assert_eq!(
            json!(answered),
            json!(chosen),
            "{run}: Mia reads each answer"
        );
        assert_eq!(node["id"], meeting_id.as_str(), "{run}");
        assert_eq!(node["outcomeForMe"], typed["childWords"], "{run}");
        let readers = mine["whoHasReadMyViews"].as_array().expect("readers");
        assert!(
            readers.iter().any(|r| r["firstName"] == "Helen"),
            "{run}: the chair's reading is on Mia's page: {readers:?}"
        );
    }
}
