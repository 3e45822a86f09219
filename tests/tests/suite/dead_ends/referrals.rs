//! Referral statuses in and out: parental agreement recorded later, a self-referral linked to its
//! child and meeting, withdrawn with a reason, and a declined or withdrawn referral reopened.
use super::*;

const SELF_REFERRAL: &str =
    "mutation($i: SelfReferralInput!) { selfReferral(input: $i) { message } }";
const NEWEST: &str = "{ referralInbox(first: 1) { edges { node { id source status } } } }";

#[tokio::test]
async fn parental_agreement_recorded_later_moves_a_waiting_referral_on() {
    let app = spawn_demo_app().await;
    let p = people(&app).await;
    let jade = rid(demo_referral(&app.db, "Jade", MeetingKind::ChildInNeedMeeting).await);
    let given = json!({ "id": jade, "a": "GIVEN" });
    // Only the social worker who made the referral, or the coordinator.
    refused(&app, &p.advocate, AGREE, given.clone(), "FORBIDDEN").await;
    refused(&app, &p.isro, AGREE, given.clone(), "FORBIDDEN").await;
    refused(
        &app,
        &p.other_social_worker,
        AGREE,
        given.clone(),
        "FORBIDDEN",
    )
    .await;
    let other = &p.other_coordinator;
    like_a_missing_one(&app, other, AGREE, NodeKind::Referral, given.clone()).await;
    // Waiting for agreement, it cannot be accepted.
    refused(
        &app,
        &p.coordinator,
        ACCEPT,
        json!({ "id": jade }),
        "CONFLICT",
    )
    .await;

    // The parents said no: it keeps waiting.
    let refusal = json!({ "id": jade, "a": "REFUSED" });
    let answer = ok(&app, &p.social_worker, AGREE, refusal.clone()).await;
    assert_eq!(answer["status"], "PENDING_CONSENT");
    assert_eq!(answer["parentalAgreement"], "REFUSED");
    // Jade is not looked after, so agreement is needed: "not required" is wrong input.
    let not_needed = json!({ "id": jade, "a": "NOT_REQUIRED_LOOKED_AFTER" });
    let message = refused(&app, &p.social_worker, AGREE, not_needed, "BAD_USER_INPUT").await;
    assert!(message.contains("looked after"), "{message}");

    // They agree after all: back with the coordinator, who can now accept it.
    let answer = ok(&app, &p.social_worker, AGREE, given.clone()).await;
    assert_eq!(answer["status"], "RECEIVED");
    assert_eq!(answer["parentalAgreement"], "GIVEN");
    let accepted = ok(&app, &p.coordinator, ACCEPT, json!({ "id": jade })).await;
    assert_eq!(accepted["status"], "ACCEPTED");
    // Once accepted, agreement is settled: a change is a conflict (withdraw instead).
    let message = refused(&app, &p.coordinator, AGREE, refusal, "CONFLICT").await;
    assert!(message.contains("withdraw"), "{message}");
    assert_eq!(audit_count(&app.db, "referral.agreement_recorded").await, 2);

    // A received referral goes back to waiting when the parents take their agreement back.
    let leo = demo_referral(
        &app.db,
        "Leo",
        MeetingKind::InitialChildProtectionConference,
    )
    .await;
    let pending = json!({ "id": rid(leo), "a": "PENDING" });
    let answer = ok(&app, &p.coordinator, AGREE, pending).await;
    assert_eq!(answer["status"], "PENDING_CONSENT");
}

fn asking(name: &str) -> Value {
    json!({ "i": {
        "localAuthority": "demo", "name": name, "contact": "07700 900123",
        "about": "I have a meeting about me and I want someone to help me say what I think.",
    } })
}

/// A child asks for an advocate themselves; the coordinator finds it at the top of the inbox.
async fn self_referral(app: &TestApp, p: &People, name: &str) -> String {
    let asked = app.graphql(SELF_REFERRAL, asking(name)).await;
    assert!(asked["errors"].is_null(), "{asked}");
    let inbox = ok(app, &p.coordinator, NEWEST, json!({})).await;
    let newest = &inbox["edges"][0]["node"];
    assert_eq!(newest["source"], "SELF_REFERRAL", "{inbox}");
    assert_eq!(newest["status"], "RECEIVED");
    newest["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_self_referral_linked_to_its_child_and_meeting_can_be_allocated() {
    let app = spawn_demo_app().await;
    let p = people(&app).await;
    let db = &app.db;
    let la = demo_la(db).await;
    let born = NaiveDate::from_ymd_opt(2016, 5, 1).unwrap();
    let ava = add_child(db, la, "Ava", born, false).await;
    let kind = MeetingKind::ChildInNeedMeeting;
    let ava_meeting = add_meeting(db, la, ava, kind, Some(days_ahead(20))).await;
    let id = self_referral(&app, &p, "Ava").await;
    // Not linked yet: accepted, it still cannot be allocated.
    ok(&app, &p.coordinator, ACCEPT, json!({ "id": id })).await;
    let advocate = gid(
        NodeKind::StaffUser,
        crate::referrals::staff_id(db, ADVOCATE).await,
    );
    let allocate = json!({ "r": id, "a": advocate });
    let message = refused(&app, &p.coordinator, ALLOCATE, allocate.clone(), "CONFLICT").await;
    assert!(message.contains("not linked"), "{message}");

    let link = json!({ "id": id, "c": gid(NodeKind::Child, ava),
                       "m": gid(NodeKind::Meeting, ava_meeting) });
    // Only the coordinator links; another authority's referral is not there.
    refused(&app, &p.social_worker, LINK, link.clone(), "FORBIDDEN").await;
    refused(&app, &p.advocate, LINK, link.clone(), "FORBIDDEN").await;
    let other = &p.other_coordinator;
    like_a_missing_one(&app, other, LINK, NodeKind::Referral, link.clone()).await;
    // A meeting that is not about Ava is wrong input; nothing changes.
    let mia_meeting = gid(NodeKind::Meeting, case_of(db, "Mia").await.meeting_id);
    let wrong = json!({ "id": id, "c": link["c"], "m": mia_meeting });
    refused(&app, &p.coordinator, LINK, wrong, "BAD_USER_INPUT").await;

    // Linked: nobody has asked Ava's parents yet, so it waits for their agreement.
    let linked = ok(&app, &p.coordinator, LINK, link.clone()).await;
    assert_eq!(linked["status"], "PENDING_CONSENT");
    assert_eq!(linked["child"]["preferredName"], "Ava");
    assert_eq!(linked["meeting"]["id"], link["m"]);
    refused(&app, &p.coordinator, LINK, link.clone(), "CONFLICT").await;
    // A referral from a social worker already names its child and meeting.
    let leo = demo_referral(db, "Leo", MeetingKind::InitialChildProtectionConference).await;
    let from_social_worker = json!({ "id": rid(leo), "c": link["c"], "m": link["m"] });
    refused(&app, &p.coordinator, LINK, from_social_worker, "CONFLICT").await;

    // The parents agree, and the coordinator takes it all the way to an advocate.
    let agreed = ok(
        &app,
        &p.coordinator,
        AGREE,
        json!({ "id": id, "a": "GIVEN" }),
    )
    .await;
    assert_eq!(agreed["status"], "RECEIVED");
    ok(&app, &p.coordinator, ACCEPT, json!({ "id": id })).await;
    let case = ok(&app, &p.coordinator, ALLOCATE, allocate).await;
    assert_eq!(case["status"], "ALLOCATED");

    // A second self-referral for the same child and meeting would be a second referral: refused.
    let again = self_referral(&app, &p, "Ava").await;
    let twice = json!({ "id": again, "c": link["c"], "m": link["m"] });
    refused(&app, &p.coordinator, LINK, twice, "CONFLICT").await;
    // A looked-after child needs no parental agreement: straight to the coordinator.
    let kai = add_child(db, la, "Kai", born, true).await;
    let kai_meeting = add_meeting(db, la, kai, kind, Some(days_ahead(15))).await;
    let link = json!({ "id": again, "c": gid(NodeKind::Child, kai),
                       "m": gid(NodeKind::Meeting, kai_meeting) });
    assert_eq!(
        ok(&app, &p.coordinator, LINK, link).await["status"],
        "RECEIVED"
    );
    assert_eq!(audit_count(db, "referral.linked").await, 2);
}

#[tokio::test]
async fn a_withdrawn_or_declined_referral_keeps_its_reason_and_can_be_reopened() {
    let app = spawn_demo_app().await;
    let p = people(&app).await;
    let db = &app.db;
    let leo_id = demo_referral(db, "Leo", MeetingKind::InitialChildProtectionConference).await;
    let leo = rid(leo_id);
    let reason = "Leo's family has moved to another county.";
    let withdrawal = json!({ "id": leo, "r": reason });
    refused(&app, &p.advocate, WITHDRAW, withdrawal.clone(), "FORBIDDEN").await;
    refused(
        &app,
        &p.other_social_worker,
        WITHDRAW,
        withdrawal.clone(),
        "FORBIDDEN",
    )
    .await;
    let other = &p.other_coordinator;
    like_a_missing_one(
        &app,
        other,
        WITHDRAW,
        NodeKind::Referral,
        withdrawal.clone(),
    )
    .await;
    let blank = json!({ "id": leo, "r": "  " });
    refused(&app, &p.social_worker, WITHDRAW, blank, "BAD_USER_INPUT").await;

    // RECEIVED → WITHDRAWN by the social worker who made it; the reason stays with it.
    let withdrawn = ok(&app, &p.social_worker, WITHDRAW, withdrawal.clone()).await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    assert_eq!(withdrawn["withdrawalReason"], reason);
    refused(
        &app,
        &p.social_worker,
        WITHDRAW,
        withdrawal.clone(),
        "CONFLICT",
    )
    .await;
    refused(
        &app,
        &p.coordinator,
        ACCEPT,
        json!({ "id": leo }),
        "CONFLICT",
    )
    .await;

    // WITHDRAWN → RECEIVED: only the coordinator reopens; the reason is kept for the record.
    let reopen = json!({ "id": leo });
    refused(&app, &p.social_worker, REOPEN, reopen.clone(), "FORBIDDEN").await;
    like_a_missing_one(&app, other, REOPEN, NodeKind::Referral, reopen.clone()).await;
    let reopened = ok(&app, &p.coordinator, REOPEN, reopen.clone()).await;
    assert_eq!(reopened["status"], "RECEIVED");
    assert_eq!(reopened["withdrawalReason"], reason);
    let message = refused(&app, &p.coordinator, REOPEN, reopen.clone(), "CONFLICT").await;
    assert!(message.contains("still open"), "{message}");

    // ACCEPTED → WITHDRAWN (by the coordinator, for the family), then DECLINED → RECEIVED.
    ok(&app, &p.coordinator, ACCEPT, reopen.clone()).await;
    let withdrawn = ok(&app, &p.coordinator, WITHDRAW, withdrawal).await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    assert_eq!(withdrawn["allocation"], Value::Null);
    ok(&app, &p.coordinator, REOPEN, reopen.clone()).await;
    let decline = json!({ "id": leo, "r": "No advocate is free before the conference." });
    assert_eq!(
        ok(&app, &p.coordinator, DECLINE, decline).await["status"],
        "DECLINED"
    );
    let reopened = ok(&app, &p.coordinator, REOPEN, reopen.clone()).await;
    assert_eq!(reopened["status"], "RECEIVED");
    assert_eq!(
        reopened["declineReason"],
        "No advocate is free before the conference."
    );

    // PENDING_CONSENT → WITHDRAWN → back to PENDING_CONSENT: agreement is still needed.
    let jade = rid(demo_referral(db, "Jade", MeetingKind::ChildInNeedMeeting).await);
    let jade_withdrawal = json!({ "id": jade, "r": "Jade wants to speak for herself." });
    let withdrawn = ok(&app, &p.social_worker, WITHDRAW, jade_withdrawal).await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    let reopened = ok(&app, &p.coordinator, REOPEN, json!({ "id": jade })).await;
    assert_eq!(reopened["status"], "PENDING_CONSENT");
    assert_eq!(audit_count(db, "referral.withdrawn").await, 3);
    assert_eq!(audit_count(db, "referral.reopened").await, 4);

    // Once the meeting has happened, reopening is refused: a new meeting needs a new referral.
    let decline = json!({ "id": leo, "r": "The family said no." });
    ok(&app, &p.coordinator, DECLINE, decline).await;
    let meeting_id = entity::referral::Entity::find_by_id(leo_id)
        .one(db)
        .await
        .unwrap()
        .and_then(|r| r.meeting_id)
        .unwrap();
    let mut held: entity::meeting::ActiveModel = entity::meeting::Entity::find_by_id(meeting_id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into();
    held.scheduled_at = Set(Some(Utc::now() - chrono::Duration::days(1)));
    held.update(db).await.unwrap();
    let message = refused(&app, &p.coordinator, REOPEN, reopen, "CONFLICT").await;
    assert!(message.contains("already happened"), "{message}");
}
