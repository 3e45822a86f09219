//! Case statuses in and out: started when the child gets a way in, views shared, closed with a
//! reason (by the advocate, the coordinator, or a withdrawal), and reopened where it was.
use super::*;

const ISSUE_ACCESS: &str =
    "mutation($id: ID!) { issueChildAccess(caseId: $id) { accessCode pin } }";
const SHARE: &str = "mutation($id: ID!) { shareViews(caseId: $id) { version } }";
const OPEN_CASELOAD: &str = "{ myCaseload { edges { node { id } } } }";
const MY_VIEWS: &str = "query($m: ID!) { myViews(meetingId: $m) {
    version status worries goingWell wantToHappen freeWords } }";

async fn status(app: &TestApp, advocate: &str, id: &str) -> Value {
    ok(app, advocate, CASE, json!({ "id": id })).await["status"].clone()
}

async fn open_caseload(app: &TestApp, advocate: &str) -> Vec<Value> {
    let page = ok(app, advocate, OPEN_CASELOAD, json!({})).await;
    page["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["node"]["id"].clone())
        .collect()
}

/// Mia writes and submits her views for her meeting; her advocate shares them.
async fn share_mias_views(app: &TestApp, p: &People, case: &str, meeting: &str) {
    let mia = tests::app::child_token(&app.db, "Mia").await;
    let version = ok(app, &mia, MY_VIEWS, json!({ "m": meeting })).await["version"].clone();
    let save = "mutation($m: ID!, $v: Int!, $c: ViewsInput!) {
        saveViewsDraft(meetingId: $m, expectedVersion: $v, content: $c) { version } }";
    let content = json!({
        "worries": ["I miss my brother."], "goingWell": ["I like my foster carers' dog."],
        "wantToHappen": ["I want to see my brother every week."],
        "attendance": "ATTEND_WITH_ADVOCATE", "shareWithSocialWorker": true, "shareWithChair": true,
    });
    let saved = ok(
        app,
        &mia,
        save,
        json!({ "m": meeting, "v": version, "c": content }),
    )
    .await;
    let submit = r#"mutation($m: ID!, $v: Int!) {
        submitViews(meetingId: $m, expectedVersion: $v, idempotencyKey: "dead-ends") { version } }"#;
    ok(
        app,
        &mia,
        submit,
        json!({ "m": meeting, "v": saved["version"] }),
    )
    .await;
    ok(app, &p.advocate, SHARE, json!({ "id": case })).await;
}

#[tokio::test]
async fn a_case_closes_with_its_reason_keeps_the_childs_views_and_reopens_where_it_was() {
    let app = spawn_demo_app().await;
    let p = people(&app).await;
    let row = case_of(&app.db, "Mia").await;
    let (id, meeting) = (cid(row.id), gid(NodeKind::Meeting, row.meeting_id));
    assert_eq!(status(&app, &p.advocate, &id).await, "IN_PROGRESS");
    let reason = "Mia has decided she does not want an advocate for this review.";
    let close = json!({ "id": id, "r": reason });
    // The advocate of the case or the coordinator; another advocate does not see it at all.
    refused(&app, &p.social_worker, CLOSE, close.clone(), "FORBIDDEN").await;
    refused(&app, &p.isro, CLOSE, close.clone(), "FORBIDDEN").await;
    refused(&app, &p.other_advocate, CLOSE, close.clone(), "NOT_FOUND").await;
    let other = &p.other_coordinator;
    like_a_missing_one(&app, other, CLOSE, NodeKind::Case, close.clone()).await;
    refused(
        &app,
        &p.advocate,
        CLOSE,
        json!({ "id": id, "r": "" }),
        "BAD_USER_INPUT",
    )
    .await;

    // IN_PROGRESS → CLOSED by the advocate: the reason is kept, the case leaves the open caseload.
    let mia = tests::app::child_token(&app.db, "Mia").await;
    let views_before = ok(&app, &mia, MY_VIEWS, json!({ "m": meeting })).await;
    let closed = ok(&app, &p.advocate, CLOSE, close.clone()).await;
    assert_eq!(closed["status"], "CLOSED");
    assert_eq!(closed["closeReason"], reason);
    assert!(closed["closedAt"].is_string(), "{closed}");
    assert!(!open_caseload(&app, &p.advocate).await.contains(&json!(id)));
    let message = refused(&app, &p.advocate, CLOSE, close.clone(), "CONFLICT").await;
    assert!(message.contains("already closed"), "{message}");
    // Mia's words are all still there, exactly as she wrote them.
    let views_after = ok(&app, &mia, MY_VIEWS, json!({ "m": meeting })).await;
    assert!(
        !views_after["worries"].as_array().unwrap().is_empty(),
        "{views_after}"
    );
    assert_eq!(views_after, views_before);
    assert_eq!(audit_count(&app.db, "case.closed").await, 1);

    // CLOSED → IN_PROGRESS: only the coordinator reopens; Mia already had a way in.
    let reopen = json!({ "id": id });
    refused(&app, &p.advocate, REOPEN_CASE, reopen.clone(), "FORBIDDEN").await;
    like_a_missing_one(&app, other, REOPEN_CASE, NodeKind::Case, reopen.clone()).await;
    let reopened = ok(&app, &p.coordinator, REOPEN_CASE, reopen.clone()).await;
    assert_eq!(reopened["status"], "IN_PROGRESS");
    assert_eq!(reopened["closeReason"], Value::Null);
    assert_eq!(reopened["closedAt"], Value::Null);
    assert!(open_caseload(&app, &p.advocate).await.contains(&json!(id)));
    let message = refused(
        &app,
        &p.coordinator,
        REOPEN_CASE,
        reopen.clone(),
        "CONFLICT",
    )
    .await;
    assert!(message.contains("still open"), "{message}");

    // IN_PROGRESS → VIEWS_SHARED → CLOSED (by the coordinator) → back to VIEWS_SHARED.
    share_mias_views(&app, &p, &id, &meeting).await;
    assert_eq!(status(&app, &p.advocate, &id).await, "VIEWS_SHARED");
    let close = json!({ "id": id, "r": "The review has happened and Mia was told the outcome." });
    assert_eq!(
        ok(&app, &p.coordinator, CLOSE, close).await["status"],
        "CLOSED"
    );
    let shared = "{ viewsSharedWithMe { totalCount } }";
    let still_shared = ok(&app, &p.social_worker, shared, json!({})).await;
    assert_eq!(
        still_shared["totalCount"], 1,
        "the share stays with the social worker"
    );
    let reopened = ok(&app, &p.coordinator, REOPEN_CASE, reopen).await;
    assert_eq!(reopened["status"], "VIEWS_SHARED");
    assert_eq!(audit_count(&app.db, "case.reopened").await, 2);
}

#[tokio::test]
async fn an_allocated_case_starts_when_the_child_gets_a_way_in_and_a_withdrawal_closes_it() {
    let app = spawn_demo_app().await;
    let p = people(&app).await;
    let row = case_of(&app.db, "Jade").await;
    let id = cid(row.id);
    assert_eq!(status(&app, &p.advocate, &id).await, "ALLOCATED");

    // ALLOCATED → CLOSED → ALLOCATED: nothing had started with Jade yet.
    let close = json!({ "id": id, "r": "Allocated by mistake." });
    assert_eq!(
        ok(&app, &p.coordinator, CLOSE, close).await["status"],
        "CLOSED"
    );
    let reopened = ok(&app, &p.coordinator, REOPEN_CASE, json!({ "id": id })).await;
    assert_eq!(reopened["status"], "ALLOCATED");

    // ALLOCATED → IN_PROGRESS when the advocate gives Jade her code and PIN (once).
    ok(&app, &p.advocate, ISSUE_ACCESS, json!({ "id": id })).await;
    assert_eq!(status(&app, &p.advocate, &id).await, "IN_PROGRESS");
    ok(&app, &p.advocate, ISSUE_ACCESS, json!({ "id": id })).await;
    assert_eq!(status(&app, &p.advocate, &id).await, "IN_PROGRESS");
    assert_eq!(audit_count(&app.db, "case.started").await, 1);

    // Withdrawing the referral closes its case with the same reason.
    let referral = rid(demo_referral(&app.db, "Jade", MeetingKind::FamilyGroupConference).await);
    let reason = "Jade's family group conference will not take place.";
    let withdrawal = json!({ "id": referral, "r": reason });
    let withdrawn = ok(&app, &p.social_worker, WITHDRAW, withdrawal).await;
    assert_eq!(withdrawn["status"], "WITHDRAWN");
    assert_eq!(withdrawn["allocation"]["caseStatus"], "CLOSED");
    assert_eq!(withdrawn["allocation"]["closeReason"], reason);
    assert_eq!(status(&app, &p.advocate, &id).await, "CLOSED");
    // A closed case gets no new code; the referral is reopened through its case.
    refused(
        &app,
        &p.advocate,
        ISSUE_ACCESS,
        json!({ "id": id }),
        "CONFLICT",
    )
    .await;
    let message = refused(
        &app,
        &p.coordinator,
        REOPEN,
        json!({ "id": referral }),
        "CONFLICT",
    )
    .await;
    assert!(message.contains("reopen its case"), "{message}");
    let reopened = ok(&app, &p.coordinator, REOPEN_CASE, json!({ "id": id })).await;
    assert_eq!(reopened["status"], "IN_PROGRESS");
    assert_eq!(reopened["referral"]["status"], "ACCEPTED");
}
