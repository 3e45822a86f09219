//! Erasure on request and legal holds (issue 22, items 2 and 4): one admin asks, a different admin
//! of the same authority confirms, and only then is the child's record removed, as the retention
//! job would remove it, audited without the child's words; a held child cannot be erased; holds are
//! placed and lifted with a reason.
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{error_code, spawn_app, staff_token};

use crate::retention::{WORDS, authority, child_with_closed_work, events, gql, left, of};

const RECORD: &str = "query($c: ID!) { childDataProtection(childId: $c) {
    preferredName fullName held advocacyOpen lastClosedAt anonymisedAt
    holds { reason setByName liftedAt liftReason }
    erasureRequests { id status requestedByName } } }";
const REQUEST: &str = "mutation($c: ID!, $r: String!) { requestErasure(childId: $c, reason: $r) { id status requestedByName } }";
const CONFIRM: &str = "mutation($id: ID!) { confirmErasure(requestId: $id) { request { status confirmedByName } removed { kind rows } } }";
const CANCEL: &str = "mutation($id: ID!) { cancelErasure(requestId: $id) { status } }";
const HOLD: &str = "mutation($c: ID!, $r: String!) { placeLegalHold(childId: $c, reason: $r) { held holds { reason } } }";
const LIFT: &str = "mutation($c: ID!, $r: String!) { liftLegalHold(childId: $c, reason: $r) { held holds { liftReason } } }";

fn vars(child: i32, reason: &str) -> Value {
    json!({ "c": NodeKind::Child.id(child).0, "r": reason })
}

#[tokio::test]
async fn erasure_needs_a_second_admin_and_removes_the_whole_record() {
    let app = spawn_app().await;
    let db = &app.db;
    let story = authority(db, "exmoor").await;
    let first = staff_token(db, &story.admin_email).await;
    let second = staff_token(db, &story.second_admin_email).await;
    let ada = child_with_closed_work(db, &story, "Ada", Utc::now() - Duration::days(1)).await;

    let asked = gql(
        &app,
        &first,
        REQUEST,
        vars(ada.id, "The young person asked on 2 March"),
    )
    .await;
    let request = &asked["data"]["requestErasure"];
    assert_eq!(request["status"], "PENDING", "{asked}");
    let id = json!({ "id": request["id"] });
    // Asking twice, or confirming your own: refused, nothing removed.
    let twice = gql(&app, &second, REQUEST, vars(ada.id, "Again")).await;
    assert_eq!(error_code(&twice), "CONFLICT");
    let own = gql(&app, &first, CONFIRM, id.clone()).await;
    assert_eq!(error_code(&own), "BAD_USER_INPUT");
    assert!(
        own["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("another administrator")
    );
    assert!(of(&left(db, &ada).await, "views") > 0);

    let done = gql(&app, &second, CONFIRM, id.clone()).await;
    assert_eq!(
        done["data"]["confirmErasure"]["request"]["status"], "CONFIRMED",
        "{done}"
    );
    let removed = done["data"]["confirmErasure"]["removed"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        removed
            .iter()
            .any(|r| r["kind"] == "VIEWS" && r["rows"].as_i64() > Some(0))
    );
    let now = left(db, &ada).await;
    for kind in [
        "views",
        "shares_and_reads",
        "advocate_notes",
        "outcomes",
        "child_record",
        "referral_details",
    ] {
        assert_eq!(of(&now, kind), 0, "{kind} left after erasure");
    }
    assert_eq!(of(&now, "rows_counted_by_oversight"), 3);
    let record = gql(
        &app,
        &first,
        RECORD,
        json!({ "c": NodeKind::Child.id(ada.id).0 }),
    )
    .await;
    let record = &record["data"]["childDataProtection"];
    assert_eq!(record["preferredName"], "Removed");
    assert_eq!(record["fullName"], Value::Null);
    assert!(record["anonymisedAt"].is_string());
    // The reason typed when asking may name the family: it goes too; the request itself stays.
    let asked = entity::erasure_request::Entity::find()
        .filter(entity::erasure_request::Column::ChildId.eq(ada.id))
        .all(db)
        .await
        .expect("read");
    assert_eq!(asked.len(), 1);
    assert_eq!(asked[0].reason, "Removed");
    assert!(asked[0].confirmed_at.is_some());
    // Done once: the request cannot be confirmed or cancelled again, nor the child asked for.
    assert_eq!(
        error_code(&gql(&app, &second, CONFIRM, id.clone()).await),
        "CONFLICT"
    );
    assert_eq!(error_code(&gql(&app, &first, CANCEL, id).await), "CONFLICT");
    let again = gql(&app, &first, REQUEST, vars(ada.id, "Again")).await;
    assert_eq!(error_code(&again), "CONFLICT");

    let confirmed = events(db, story.la, "erasure.confirmed").await;
    assert_eq!(confirmed.len(), 1);
    assert_eq!(events(db, story.la, "erasure.requested").await.len(), 1);
    let trail = format!("{confirmed:?}");
    assert!(!trail.contains(WORDS) && !trail.contains("Ada"), "{trail}");
}

#[tokio::test]
async fn a_held_child_or_open_advocacy_cannot_be_erased_and_requests_lapse_or_are_cancelled() {
    let app = spawn_app().await;
    let db = &app.db;
    let story = authority(db, "quantock").await;
    let first = staff_token(db, &story.admin_email).await;
    let second = staff_token(db, &story.second_admin_email).await;
    let ben = child_with_closed_work(db, &story, "Ben", Utc::now()).await;

    // Asked, then the record is held: the confirmation is refused and nothing goes.
    let asked = gql(&app, &first, REQUEST, vars(ben.id, "Asked by Ben's mother")).await;
    let id = json!({ "id": asked["data"]["requestErasure"]["id"] });
    gql(
        &app,
        &second,
        HOLD,
        vars(ben.id, "Police investigation, ref 44/2027"),
    )
    .await;
    let refused = gql(&app, &second, CONFIRM, id.clone()).await;
    assert_eq!(error_code(&refused), "CONFLICT");
    assert!(
        refused["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("legal hold")
    );
    let held = gql(&app, &first, REQUEST, vars(ben.id, "Again")).await;
    assert_eq!(error_code(&held), "CONFLICT");
    assert!(of(&left(db, &ben).await, "views") > 0);

    // Cancelled: nothing goes, and a new request may be made once the hold is lifted.
    let cancelled = gql(&app, &second, CANCEL, id).await;
    assert_eq!(
        cancelled["data"]["cancelErasure"]["status"], "CANCELLED",
        "{cancelled}"
    );
    gql(&app, &first, LIFT, vars(ben.id, "Investigation closed")).await;
    let asked = gql(&app, &first, REQUEST, vars(ben.id, "Asked by Ben")).await;
    let id = json!({ "id": asked["data"]["requestErasure"]["id"] });
    // A week on without a confirmation, it has lapsed.
    db.execute_unprepared("UPDATE erasure_request SET expires_at = requested_at WHERE confirmed_at IS NULL AND cancelled_at IS NULL")
        .await
        .expect("lapse");
    let lapsed = gql(&app, &second, CONFIRM, id).await;
    assert_eq!(error_code(&lapsed), "CONFLICT");
    let record = gql(
        &app,
        &first,
        RECORD,
        json!({ "c": NodeKind::Child.id(ben.id).0 }),
    )
    .await;
    let statuses: Vec<&Value> = record["data"]["childDataProtection"]["erasureRequests"]
        .as_array()
        .map(|a| a.iter().map(|r| &r["status"]).collect())
        .unwrap_or_default();
    assert_eq!(statuses, [&json!("EXPIRED"), &json!("CANCELLED")]);
    assert!(of(&left(db, &ben).await, "views") > 0);

    // Open advocacy: erasure waits for the work to end.
    db.execute_unprepared(&format!(
        "UPDATE advocacy_case SET status = 'in_progress', closed_at = NULL WHERE child_id = {}",
        ben.id
    ))
    .await
    .expect("reopen");
    let open = gql(&app, &first, REQUEST, vars(ben.id, "Asked by Ben")).await;
    assert_eq!(error_code(&open), "CONFLICT");
    assert!(
        open["errors"][0]["message"]
            .as_str()
            .unwrap_or("")
            .contains("still open")
    );
}

#[tokio::test]
async fn an_admin_places_and_lifts_a_hold_with_a_reason_and_it_is_audited() {
    let app = spawn_app().await;
    let db = &app.db;
    let story = authority(db, "mendip").await;
    let admin = staff_token(db, &story.admin_email).await;
    let cara = child_with_closed_work(db, &story, "Cara", Utc::now()).await;

    let blank = gql(&app, &admin, HOLD, vars(cara.id, "  ")).await;
    assert_eq!(error_code(&blank), "BAD_USER_INPUT");
    let placed = gql(&app, &admin, HOLD, vars(cara.id, "Subject access dispute")).await;
    assert_eq!(placed["data"]["placeLegalHold"]["held"], true, "{placed}");
    assert_eq!(
        error_code(&gql(&app, &admin, HOLD, vars(cara.id, "Twice")).await),
        "CONFLICT"
    );
    let lifted = gql(&app, &admin, LIFT, vars(cara.id, "Dispute settled")).await;
    assert_eq!(lifted["data"]["liftLegalHold"]["held"], false, "{lifted}");
    assert_eq!(
        error_code(&gql(&app, &admin, LIFT, vars(cara.id, "Twice")).await),
        "CONFLICT"
    );

    let record = gql(
        &app,
        &admin,
        RECORD,
        json!({ "c": NodeKind::Child.id(cara.id).0 }),
    )
    .await;
    let holds = &record["data"]["childDataProtection"]["holds"];
    assert_eq!(holds[0]["reason"], "Subject access dispute", "{record}");
    assert_eq!(holds[0]["liftReason"], "Dispute settled");
    assert!(
        holds[0]["setByName"]
            .as_str()
            .unwrap_or("")
            .contains(&story.admin_email)
    );
    assert_eq!(events(db, story.la, "legal_hold.placed").await.len(), 1);
    assert_eq!(events(db, story.la, "legal_hold.lifted").await.len(), 1);
    // The reasons stay with the hold, not in the audit.
    let trail = format!("{:?}", events(db, story.la, "legal_hold.placed").await);
    assert!(!trail.contains("dispute"));

    // Finding the child by part of the name or the reference.
    let find = "query($s: String) { dataProtectionChildren(search: $s) { totalCount edges { node { preferredName reference held } } } }";
    for search in ["car", "REF-CARA"] {
        let found = gql(&app, &admin, find, json!({ "s": search })).await;
        assert_eq!(
            found["data"]["dataProtectionChildren"]["totalCount"], 1,
            "{search}: {found}"
        );
    }
    let none = gql(&app, &admin, find, json!({ "s": "%" })).await;
    assert_eq!(
        none["data"]["dataProtectionChildren"]["totalCount"], 0,
        "{none}"
    );
}
