//! The advocate's caseload as they would notice it: their cases only, soonest meeting first, each
//! with the child, the meeting, the referral, where the child's views are, open urgent help, and
//! whether the meeting is soon. `case(id)` for the advocate of that case only.
use chrono::{Duration, NaiveDate, Utc};
use entity::enums::{CaseStatus, MeetingKind, ParentalAgreement, ReferralSource, ReferralStatus};
use entity::{advocacy_case, referral, urgent_help};
use sea_orm::{ActiveModelTrait, DatabaseConnection, Set};
use serde_json::{Value, json};
use tests::app::{child_token, error_code, hold_meeting_of, spawn_demo_app, staff_token};

use crate::referrals::{
    ADVOCATE, COORDINATOR, SOCIAL_WORKER, add_child, add_meeting, child_named, days_ahead, demo_la,
    gid, other_authority, staff_id,
};
use api::graphql::ids::NodeKind;

const CASELOAD: &str = "query($first: Int, $after: String, $status: CaseStatus) {
    myCaseload(first: $first, after: $after, status: $status) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node {
            id status
            child { preferredName age lookedAfter communicationNeeds }
            meeting { kind scheduledAt place }
            referral { reason howToContactChild parentalAgreement completeness { score } }
            viewsStatus urgentHelpOpen meetingSoon
        } } } }";

fn names(resp: &Value) -> Vec<String> {
    resp["data"]["myCaseload"]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("no caseload in {resp}"))
        .iter()
        .map(|e| {
            e["node"]["child"]["preferredName"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect()
}

/// A new child with a meeting (undated when `days` is None) and a case for `advocate_id`.
async fn case_for(
    db: &DatabaseConnection,
    name: &str,
    days: Option<i64>,
    advocate_id: i32,
    status: CaseStatus,
) -> i32 {
    let la = demo_la(db).await;
    let child = add_child(
        db,
        la,
        name,
        NaiveDate::from_ymd_opt(2014, 6, 1).unwrap(),
        false,
    )
    .await;
    let kind = match days {
        Some(_) => MeetingKind::CoreGroupMeeting,
        None => MeetingKind::AdviceAndAssistance,
    };
    let meeting = add_meeting(db, la, child, kind, days.map(days_ahead)).await;
    let now = Utc::now();
    let referral = referral::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(Some(child)),
        meeting_id: Set(Some(meeting)),
        source: Set(ReferralSource::SocialWorker),
        referrer_id: Set(Some(staff_id(db, SOCIAL_WORKER).await)),
        reason: Set(Some(format!("{name} wants help"))),
        parental_agreement: Set(ParentalAgreement::Given),
        status: Set(ReferralStatus::Accepted),
        received_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    advocacy_case::ActiveModel {
        local_authority_id: Set(la),
        referral_id: Set(referral),
        child_id: Set(child),
        meeting_id: Set(meeting),
        advocate_id: Set(advocate_id),
        status: Set(status),
        allocated_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id
}

async fn urgent_help_for(db: &DatabaseConnection, child: &str, acknowledged: bool) {
    let child = child_named(db, child).await;
    let now = Utc::now();
    urgent_help::ActiveModel {
        local_authority_id: Set(child.local_authority_id),
        child_id: Set(child.id),
        message: Set(Some("I'm not safe right now".into())),
        raised_at: Set(now - Duration::hours(1)),
        acknowledged_at: Set(acknowledged.then_some(now)),
        acknowledged_by: Set(if acknowledged {
            Some(staff_id(db, ADVOCATE).await)
        } else {
            None
        }),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

#[tokio::test]
async fn the_caseload_shows_each_case_with_what_needs_the_advocates_attention() {
    let app = spawn_demo_app().await;
    urgent_help_for(&app.db, "Jade", false).await;
    urgent_help_for(&app.db, "Mia", true).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let resp = app.graphql_as(Some(&advocate), CASELOAD, json!({})).await;
    assert_eq!(
        names(&resp),
        ["Mia", "Jade"],
        "CLA review in 14 days, then FGC in 28"
    );
    assert_eq!(resp["data"]["myCaseload"]["totalCount"], 2);
    let mia = &resp["data"]["myCaseload"]["edges"][0]["node"];
    assert_eq!(mia["status"], "IN_PROGRESS");
    assert_eq!(mia["child"]["age"], 11);
    assert_eq!(mia["child"]["lookedAfter"], true);
    assert_eq!(mia["meeting"]["kind"], "CHILDREN_LOOKED_AFTER_REVIEW");
    assert_eq!(mia["meeting"]["place"], "Mia's school, small meeting room");
    assert_eq!(
        mia["referral"]["howToContactChild"],
        "Through the social worker"
    );
    assert_eq!(
        mia["referral"]["parentalAgreement"],
        "NOT_REQUIRED_LOOKED_AFTER"
    );
    assert_eq!(mia["viewsStatus"], "DRAFT");
    assert_eq!(mia["urgentHelpOpen"], false, "acknowledged already");
    assert_eq!(mia["meetingSoon"], false);
    let jade = &resp["data"]["myCaseload"]["edges"][1]["node"];
    assert_eq!(jade["status"], "ALLOCATED");
    assert_eq!(jade["child"]["age"], 15);
    assert_eq!(jade["meeting"]["kind"], "FAMILY_GROUP_CONFERENCE");
    assert_eq!(jade["viewsStatus"], "NOT_STARTED");
    assert_eq!(jade["urgentHelpOpen"], true);
}

#[tokio::test]
async fn the_caseload_is_sorted_by_meeting_date_filtered_by_status_and_paged() {
    let app = spawn_demo_app().await;
    let priya = staff_id(&app.db, ADVOCATE).await;
    case_for(&app.db, "Undated", None, priya, CaseStatus::Allocated).await;
    case_for(&app.db, "Tomorrow", Some(1), priya, CaseStatus::Allocated).await;
    case_for(&app.db, "Done", Some(5), priya, CaseStatus::Closed).await;
    let bea = crate::referrals::add_advocate(&app.db, "Bea Long", "bea@demo.myvoice", true).await;
    case_for(
        &app.db,
        "Someone else's",
        Some(2),
        bea,
        CaseStatus::Allocated,
    )
    .await;

    let advocate = staff_token(&app.db, ADVOCATE).await;
    let resp = app.graphql_as(Some(&advocate), CASELOAD, json!({})).await;
    assert_eq!(
        names(&resp),
        ["Tomorrow", "Mia", "Jade", "Undated"],
        "closed cases and others' left out"
    );
    let first = &resp["data"]["myCaseload"]["edges"][0]["node"];
    assert_eq!(first["meetingSoon"], true);
    let last = &resp["data"]["myCaseload"]["edges"][3]["node"];
    assert_eq!(last["meeting"]["scheduledAt"], Value::Null);
    assert_eq!(last["meetingSoon"], false);

    let page = app
        .graphql_as(Some(&advocate), CASELOAD, json!({ "first": 3 }))
        .await;
    assert_eq!(names(&page), ["Tomorrow", "Mia", "Jade"]);
    assert_eq!(page["data"]["myCaseload"]["totalCount"], 4);
    assert_eq!(page["data"]["myCaseload"]["pageInfo"]["hasNextPage"], true);
    let after = page["data"]["myCaseload"]["pageInfo"]["endCursor"].clone();
    let rest = app
        .graphql_as(
            Some(&advocate),
            CASELOAD,
            json!({ "first": 3, "after": after }),
        )
        .await;
    assert_eq!(names(&rest), ["Undated"]);
    // Past the last case: no cases, and still the count of them all.
    let end = rest["data"]["myCaseload"]["pageInfo"]["endCursor"].clone();
    let past = app
        .graphql_as(
            Some(&advocate),
            CASELOAD,
            json!({ "first": 3, "after": end }),
        )
        .await;
    assert!(names(&past).is_empty(), "{past}");
    assert_eq!(past["data"]["myCaseload"]["totalCount"], 4, "{past}");
    assert_eq!(past["data"]["myCaseload"]["pageInfo"]["hasNextPage"], false);

    let closed = app
        .graphql_as(Some(&advocate), CASELOAD, json!({ "status": "CLOSED" }))
        .await;
    assert_eq!(names(&closed), ["Done"]);
    let progress = app
        .graphql_as(
            Some(&advocate),
            CASELOAD,
            json!({ "status": "IN_PROGRESS" }),
        )
        .await;
    assert_eq!(names(&progress), ["Mia"]);
}

#[tokio::test]
async fn only_advocates_have_a_caseload() {
    let app = spawn_demo_app().await;
    assert_eq!(
        error_code(&app.graphql(CASELOAD, json!({})).await),
        "UNAUTHENTICATED"
    );
    for email in [
        COORDINATOR,
        SOCIAL_WORKER,
        "isro@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let resp = app.graphql_as(Some(&token), CASELOAD, json!({})).await;
        assert_eq!(error_code(&resp), "FORBIDDEN", "{email}");
    }
    let child = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&app.graphql_as(Some(&child), CASELOAD, json!({})).await),
        "FORBIDDEN"
    );
}

#[tokio::test]
async fn a_case_is_for_its_advocate_only_and_other_authorities_cases_do_not_exist() {
    let app = spawn_demo_app().await;
    let priya = staff_id(&app.db, ADVOCATE).await;
    let mine = case_for(&app.db, "Ola", Some(6), priya, CaseStatus::Allocated).await;
    let bea = crate::referrals::add_advocate(&app.db, "Bea Long", "bea@demo.myvoice", true).await;
    let hers = case_for(&app.db, "Kai", Some(6), bea, CaseStatus::Allocated).await;
    other_authority(&app.db).await;
    let query =
        "query($id: ID!) { case(id: $id) { id child { preferredName } referral { reason } } }";
    let ask = |token: Option<String>, id: i32| {
        let app = &app;
        async move {
            app.graphql_as(
                token.as_deref(),
                query,
                json!({ "id": gid(NodeKind::Case, id) }),
            )
            .await
        }
    };
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let resp = ask(Some(advocate.clone()), mine).await;
    assert_eq!(
        resp["data"]["case"]["child"]["preferredName"], "Ola",
        "{resp}"
    );
    assert_eq!(resp["data"]["case"]["referral"]["reason"], "Ola wants help");
    assert_eq!(
        error_code(&ask(Some(advocate.clone()), hers).await),
        "FORBIDDEN"
    );
    assert_eq!(
        error_code(&ask(Some(advocate.clone()), 999_999).await),
        "NOT_FOUND"
    );
    // An advocate of another authority: the case does not exist for them.
    let theirs = staff_token(&app.db, "advocate@other.test").await;
    let resp = ask(Some(theirs), mine).await;
    assert_eq!(error_code(&resp), "NOT_FOUND", "another authority's case");
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    assert_eq!(error_code(&ask(Some(coordinator), mine).await), "FORBIDDEN");
    let child = child_token(&app.db, "Mia").await;
    assert_eq!(error_code(&ask(Some(child), mine).await), "FORBIDDEN");
    assert_eq!(error_code(&ask(None, mine).await), "UNAUTHENTICATED");
    let resp = app
        .graphql_as(
            Some(&advocate),
            query,
            json!({ "id": gid(NodeKind::Referral, mine) }),
        )
        .await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
}

#[tokio::test]
async fn an_allocation_appears_in_the_advocates_caseload() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let bea = crate::referrals::add_advocate(&app.db, "Bea Long", "bea@demo.myvoice", true).await;
    let leo = crate::referrals::demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let rid = gid(NodeKind::Referral, leo);
    app.graphql_as(
        Some(&coordinator),
        "mutation($id: ID!) { acceptReferral(id: $id) { id } }",
        json!({ "id": rid }),
    )
    .await;
    let resp = app
        .graphql_as(
            Some(&coordinator),
            "mutation($r: ID!, $a: ID!) { allocateAdvocate(referralId: $r, advocateId: $a) { id } }",
            json!({ "r": rid, "a": gid(NodeKind::StaffUser, bea) }),
        )
        .await;
    let case_id = resp["data"]["allocateAdvocate"]["id"].clone();
    assert!(case_id.is_string(), "{resp}");
    let token = staff_token(&app.db, "bea@demo.myvoice").await;
    let resp = app.graphql_as(Some(&token), CASELOAD, json!({})).await;
    assert_eq!(names(&resp), ["Leo"]);
    let node = &resp["data"]["myCaseload"]["edges"][0]["node"];
    assert_eq!(node["status"], "ALLOCATED");
    assert_eq!(
        node["child"]["communicationNeeds"],
        "Likes pictures; short sessions"
    );
    assert_eq!(node["viewsStatus"], "NOT_STARTED");
}

#[tokio::test]
async fn the_caseload_costs_the_same_sql_statements_for_5_or_50_cases() {
    let app = spawn_demo_app().await;
    let priya = staff_id(&app.db, ADVOCATE).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let vars = json!({ "first": 100 });
    for i in 0..3 {
        case_for(
            &app.db,
            &format!("Child {i}"),
            Some(5 + i),
            priya,
            CaseStatus::Allocated,
        )
        .await;
    }
    urgent_help_for(&app.db, "Child 1", false).await;
    let (five, resp) = app.statements_of(&advocate, CASELOAD, vars.clone()).await;
    assert_eq!(names(&resp).len(), 5, "{resp}");
    for i in 3..48 {
        case_for(
            &app.db,
            &format!("Child {i}"),
            Some(5 + i),
            priya,
            CaseStatus::Allocated,
        )
        .await;
    }
    urgent_help_for(&app.db, "Child 40", false).await;
    let (fifty, resp) = app.statements_of(&advocate, CASELOAD, vars).await;
    assert_eq!(names(&resp).len(), 50);
    assert_eq!(five, fifty, "SQL statements for 5 cases and for 50");
    println!("myCaseload: {fifty} SQL statements for 5 or 50 cases");
}

#[tokio::test]
async fn the_advocate_sees_the_outcome_on_the_case_once_the_chair_records_it() {
    let app = spawn_demo_app().await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    let mias_case = || async {
        let query = "{ myCaseload(first: 10) { edges { node { child { preferredName }
            meeting { id } outcome { staffWords childWords recordedAt } } } } }";
        let resp = app.graphql_as(Some(&advocate), query, json!({})).await;
        resp["data"]["myCaseload"]["edges"]
            .as_array()
            .unwrap_or_else(|| panic!("no caseload in {resp}"))
            .iter()
            .find(|e| e["node"]["child"]["preferredName"] == "Mia")
            .expect("Mia's case")["node"]
            .clone()
    };
    let before = mias_case().await;
    assert_eq!(before["outcome"], Value::Null, "nothing recorded yet");

    // The meeting happens, and the chair records it.
    hold_meeting_of(&app.db, "Mia").await;
    let isro = staff_token(&app.db, "isro@demo.myvoice").await;
    let record = app
        .graphql_as(
            Some(&isro),
            "mutation($m: ID!, $i: RecordMeetingInput!) { recordMeeting(meetingId: $m, input: $i) { id } }",
            json!({ "m": before["meeting"]["id"], "i": {
                "plan": "Placement continues.",
                "outcomeStaffWords": "Placement to continue.",
                "outcomeChildWords": "You stay with Mr and Mrs Patel.",
            } }),
        )
        .await;
    assert!(record["errors"].is_null(), "{record}");

    let after = mias_case().await;
    assert_eq!(after["outcome"]["staffWords"], "Placement to continue.");
    assert_eq!(
        after["outcome"]["childWords"],
        "You stay with Mr and Mrs Patel."
    );
    assert!(after["outcome"]["recordedAt"].is_string(), "{after}");
}
