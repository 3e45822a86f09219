//! Children and meetings from a case-management system (issue 19, item 3): `upsertChild` and
//! `upsertMeeting` keyed by the system's own references, under the `WRITE_RECORDS` scope. Sending the
//! same record twice changes nothing; another authority's key never touches this authority's rows.
use std::collections::BTreeSet;

use api::auth::{Scope, StaffViewer, TenantId};
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::StaffRole;
use entity::{meeting_child, staff_user};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};
use serde_json::{Value, json};
use tests::app::{
    TestApp, add_local_authority, error_code, graphql_with_key, integrator_key, spawn_demo_app,
    staff_token,
};

use crate::referrals::{SOCIAL_WORKER, audit_count, gid, staff_id};

const CHILD: &str =
    "mutation($i: UpsertChildInput!) { upsertChild(input: $i) { id reference outcome } }";
const MEETING: &str =
    "mutation($i: UpsertMeetingInput!) { upsertMeeting(input: $i) { id reference outcome } }";

fn child(reference: &str, social_worker: Option<&str>) -> Value {
    json!({ "i": {
        "reference": reference, "preferredName": "Ola", "dateOfBirth": "2016-04-02",
        "lookedAfter": false, "livesWith": "Mum", "socialWorkerId": social_worker,
    } })
}

fn meeting(reference: &str, at: &str, children: &[&str], social_worker: Option<&str>) -> Value {
    json!({ "i": {
        "reference": reference, "kind": "CHILD_IN_NEED_MEETING", "scheduledAt": at,
        "place": "Family centre", "socialWorkerId": social_worker, "childReferences": children,
    } })
}

/// The answer of the one field; the request must succeed.
fn answer(body: &Value, field: &str) -> Value {
    assert!(body["errors"].is_null(), "{body}");
    body["data"][field].clone()
}

async fn links(app: &TestApp, meeting_id: &str) -> u64 {
    let id = NodeKind::Meeting
        .parse(&meeting_id.into(), "id")
        .unwrap_or_default();
    meeting_child::Entity::find()
        .filter(meeting_child::Column::MeetingId.eq(id))
        .count(&app.db)
        .await
        .unwrap()
}

#[tokio::test]
async fn a_case_system_sends_children_and_meetings_and_sending_them_again_changes_nothing() {
    let app = spawn_demo_app().await;
    let key = integrator_key(&app, "[WRITE_RECORDS, WRITE_REFERRALS]").await;
    let sw = gid(NodeKind::StaffUser, staff_id(&app.db, SOCIAL_WORKER).await);
    let send = |query: &'static str, vars: Value| {
        let (app, key) = (&app, &key);
        async move { graphql_with_key(app, key, query, vars).await }
    };

    let made = answer(
        &send(CHILD, child("CMS-1001", Some(&sw))).await,
        "upsertChild",
    );
    assert_eq!(made["outcome"], "CREATED");
    assert_eq!(made["reference"], "CMS-1001");
    let again = answer(
        &send(CHILD, child("CMS-1001", Some(&sw))).await,
        "upsertChild",
    );
    assert_eq!(again["outcome"], "UNCHANGED");
    assert_eq!(again["id"], made["id"]);
    assert_eq!(
        audit_count(&app.db, "child.upserted").await,
        1,
        "nothing written the second time"
    );
    let mut moved = child("CMS-1001", Some(&sw));
    moved["i"]["livesWith"] = json!("Gran");
    let changed = answer(&send(CHILD, moved).await, "upsertChild");
    assert_eq!(
        (changed["outcome"].clone(), changed["id"].clone()),
        (json!("UPDATED"), made["id"].clone())
    );
    let sibling = answer(&send(CHILD, child("CMS-1002", None)).await, "upsertChild");
    assert_eq!(sibling["outcome"], "CREATED");

    // Sub-second times are kept to the second, so a resend matches on both engines.
    let at = (Utc::now() + Duration::days(30)).to_rfc3339_opts(chrono::SecondsFormat::Nanos, true);
    let first = meeting("CMS-M-77", &at, &["CMS-1001"], Some(&sw));
    let held = answer(&send(MEETING, first.clone()).await, "upsertMeeting");
    assert_eq!(held["outcome"], "CREATED");
    let id = held["id"].as_str().unwrap().to_owned();
    assert_eq!(
        answer(&send(MEETING, first.clone()).await, "upsertMeeting")["outcome"],
        "UNCHANGED"
    );
    let both = meeting("CMS-M-77", &at, &["CMS-1001", "CMS-1002"], Some(&sw));
    assert_eq!(
        answer(&send(MEETING, both).await, "upsertMeeting")["outcome"],
        "UPDATED"
    );
    assert_eq!(links(&app, &id).await, 2);
    // Leaving a child out removes nobody: their views stay with the meeting.
    assert_eq!(
        answer(&send(MEETING, first).await, "upsertMeeting")["outcome"],
        "UNCHANGED"
    );
    assert_eq!(links(&app, &id).await, 2);
    assert_eq!(audit_count(&app.db, "meeting.upserted").await, 2);

    // What was sent is what a referral is made for.
    let refer = "mutation($i: CreateReferralInput!) { createReferral(input: $i) {
        status child { preferredName lookedAfter } meeting { id place } } }";
    let input = json!({ "i": { "childId": made["id"], "meetingId": id, "referrerId": sw,
        "reason": "Ola wants help to say what she thinks.", "parentalAgreement": "GIVEN" } });
    let referral = answer(
        &graphql_with_key(&app, &key, refer, input).await,
        "createReferral",
    );
    assert_eq!(referral["status"], "RECEIVED");
    assert_eq!(referral["child"]["preferredName"], "Ola");
    assert_eq!(referral["meeting"]["place"], "Family centre");
}

/// A second authority with an admin, and a key of theirs with these scopes.
async fn other_key(app: &TestApp, scopes: &[Scope]) -> String {
    let la = add_local_authority(&app.db, "Other Shire Council", "other-shire").await;
    let admin = staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Other admin".into()),
        email: Set("admin@other-shire.test".into()),
        role: Set(StaffRole::Admin),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&app.db)
    .await
    .unwrap();
    let viewer = StaffViewer {
        id: admin.id,
        tenant: TenantId(la),
        role: StaffRole::Admin,
    };
    let scopes: BTreeSet<Scope> = scopes.iter().copied().collect();
    api::auth::api_keys::create(&app.db, &viewer, "Other case system".into(), &scopes)
        .await
        .unwrap_or_else(|_| panic!("create an API key"))
        .secret
}

#[tokio::test]
async fn only_a_key_with_write_records_sends_records_and_authorities_stay_apart() {
    let app = spawn_demo_app().await;
    let key = integrator_key(&app, "[WRITE_RECORDS]").await;
    let reading = integrator_key(&app, "[READ_MEETINGS, WRITE_REFERRALS]").await;
    let sent = graphql_with_key(&app, &reading, CHILD, child("CMS-1", None)).await;
    assert_eq!(error_code(&sent), "FORBIDDEN");
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let sent = app
        .graphql_as(Some(&admin), CHILD, child("CMS-1", None))
        .await;
    assert_eq!(error_code(&sent), "FORBIDDEN");
    assert_eq!(
        error_code(&app.graphql(CHILD, child("CMS-1", None)).await),
        "UNAUTHENTICATED"
    );

    let ours = answer(
        &graphql_with_key(&app, &key, CHILD, child("CMS-1", None)).await,
        "upsertChild",
    );
    let theirs_key = other_key(&app, &[Scope::WriteRecords]).await;
    // The same reference in another authority is another child; ours is untouched.
    let theirs = graphql_with_key(&app, &theirs_key, CHILD, child("CMS-1", None)).await;
    let theirs = answer(&theirs, "upsertChild");
    assert_eq!(theirs["outcome"], "CREATED");
    assert_ne!(theirs["id"], ours["id"]);
    let resent = graphql_with_key(&app, &key, CHILD, child("CMS-1", None)).await;
    assert_eq!(answer(&resent, "upsertChild")["outcome"], "UNCHANGED");
    // Our social worker's ID answers to them exactly like one that does not exist.
    let sw = gid(NodeKind::StaffUser, staff_id(&app.db, SOCIAL_WORKER).await);
    let named = graphql_with_key(&app, &theirs_key, CHILD, child("CMS-2", Some(&sw))).await;
    let missing = gid(NodeKind::StaffUser, 987_654);
    let nobody = graphql_with_key(&app, &theirs_key, CHILD, child("CMS-2", Some(&missing))).await;
    assert_eq!(error_code(&named), "NOT_FOUND");
    assert_eq!(
        named["errors"][0]["message"],
        nobody["errors"][0]["message"]
    );

    // Wrong input is named by its field, and nothing is written.
    let at = (Utc::now() + Duration::days(9)).to_rfc3339();
    let unknown = graphql_with_key(&app, &key, MEETING, meeting("M-1", &at, &["NOPE"], None)).await;
    assert_eq!(error_code(&unknown), "BAD_USER_INPUT");
    assert_eq!(
        unknown["errors"][0]["extensions"]["field"],
        "childReferences"
    );
    let mut blank = child(" ", None);
    let sent = graphql_with_key(&app, &key, CHILD, blank.clone()).await;
    assert_eq!(sent["errors"][0]["extensions"]["field"], "reference");
    blank["i"]["reference"] = json!("CMS-3");
    blank["i"]["dateOfBirth"] = json!((Utc::now() + Duration::days(3)).date_naive());
    let sent = graphql_with_key(&app, &key, CHILD, blank).await;
    assert_eq!(sent["errors"][0]["extensions"]["field"], "dateOfBirth");
    let mut chaired = meeting("M-2", &at, &["CMS-1"], None);
    chaired["i"]["chairId"] = json!(sw);
    let sent = graphql_with_key(&app, &key, MEETING, chaired).await;
    assert_eq!(
        sent["errors"][0]["extensions"]["field"], "chairId",
        "a social worker does not chair"
    );
    assert_eq!(audit_count(&app.db, "meeting.upserted").await, 0);
    assert_eq!(audit_count(&app.db, "child.upserted").await, 2);
}
