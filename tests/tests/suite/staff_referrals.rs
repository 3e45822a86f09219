//! The social worker's and coordinator's referral pages and the public self-referral page, on the
//! demo data in real Chromium with JavaScript on and off; and `assessReferral`, the read-only
//! check of a draft the social worker's completeness meter is drawn from.
use std::path::PathBuf;

use api::graphql::ids::NodeKind;
use chrono::NaiveDate;
use entity::enums::MeetingKind;
use entity::{child, referral};
use sea_orm::{ActiveModelTrait, EntityTrait, IntoActiveModel, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;
use super::referrals::{
    ADVOCATE, COORDINATOR, SOCIAL_WORKER, add_child, add_meeting, child_named, days_ahead, demo_la,
    demo_referral, full_input, gid, other_authority, referral_count,
};

const ASSESS: &str = "query($i: CreateReferralInput!) { assessReferral(input: $i) {
    completeness { score missing { item label } }
    leadTime { workingDays tooShortForChildToAttend warning }
    childLookedAfter startsAs problems { field message } } }";

async fn assess(app: &TestApp, token: Option<&str>, input: Value) -> Value {
    app.graphql_as(token, ASSESS, json!({ "i": input })).await
}

fn ok(response: &Value) -> &Value {
    assert!(response.get("errors").is_none(), "{response}");
    &response["data"]["assessReferral"]
}

fn missing_items(assessment: &Value) -> Vec<&str> {
    assessment["completeness"]["missing"]
        .as_array()
        .expect("missing")
        .iter()
        .map(|m| m["item"].as_str().expect("item"))
        .collect()
}

#[tokio::test]
async fn a_sparse_draft_shows_what_is_missing_and_a_short_lead_time_and_nothing_is_saved() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let soon = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(2)),
    )
    .await;
    let before = referral_count(&app.db).await;

    let draft = json!({
        "childId": gid(NodeKind::Child, leo.id),
        "meetingId": gid(NodeKind::Meeting, soon),
        "reason": "  Leo wants to talk about school.  ",
        "livesWith": "   ",
        "parentalAgreement": "PENDING",
    });
    let response = assess(&app, Some(&sw), draft).await;
    let a = ok(&response);
    assert_eq!(
        missing_items(a),
        [
            "HOW_TO_CONTACT_CHILD",
            "COMMUNICATION_NEEDS",
            "LIVES_WITH",
            "VISIT_RISKS",
            "PARENTAL_AGREEMENT"
        ],
        "blank text counts as missing: {a}"
    );
    assert_eq!(a["completeness"]["score"], 28, "2 of 7");
    assert_eq!(a["leadTime"]["tooShortForChildToAttend"], true);
    assert!(a["leadTime"]["workingDays"].as_i64().unwrap() <= 2);
    assert!(
        a["leadTime"]["warning"]
            .as_str()
            .unwrap()
            .starts_with("Only "),
        "{a}"
    );
    assert_eq!(a["childLookedAfter"], false);
    assert_eq!(a["startsAs"], "PENDING_CONSENT", "waits for the parents");
    assert_eq!(a["problems"], json!([]), "nothing stops it being sent");
    assert_eq!(
        referral_count(&app.db).await,
        before,
        "assessing saves nothing"
    );

    // The same draft, complete, scores as the referral createReferral then makes.
    let full = full_input(leo.id, soon, "GIVEN");
    let response = assess(&app, Some(&sw), full.clone()).await;
    let a = ok(&response);
    assert_eq!(a["completeness"]["score"], 100);
    assert_eq!(a["startsAs"], "RECEIVED");
    let made = super::referrals::create(&app, Some(&sw), full).await;
    assert_eq!(
        made["data"]["createReferral"]["completeness"]["score"], 100,
        "{made}"
    );
    assert_eq!(made["data"]["createReferral"]["status"], "RECEIVED");
}

#[tokio::test]
async fn what_would_stop_a_referral_is_listed_by_field_before_it_is_sent() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let mia = child_named(&app.db, "Mia").await;

    // Not looked after: "not needed" is not allowed, and there is nothing to start as.
    let cin = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let response = assess(
        &app,
        Some(&sw),
        full_input(leo.id, cin, "NOT_REQUIRED_LOOKED_AFTER"),
    )
    .await;
    let a = ok(&response);
    assert_eq!(a["problems"][0]["field"], "parentalAgreement", "{a}");
    assert_eq!(a["startsAs"], Value::Null);

    // A meeting that already has a referral: a new meeting needs a new referral.
    let existing = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let icpc = referral::Entity::find_by_id(existing)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .meeting_id
        .unwrap();
    let response = assess(&app, Some(&sw), full_input(leo.id, icpc, "GIVEN")).await;
    let a = ok(&response);
    assert_eq!(a["problems"][0]["field"], "meetingId", "{a}");
    assert!(
        a["problems"][0]["message"]
            .as_str()
            .unwrap()
            .contains("A new meeting needs a new referral")
    );

    // Looked after: agreement not needed, and even "pending" starts as received.
    let review = add_meeting(
        &app.db,
        la,
        mia.id,
        MeetingKind::DisruptionMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let response = assess(&app, Some(&sw), full_input(mia.id, review, "PENDING")).await;
    let a = ok(&response);
    assert_eq!(a["childLookedAfter"], true);
    assert_eq!(a["startsAs"], "RECEIVED");
    assert_eq!(missing_items(a), ["PARENTAL_AGREEMENT"]);

    // Too young on the day of the meeting, and text over the limit: each tied to its field.
    let baby = add_child(
        &app.db,
        la,
        "Baby",
        NaiveDate::from_ymd_opt(2025, 1, 1).unwrap(),
        false,
    )
    .await;
    let fgc = add_meeting(
        &app.db,
        la,
        baby,
        MeetingKind::FamilyGroupConference,
        Some(days_ahead(20)),
    )
    .await;
    let mut input = full_input(baby, fgc, "GIVEN");
    input["visitRisks"] = json!("x".repeat(2001));
    let response = assess(&app, Some(&sw), input).await;
    let a = ok(&response);
    let fields: Vec<&str> = a["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["childId", "visitRisks"], "{a}");
    assert_eq!(
        a["completeness"]["score"], 100,
        "a long answer is still an answer"
    );
}

#[tokio::test]
async fn only_the_childs_social_worker_and_the_coordinator_may_assess() {
    let app = spawn_demo_app().await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let cin = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let input = full_input(leo.id, cin, "GIVEN");

    let coordinator = staff_token(&app.db, COORDINATOR).await;
    assert_eq!(
        ok(&assess(&app, Some(&coordinator), input.clone()).await)["completeness"]["score"],
        100
    );
    let advocate = staff_token(&app.db, ADVOCATE).await;
    assert_eq!(
        error_code(&assess(&app, Some(&advocate), input.clone()).await),
        "FORBIDDEN"
    );
    let mia = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&assess(&app, Some(&mia), input.clone()).await),
        "FORBIDDEN"
    );
    assert_eq!(
        error_code(&assess(&app, None, input.clone()).await),
        "UNAUTHENTICATED"
    );

    // Another social worker's child (same authority): refused, as createReferral would.
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let mut row = child::Entity::find_by_id(leo.id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.social_worker_id = Set(None);
    row.update(&app.db).await.unwrap();
    let other_meeting = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(20)),
    )
    .await;
    let response = assess(&app, Some(&sw), full_input(leo.id, other_meeting, "GIVEN")).await;
    assert_eq!(error_code(&response), "FORBIDDEN", "{response}");

    // Another authority's child and meeting do not exist here.
    let other = other_authority(&app.db).await;
    let response = assess(
        &app,
        Some(&coordinator),
        full_input(other.child_id, other.meeting_id, "GIVEN"),
    )
    .await;
    assert_eq!(error_code(&response), "NOT_FOUND", "{response}");

    // Case-management systems name a referrer when creating; nobody names one when assessing.
    let mut named = input;
    named["referrerId"] = json!(gid(NodeKind::StaffUser, 1));
    let response = assess(&app, Some(&sw), named).await;
    assert_eq!(error_code(&response), "BAD_USER_INPUT");
}

// ---- Browser: the pages, JavaScript on and off ----

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    let response = app.graphql_as(Some(token), query, variables).await;
    assert!(response.get("errors").is_none(), "{query}: {response}");
    response["data"].clone()
}

/// A meeting for Leo two days away (too soon for him to attend) with no referral yet, and Mia's
/// views sent and shared with her social worker: what the pages need beyond the demo data.
async fn prepare(app: &TestApp) -> Value {
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(2)),
    )
    .await;

    let mia = child_token(&app.db, "Mia").await;
    let meetings = gql(
        app,
        &mia,
        "{ myMeetings(first: 5) { edges { node { id } } } }",
        json!({}),
    )
    .await;
    let meeting = meetings["myMeetings"]["edges"][0]["node"]["id"].clone();
    let views = gql(
        app,
        &mia,
        "query($m: ID!) { myViews(meetingId: $m) { version } }",
        json!({ "m": meeting }),
    )
    .await;
    let content = json!({
        "worries": ["I don't know if I can still see my brother."],
        "goingWell": ["Biscuit the dog"],
        "wantToHappen": ["Stay with Mr and Mrs Patel"],
        "feeling": "OKAY",
        "freeWords": "Please listen.\nI mean it.",
        "attendance": "ADVOCATE_SPEAKS_FOR_ME",
        "shareWithSocialWorker": true,
        "shareWithChair": true,
        "shareWithFamily": false,
        "shareWithMeeting": false,
    });
    let saved = gql(
        app,
        &mia,
        "mutation($m: ID!, $v: Int!, $c: ViewsInput!) { saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) { version } }",
        json!({ "m": meeting, "v": views["myViews"]["version"], "c": content }),
    )
    .await;
    gql(
        app,
        &mia,
        "mutation($m: ID!, $v: Int!) { submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: \"staff-referrals\") { version } }",
        json!({ "m": meeting, "v": saved["saveViewsDraft"]["version"] }),
    )
    .await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let caseload = gql(
        app,
        &advocate,
        "{ myCaseload(first: 10) { edges { node { id child { preferredName } } } } }",
        json!({}),
    )
    .await;
    let case = caseload["myCaseload"]["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["node"]["child"]["preferredName"] == "Mia")
        .map(|e| e["node"]["id"].clone())
        .expect("Mia's case");
    gql(
        app,
        &advocate,
        "query($c: ID!) { caseViews(caseId: $c) { version } }",
        json!({ "c": case }),
    )
    .await;
    gql(
        app,
        &advocate,
        "mutation($c: ID!) { shareViews(caseId: $c) { version } }",
        json!({ "c": case }),
    )
    .await;

    // Jade's CiN referral waits for parental agreement: the coordinator cannot accept it yet.
    let jade = demo_referral(&app.db, "Jade", MeetingKind::ChildInNeedMeeting).await;
    json!({ "waiting": gid(NodeKind::Referral, jade) })
}

fn assert_clean(result: &Value, what: &str) {
    assert!(result.get("error").is_none(), "{what} failed: {result}");
    assert_eq!(
        result["problems"],
        json!([]),
        "{what}: console errors, failed or third-party requests"
    );
}

#[tokio::test]
async fn social_worker_refers_coordinator_allocates_and_anyone_can_ask_with_javascript_on_and_off()
{
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let (on_data, off_data) = (prepare(&on).await, prepare(&off).await);
    let args = vec![
        on.url(""),
        off.url(""),
        on_data["waiting"].as_str().unwrap().to_owned(),
        off_data["waiting"].as_str().unwrap().to_owned(),
        screenshots(),
    ];
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("staff-referrals.mjs", &args))
            .await
            .expect("browser script ran");
    let runs: Vec<&Value> = results.iter().filter(|r| r["run"].is_string()).collect();
    assert_eq!(runs.len(), 2, "{results:?}");
    for (run, app) in runs.iter().zip([&on, &off]) {
        let what = format!("JavaScript {}", run["javaScript"]);
        assert_clean(run, &what);
        assert_eq!(
            run["addressesCarryingText"],
            json!([]),
            "{what}: typed text in an address asked for or redirected to"
        );

        // Partly filled: the meter says what is missing and warns the lead time is too short.
        let partial = &run["partial"];
        assert_eq!(partial["score"], "28%", "{what}: {partial}");
        assert_eq!(
            partial["missing"],
            json!([
                "How to contact the child",
                "Communication needs",
                "Who the child lives with",
                "Risks for a visit",
                "Parental agreement (given, or child looked after)"
            ]),
            "{what}"
        );
        assert!(
            partial["warning"]
                .as_str()
                .unwrap_or_default()
                .contains("Too short for the child to attend"),
            "{what}: {partial}"
        );
        // Sending without the parental agreement: a clear error, and nothing typed is lost.
        let refused = &run["refused"];
        assert_eq!(
            refused["summary"],
            json!(["Say whether the parents or carers agree to the referral."]),
            "{what}"
        );
        assert_eq!(
            refused["kept"], "Leo wants to talk about school. It worries him.",
            "{what}"
        );
        assert_eq!(run["complete"]["score"], "100%", "{what}");
        assert_eq!(run["sent"]["heading"], "Referral sent", "{what}");
        assert_eq!(
            run["sent"]["state"], "Received: waiting for the coordinator",
            "{what}"
        );

        // The coordinator's refusal, accept and allocation with the suggestion chosen first.
        assert!(
            run["waiting"]
                .as_str()
                .unwrap_or_default()
                .contains("waiting for parental agreement"),
            "{what}: {run}"
        );
        assert_eq!(
            run["declineError"], "Give the reason for declining: the social worker will read it.",
            "{what}"
        );
        assert!(
            run["preselected"]
                .as_str()
                .unwrap_or_default()
                .starts_with("Priya Shah"),
            "{what}: {run}"
        );
        assert_eq!(
            run["allocated"], "Allocated: Priya Shah is the advocate",
            "{what}"
        );
        assert_eq!(
            run["viewsRead"],
            json!(["I don't know if I can still see my brother."]),
            "{what}"
        );

        // Through the API: the referral is allocated and the advocate has the case.
        let referral_id = run["referralId"].as_str().expect("referral id");
        let coordinator = staff_token(&app.db, COORDINATOR).await;
        let referral = gql(
            app,
            &coordinator,
            "query($id: ID!) { referral(id: $id) { status
            completeness { score } allocation { advocateName caseId } child { preferredName } } }",
            json!({ "id": referral_id }),
        )
        .await;
        assert_eq!(referral["referral"]["status"], "ACCEPTED", "{what}");
        assert_eq!(referral["referral"]["completeness"]["score"], 100, "{what}");
        assert_eq!(
            referral["referral"]["allocation"]["advocateName"], "Priya Shah",
            "{what}"
        );
        let advocate = staff_token(&app.db, ADVOCATE).await;
        let caseload = gql(
            app,
            &advocate,
            "{ myCaseload(first: 20) { edges { node { id } } } }",
            json!({}),
        )
        .await;
        let case_id = &referral["referral"]["allocation"]["caseId"];
        assert!(
            caseload["myCaseload"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| &e["node"]["id"] == case_id),
            "{what}: the case is on the advocate's caseload"
        );

        // The self-referral reached the coordinator's inbox.
        assert_eq!(run["askError"], "Please tell us your name.", "{what}");
        assert_eq!(
            run["thanks"], "Thank you. We have got your message.",
            "{what}"
        );
        let inbox = gql(
            app,
            &coordinator,
            "{ referralInbox(first: 50) { edges { node { source selfReferralContact reason } } } }",
            json!({}),
        )
        .await;
        let contact = format!("{} — 07700 900123", run["askedAs"].as_str().unwrap());
        assert!(
            inbox["referralInbox"]["edges"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["node"]["source"] == "SELF_REFERRAL"
                    && e["node"]["selfReferralContact"] == contact.as_str()),
            "{what}: {contact} not in {inbox}"
        );
    }
    assert_eq!(
        runs[1]["busy"]
            .as_str()
            .map(|b| b.starts_with("Lots of messages")),
        Some(true),
        "{:?}",
        runs[1]
    );

    // Every page: axe 0 violations (as served and hydrated), no sideways scroll, screenshot.
    let pages: Vec<&Value> = results.iter().filter(|r| r["page"].is_string()).collect();
    assert!(pages.len() >= 2 * 12, "{} pages checked", pages.len());
    for page in pages {
        let what = format!("{} (JavaScript {})", page["page"], page["javaScript"]);
        assert_eq!(page["violations"], json!([]), "{what}: axe-core");
        assert_eq!(page["overflow"], false, "{what}: sideways scroll");
        assert_eq!(page["smallTargets"], json!([]), "{what}: small targets");
    }
}
