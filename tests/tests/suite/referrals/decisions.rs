//! The coordinator's decisions: accept, decline with a reason, allocate an advocate, and suggestions
//! that put the advocate who knows the child first.
use entity::advocacy_case;
use entity::enums::CaseStatus;

use super::*;

const ACCEPT: &str = "mutation($id: ID!) { acceptReferral(id: $id) { id status } }";
const DECLINE: &str = "mutation($id: ID!, $reason: String!) { declineReferral(id: $id, reason: $reason) { id status declineReason } }";
const ALLOCATE: &str = "mutation($r: ID!, $a: ID!) { allocateAdvocate(referralId: $r, advocateId: $a) {
    id status child { preferredName } meeting { kind } referral { status allocation { advocateName } } } }";
const SUGGEST: &str = "query($r: ID!) { suggestedAdvocates(referralId: $r) { advocateId name workedWithChildBefore openCases } }";

fn rid(id: i32) -> String {
    gid(NodeKind::Referral, id)
}

fn sid(id: i32) -> String {
    gid(NodeKind::StaffUser, id)
}

async fn status_of(db: &DatabaseConnection, id: i32) -> ReferralStatus {
    referral::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .status
}

#[tokio::test]
async fn accepting_needs_a_received_referral() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let resp = app
        .graphql_as(Some(&coordinator), ACCEPT, json!({ "id": rid(leo) }))
        .await;
    assert_eq!(
        resp["data"]["acceptReferral"]["status"], "ACCEPTED",
        "{resp}"
    );
    assert_eq!(audit_count(&app.db, "referral.accepted").await, 1);
    let again = app
        .graphql_as(Some(&coordinator), ACCEPT, json!({ "id": rid(leo) }))
        .await;
    assert_eq!(error_code(&again), "CONFLICT");

    let jade = demo_referral(&app.db, "Jade", MeetingKind::ChildInNeedMeeting).await;
    let resp = app
        .graphql_as(Some(&coordinator), ACCEPT, json!({ "id": rid(jade) }))
        .await;
    assert_eq!(error_code(&resp), "CONFLICT");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("parental agreement")
    );
    assert_eq!(
        status_of(&app.db, jade).await,
        ReferralStatus::PendingConsent
    );
}

#[tokio::test]
async fn declining_needs_a_reason_and_a_declined_referral_cannot_be_accepted() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let resp = app
        .graphql_as(
            Some(&coordinator),
            DECLINE,
            json!({ "id": rid(leo), "reason": "   " }),
        )
        .await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "reason");
    assert_eq!(status_of(&app.db, leo).await, ReferralStatus::Received);

    let reason = "Leo's family has asked the school counsellor instead.";
    let resp = app
        .graphql_as(
            Some(&coordinator),
            DECLINE,
            json!({ "id": rid(leo), "reason": reason }),
        )
        .await;
    assert_eq!(
        resp["data"]["declineReferral"]["status"], "DECLINED",
        "{resp}"
    );
    assert_eq!(resp["data"]["declineReferral"]["declineReason"], reason);
    assert_eq!(audit_count(&app.db, "referral.declined").await, 1);
    let resp = app
        .graphql_as(Some(&coordinator), ACCEPT, json!({ "id": rid(leo) }))
        .await;
    assert_eq!(error_code(&resp), "CONFLICT");
    let advocate = sid(staff_id(&app.db, ADVOCATE).await);
    let resp = app
        .graphql_as(
            Some(&coordinator),
            ALLOCATE,
            json!({ "r": rid(leo), "a": advocate }),
        )
        .await;
    assert_eq!(error_code(&resp), "CONFLICT");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("declined")
    );

    // An allocated referral is no longer the coordinator's to decline.
    let mia = demo_referral(&app.db, "Mia", MeetingKind::ChildrenLookedAfterReview).await;
    let resp = app
        .graphql_as(
            Some(&coordinator),
            DECLINE,
            json!({ "id": rid(mia), "reason": "No" }),
        )
        .await;
    assert_eq!(error_code(&resp), "CONFLICT");
}

#[tokio::test]
async fn allocating_opens_one_case_for_an_accepted_referral_with_an_active_advocate() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let priya = sid(staff_id(&app.db, ADVOCATE).await);
    let allocate = |referral: i32, advocate: String| {
        let (app, token) = (&app, coordinator.clone());
        async move {
            app.graphql_as(
                Some(&token),
                ALLOCATE,
                json!({ "r": rid(referral), "a": advocate }),
            )
            .await
        }
    };
    // Received, not yet accepted.
    let resp = allocate(leo, priya.clone()).await;
    assert_eq!(error_code(&resp), "CONFLICT");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("Accept the referral")
    );
    // Waiting for parental agreement.
    let jade = demo_referral(&app.db, "Jade", MeetingKind::ChildInNeedMeeting).await;
    assert_eq!(error_code(&allocate(jade, priya.clone()).await), "CONFLICT");

    app.graphql_as(Some(&coordinator), ACCEPT, json!({ "id": rid(leo) }))
        .await;
    let inactive = add_advocate(&app.db, "Former Advocate", "former@demo.myvoice", false).await;
    let resp = allocate(leo, sid(inactive)).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "advocateId");
    let sw = sid(staff_id(&app.db, SOCIAL_WORKER).await);
    assert_eq!(error_code(&allocate(leo, sw).await), "BAD_USER_INPUT");
    let other = other_authority(&app.db).await;
    assert_eq!(
        error_code(&allocate(leo, sid(other.advocate_id)).await),
        "NOT_FOUND"
    );
    assert_eq!(
        error_code(&allocate(other.referral_id, priya.clone()).await),
        "NOT_FOUND"
    );
    let cases_before = advocacy_case::Entity::find().count(&app.db).await.unwrap();

    let resp = allocate(leo, priya.clone()).await;
    let case = &resp["data"]["allocateAdvocate"];
    assert_eq!(case["status"], "ALLOCATED", "{resp}");
    assert_eq!(case["child"]["preferredName"], "Leo");
    assert_eq!(
        case["meeting"]["kind"],
        "INITIAL_CHILD_PROTECTION_CONFERENCE"
    );
    assert_eq!(case["referral"]["allocation"]["advocateName"], "Priya Shah");
    let row = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ReferralId.eq(leo))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(row.status, CaseStatus::Allocated);
    assert_eq!(audit_count(&app.db, "case.allocated").await, 1);

    let resp = allocate(leo, priya).await;
    assert_eq!(error_code(&resp), "CONFLICT", "allocating twice");
    assert_eq!(
        advocacy_case::Entity::find().count(&app.db).await.unwrap(),
        cases_before + 1
    );
}

#[tokio::test]
async fn only_the_coordinator_decides_and_only_in_their_own_authority() {
    let app = spawn_demo_app().await;
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let priya = sid(staff_id(&app.db, ADVOCATE).await);
    let vars = json!({ "id": rid(leo), "reason": "No", "r": rid(leo), "a": priya });
    for op in [ACCEPT, DECLINE, ALLOCATE, SUGGEST] {
        assert_eq!(
            error_code(&app.graphql(op, vars.clone()).await),
            "UNAUTHENTICATED"
        );
        for email in [SOCIAL_WORKER, ADVOCATE, "admin@demo.myvoice"] {
            let token = staff_token(&app.db, email).await;
            let resp = app.graphql_as(Some(&token), op, vars.clone()).await;
            assert_eq!(error_code(&resp), "FORBIDDEN", "{email}: {op}");
        }
    }
    // The other authority's coordinator cannot see or touch this one's referral.
    let other = other_authority(&app.db).await;
    let theirs = staff_token(&app.db, other.coordinator_email).await;
    for op in [ACCEPT, DECLINE, SUGGEST] {
        let resp = app.graphql_as(Some(&theirs), op, vars.clone()).await;
        assert_eq!(error_code(&resp), "NOT_FOUND", "{op}");
    }
    assert_eq!(status_of(&app.db, leo).await, ReferralStatus::Received);
}

#[tokio::test]
async fn suggestions_put_the_advocate_who_knows_the_child_first_then_the_least_busy() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let priya = staff_id(&app.db, ADVOCATE).await; // Mia's and Jade's advocate: 2 open cases
    let bea = add_advocate(&app.db, "Bea Long", "bea@demo.myvoice", true).await;
    add_advocate(&app.db, "Former Advocate", "former@demo.myvoice", false).await;

    // Nobody has worked with Leo: the least busy first.
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let resp = app
        .graphql_as(Some(&coordinator), SUGGEST, json!({ "r": rid(leo) }))
        .await;
    let list = resp["data"]["suggestedAdvocates"]
        .as_array()
        .unwrap_or_else(|| panic!("{resp}"));
    assert_eq!(list.len(), 2, "active advocates only");
    assert_eq!(list[0]["advocateId"], sid(bea));
    assert_eq!(list[0]["openCases"], 0);
    assert_eq!(list[0]["workedWithChildBefore"], false);
    assert_eq!(list[1]["advocateId"], sid(priya));
    assert_eq!(list[1]["openCases"], 2);

    // Priya worked with Jade (the family group conference): first for Jade's next referral, though busier.
    let jade = demo_referral(&app.db, "Jade", MeetingKind::ChildInNeedMeeting).await;
    let resp = app
        .graphql_as(Some(&coordinator), SUGGEST, json!({ "r": rid(jade) }))
        .await;
    let list = resp["data"]["suggestedAdvocates"].as_array().unwrap();
    assert_eq!(list[0]["advocateId"], sid(priya), "{resp}");
    assert_eq!(list[0]["workedWithChildBefore"], true);
    assert_eq!(list[0]["name"], "Priya Shah");
    assert_eq!(list[1]["workedWithChildBefore"], false);
}
