//! Oversight measures on a small, fully known data set, and who may read them.
use chrono::{DateTime, TimeZone, Utc};
use entity::enums::{
    AttendanceChoice, Audience, MeetingKind, MeetingStatus, ParentalAgreement, ReferralSource,
    ReferralStatus, ViewsStatus,
};
use entity::{ViewItems, meeting, outcome_distribution, referral, views, views_share};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, IntoActiveModel, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, error_code, spawn_demo_app, staff_token};

use crate::meetings::{
    add_meeting, child_id, demo_tenant, graphql_with_key, integrator_key, other_authority, staff_id,
};

const METRICS: &str =
    "query($from: NaiveDate!, $to: NaiveDate!) { oversightMetrics(from: $from, to: $to) {
    month kind referralsTotal referralsCompletePercent medianLeadTimeWorkingDays
    childrenHeardPercent outcomesAcknowledgedByAllPercent } }";

fn at(m: u32, d: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, m, d, 10, 0, 0).unwrap()
}

fn period() -> Value {
    json!({ "from": "2025-03-01", "to": "2025-04-30" })
}

struct Ids {
    la: i32,
    isro: i32,
    advocate: i32,
    social_worker: i32,
}

async fn meeting_at(
    db: &DatabaseConnection,
    ids: &Ids,
    kind: MeetingKind,
    when: DateTime<Utc>,
    status: MeetingStatus,
    child: i32,
) -> i32 {
    let id = add_meeting(db, ids.la, kind, when, Some(ids.isro), None, &[child]).await;
    let mut row = meeting::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .into_active_model();
    row.status = Set(status);
    row.update(db).await.unwrap();
    id
}

/// A referral from the social worker; `complete` fills in everything an advocate needs, otherwise
/// "lives with" is left out.
async fn referral_for(
    db: &DatabaseConnection,
    ids: &Ids,
    child: i32,
    meeting: i32,
    received: DateTime<Utc>,
    complete: bool,
) {
    referral::ActiveModel {
        local_authority_id: Set(ids.la),
        child_id: Set(Some(child)),
        meeting_id: Set(Some(meeting)),
        source: Set(ReferralSource::SocialWorker),
        referrer_id: Set(Some(ids.social_worker)),
        reason: Set(Some("Wants to be heard at the conference.".into())),
        how_to_contact_child: Set(Some("Through school".into())),
        lives_with: Set(complete.then(|| "Mum".to_owned())),
        visit_risks: Set(Some("None known".into())),
        communication_needs: Set(Some("None".into())),
        parental_agreement: Set(ParentalAgreement::Given),
        status: Set(ReferralStatus::Accepted),
        received_at: Set(received),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

async fn views_for(
    db: &DatabaseConnection,
    ids: &Ids,
    child: i32,
    meeting: i32,
    attendance: AttendanceChoice,
    submitted: DateTime<Utc>,
    shared: Option<DateTime<Utc>>,
) {
    let id = views::ActiveModel {
        local_authority_id: Set(ids.la),
        child_id: Set(child),
        meeting_id: Set(meeting),
        worries: Set(ViewItems(vec!["A worry".into()])),
        going_well: Set(ViewItems(vec![])),
        want_to_happen: Set(ViewItems(vec![])),
        attendance: Set(Some(attendance)),
        status: Set(ViewsStatus::Submitted),
        version: Set(1),
        submitted_at: Set(Some(submitted)),
        updated_at: Set(submitted),
        created_at: Set(submitted),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap()
    .id;
    if let Some(shared_at) = shared {
        views_share::ActiveModel {
            local_authority_id: Set(ids.la),
            views_id: Set(id),
            version: Set(1),
            recipient_id: Set(ids.isro),
            audience: Set(Audience::Chair),
            shared_by: Set(ids.advocate),
            shared_at: Set(shared_at),
            created_at: Set(shared_at),
            ..Default::default()
        }
        .insert(db)
        .await
        .unwrap();
    }
}

async fn sent(db: &DatabaseConnection, ids: &Ids, meeting: i32, agency: i32, acked: bool) {
    outcome_distribution::ActiveModel {
        local_authority_id: Set(ids.la),
        meeting_id: Set(meeting),
        agency_id: Set(agency),
        sent_by: Set(ids.isro),
        sent_at: Set(at(3, 28)),
        acknowledged_at: Set(acked.then(|| at(3, 29))),
        created_at: Set(at(3, 28)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

/// March and April 2025 in the demo authority (the demo's own rows are all in 2026), and a meeting
/// of another authority in the same month that must not count.
pub(crate) async fn build(app: &TestApp) {
    let db = &app.db;
    let ids = Ids {
        la: demo_tenant(db).await,
        isro: staff_id(db, "isro@demo.myvoice").await,
        advocate: staff_id(db, "advocate@demo.myvoice").await,
        social_worker: staff_id(db, "social.worker@demo.myvoice").await,
    };
    let (mia, leo, jade) = (
        child_id(db, "Mia").await,
        child_id(db, "Leo").await,
        child_id(db, "Jade").await,
    );
    let agencies = entity::agency::Entity::find().all(db).await.unwrap();
    let (police, health) = (agencies[0].id, agencies[1].id);
    use MeetingKind::*;
    use MeetingStatus::*;
    let icpc = InitialChildProtectionConference;
    let m1 = meeting_at(db, &ids, icpc, at(3, 11), Held, mia).await; // Tue
    let m2 = meeting_at(db, &ids, icpc, at(3, 20), Held, leo).await; // Thu
    let m3 = meeting_at(db, &ids, icpc, at(3, 24), Held, jade).await; // Mon
    let m4 = meeting_at(
        db,
        &ids,
        ChildrenLookedAfterReview,
        at(3, 25),
        Cancelled,
        mia,
    )
    .await;
    let m5 = meeting_at(db, &ids, ChildInNeedMeeting, at(4, 8), Held, jade).await; // Tue
    let _ = m4;

    // ICPC in March: 3 referrals, 2 complete; lead times 6, 4 and 15 working days.
    referral_for(db, &ids, mia, m1, at(3, 3), true).await; // Mon 3 → Tue 11: 6
    referral_for(db, &ids, leo, m2, at(3, 14), false).await; // Fri 14 → Thu 20: 4
    referral_for(db, &ids, jade, m3, at(3, 3), true).await; // Mon 3 → Mon 24: 15
    // Received in February: outside the period.
    referral_for(db, &ids, leo, m1, at(2, 27), false).await;
    // CiN, received in March for an April meeting: Mon 31 Mar → Tue 8 Apr: 6.
    referral_for(db, &ids, jade, m5, at(3, 31), true).await;
    // A self-referral not linked to any meeting yet.
    referral::ActiveModel {
        local_authority_id: Set(ids.la),
        source: Set(ReferralSource::SelfReferral),
        self_referral_contact: Set(Some("Mum, 07700 900123".into())),
        reason: Set(Some("My son wants an advocate".into())),
        parental_agreement: Set(ParentalAgreement::Given),
        status: Set(ReferralStatus::Received),
        received_at: Set(at(3, 5)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();

    // Heard: m1 (shared before), not m2 (attends, but submitted after; shared after), not m3
    // (written views only, never shared); m5 (advocate speaks for her, submitted before).
    use AttendanceChoice::*;
    views_for(
        db,
        &ids,
        mia,
        m1,
        WrittenViewsOnly,
        at(3, 7),
        Some(at(3, 10)),
    )
    .await;
    views_for(db, &ids, leo, m2, Attend, at(3, 21), Some(at(3, 22))).await;
    views_for(db, &ids, jade, m3, WrittenViewsOnly, at(3, 20), None).await;
    views_for(db, &ids, jade, m5, AdvocateSpeaksForMe, at(4, 7), None).await;

    // Outcomes: m1 acknowledged by both, m2 by one of two, m3 never sent, m5 by none.
    sent(db, &ids, m1, police, true).await;
    sent(db, &ids, m1, health, true).await;
    sent(db, &ids, m2, police, true).await;
    sent(db, &ids, m2, health, false).await;
    sent(db, &ids, m5, police, false).await;

    let other = other_authority(db).await;
    let noise = add_meeting(
        db,
        other.la,
        icpc,
        at(3, 12),
        Some(other.isro),
        None,
        &[other.child],
    )
    .await;
    referral::ActiveModel {
        local_authority_id: Set(other.la),
        child_id: Set(Some(other.child)),
        meeting_id: Set(Some(noise)),
        source: Set(ReferralSource::SocialWorker),
        referrer_id: Set(Some(other.isro)),
        parental_agreement: Set(ParentalAgreement::Pending),
        status: Set(ReferralStatus::Received),
        received_at: Set(at(3, 10)),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
}

fn expected() -> Value {
    let row = |month: &str,
               kind: Value,
               total: i64,
               complete: Value,
               median: Value,
               heard: Value,
               ack: Value| {
        json!({
            "month": month, "kind": kind, "referralsTotal": total,
            "referralsCompletePercent": complete, "medianLeadTimeWorkingDays": median,
            "childrenHeardPercent": heard, "outcomesAcknowledgedByAllPercent": ack,
        })
    };
    let n = Value::Null;
    json!([
        row(
            "2025-03",
            n.clone(),
            1,
            json!(0.0),
            n.clone(),
            n.clone(),
            n.clone()
        ),
        row(
            "2025-03",
            json!("INITIAL_CHILD_PROTECTION_CONFERENCE"),
            3,
            json!(66.7),
            json!(6.0),
            json!(33.3),
            json!(50.0)
        ),
        row(
            "2025-03",
            json!("CHILD_IN_NEED_MEETING"),
            1,
            json!(100.0),
            json!(6.0),
            n.clone(),
            n.clone()
        ),
        row(
            "2025-03",
            json!("CHILDREN_LOOKED_AFTER_REVIEW"),
            0,
            n.clone(),
            n.clone(),
            n.clone(),
            n.clone()
        ),
        row(
            "2025-04",
            json!("CHILD_IN_NEED_MEETING"),
            0,
            n.clone(),
            n.clone(),
            json!(100.0),
            json!(0.0)
        ),
    ])
}

#[tokio::test]
async fn the_measures_per_month_and_kind_are_exact() {
    let app = spawn_demo_app().await;
    build(&app).await;
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let body = app.graphql_as(Some(&coordinator), METRICS, period()).await;
    assert!(body["errors"].is_null(), "{body}");
    assert_eq!(body["data"]["oversightMetrics"], expected());

    // March alone: the April meeting drops out, the referral received in March for it stays.
    let march = app
        .graphql_as(
            Some(&coordinator),
            METRICS,
            json!({ "from": "2025-03-01", "to": "2025-03-31" }),
        )
        .await;
    let rows = march["data"]["oversightMetrics"].as_array().unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r["month"] == "2025-03"));

    let empty = app
        .graphql_as(
            Some(&coordinator),
            METRICS,
            json!({ "from": "2024-01-01", "to": "2024-12-31" }),
        )
        .await;
    assert_eq!(empty["data"]["oversightMetrics"], json!([]));
}

#[tokio::test]
async fn all_kinds_together_pool_the_counts_not_the_percentages() {
    let app = spawn_demo_app().await;
    build(&app).await;
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    let query = "query($from: NaiveDate!, $to: NaiveDate!) {
        oversightMetrics(from: $from, to: $to, byKind: false) {
            month kind referralsTotal referralsCompletePercent medianLeadTimeWorkingDays
            childrenHeardPercent outcomesAcknowledgedByAllPercent } }";
    let body = app.graphql_as(Some(&coordinator), query, period()).await;
    assert!(body["errors"].is_null(), "{body}");
    // March: 5 referrals, 3 complete (not the mean of 0, 66.7 and 100); lead times 4, 6, 15 and 6.
    assert_eq!(
        body["data"]["oversightMetrics"],
        json!([
            { "month": "2025-03", "kind": null, "referralsTotal": 5, "referralsCompletePercent": 60.0,
              "medianLeadTimeWorkingDays": 6.0, "childrenHeardPercent": 33.3,
              "outcomesAcknowledgedByAllPercent": 50.0 },
            { "month": "2025-04", "kind": null, "referralsTotal": 0, "referralsCompletePercent": null,
              "medianLeadTimeWorkingDays": null, "childrenHeardPercent": 100.0,
              "outcomesAcknowledgedByAllPercent": 0.0 },
        ])
    );
}

#[tokio::test]
async fn coordinators_admins_and_oversight_keys_read_the_measures_and_nobody_else() {
    let app = spawn_demo_app().await;
    build(&app).await;
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let body = app.graphql_as(Some(&admin), METRICS, period()).await;
    assert_eq!(body["data"]["oversightMetrics"], expected());

    let key = integrator_key(&app, &["READ_OVERSIGHT"]).await;
    let body = graphql_with_key(&app, &key, METRICS, period()).await;
    assert_eq!(body["data"]["oversightMetrics"], expected(), "{body}");
    let key = integrator_key(&app, &["READ_MEETINGS", "READ_OUTCOMES"]).await;
    let body = graphql_with_key(&app, &key, METRICS, period()).await;
    assert_eq!(error_code(&body), "FORBIDDEN");

    for email in [
        "isro@demo.myvoice",
        "social.worker@demo.myvoice",
        "advocate@demo.myvoice",
        "agency@demo.myvoice",
    ] {
        let token = staff_token(&app.db, email).await;
        let body = app.graphql_as(Some(&token), METRICS, period()).await;
        assert_eq!(error_code(&body), "FORBIDDEN", "{email}");
    }
    let mia = child_token(&app.db, "Mia").await;
    assert_eq!(
        error_code(&app.graphql_as(Some(&mia), METRICS, period()).await),
        "FORBIDDEN"
    );
    assert_eq!(
        error_code(&app.graphql(METRICS, period()).await),
        "UNAUTHENTICATED"
    );

    // The other authority's coordinator sees only its own referral.
    let other_la = entity::local_authority::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .find(|la| la.slug == "other")
        .unwrap()
        .id;
    crate::meetings::add_staff(
        &app.db,
        other_la,
        "coord@other.example",
        entity::enums::StaffRole::Coordinator,
    )
    .await;
    let theirs = staff_token(&app.db, "coord@other.example").await;
    let body = app.graphql_as(Some(&theirs), METRICS, period()).await;
    let rows = body["data"]["oversightMetrics"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{body}");
    assert_eq!(rows[0]["referralsTotal"], 1);
    assert_eq!(rows[0]["referralsCompletePercent"], 0.0);
}

#[tokio::test]
async fn a_backwards_or_overlong_period_is_bad_input() {
    let app = spawn_demo_app().await;
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    for (from, to) in [("2025-04-01", "2025-03-31"), ("2022-01-01", "2025-01-01")] {
        let body = app
            .graphql_as(
                Some(&coordinator),
                METRICS,
                json!({ "from": from, "to": to }),
            )
            .await;
        assert_eq!(error_code(&body), "BAD_USER_INPUT", "{from}..{to}");
    }
    let body = app
        .graphql_as(
            Some(&coordinator),
            METRICS,
            json!({ "from": "2025-13-01", "to": "2025-12-31" }),
        )
        .await;
    assert!(!body["errors"].is_null(), "not a date");
}
