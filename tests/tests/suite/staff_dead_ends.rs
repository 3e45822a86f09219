//! No dead ends on the pages (issue 19, item 4): a referral waiting for parental agreement, a
//! self-referral, a withdrawn referral and a finished case each have a way on from the staff pages,
//! and an admin can hand out a new set-password link. In real Chromium at desktop size with
//! JavaScript on and off, on the demo data.
use std::path::PathBuf;

use api::graphql::ids::NodeKind;
use chrono::NaiveDate;
use entity::enums::{MeetingKind, ReferralSource};
use entity::{advocacy_case, referral};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{Value, json};
use tests::app::{TestApp, error_code, repo_root, spawn_demo_app, staff_token};

use super::browser::run_browser_script;
use super::referrals::{
    add_child, add_meeting, child_named, days_ahead, demo_la, demo_referral, gid,
};

/// Mia's case (the demo's one in progress).
pub(crate) async fn mias_case(db: &DatabaseConnection) -> advocacy_case::Model {
    let mia = child_named(db, "Mia").await;
    advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ChildId.eq(mia.id))
        .one(db)
        .await
        .unwrap()
        .expect("Mia's case")
}

/// The self-referral that came in last.
pub(crate) async fn newest_self_referral(db: &DatabaseConnection) -> i32 {
    referral::Entity::find()
        .filter(referral::Column::Source.eq(ReferralSource::SelfReferral))
        .order_by_desc(referral::Column::Id)
        .one(db)
        .await
        .unwrap()
        .expect("a self-referral")
        .id
}

fn screenshots() -> String {
    let dir: PathBuf = repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&dir).expect("screenshot folder");
    dir.display().to_string()
}

/// Ruby (8) with a CiN meeting in three weeks and a self-referral from her; the IDs the journeys
/// start from.
async fn prepare(app: &TestApp) -> Value {
    let db = &app.db;
    let la = demo_la(db).await;
    let born = NaiveDate::from_ymd_opt(2018, 3, 1).unwrap();
    let ruby = add_child(db, la, "Ruby", born, false).await;
    add_meeting(
        db,
        la,
        ruby,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(21)),
    )
    .await;
    let asked = app
        .graphql(
            "mutation($i: SelfReferralInput!) { selfReferral(input: $i) { message } }",
            json!({ "i": {
                "localAuthority": "demo", "name": "Ruby", "contact": "07700 900777",
                "about": "I have a meeting and I want someone to help me say what I think.",
            } }),
        )
        .await;
    assert!(asked["errors"].is_null(), "{asked}");
    let self_referral = newest_self_referral(db).await;
    let waiting = demo_referral(db, "Jade", MeetingKind::ChildInNeedMeeting).await;
    let mia_case = mias_case(db).await;
    json!({
        "waiting": gid(NodeKind::Referral, waiting),
        "selfReferral": gid(NodeKind::Referral, self_referral),
        "miaCase": gid(NodeKind::Case, mia_case.id),
        "miaReferral": gid(NodeKind::Referral, mia_case.referral_id),
    })
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
async fn waiting_self_referred_withdrawn_and_closed_all_move_on_from_the_pages_with_javascript_on_and_off()
 {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let (on_ids, off_ids) = (prepare(&on).await, prepare(&off).await);
    let args = vec![
        on.url(""),
        off.url(""),
        on_ids.to_string(),
        off_ids.to_string(),
        screenshots(),
    ];
    let results =
        tokio::task::spawn_blocking(move || run_browser_script("staff-dead-ends.mjs", &args))
            .await
            .expect("browser script ran");
    for page in results.iter().filter(|r| r["page"].is_string()) {
        let what = format!("{} (JavaScript {})", page["page"], page["javaScript"]);
        assert_eq!(page["violations"], json!([]), "{what}: accessibility");
        assert_eq!(page["overflow"], false, "{what}: scrolls sideways");
    }
    let runs: Vec<&Value> = results.iter().filter(|r| r["run"].is_string()).collect();
    assert_eq!(runs.len(), 2, "{results:?}");
    for (run, app) in runs.iter().zip([&on, &off]) {
        let what = format!("JavaScript {}", run["javaScript"]);
        assert_clean(run, &what);
        assert_eq!(run["addressesCarryingText"], json!([]), "{what}");

        // The social worker: refused keeps it waiting; agreed sends it to the coordinator.
        assert_eq!(run["swBefore"], "Waiting for parental agreement", "{what}");
        assert_eq!(
            run["swRefused"]["state"], "Waiting for parental agreement",
            "{what}"
        );
        assert_eq!(
            run["swRefused"]["notice"], "Parental agreement recorded.",
            "{what}"
        );
        assert_eq!(
            run["swGiven"], "Received: waiting for the coordinator",
            "{what}"
        );
        // Accepted and allocated by the coordinator.
        assert!(
            run["jadeAllocated"]
                .as_str()
                .unwrap_or_default()
                .starts_with("Allocated: "),
            "{what}: {run}"
        );

        // Ruby's self-referral: found by name, linked, withdrawn with its reason, reopened.
        let choices = run["choices"].as_array().expect("choices");
        assert_eq!(choices.len(), 1, "{what}: {choices:?}");
        assert!(
            choices[0]
                .as_str()
                .unwrap_or_default()
                .starts_with("Ruby (8) — CiN meeting"),
            "{what}: {choices:?}"
        );
        assert_eq!(run["linked"], "Waiting for parental agreement", "{what}");
        assert_eq!(
            run["withdrawError"], "Give the reason for withdrawing: it is kept with the referral.",
            "{what}"
        );
        assert_eq!(run["withdrawn"]["state"], "Withdrawn", "{what}");
        assert_eq!(
            run["withdrawn"]["reason"], "Ruby's mum says Ruby has an advocate through school.",
            "{what}"
        );
        assert_eq!(run["reopened"], "Waiting for parental agreement", "{what}");

        // Mia's case: a confirm step, a reason asked for, closed; the coordinator reopens it.
        assert_eq!(run["confirmHeading"], "Close this case?", "{what}");
        assert_eq!(
            run["closeError"],
            json!(["Give the reason for closing the case"]),
            "{what}"
        );
        assert_eq!(run["closed"]["heading"], "Case closed", "{what}");
        assert_eq!(
            run["closed"]["shareOffered"], 0,
            "{what}: a closed case offers no sharing"
        );
        assert!(
            run["coordinatorSeesClosed"]
                .as_str()
                .unwrap_or_default()
                .starts_with("Case closed"),
            "{what}: {run}"
        );
        assert!(
            run["caseReopened"]
                .as_str()
                .unwrap_or_default()
                .starts_with("Allocated: "),
            "{what}: {run}"
        );

        // The admin's link is whole, starts with the address the admin used, and opens the page.
        let link = run["link"].as_str().unwrap_or_default();
        assert!(
            link.starts_with(&app.url("/set-password?token=")),
            "{what}: {link}"
        );
        assert_eq!(run["linkOpens"], "Set your password", "{what}");
    }
}

const CHOICES: &str = "query($id: ID!, $n: String) {
    selfReferralLinkChoices(referralId: $id, name: $n) {
      childId preferredName age lookedAfter meetingId meetingKind scheduledAt } }";

#[tokio::test]
async fn a_self_referral_is_offered_the_authoritys_children_with_a_meeting_still_to_come() {
    let app = spawn_demo_app().await;
    let ids = prepare(&app).await;
    let coordinator = staff_token(&app.db, super::referrals::COORDINATOR).await;
    let ask = |name: Option<&str>, id: &Value| json!({ "id": id, "n": name });

    let all = app
        .graphql_as(Some(&coordinator), CHOICES, ask(None, &ids["selfReferral"]))
        .await;
    let all = all["data"]["selfReferralLinkChoices"]
        .as_array()
        .unwrap_or_else(|| panic!("{all}"))
        .clone();
    let names: Vec<&str> = all
        .iter()
        .map(|c| c["preferredName"].as_str().unwrap())
        .collect();
    // By name; Jade has two meetings to come, so two choices.
    assert_eq!(
        names,
        ["Jade", "Jade", "Leo", "Mia", "Ruby", "Sam"],
        "{all:?}"
    );
    assert!(all.iter().all(|c| c["scheduledAt"].is_string()));

    let ruby = app
        .graphql_as(
            Some(&coordinator),
            CHOICES,
            ask(Some(" rUBy "), &ids["selfReferral"]),
        )
        .await;
    let ruby = &ruby["data"]["selfReferralLinkChoices"];
    assert_eq!(ruby.as_array().map(Vec::len), Some(1), "{ruby}");
    assert_eq!(ruby[0]["meetingKind"], "CHILD_IN_NEED_MEETING");
    assert_eq!(ruby[0]["age"], 8);

    // A social worker's referral already names its child and meeting: nothing to choose.
    let theirs = app
        .graphql_as(Some(&coordinator), CHOICES, ask(None, &ids["waiting"]))
        .await;
    assert_eq!(
        theirs["data"]["selfReferralLinkChoices"],
        json!([]),
        "{theirs}"
    );
    // Only the coordinator asks.
    let sw = staff_token(&app.db, super::referrals::SOCIAL_WORKER).await;
    let refused = app
        .graphql_as(Some(&sw), CHOICES, ask(None, &ids["selfReferral"]))
        .await;
    assert_eq!(error_code(&refused), "FORBIDDEN", "{refused}");
}

#[tokio::test]
async fn a_new_password_link_is_the_whole_address_to_send() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let sw = tests::app::staff_by_email(&app.db, super::referrals::SOCIAL_WORKER).await;
    let issued = app
        .graphql_as(
            Some(&admin),
            "mutation($id: ID!) { issuePasswordLink(staffId: $id) { url path } }",
            json!({ "id": gid(NodeKind::StaffUser, sw.id) }),
        )
        .await;
    let link = &issued["data"]["issuePasswordLink"];
    let (url, path) = (link["url"].as_str(), link["path"].as_str());
    let (Some(url), Some(path)) = (url, path) else {
        panic!("{issued}")
    };
    // No public address configured: the one this request came to.
    assert_eq!(url, app.url(path), "{issued}");
    let page = reqwest::get(url).await.expect("the link opens");
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("Set your password"));
}
