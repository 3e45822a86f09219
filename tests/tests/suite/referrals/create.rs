//! `createReferral`: the Route1 rules, completeness and lead time, who may refer.
use super::*;

#[tokio::test]
async fn a_full_referral_with_agreement_is_received_complete_and_audited() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let cin = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::ChildInNeedMeeting,
        Some(days_ahead(21)),
    )
    .await;
    let resp = create(&app, Some(&sw), full_input(leo.id, cin, "GIVEN")).await;
    let r = &resp["data"]["createReferral"];
    assert_eq!(r["status"], "RECEIVED", "{resp}");
    assert_eq!(r["source"], "SOCIAL_WORKER");
    assert_eq!(r["parentalAgreement"], "GIVEN");
    assert_eq!(r["referrerName"], "Tom Reed");
    assert_eq!(r["child"]["preferredName"], "Leo");
    assert_eq!(r["meeting"]["kind"], "CHILD_IN_NEED_MEETING");
    assert_eq!(r["completeness"]["score"], 100);
    assert_eq!(r["completeness"]["missing"], json!([]));
    assert!(r["leadTime"]["workingDays"].as_i64().unwrap() >= 13);
    assert_eq!(r["leadTime"]["tooShortForChildToAttend"], false);
    assert_eq!(r["leadTime"]["warning"], Value::Null);
    assert_eq!(r["allocation"], Value::Null);
    assert_eq!(audit_count(&app.db, "referral.created").await, 1);
}

#[tokio::test]
async fn a_second_referral_for_the_same_child_and_meeting_is_a_conflict_naming_the_first() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
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
    let before = referral_count(&app.db).await;
    let resp = create(&app, Some(&sw), full_input(leo.id, icpc, "GIVEN")).await;
    assert_eq!(error_code(&resp), "CONFLICT");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("A new meeting needs a new referral"),
        "{resp}"
    );
    assert_eq!(
        resp["errors"][0]["extensions"]["current"]["referralId"],
        gid(NodeKind::Referral, existing)
    );
    assert_eq!(referral_count(&app.db).await, before, "nothing written");

    // The same child's next meeting needs, and gets, its own referral.
    let core_group = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(30)),
    )
    .await;
    let resp = create(&app, Some(&sw), full_input(leo.id, core_group, "GIVEN")).await;
    assert_eq!(
        resp["data"]["createReferral"]["status"], "RECEIVED",
        "{resp}"
    );
}

#[tokio::test]
async fn the_child_must_be_four_or_over_on_the_day_of_the_meeting() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let meeting_day = days_ahead(30);
    // Turns 4 ten days after the meeting: too young.
    let young = add_child(
        &app.db,
        la,
        "Ava",
        (meeting_day + Duration::days(10)).date_naive() - chrono::Months::new(48),
        false,
    )
    .await;
    let m1 = add_meeting(
        &app.db,
        la,
        young,
        MeetingKind::ChildInNeedMeeting,
        Some(meeting_day),
    )
    .await;
    let resp = create(&app, Some(&sw), full_input(young, m1, "GIVEN")).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "childId");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("aged 4 or over")
    );

    // Three today, but four by the day of the meeting: may have an advocate.
    let nearly = add_child(
        &app.db,
        la,
        "Ben",
        (meeting_day - Duration::days(10)).date_naive() - chrono::Months::new(48),
        false,
    )
    .await;
    let m2 = add_meeting(
        &app.db,
        la,
        nearly,
        MeetingKind::ChildInNeedMeeting,
        Some(meeting_day),
    )
    .await;
    let resp = create(&app, Some(&sw), full_input(nearly, m2, "GIVEN")).await;
    assert_eq!(
        resp["data"]["createReferral"]["status"], "RECEIVED",
        "{resp}"
    );
    assert_eq!(resp["data"]["createReferral"]["child"]["age"], 3);
}

#[tokio::test]
async fn a_meeting_in_the_past_or_not_about_the_child_is_bad_input() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let past = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(-2)),
    )
    .await;
    let before = referral_count(&app.db).await;
    let resp = create(&app, Some(&sw), full_input(leo.id, past, "GIVEN")).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "meetingId");
    assert!(
        resp["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("already happened")
    );

    let mia = child_named(&app.db, "Mia").await;
    let mias = add_meeting(
        &app.db,
        la,
        mia.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(9)),
    )
    .await;
    let resp = create(&app, Some(&sw), full_input(leo.id, mias, "GIVEN")).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "meetingId");
    assert_eq!(referral_count(&app.db).await, before);
}

#[tokio::test]
async fn without_parental_agreement_a_referral_waits_in_pending_consent() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let jade = child_named(&app.db, "Jade").await;
    for (agreement, days) in [("PENDING", 12), ("REFUSED", 13)] {
        let m = add_meeting(
            &app.db,
            la,
            jade.id,
            MeetingKind::CoreGroupMeeting,
            Some(days_ahead(days)),
        )
        .await;
        let resp = create(&app, Some(&sw), full_input(jade.id, m, agreement)).await;
        let r = &resp["data"]["createReferral"];
        assert_eq!(r["status"], "PENDING_CONSENT", "{agreement}: {resp}");
        assert_eq!(r["parentalAgreement"], agreement);
        assert_eq!(r["completeness"]["score"], 85);
        assert_eq!(
            r["completeness"]["missing"][0]["item"],
            "PARENTAL_AGREEMENT"
        );
        assert!(
            !r["completeness"]["missing"][0]["label"]
                .as_str()
                .unwrap()
                .is_empty()
        );
    }
}

#[tokio::test]
async fn agreement_is_not_required_only_for_a_looked_after_child() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let m = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(12)),
    )
    .await;
    let before = referral_count(&app.db).await;
    let resp = create(
        &app,
        Some(&sw),
        full_input(leo.id, m, "NOT_REQUIRED_LOOKED_AFTER"),
    )
    .await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(
        resp["errors"][0]["extensions"]["field"],
        "parentalAgreement"
    );
    assert_eq!(referral_count(&app.db).await, before);

    let mia = child_named(&app.db, "Mia").await;
    assert!(mia.looked_after);
    let m = add_meeting(
        &app.db,
        la,
        mia.id,
        MeetingKind::DisruptionMeeting,
        Some(days_ahead(12)),
    )
    .await;
    let resp = create(
        &app,
        Some(&sw),
        full_input(mia.id, m, "NOT_REQUIRED_LOOKED_AFTER"),
    )
    .await;
    let r = &resp["data"]["createReferral"];
    assert_eq!(r["status"], "RECEIVED", "{resp}");
    assert_eq!(r["child"]["lookedAfter"], true);
    assert_eq!(r["completeness"]["score"], 100);
}

#[tokio::test]
async fn a_sparse_late_referral_shows_its_gaps_and_a_lead_time_warning() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    // Tomorrow: at most one working day away.
    let m = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(1)),
    )
    .await;
    let input = json!({
        "childId": gid(NodeKind::Child, leo.id),
        "meetingId": gid(NodeKind::Meeting, m),
        "reason": "  Needs help to be heard  ",
        "livesWith": "   ",
        "parentalAgreement": "GIVEN",
    });
    let resp = create(&app, Some(&sw), input).await;
    let r = &resp["data"]["createReferral"];
    assert_eq!(r["reason"], "Needs help to be heard", "{resp}");
    assert_eq!(r["livesWith"], Value::Null, "blank is not information");
    let missing: Vec<&str> = r["completeness"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["item"].as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        [
            "HOW_TO_CONTACT_CHILD",
            "COMMUNICATION_NEEDS",
            "LIVES_WITH",
            "VISIT_RISKS"
        ]
    );
    assert_eq!(
        r["completeness"]["missing"][2]["label"],
        "Who the child lives with"
    );
    assert_eq!(r["completeness"]["score"], 42);
    assert!(r["leadTime"]["workingDays"].as_i64().unwrap() <= 1);
    assert_eq!(r["leadTime"]["tooShortForChildToAttend"], true);
    assert!(
        r["leadTime"]["warning"]
            .as_str()
            .unwrap()
            .contains("working day")
    );
}

#[tokio::test]
async fn over_long_or_control_character_text_is_bad_input_and_writes_nothing() {
    let app = spawn_demo_app().await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let m = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(12)),
    )
    .await;
    let before = referral_count(&app.db).await;
    let mut input = full_input(leo.id, m, "GIVEN");
    input["visitRisks"] = json!("x".repeat(2_001));
    let resp = create(&app, Some(&sw), input).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "visitRisks");
    let mut input = full_input(leo.id, m, "GIVEN");
    input["reason"] = json!("bad\u{0}byte");
    let resp = create(&app, Some(&sw), input).await;
    assert_eq!(resp["errors"][0]["extensions"]["field"], "reason");
    let mut input = full_input(leo.id, m, "GIVEN");
    input["childId"] = json!(gid(NodeKind::Meeting, leo.id));
    let resp = create(&app, Some(&sw), input).await;
    assert_eq!(resp["errors"][0]["extensions"]["field"], "childId");
    assert_eq!(referral_count(&app.db).await, before);
}

#[tokio::test]
async fn only_social_workers_refer_and_never_across_authorities() {
    let app = spawn_demo_app().await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let m = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(12)),
    )
    .await;
    let input = full_input(leo.id, m, "GIVEN");
    let before = referral_count(&app.db).await;
    assert_eq!(
        error_code(&create(&app, None, input.clone()).await),
        "UNAUTHENTICATED"
    );
    for email in [
        ADVOCATE,
        COORDINATOR,
        "isro@demo.myvoice",
        "admin@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let resp = create(&app, Some(&token), input.clone()).await;
        assert_eq!(error_code(&resp), "FORBIDDEN", "{email}");
    }
    let child = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&create(&app, Some(&child), input).await),
        "FORBIDDEN"
    );

    // Another authority's child and meeting do not exist for this social worker.
    let other = other_authority(&app.db).await;
    let sw = staff_token(&app.db, SOCIAL_WORKER).await;
    let resp = create(
        &app,
        Some(&sw),
        full_input(other.child_id, other.meeting_id, "GIVEN"),
    )
    .await;
    assert_eq!(error_code(&resp), "NOT_FOUND");
    let resp = create(
        &app,
        Some(&sw),
        full_input(leo.id, other.meeting_id, "GIVEN"),
    )
    .await;
    assert_eq!(error_code(&resp), "NOT_FOUND");
    assert_eq!(
        referral_count(&app.db).await,
        before + 1,
        "only the other authority's own"
    );
}

#[tokio::test]
async fn a_case_system_with_write_referrals_refers_for_a_named_social_worker() {
    let app = spawn_demo_app().await;
    let la = demo_la(&app.db).await;
    let leo = child_named(&app.db, "Leo").await;
    let m = add_meeting(
        &app.db,
        la,
        leo.id,
        MeetingKind::CoreGroupMeeting,
        Some(days_ahead(12)),
    )
    .await;
    let query = format!(
        "mutation($input: CreateReferralInput!) {{ createReferral(input: $input) {{ {REFERRAL} }} }}"
    );
    let writer = api_key(&app, &[Scope::WriteReferrals]).await;
    let input = full_input(leo.id, m, "GIVEN");
    let resp = graphql_with_key(&app, &writer, &query, json!({ "input": input.clone() })).await;
    assert_eq!(error_code(&resp), "BAD_USER_INPUT");
    assert_eq!(resp["errors"][0]["extensions"]["field"], "referrerId");
    let mut named = input.clone();
    named["referrerId"] = json!(gid(NodeKind::StaffUser, staff_id(&app.db, ADVOCATE).await));
    let resp = graphql_with_key(&app, &writer, &query, json!({ "input": named })).await;
    assert_eq!(
        error_code(&resp),
        "BAD_USER_INPUT",
        "an advocate is not a referrer"
    );
    let mut named = input.clone();
    named["referrerId"] = json!(gid(
        NodeKind::StaffUser,
        staff_id(&app.db, SOCIAL_WORKER).await
    ));
    let resp = graphql_with_key(&app, &writer, &query, json!({ "input": named })).await;
    assert_eq!(
        resp["data"]["createReferral"]["referrerName"], "Tom Reed",
        "{resp}"
    );

    let reader = api_key(&app, &[Scope::ReadReferrals]).await;
    let resp = graphql_with_key(&app, &reader, &query, json!({ "input": input })).await;
    assert_eq!(error_code(&resp), "FORBIDDEN");
}
