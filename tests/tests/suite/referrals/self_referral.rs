//! `selfReferral`: a child or family asks for an advocate without an account.
use super::*;

const SELF_REFERRAL: &str =
    "mutation($input: SelfReferralInput!) { selfReferral(input: $input) { message } }";

fn asking(name: &str) -> Value {
    json!({
        "localAuthority": "demo",
        "name": name,
        "contact": "07700 900123",
        "about": "I have a meeting about me and I want someone to help me say what I think.",
        "meetingKind": "CHILD_IN_NEED_MEETING",
        "meetingDate": days_ahead(10).date_naive().to_string(),
    })
}

#[tokio::test]
async fn a_self_referral_lands_in_the_coordinators_inbox_and_reveals_nothing() {
    let app = spawn_demo_app().await;
    // A name the service already knows and one it does not get the very same answer.
    let known = app
        .graphql(SELF_REFERRAL, json!({ "input": asking("Leo") }))
        .await;
    let unknown = app
        .graphql(SELF_REFERRAL, json!({ "input": asking("Zed") }))
        .await;
    assert_eq!(known, unknown);
    let message = known["data"]["selfReferral"]["message"].as_str().unwrap();
    assert!(message.contains("We have got your message"), "{known}");
    assert!(message.contains("999") && message.contains("0800 1111"));
    for word in ["referral", "case", "Leo"] {
        assert!(!message.contains(word), "child-friendly: no {word:?}");
    }
    assert_eq!(audit_count(&app.db, "referral.self_referral").await, 2);

    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let query =
        format!("{{ referralInbox(first: 2) {{ totalCount edges {{ node {{ {REFERRAL} }} }} }} }}");
    let resp = app.graphql_as(Some(&coordinator), &query, json!({})).await;
    let newest = &resp["data"]["referralInbox"]["edges"][0]["node"];
    assert_eq!(newest["source"], "SELF_REFERRAL", "{resp}");
    assert_eq!(newest["status"], "RECEIVED");
    assert_eq!(newest["child"], Value::Null);
    assert_eq!(newest["meeting"], Value::Null);
    assert_eq!(newest["referrerName"], Value::Null);
    assert_eq!(newest["selfReferralContact"], "Zed — 07700 900123");
    assert!(
        newest["otherInformation"]
            .as_str()
            .unwrap()
            .contains("child in need (CiN) meeting")
    );
    let missing: Vec<&str> = newest["completeness"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["item"].as_str().unwrap())
        .collect();
    assert!(missing.contains(&"MEETING_KIND_AND_DATE") && missing.contains(&"PARENTAL_AGREEMENT"));
    assert_eq!(newest["leadTime"], Value::Null);
    assert_eq!(resp["data"]["referralInbox"]["totalCount"], 6);
}

#[tokio::test]
async fn a_self_referral_needs_a_known_council_a_name_a_contact_and_a_date_to_come() {
    let app = spawn_demo_app().await;
    let before = referral_count(&app.db).await;
    let mut input = asking("Zed");
    input["localAuthority"] = json!("nowhere");
    let resp = app.graphql(SELF_REFERRAL, json!({ "input": input })).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "localAuthority");
    let mut input = asking("  ");
    input["contact"] = json!("x");
    let resp = app.graphql(SELF_REFERRAL, json!({ "input": input })).await;
    assert_eq!(resp["errors"][0]["extensions"]["field"], "name");
    let mut input = asking("Zed");
    input["meetingDate"] = json!(days_ahead(-3).date_naive().to_string());
    let resp = app.graphql(SELF_REFERRAL, json!({ "input": input })).await;
    assert_eq!(resp["errors"][0]["extensions"]["field"], "meetingDate");
    assert_eq!(referral_count(&app.db).await, before);
}

#[tokio::test]
async fn too_many_self_referrals_from_one_address_are_rate_limited() {
    // Its own app: every request in the test suite comes from 127.0.0.1.
    let app = spawn_demo_app().await;
    for n in 0..5 {
        let resp = app
            .graphql(SELF_REFERRAL, json!({ "input": asking("Zed") }))
            .await;
        assert!(resp["errors"].is_null(), "attempt {n}: {resp}");
    }
    let before = referral_count(&app.db).await;
    let resp = app
        .graphql(SELF_REFERRAL, json!({ "input": asking("Zed") }))
        .await;
    assert_eq!(error_code(&resp), "RATE_LIMITED");
    assert!(
        resp["errors"][0]["extensions"]["retryAfter"]
            .as_u64()
            .unwrap()
            >= 1
    );
    assert_eq!(referral_count(&app.db).await, before, "nothing written");
}
