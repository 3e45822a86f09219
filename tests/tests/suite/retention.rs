//! Retention (issue 22, items 1 and 5): with the app's clock moved forward a day at a time, each
//! kind of record goes on its day and not the day before; a held child's records stay; the job
//! writes what it removed to the audit trail (never a child's words); two instances run a day
//! once; a dry run by hand writes nothing. Runs on the engine MYVOICE_TEST_ENGINE picks.
mod story;

use std::time::{Duration as StdDuration, Instant};

use api::notify::Clock;
use chrono::{Duration, NaiveDate, Utc};
use entity::{audit_event, retention_run};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{TestApp, spawn_with, staff_token};

pub(crate) use story::{WORDS, authority, child_with_closed_work, left, of};

/// Each kind with the period the test sets, shortest first.
const PERIODS: [(&str, &str, i64); 7] = [
    ("SHARES_AND_READS", "shares_and_reads", 10),
    ("OUTCOMES", "outcomes", 20),
    ("ADVOCATE_NOTES", "advocate_notes", 30),
    ("VIEWS", "views", 40),
    ("CHILD_RECORD", "child_record", 50),
    ("AUDIT_EVENTS", "audit_events", 60),
    ("SIGN_IN_RECORDS", "sign_in_records", 70),
];

pub(crate) async fn app_on(clock: &Clock) -> TestApp {
    let clock = clock.clone();
    spawn_with(false, move |s| s.notify.clock = clock).await
}

pub(crate) async fn gql(app: &TestApp, token: &str, query: &str, variables: Value) -> Value {
    app.graphql_as(Some(token), query, variables).await
}

/// Wait until the day's run for the authority has finished (any instance's).
pub(crate) async fn run_of(db: &DatabaseConnection, la: i32, day: NaiveDate) {
    let started = Instant::now();
    loop {
        let done = retention_run::Entity::find()
            .filter(retention_run::Column::LocalAuthorityId.eq(la))
            .filter(retention_run::Column::RunOn.eq(day))
            .filter(retention_run::Column::FinishedAt.is_not_null())
            .one(db)
            .await
            .expect("query runs");
        if done.is_some() {
            return;
        }
        assert!(
            started.elapsed() < StdDuration::from_secs(60),
            "no retention run on {day}"
        );
        tokio::time::sleep(StdDuration::from_millis(50)).await;
    }
}

pub(crate) async fn events(db: &DatabaseConnection, la: i32, action: &str) -> Vec<Value> {
    audit_event::Entity::find()
        .filter(audit_event::Column::LocalAuthorityId.eq(la))
        .filter(audit_event::Column::Action.eq(action))
        .all(db)
        .await
        .expect("audit")
        .into_iter()
        .map(|e| e.detail.unwrap_or(Value::Null))
        .collect()
}

async fn hold(app: &TestApp, token: &str, child: i32) {
    let query =
        "mutation($c: ID!, $r: String!) { placeLegalHold(childId: $c, reason: $r) { held } }";
    let child_id = api::graphql::ids::NodeKind::Child.id(child).0;
    let answer = gql(
        app,
        token,
        query,
        json!({ "c": child_id, "r": "Care proceedings: court order of 3 March" }),
    )
    .await;
    assert_eq!(answer["data"]["placeLegalHold"]["held"], true, "{answer}");
}

#[tokio::test]
async fn each_kind_goes_on_its_day_and_not_the_day_before_and_held_records_stay() {
    let clock = Clock::default();
    let app = app_on(&clock).await;
    let db = &app.db;
    let story = authority(db, "exmoor").await;
    let admin = staff_token(db, &story.admin_email).await;
    let start = clock.now();
    let ada = child_with_closed_work(db, &story, "Ada", start).await;
    let ben = child_with_closed_work(db, &story, "Ben", start).await;
    story::sign_ins(db, &story, start).await;
    hold(&app, &admin, ben.id).await;
    for (kind, _, days) in PERIODS {
        let query = "mutation($k: RetentionKind!, $d: Int!) { setRetentionPeriod(kind: $k, days: $d) { days defaultDays } }";
        let answer = gql(&app, &admin, query, json!({ "k": kind, "d": days })).await;
        assert_eq!(
            answer["data"]["setRetentionPeriod"]["days"], days,
            "{answer}"
        );
    }
    let ben_before = left(db, &ben).await;
    let today = |c: &Clock| c.now().date_naive();

    let mut moved = 0;
    for (_, kind, days) in PERIODS {
        // The day before: still there.
        clock.advance(Duration::days(days - 1 - moved));
        run_of(db, story.la, today(&clock)).await;
        if kind == "sign_in_records" {
            assert_eq!(
                story::sign_ins_left(db, story.la).await,
                2,
                "went a day early"
            );
        } else {
            assert!(
                of(&left(db, &ada).await, kind) > 0,
                "{kind} went a day early"
            );
        }
        // Its day: gone.
        clock.advance(Duration::days(1));
        moved = days;
        run_of(db, story.la, today(&clock)).await;
        if kind == "sign_in_records" {
            assert_eq!(
                story::sign_ins_left(db, story.la).await,
                0,
                "still there on its day"
            );
        } else {
            assert_eq!(
                of(&left(db, &ada).await, kind),
                0,
                "{kind} still there on its day"
            );
        }
        if kind == "child_record" {
            // Referral details go with the child's, and what oversight counts stays, anonymised.
            let now = left(db, &ada).await;
            assert_eq!(of(&now, "referral_details"), 0);
            assert_eq!(of(&now, "rows_counted_by_oversight"), 3);
        }
    }
    // The held child's records are all still there.
    assert_eq!(left(db, &ben).await, ben_before);

    // The job's own trail: one event per kind, on the kind's day, with a number and no words.
    let removed = events(db, story.la, "retention.removed").await;
    for (_, kind, days) in PERIODS {
        let on_day: Vec<&Value> = removed.iter().filter(|d| d["kind"] == kind).collect();
        assert_eq!(on_day.len(), 1, "{kind}: {removed:?}");
        let day = (start + Duration::days(days)).date_naive().to_string();
        assert_eq!(on_day[0]["day"], day.as_str(), "{kind}");
        assert!(on_day[0]["rows"].as_u64().unwrap_or(0) > 0, "{kind}");
    }
    let runs = events(db, story.la, "retention.run").await;
    assert_eq!(runs.len(), PERIODS.len(), "{runs:?}");
    assert!(
        runs.iter()
            .all(|r| r["held_children"] == 1 && r["by"] == "schedule")
    );
    let everything = format!("{removed:?}{runs:?}");
    assert!(!everything.contains(WORDS) && !everything.contains("Ada"));
    // And the trail of the job survived the audit events' own day (and the hold's, about Ben).
    assert_eq!(events(db, story.la, "legal_hold.placed").await.len(), 1);
    assert_eq!(events(db, story.la, "retention.period_set").await.len(), 7);
}

#[tokio::test]
async fn two_instances_run_a_day_once() {
    let clock = Clock::default();
    let app = app_on(&clock).await;
    let second = clock.clone();
    app.another_instance_with(move |s| s.notify.clock = second)
        .await;
    let db = &app.db;
    let story = authority(db, "quantock").await;
    let admin = staff_token(db, &story.admin_email).await;
    let ada = child_with_closed_work(db, &story, "Ada", clock.now()).await;
    let query = "mutation { setRetentionPeriod(kind: VIEWS, days: 1) { days } }";
    gql(&app, &admin, query, json!({})).await;

    clock.advance(Duration::days(1));
    let day = clock.now().date_naive();
    run_of(db, story.la, day).await;
    // Both instances have looked at the new day several times by now.
    tokio::time::sleep(StdDuration::from_secs(1)).await;
    assert_eq!(of(&left(db, &ada).await, "views"), 0);
    let runs = retention_run::Entity::find()
        .filter(retention_run::Column::LocalAuthorityId.eq(story.la))
        .filter(retention_run::Column::RunOn.eq(day))
        .all(db)
        .await
        .expect("runs");
    assert_eq!(runs.len(), 1);
    let views: Vec<Value> = events(db, story.la, "retention.removed")
        .await
        .into_iter()
        .filter(|d| d["kind"] == "views")
        .collect();
    assert_eq!(views.len(), 1, "{views:?}");
}

#[tokio::test]
async fn the_audit_trail_loses_old_events_only_through_the_jobs_permit() {
    let (_test_db, db) = tests::db::TestDb::migrated().await;
    let story = authority(&db, "mendip").await;
    let old = Utc::now() - Duration::days(400);
    story::audit(&db, story.la, "views.read", "views", 1, old).await;
    story::audit(&db, story.la, "retention.run", "retention_run", 1, old).await;
    // Ordinary code: refused, as before issue 22.
    for sql in [
        "DELETE FROM audit_event",
        "UPDATE audit_event SET action = 'x'",
    ] {
        let refused = sea_orm::ConnectionTrait::execute_unprepared(&db, sql).await;
        assert!(
            matches!(&refused, Err(e) if e.to_string().contains("append-only")),
            "{sql}: {refused:?}"
        );
    }
    // With a permit for the authority: old events go, the job's own never, and UPDATE stays refused.
    let permit = format!(
        "INSERT INTO audit_purge (local_authority_id, cutoff) VALUES ({}, '{}')",
        story.la,
        (Utc::now() - Duration::days(1)).to_rfc3339_opts(chrono::SecondsFormat::Secs, false)
    );
    sea_orm::ConnectionTrait::execute_unprepared(&db, &permit)
        .await
        .expect("permit");
    let delete = "DELETE FROM audit_event WHERE action = 'views.read'";
    sea_orm::ConnectionTrait::execute_unprepared(&db, delete)
        .await
        .expect("an old event goes with a permit");
    for sql in [
        "DELETE FROM audit_event WHERE action = 'retention.run'",
        "UPDATE audit_event SET action = 'x'",
    ] {
        let refused = sea_orm::ConnectionTrait::execute_unprepared(&db, sql).await;
        assert!(refused.is_err(), "{sql} should be refused");
    }
    assert_eq!(events(&db, story.la, "retention.run").await.len(), 1);
    assert!(events(&db, story.la, "views.read").await.is_empty());
}

#[test]
fn the_readme_states_the_defaults_the_job_uses() {
    use api::data_protection::retention::{default_days, kinds};
    use entity::retention_setting::RetentionKind;
    let readme =
        std::fs::read_to_string(tests::app::repo_root().join("README.md")).expect("README");
    let table = readme
        .split("### What is kept and for how long")
        .nth(1)
        .expect("the retention table");
    let mut stated = Vec::new();
    for line in table.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split(" | ").collect();
        let name = cells[0].trim().trim_matches('`').to_lowercase();
        let kind: RetentionKind = serde_json::from_value(json!(name)).expect("a kind");
        let days: i32 = cells[2]
            .split_whitespace()
            .next()
            .and_then(|n| n.parse().ok())
            .expect("days");
        assert_eq!(days, default_days(kind), "{line}");
        stated.push(kind);
    }
    assert_eq!(stated, kinds(), "every kind, in order");
}
