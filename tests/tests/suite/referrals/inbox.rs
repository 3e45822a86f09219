//! The coordinator's inbox, one referral, and a social worker's own referrals.
use super::*;

const INBOX: &str =
    "query($first: Int, $after: String, $status: ReferralStatus, $complete: Boolean) {
    referralInbox(first: $first, after: $after, status: $status, complete: $complete) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { cursor node { id status receivedAt completeness { score } } }
    } }";

fn ids(resp: &Value, list: &str) -> Vec<String> {
    resp["data"][list]["edges"]
        .as_array()
        .unwrap_or_else(|| panic!("no {list} in {resp}"))
        .iter()
        .map(|e| e["node"]["id"].as_str().unwrap().to_owned())
        .collect()
}

/// Two complete referrals made now, after the demo's (received two days ago).
async fn two_new_referrals(app: &TestApp) -> (String, String) {
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let mut made = Vec::new();
    for days in [15, 16] {
        let m = add_meeting(
            &app.db,
            la,
            leo.id,
            MeetingKind::CoreGroupMeeting,
            Some(days_ahead(days)),
        )
        .await;
        let resp = create(app, Some(&sw), full_input(leo.id, m, "GIVEN")).await;
        made.push(
            resp["data"]["createReferral"]["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    (made[0].clone(), made[1].clone())
}

#[tokio::test]
async fn the_inbox_lists_the_authoritys_referrals_newest_first_in_pages() {
    let app = spawn_demo_app().await;
    other_authority(&app.db).await;
    let (older, newer) = two_new_referrals(&app).await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let resp = app
        .graphql_as(Some(&coordinator), INBOX, json!({ "first": 2 }))
        .await;
    let page = &resp["data"]["referralInbox"];
    assert_eq!(
        page["totalCount"], 6,
        "4 demo + 2 new, none of the other authority's: {resp}"
    );
    assert_eq!(ids(&resp, "referralInbox"), [newer.clone(), older.clone()]);
    assert_eq!(page["pageInfo"]["hasNextPage"], true);
    let after = page["pageInfo"]["endCursor"].clone();
    let resp = app
        .graphql_as(
            Some(&coordinator),
            INBOX,
            json!({ "first": 10, "after": after }),
        )
        .await;
    let rest = ids(&resp, "referralInbox");
    assert_eq!(rest.len(), 4);
    assert_eq!(
        resp["data"]["referralInbox"]["pageInfo"]["hasNextPage"],
        false
    );
    assert!(!rest.contains(&newer) && !rest.contains(&older));

    let resp = app
        .graphql_as(Some(&coordinator), INBOX, json!({ "first": 0 }))
        .await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
}

#[tokio::test]
async fn the_inbox_filters_by_status_and_completeness() {
    let app = spawn_demo_app().await;
    let (older, newer) = two_new_referrals(&app).await;
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let query = |vars: Value| {
        let token = coordinator.clone();
        let app = &app;
        async move { app.graphql_as(Some(&token), INBOX, vars).await }
    };
    let pending = query(json!({ "status": "PENDING_CONSENT" })).await;
    assert_eq!(pending["data"]["referralInbox"]["totalCount"], 1);
    assert_eq!(
        pending["data"]["referralInbox"]["edges"][0]["node"]["status"],
        "PENDING_CONSENT"
    );
    let received = query(json!({ "status": "RECEIVED" })).await;
    assert_eq!(
        received["data"]["referralInbox"]["totalCount"], 3,
        "Leo's demo one and the 2 new"
    );

    // Complete means nothing missing, and the filter agrees with each referral's own score.
    let complete = query(json!({ "complete": true })).await;
    assert_eq!(ids(&complete, "referralInbox"), [newer, older]);
    let gaps = query(json!({ "complete": false })).await;
    assert_eq!(gaps["data"]["referralInbox"]["totalCount"], 4);
    for edge in gaps["data"]["referralInbox"]["edges"].as_array().unwrap() {
        assert!(edge["node"]["completeness"]["score"].as_i64().unwrap() < 100);
    }
    let both = query(json!({ "complete": true, "status": "PENDING_CONSENT" })).await;
    assert_eq!(both["data"]["referralInbox"]["totalCount"], 0);
}

#[tokio::test]
async fn only_the_coordinator_and_reading_keys_see_the_inbox() {
    let app = spawn_demo_app().await;
    assert_eq!(
        error_code(&app.graphql(INBOX, json!({})).await),
        "UNAUTHENTICATED"
    );
    for email in [
        SOCIAL_WORKER,
        ADVOCATE,
        "isro@demo.myvoice",
        "admin@demo.myvoice",
        "agency@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let resp = app.graphql_as(Some(&token), INBOX, json!({})).await;
        assert_eq!(error_code(&resp), "FORBIDDEN", "{email}");
    }
    let child = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&app.graphql_as(Some(&child), INBOX, json!({})).await),
        "FORBIDDEN"
    );

    let reader = api_key(&app, &[Scope::ReadReferrals]).await;
    let resp = graphql_with_key(&app, &reader, INBOX, json!({})).await;
    assert_eq!(resp["data"]["referralInbox"]["totalCount"], 4, "{resp}");
    let writer = api_key(&app, &[Scope::WriteReferrals]).await;
    let resp = graphql_with_key(&app, &writer, INBOX, json!({})).await;
    assert_eq!(error_code(&resp), "FORBIDDEN");
}

#[tokio::test]
async fn one_referral_is_for_the_coordinator_or_its_referrer_and_other_authorities_do_not_exist() {
    let app = spawn_demo_app().await;
    let other = other_authority(&app.db).await;
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let query = "query($id: ID!) { referral(id: $id) { id reason child { preferredName } } }";
    let ask = |token: Option<String>, id: i32| {
        let app = &app;
        async move {
            app.graphql_as(
                token.as_deref(),
                query,
                json!({ "id": gid(NodeKind::Referral, id) }),
            )
            .await
        }
    };
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let resp = ask(Some(coordinator.clone()), leo).await;
    assert_eq!(
        resp["data"]["referral"]["child"]["preferredName"], "Leo",
        "{resp}"
    );
    let resp = ask(Some(coordinator.clone()), other.referral_id).await;
    assert_eq!(error_code(&resp), "NOT_FOUND");
    let resp = ask(Some(coordinator), 999_999).await;
    assert_eq!(error_code(&resp), "NOT_FOUND");

    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    assert!(ask(Some(sw.clone()), leo).await["errors"].is_null());
    assert_eq!(
        error_code(&ask(Some(sw), other.referral_id).await),
        "NOT_FOUND"
    );
    let advocate = staff_token(&app.db, ADVOCATE).await;
    assert_eq!(error_code(&ask(Some(advocate), leo).await), "FORBIDDEN");
    assert_eq!(error_code(&ask(None, leo).await), "UNAUTHENTICATED");

    // A social worker who did not make the referral may not read it.
    let la = demo_la(&app.db).await;
    staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Ana Cole".into()),
        email: Set("sw2@demo.myvoice".into()),
        role: Set(StaffRole::SocialWorker),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let sw2 = staff_token(&app.db, "sw2@demo.myvoice").await;
    assert_eq!(error_code(&ask(Some(sw2.clone()), leo).await), "FORBIDDEN");
    let mine = "{ myReferrals { totalCount } }";
    let resp = app.graphql_as(Some(&sw2), mine, json!({})).await;
    assert_eq!(resp["data"]["myReferrals"]["totalCount"], 0);
}

#[tokio::test]
async fn a_social_worker_sees_the_referrals_they_made() {
    let app = spawn_demo_app().await;
    let (older, newer) = two_new_referrals(&app).await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let query = "query($status: ReferralStatus, $first: Int) { myReferrals(status: $status, first: $first) {
        totalCount edges { node { id status } } } }";
    let resp = app
        .graphql_as(Some(&sw), query, json!({ "first": 2 }))
        .await;
    assert_eq!(resp["data"]["myReferrals"]["totalCount"], 6, "{resp}");
    assert_eq!(ids(&resp, "myReferrals"), [newer, older]);
    let resp = app
        .graphql_as(Some(&sw), query, json!({ "status": "PENDING_CONSENT" }))
        .await;
    assert_eq!(resp["data"]["myReferrals"]["totalCount"], 1);
    let coordinator = staff_token(&app.db, COORDINATOR).await;
    let resp = app.graphql_as(Some(&coordinator), query, json!({})).await;
    assert_eq!(error_code(&resp), "FORBIDDEN");
}
