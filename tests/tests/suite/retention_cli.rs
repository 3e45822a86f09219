//! `myvoice retention run` by hand (issue 22): a dry run says what would go and writes nothing; a
//! real run removes it and leaves the same audit trail as the scheduled job.
use chrono::{Duration, Utc};
use sea_orm::ConnectionTrait;
use tests::db::TestDb;

use crate::authority::{myvoice, stdout};
use crate::retention::{authority, child_with_closed_work, events, left, of};

#[tokio::test]
async fn a_dry_run_writes_nothing_and_a_real_run_is_audited() {
    let (test_db, db) = TestDb::migrated().await;
    let story = authority(&db, "brendon").await;
    let ada = child_with_closed_work(&db, &story, "Ada", Utc::now() - Duration::days(3)).await;
    db.execute_unprepared(&format!(
        "INSERT INTO retention_setting (local_authority_id, kind, days, updated_at) \
         VALUES ({}, 'views', 1, '2026-12-01T00:00:00+00:00')",
        story.la
    ))
    .await
    .expect("period");
    let before = left(&db, &ada).await;

    let dry = myvoice(&test_db.url, &["retention", "run", "--dry-run"]);
    let printed = stdout(&dry);
    assert!(
        dry.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(printed.contains("brendon Council:"), "{printed}");
    assert!(
        printed.contains("would remove 5 rows of views and their versions"),
        "{printed}"
    );
    assert!(
        printed.contains("would remove 0 rows of advocate notes"),
        "{printed}"
    );
    assert!(
        printed.contains("Dry run: nothing was changed."),
        "{printed}"
    );
    assert_eq!(left(&db, &ada).await, before);
    assert!(events(&db, story.la, "retention.removed").await.is_empty());
    assert!(events(&db, story.la, "retention.run").await.is_empty());

    let real = myvoice(&test_db.url, &["retention", "run"]);
    let printed = stdout(&real);
    assert!(real.status.success(), "{printed}");
    assert!(
        printed.contains("removed 5 rows of views and their versions"),
        "{printed}"
    );
    assert_eq!(of(&left(&db, &ada).await, "views"), 0);
    let removed = events(&db, story.la, "retention.removed").await;
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert_eq!(removed[0]["kind"], "views");
    assert_eq!(removed[0]["rows"], 5);
    let runs = events(&db, story.la, "retention.run").await;
    assert_eq!(runs.len(), 1);
    assert_eq!(runs[0]["by"], "command line");

    // Run again: nothing more is due, so nothing is removed and nothing more is written.
    let again = myvoice(&test_db.url, &["retention", "run"]);
    assert!(stdout(&again).contains("removed 0 rows of views"));
    assert_eq!(events(&db, story.la, "retention.run").await.len(), 1);
}
