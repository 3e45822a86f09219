//! The schema as its users would notice it: migrations go up, down and up again, and the database
//! itself (not the application) rejects duplicates, dangling or cross-tenant references, unknown
//! enum text and any change to the audit trail. Rows go in as raw SQL so the database is what is
//! tested. Every test runs on the engine MYVOICE_TEST_ENGINE picks (sqlite | postgres).
use chrono::{NaiveDate, TimeZone, Utc};
use entity::enums::*;
use entity::{ViewItems, advocacy_case, child, local_authority, meeting, meeting_child, views};
use entity::{audit_event, child_access, staff_user, views_version};
use migration::{Migrator, MigratorTrait, SchemaManager};
use sea_orm::{
    ActiveEnum, ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr,
    EntityTrait, Iterable, ModelTrait, Set, SqlErr, Statement, TransactionTrait,
};
use serde_json::json;
use std::collections::BTreeSet;
use tests::db::TestDb;

// ---------------------------------------------------------------------------------------------
// Raw rows

/// One row written as raw SQL. Values are SQL literals (`42`, `NULL`, `TRUE`, `'text'`).
#[derive(Clone, Debug)]
struct Row {
    table: &'static str,
    cols: Vec<(&'static str, String)>,
}

impl Row {
    fn new(table: &'static str) -> Row {
        Row {
            table,
            cols: Vec::new(),
        }
    }

    fn set(mut self, col: &'static str, literal: impl ToString) -> Row {
        let literal = literal.to_string();
        match self.cols.iter_mut().find(|(c, _)| *c == col) {
            Some(slot) => slot.1 = literal,
            None => self.cols.push((col, literal)),
        }
        self
    }

    fn text(self, col: &'static str, value: &str) -> Row {
        self.set(col, quote(value))
    }

    fn sql(&self) -> String {
        let cols: Vec<&str> = self.cols.iter().map(|(c, _)| *c).collect();
        let values: Vec<&str> = self.cols.iter().map(|(_, v)| v.as_str()).collect();
        format!(
            "INSERT INTO {} ({}) VALUES ({})",
            self.table,
            cols.join(", "),
            values.join(", ")
        )
    }
}

fn quote(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

const AT: &str = "'2026-11-23T10:00:00+00:00'";
const MISSING: i32 = 999_999;

async fn insert(db: &impl ConnectionTrait, row: &Row) -> Result<(), DbErr> {
    db.execute_unprepared(&row.sql()).await.map(|_| ())
}

async fn insert_id(db: &impl ConnectionTrait, row: &Row) -> i32 {
    let sql = format!("{} RETURNING id", row.sql());
    let result = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .unwrap_or_else(|e| panic!("insert {row:?}: {e}"))
        .expect("RETURNING gives a row");
    result.try_get("", "id").expect("id")
}

/// The row is valid as it stands (checked in a transaction that is rolled back), so a failure
/// after changing one column is down to that column.
async fn assert_valid(db: &DatabaseConnection, row: &Row) {
    let txn = db.begin().await.expect("begin");
    if let Err(e) = insert(&txn, row).await {
        panic!("control row should insert: {}\n{e}", row.sql());
    }
    txn.rollback().await.expect("rollback");
}

#[track_caller]
fn assert_unique_violation(result: Result<(), DbErr>, what: &str) {
    match result {
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => {}
        other => panic!("{what}: expected a unique violation, got {other:?}"),
    }
}

#[track_caller]
fn assert_fk_violation(result: Result<(), DbErr>, what: &str) {
    match result {
        Err(e) if matches!(e.sql_err(), Some(SqlErr::ForeignKeyConstraintViolation(_))) => {}
        other => panic!("{what}: expected a foreign key violation, got {other:?}"),
    }
}

/// Both engines name the violated CHECK constraint in the message.
#[track_caller]
fn assert_check_violation(result: Result<(), DbErr>, constraint: &str) {
    match result {
        Err(e) if e.to_string().contains(constraint) => {}
        other => panic!("expected CHECK {constraint} to fail, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Valid rows for each table, given their parents

fn la_row(tag: &str) -> Row {
    Row::new("local_authority")
        .text("name", &format!("{tag} Council"))
        .text("slug", tag)
}

fn agency_row(la: i32, name: &str) -> Row {
    Row::new("agency")
        .set("local_authority_id", la)
        .text("name", name)
        .text("kind", "police")
}

fn staff_row(la: i32, email: &str, role: &str) -> Row {
    Row::new("staff_user")
        .set("local_authority_id", la)
        .text("name", "Alex Worker")
        .text("email", email)
        .text("role", role)
        .text(
            "password_hash",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
        )
}

fn child_row(la: i32) -> Row {
    Row::new("child")
        .set("local_authority_id", la)
        .text("preferred_name", "Sam")
        .text("date_of_birth", "2015-04-01")
        .set("looked_after", "FALSE")
}

fn meeting_row(la: i32) -> Row {
    Row::new("meeting")
        .set("local_authority_id", la)
        .text("kind", "child_protection_review")
        .text("status", "scheduled")
        .set("scheduled_at", AT)
}

fn meeting_child_row(la: i32, meeting: i32, child: i32) -> Row {
    Row::new("meeting_child")
        .set("local_authority_id", la)
        .set("meeting_id", meeting)
        .set("child_id", child)
}

fn meeting_agency_row(la: i32, meeting: i32, agency: i32) -> Row {
    Row::new("meeting_agency")
        .set("local_authority_id", la)
        .set("meeting_id", meeting)
        .set("agency_id", agency)
}

fn referral_row(la: i32, child: i32, meeting: i32, referrer: i32) -> Row {
    Row::new("referral")
        .set("local_authority_id", la)
        .set("child_id", child)
        .set("meeting_id", meeting)
        .text("source", "social_worker")
        .set("referrer_id", referrer)
        .text("parental_agreement", "given")
        .text("status", "received")
        .set("received_at", AT)
}

/// A self-referral nobody has linked to a child or meeting yet.
fn self_referral_row(la: i32) -> Row {
    Row::new("referral")
        .set("local_authority_id", la)
        .text("source", "self_referral")
        .text("self_referral_contact", "Jo (aunt), 07700 900123")
        .text("parental_agreement", "pending")
        .text("status", "received")
        .set("received_at", AT)
}

fn case_row(la: i32, referral: i32, child: i32, meeting: i32, advocate: i32) -> Row {
    Row::new("advocacy_case")
        .set("local_authority_id", la)
        .set("referral_id", referral)
        .set("child_id", child)
        .set("meeting_id", meeting)
        .set("advocate_id", advocate)
        .text("status", "allocated")
        .set("allocated_at", AT)
}

fn child_access_row(la: i32, child: i32, digest: &str) -> Row {
    Row::new("child_access")
        .set("local_authority_id", la)
        .set("child_id", child)
        .text("code_digest", digest)
        .text("pin_hash", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$cGlu")
        .set("expires_at", AT)
}

fn views_row(la: i32, child: i32, meeting: i32) -> Row {
    Row::new("views")
        .set("local_authority_id", la)
        .set("child_id", child)
        .set("meeting_id", meeting)
        .text("worries", r#"["when mum and dad shout"]"#)
        .text("going_well", r#"["football on Saturdays"]"#)
        .text("want_to_happen", "[]")
        .text("status", "draft")
}

fn refresh_token_row(la: i32, staff: i32, digest: &str) -> Row {
    Row::new("refresh_token")
        .set("local_authority_id", la)
        .set("staff_id", staff)
        .text("family_id", "family-1")
        .text("token_digest", digest)
        .set("expires_at", AT)
}

fn password_link_row(la: i32, staff: i32, digest: &str) -> Row {
    Row::new("password_link")
        .set("local_authority_id", la)
        .set("staff_id", staff)
        .text("token_digest", digest)
        .set("expires_at", AT)
}

fn import_check_row(la: i32, staff: i32, token: &str) -> Row {
    Row::new("import_check")
        .set("local_authority_id", la)
        .set("staff_id", staff)
        .text("token", token)
        .text("report", "{}")
        .set("expires_at", AT)
}

fn notice_row(la: i32, key: &str) -> Row {
    Row::new("notice")
        .set("local_authority_id", la)
        .text("topic", "referral_received")
        .text("channel", "email")
        .text("recipient", "coordinator@example.org")
        .text("dedupe_key", key)
        .text("link", "/staff")
        .text("payload", "{}")
        .set("due_at", AT)
}

fn webhook_endpoint_row(la: i32) -> Row {
    Row::new("webhook_endpoint")
        .set("local_authority_id", la)
        .text("url", "https://cms.example.org/hooks")
        .text("secret", "whsec_test")
}

fn duty_contact_row(la: i32, email: &str) -> Row {
    Row::new("duty_contact")
        .set("local_authority_id", la)
        .text("name", "Duty team")
        .text("email", email)
}

fn api_key_row(la: i32, digest: &str) -> Row {
    Row::new("api_key")
        .set("local_authority_id", la)
        .text("name", "Case system")
        .text("key_prefix", "mvk_abcdef")
        .text("key_digest", digest)
        .text("scopes", "read:meetings")
}

fn views_version_row(la: i32, views: i32, version: i32) -> Row {
    Row::new("views_version")
        .set("local_authority_id", la)
        .set("views_id", views)
        .set("version", version)
        .text("snapshot", r#"{"worries": ["when mum and dad shout"]}"#)
        .text("status", "submitted")
}

fn note_row(la: i32, case: i32, author: i32) -> Row {
    Row::new("advocate_note")
        .set("local_authority_id", la)
        .set("case_id", case)
        .set("author_id", author)
        .text("body", "Met Sam at school; wants me to speak for them.")
}

fn share_row(la: i32, views: i32, version: i32, recipient: i32, shared_by: i32) -> Row {
    Row::new("views_share")
        .set("local_authority_id", la)
        .set("views_id", views)
        .set("version", version)
        .set("recipient_id", recipient)
        .text("audience", "chair")
        .set("shared_by", shared_by)
        .set("shared_at", AT)
}

fn handed_row(la: i32, views: i32, recorded_by: i32) -> Row {
    Row::new("views_handed")
        .set("local_authority_id", la)
        .set("views_id", views)
        .set("version", 1)
        .text("audience", "family")
        .text("given_on", "2026-11-20")
        .set("recorded_by", recorded_by)
}

fn outcome_row(la: i32, meeting: i32, agency: i32, sent_by: i32) -> Row {
    Row::new("outcome_distribution")
        .set("local_authority_id", la)
        .set("meeting_id", meeting)
        .set("agency_id", agency)
        .set("sent_by", sent_by)
        .set("sent_at", AT)
}

fn view_answer_row(la: i32, views: i32, meeting: i32, child: i32, by: i32) -> Row {
    Row::new("view_answer")
        .set("local_authority_id", la)
        .set("views_id", views)
        .set("meeting_id", meeting)
        .set("child_id", child)
        .text("part", "worries")
        .set("item_index", 0)
        .text("said", "I worry about my mum")
        .text("kind", "agreed")
        .text("words", "The meeting agreed.")
        .set("answered_by", by)
        .set("answered_at", AT)
}

fn urgent_help_row(la: i32, child: i32) -> Row {
    Row::new("urgent_help")
        .set("local_authority_id", la)
        .set("child_id", child)
        .text("message", "I don't feel safe at home tonight")
        .set("raised_at", AT)
}

fn child_message_row(la: i32, child: i32, staff: i32) -> Row {
    Row::new("child_message")
        .set("local_authority_id", la)
        .set("child_id", child)
        .set("from_staff_id", staff)
        .text("words", "Thank you, I'll share this on Tuesday.")
        .set("sent_at", AT)
}

fn audit_row(la: i32) -> Row {
    Row::new("audit_event")
        .set("local_authority_id", la)
        .text("actor_kind", "staff")
        .set("actor_id", 1)
        .text("action", "views.read")
        .text("subject_type", "views")
        .set("subject_id", 1)
        .set("occurred_at", AT)
}

fn legal_hold_row(la: i32, child: i32, by: i32) -> Row {
    Row::new("legal_hold")
        .set("local_authority_id", la)
        .set("child_id", child)
        .text("reason", "Care proceedings")
        .set("set_by", by)
        .set("set_at", AT)
}

fn erasure_request_row(la: i32, child: i32, by: i32) -> Row {
    Row::new("erasure_request")
        .set("local_authority_id", la)
        .set("child_id", child)
        .text("reason", "Asked by the young person")
        .set("requested_by", by)
        .set("requested_at", AT)
        .set("expires_at", AT)
}

fn retention_setting_row(la: i32) -> Row {
    Row::new("retention_setting")
        .set("local_authority_id", la)
        .text("kind", "views")
        .set("days", 2190)
        .set("updated_at", AT)
}

/// One local authority with one of each parent row. The spare child and meeting have no
/// referral or views, and the open referral has no case, so tests can add those freely.
struct Tenant {
    la: i32,
    agency: i32,
    social_worker: i32,
    isro: i32,
    advocate: i32,
    coordinator: i32,
    child: i32,
    meeting: i32,
    referral: i32,
    case: i32,
    views: i32,
    spare_child: i32,
    spare_meeting: i32,
    open_referral: i32,
}

impl Tenant {
    async fn seed(db: &DatabaseConnection, tag: &str) -> Tenant {
        let la = insert_id(db, &la_row(tag)).await;
        let agency = insert_id(db, &agency_row(la, "Avon and Somerset Police")).await;
        let staff = |local: &str, role: &str| staff_row(la, &format!("{local}@{tag}.test"), role);
        let social_worker = insert_id(db, &staff("sw", "social_worker")).await;
        let isro = insert_id(db, &staff("isro", "isro")).await;
        let advocate = insert_id(db, &staff("advocate", "advocate")).await;
        let coordinator = insert_id(db, &staff("coordinator", "coordinator")).await;
        let child = insert_id(db, &child_row(la).set("social_worker_id", social_worker)).await;
        let meeting = insert_id(db, &meeting_row(la).set("chair_id", isro)).await;
        insert(db, &meeting_child_row(la, meeting, child))
            .await
            .expect("meeting_child");
        let referral = insert_id(db, &referral_row(la, child, meeting, social_worker)).await;
        let case = insert_id(db, &case_row(la, referral, child, meeting, advocate)).await;
        let views = insert_id(db, &views_row(la, child, meeting).set("case_id", case)).await;
        let spare_child = insert_id(db, &child_row(la)).await;
        let spare_meeting = insert_id(db, &meeting_row(la)).await;
        let open_referral = insert_id(db, &self_referral_row(la)).await;
        Tenant {
            la,
            agency,
            social_worker,
            isro,
            advocate,
            coordinator,
            child,
            meeting,
            referral,
            case,
            views,
            spare_child,
            spare_meeting,
            open_referral,
        }
    }
}

async fn two_tenants() -> (TestDb, DatabaseConnection, Tenant, Tenant) {
    let (test_db, db) = TestDb::migrated().await;
    let a = Tenant::seed(&db, "somerset").await;
    let b = Tenant::seed(&db, "devon").await;
    (test_db, db, a, b)
}

// ---------------------------------------------------------------------------------------------
// Migrations

const TABLES: &[&str] = &[
    "advocacy_case",
    "advocate_note",
    "agency",
    "api_key",
    "audit_event",
    "audit_purge",
    "child",
    "child_access",
    "child_message",
    "duty_contact",
    "erasure_request",
    "form_draft",
    "import_check",
    "legal_hold",
    "local_authority",
    "meeting",
    "meeting_agency",
    "meeting_child",
    "notice",
    "outcome_distribution",
    "password_link",
    "referral",
    "refresh_token",
    "retention_run",
    "retention_setting",
    "sign_in_try",
    "staff_user",
    "urgent_help",
    "view_answer",
    "views",
    "views_handed",
    "views_share",
    "views_version",
    "webhook_endpoint",
];

const LOOKUP_INDEXES: &[&str] = &[
    "idx_staff_user_local_authority_id_role",
    "idx_child_local_authority_id_social_worker_id",
    "idx_meeting_local_authority_id_scheduled_at",
    "idx_meeting_chair_id",
    "idx_meeting_social_worker_id",
    "idx_meeting_child_child_id",
    "idx_meeting_agency_agency_id",
    "idx_referral_local_authority_id_status_received_at",
    "idx_advocacy_case_advocate_id_status",
    "idx_views_share_recipient_id_read_at",
    "idx_urgent_help_local_authority_id_acknowledged_at",
    "idx_audit_event_local_authority_id_occurred_at",
    "idx_audit_event_subject_type_subject_id",
    "idx_refresh_token_family_id",
    "idx_password_link_staff_id",
    "idx_form_draft_expires_at",
    "idx_sign_in_try_updated_at",
    "idx_notice_delivered_at_due_at",
    "idx_notice_local_authority_id_created_at",
    "idx_webhook_endpoint_local_authority_id",
    "idx_import_check_staff_id",
    "idx_import_check_expires_at",
    "idx_view_answer_meeting_id_child_id",
    "idx_child_message_local_authority_id_child_id_sent_at",
    "idx_legal_hold_child_id_lifted_at",
    "idx_erasure_request_child_id",
];

/// Everything in the schema except sea-orm's own bookkeeping table, as `kind name`.
async fn schema_objects(db: &DatabaseConnection) -> Vec<String> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT type || ' ' || name AS object FROM sqlite_master \
             WHERE name NOT LIKE 'sqlite_%' AND tbl_name <> 'seaql_migrations'"
        }
        _ => {
            "SELECT 'table ' || tablename AS object FROM pg_tables \
               WHERE schemaname = 'public' AND tablename <> 'seaql_migrations' \
             UNION ALL SELECT 'index ' || indexname FROM pg_indexes \
               WHERE schemaname = 'public' AND tablename <> 'seaql_migrations' \
             UNION ALL SELECT 'sequence ' || sequencename FROM pg_sequences \
               WHERE schemaname = 'public' \
             UNION ALL SELECT 'trigger ' || tgname FROM pg_trigger WHERE NOT tgisinternal \
             UNION ALL SELECT 'function ' || p.proname FROM pg_proc p \
               JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = 'public'"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("list schema objects");
    let mut objects: Vec<String> = rows
        .iter()
        .map(|row| row.try_get("", "object").expect("object name"))
        .collect();
    objects.sort();
    objects
}

fn tables_in(objects: &[String]) -> Vec<&str> {
    objects
        .iter()
        .filter_map(|o| o.strip_prefix("table "))
        .collect()
}

#[tokio::test]
async fn migrations_go_up_down_and_up_again() {
    let test_db = TestDb::fresh().await;
    let db = test_db.connect().await;

    Migrator::up(&db, None).await.expect("up");
    let objects = schema_objects(&db).await;
    assert_eq!(tables_in(&objects), TABLES);
    for index in LOOKUP_INDEXES {
        assert!(
            objects.contains(&format!("index {index}")),
            "missing {index}: {objects:?}"
        );
    }

    Migrator::down(&db, None).await.expect("down");
    assert_eq!(
        schema_objects(&db).await,
        Vec::<String>::new(),
        "down leaves an empty schema"
    );

    Migrator::up(&db, None).await.expect("up again");
    assert_eq!(
        schema_objects(&db).await,
        objects,
        "up again rebuilds the same schema"
    );
    let a = Tenant::seed(&db, "somerset").await;
    insert(&db, &audit_row(a.la)).await.expect("audit insert");
    assert!(
        db.execute_unprepared("DELETE FROM audit_event")
            .await
            .is_err(),
        "trigger is back"
    );
}

#[test]
fn every_migration_runs_in_its_own_transaction() {
    // sea-orm-migration wraps only PostgreSQL by default; SQLite must opt in, step by step.
    for migration in Migrator::migrations() {
        assert_eq!(
            migration.use_transaction(),
            Some(true),
            "{}",
            migration.name()
        );
    }
}

#[tokio::test]
async fn a_failing_migration_leaves_nothing_half_applied() {
    let test_db = TestDb::fresh().await;
    let db = test_db.connect().await;
    // Take the name of an index the meeting step creates after its table, so that step fails
    // part-way through.
    db.execute_unprepared("CREATE TABLE squatter (x integer)")
        .await
        .unwrap();
    db.execute_unprepared("CREATE INDEX idx_meeting_chair_id ON squatter (x)")
        .await
        .unwrap();

    let error = Migrator::up(&db, None)
        .await
        .expect_err("the meeting step fails");
    assert!(
        error.to_string().contains("idx_meeting_chair_id"),
        "{error}"
    );

    let applied: Vec<String> = Migrator::get_applied_migrations(&db)
        .await
        .unwrap()
        .iter()
        .map(|m| m.name().to_owned())
        .collect();
    assert_eq!(
        applied.len(),
        4,
        "only the steps before it are recorded: {applied:?}"
    );
    assert!(applied[3].ends_with("_create_child"), "{applied:?}");
    let manager = SchemaManager::new(&db);
    assert!(
        !manager.has_table("meeting").await.unwrap(),
        "the failed step's table is gone"
    );
    assert!(
        manager.has_table("child").await.unwrap(),
        "earlier steps stay"
    );

    db.execute_unprepared("DROP TABLE squatter").await.unwrap();
    Migrator::up(&db, None)
        .await
        .expect("the rest applies once the cause is gone");
    assert_eq!(
        Migrator::get_pending_migrations(&db).await.unwrap().len(),
        0
    );
}

#[tokio::test]
async fn foreign_keys_are_enforced_on_every_pooled_connection() {
    let (_test_db, db) = TestDb::migrated().await;
    if db.get_database_backend() == DbBackend::Sqlite {
        // SQLite checks foreign keys only when each connection turns them on. Hold several
        // pooled connections at once (one per transaction) and ask each.
        let mut held = Vec::new();
        for _ in 0..3 {
            let txn = db.begin().await.expect("begin");
            let row = txn
                .query_one_raw(Statement::from_string(
                    DbBackend::Sqlite,
                    "PRAGMA foreign_keys",
                ))
                .await
                .expect("pragma")
                .expect("a row");
            let on: i32 = row.try_get_by_index(0).expect("pragma value");
            assert_eq!(on, 1, "foreign_keys is off on a pooled connection");
            held.push(txn);
        }
        for txn in held {
            txn.rollback().await.expect("rollback");
        }
    }
    assert_fk_violation(insert(&db, &agency_row(MISSING, "Nowhere")).await, "agency");
}

// ---------------------------------------------------------------------------------------------
// Entities against the migrated schema

#[tokio::test]
async fn entities_round_trip_through_the_schema() {
    let (_test_db, db) = TestDb::migrated().await;
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 30, 0).unwrap();
    let before = Utc::now() - chrono::Duration::minutes(1);

    let la = local_authority::ActiveModel {
        name: Set("Somerset Council".into()),
        slug: Set("somerset".into()),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("local authority");
    assert!(
        la.created_at > before,
        "created_at defaults to now: {}",
        la.created_at
    );

    let advocate = staff_user::ActiveModel {
        local_authority_id: Set(la.id),
        name: Set("Priya Advocate".into()),
        email: Set("priya@route1.test".into()),
        role: Set(StaffRole::Advocate),
        password_hash: Set("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA".into()),
        ..Default::default()
    }
    .insert(&db)
    .await;
    let advocate = advocate.expect("staff");
    assert!(advocate.active, "active defaults to true");
    assert_eq!(advocate.session_epoch, 0, "session_epoch defaults to 0");

    let child = child::ActiveModel {
        local_authority_id: Set(la.id),
        preferred_name: Set("Sam".into()),
        date_of_birth: Set(NaiveDate::from_ymd_opt(2015, 4, 1).unwrap()),
        looked_after: Set(true),
        created_at: Set(at),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("child");
    assert_eq!(child.language, "en", "language defaults to en");
    assert_eq!(child.session_epoch, 0, "session_epoch defaults to 0");

    let meeting = meeting::ActiveModel {
        local_authority_id: Set(la.id),
        kind: Set(MeetingKind::ChildrenLookedAfterReview),
        scheduled_at: Set(Some(at)),
        status: Set(MeetingStatus::Scheduled),
        worried_about_now: Set(Some("Sam has missed school".into())),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("meeting");
    meeting_child::ActiveModel {
        meeting_id: Set(meeting.id),
        child_id: Set(child.id),
        local_authority_id: Set(la.id),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("meeting_child");

    let referral_id = insert_id(&db, &referral_row(la.id, child.id, meeting.id, advocate.id)).await;
    let case = advocacy_case::ActiveModel {
        local_authority_id: Set(la.id),
        referral_id: Set(referral_id),
        child_id: Set(child.id),
        meeting_id: Set(meeting.id),
        advocate_id: Set(advocate.id),
        status: Set(CaseStatus::InProgress),
        allocated_at: Set(at),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("case");

    let worries = ViewItems(vec![
        "when mum and dad shout".into(),
        "my cat's name is \"Tig\"".into(),
    ]);
    let saved = views::ActiveModel {
        local_authority_id: Set(la.id),
        child_id: Set(child.id),
        meeting_id: Set(meeting.id),
        case_id: Set(Some(case.id)),
        worries: Set(worries.clone()),
        going_well: Set(ViewItems(vec!["football".into()])),
        want_to_happen: Set(ViewItems::default()),
        feeling: Set(Some(Feeling::Worried)),
        attendance: Set(Some(AttendanceChoice::AdvocateSpeaksForMe)),
        share_with_chair: Set(true),
        status: Set(ViewsStatus::Submitted),
        submitted_at: Set(Some(at)),
        idempotency_key: Set(Some("k-1".into())),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("views");
    let found = views::Entity::find_by_id(saved.id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found, saved);
    assert_eq!(found.worries, worries);
    assert_eq!(
        (found.version, found.share_with_family),
        (1, false),
        "defaults"
    );

    let snapshot = json!({"worries": worries.0, "feeling": "worried"});
    let version = views_version::ActiveModel {
        local_authority_id: Set(la.id),
        views_id: Set(saved.id),
        version: Set(1),
        snapshot: Set(snapshot.clone()),
        status: Set(ViewsStatus::Submitted),
        submitted_at: Set(Some(at)),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("views_version");
    let version = views_version::Entity::find_by_id(version.id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(version.snapshot, snapshot);

    let access = child_access::ActiveModel {
        local_authority_id: Set(la.id),
        child_id: Set(child.id),
        case_id: Set(Some(case.id)),
        code_digest: Set("ab".repeat(32)),
        pin_hash: Set("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$cGlu".into()),
        expires_at: Set(at),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("child_access");
    assert_eq!(access.revoked_at, None, "a new code is not revoked");

    let event = audit_event::ActiveModel {
        local_authority_id: Set(la.id),
        actor_kind: Set(ActorKind::ApiKey),
        action: Set("views.read".into()),
        subject_type: Set("views".into()),
        subject_id: Set(Some(saved.id)),
        detail: Set(Some(json!({"version": 1}))),
        occurred_at: Set(at),
        ..Default::default()
    }
    .insert(&db)
    .await
    .expect("audit_event");
    let event = audit_event::Entity::find_by_id(event.id)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(event.actor_kind, ActorKind::ApiKey);
    assert_eq!(event.detail, Some(json!({"version": 1})));

    // Relations, including many-to-many through meeting_child.
    let children = meeting.find_related(child::Entity).all(&db).await.unwrap();
    assert_eq!(children, vec![child.clone()]);
    let meetings = child.find_related(meeting::Entity).all(&db).await.unwrap();
    assert_eq!(meetings.len(), 1);
    let (_, owner) = views::Entity::find_by_id(saved.id)
        .find_also_related(child::Entity)
        .one(&db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(owner, Some(child));

    // Every entity reads its table: the columns the entities name all exist.
    let tables = [
        entity::prelude::LocalAuthority::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::Agency::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::StaffUser::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::Child::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::Meeting::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::MeetingChild::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::Referral::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::AdvocacyCase::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::ChildAccess::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::Views::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::ViewsVersion::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::AdvocateNote::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::ViewsShare::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::OutcomeDistribution::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::UrgentHelp::find()
            .all(&db)
            .await
            .map(|r| r.len()),
        entity::prelude::AuditEvent::find()
            .all(&db)
            .await
            .map(|r| r.len()),
    ];
    for (table, result) in TABLES_IN_PRELUDE_ORDER.iter().zip(tables) {
        result.unwrap_or_else(|e| panic!("{table}: {e}"));
    }
}

const TABLES_IN_PRELUDE_ORDER: &[&str] = &[
    "local_authority",
    "agency",
    "staff_user",
    "child",
    "meeting",
    "meeting_child",
    "referral",
    "advocacy_case",
    "child_access",
    "views",
    "views_version",
    "advocate_note",
    "views_share",
    "outcome_distribution",
    "urgent_help",
    "audit_event",
];

#[tokio::test]
async fn default_and_written_timestamps_compare_in_time_order() {
    // On SQLite a timestamp is text and compares as text, so the `created_at` default must write
    // the same shape as sqlx does (`CURRENT_TIMESTAMP` would not: `2026-11-23 10:00:00` sorts
    // before `2026-11-23T09:00:00+00:00`). PostgreSQL compares real timestamps.
    let (_test_db, db) = TestDb::migrated().await;
    let la = insert_id(&db, &la_row("somerset")).await;
    let now = Utc::now();
    for (action, occurred_at) in [
        ("before", now - chrono::Duration::seconds(2)),
        ("after", now + chrono::Duration::hours(1)),
    ] {
        audit_event::ActiveModel {
            local_authority_id: Set(la),
            actor_kind: Set(ActorKind::System),
            action: Set(action.into()),
            subject_type: Set("local_authority".into()),
            occurred_at: Set(occurred_at),
            ..Default::default()
        }
        .insert(&db)
        .await
        .unwrap();
    }
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT action FROM audit_event WHERE occurred_at < created_at",
        ))
        .await
        .unwrap();
    let earlier: Vec<String> = rows
        .iter()
        .map(|r| r.try_get("", "action").unwrap())
        .collect();
    assert_eq!(earlier, ["before"]);
}

// ---------------------------------------------------------------------------------------------
// UNIQUE

#[tokio::test]
async fn staff_email_is_unique_within_a_local_authority_only() {
    let (_test_db, db, a, b) = two_tenants().await;
    let email = "sam.worker@example.org";
    insert(&db, &staff_row(a.la, email, "social_worker"))
        .await
        .unwrap();
    assert_unique_violation(
        insert(&db, &staff_row(a.la, email, "advocate")).await,
        "same email twice in one local authority",
    );
    insert(&db, &staff_row(b.la, email, "social_worker"))
        .await
        .expect("the same email in another local authority is allowed");
}

#[tokio::test]
async fn one_referral_per_child_per_meeting() {
    let (_test_db, db, a, _b) = two_tenants().await;
    assert_unique_violation(
        insert(
            &db,
            &referral_row(a.la, a.child, a.meeting, a.social_worker),
        )
        .await,
        "second referral for the same child and meeting",
    );
    insert(
        &db,
        &referral_row(a.la, a.child, a.spare_meeting, a.social_worker),
    )
    .await
    .expect("a new referral for the next meeting");
    insert(&db, &self_referral_row(a.la))
        .await
        .expect("unlinked self-referrals do not collide (NULLs are distinct)");
}

#[tokio::test]
async fn one_views_per_child_per_meeting() {
    let (_test_db, db, a, _b) = two_tenants().await;
    assert_unique_violation(
        insert(&db, &views_row(a.la, a.child, a.meeting)).await,
        "second views for the same child and meeting",
    );
    insert(&db, &views_row(a.la, a.child, a.spare_meeting))
        .await
        .unwrap();
}

#[tokio::test]
async fn idempotency_key_is_unique_per_child() {
    let (_test_db, db, a, _b) = two_tenants().await;
    insert(
        &db,
        &views_row(a.la, a.child, a.spare_meeting).text("idempotency_key", "k1"),
    )
    .await
    .unwrap();
    let reuse = format!(
        "UPDATE views SET idempotency_key = 'k1' WHERE id = {}",
        a.views
    );
    assert_unique_violation(
        db.execute_unprepared(&reuse).await.map(|_| ()),
        "same idempotency key for the same child",
    );
    insert(
        &db,
        &views_row(a.la, a.spare_child, a.meeting).text("idempotency_key", "k1"),
    )
    .await
    .expect("another child may use the same key");
}

#[tokio::test]
async fn one_outcome_distribution_per_meeting_and_agency() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let row = outcome_row(a.la, a.meeting, a.agency, a.isro);
    insert(&db, &row).await.unwrap();
    assert_unique_violation(insert(&db, &row).await, "outcome sent twice to one agency");
}

#[tokio::test]
async fn access_code_digest_is_unique_across_local_authorities() {
    let (_test_db, db, a, b) = two_tenants().await;
    let digest = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    insert(&db, &child_access_row(a.la, a.child, digest))
        .await
        .unwrap();
    assert_unique_violation(
        insert(&db, &child_access_row(b.la, b.child, digest)).await,
        "the same code for a child elsewhere",
    );
}

#[tokio::test]
async fn refresh_token_and_api_key_digests_are_unique() {
    let (_test_db, db, a, b) = two_tenants().await;
    insert(&db, &refresh_token_row(a.la, a.advocate, "d1"))
        .await
        .unwrap();
    assert_unique_violation(
        insert(&db, &refresh_token_row(b.la, b.advocate, "d1")).await,
        "one refresh token digest twice",
    );
    insert(&db, &password_link_row(a.la, a.advocate, "p1"))
        .await
        .unwrap();
    assert_unique_violation(
        insert(&db, &password_link_row(b.la, b.advocate, "p1")).await,
        "one password link digest twice",
    );
    insert(&db, &api_key_row(a.la, "k1")).await.unwrap();
    assert_unique_violation(
        insert(&db, &api_key_row(b.la, "k1")).await,
        "one API key digest twice",
    );
}

#[tokio::test]
async fn one_views_version_per_version_number() {
    let (_test_db, db, a, _b) = two_tenants().await;
    insert(&db, &views_version_row(a.la, a.views, 1))
        .await
        .unwrap();
    assert_unique_violation(
        insert(&db, &views_version_row(a.la, a.views, 1)).await,
        "version 1 twice",
    );
    insert(&db, &views_version_row(a.la, a.views, 2))
        .await
        .unwrap();
}

#[tokio::test]
async fn one_share_per_version_and_recipient() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let row = share_row(a.la, a.views, 1, a.isro, a.advocate);
    insert(&db, &row).await.unwrap();
    assert_unique_violation(
        insert(&db, &row).await,
        "version 1 shared twice with the ISRO",
    );
    insert(&db, &row.clone().set("version", 2))
        .await
        .expect("version 2 is a new share");
    insert(
        &db,
        &row.set("recipient_id", a.social_worker)
            .text("audience", "social_worker"),
    )
    .await
    .expect("another recipient");
}

#[tokio::test]
async fn names_slugs_agencies_and_cases_are_unique() {
    let (_test_db, db, a, b) = two_tenants().await;
    assert_unique_violation(
        insert(&db, &la_row("somerset").text("slug", "other")).await,
        "local authority name",
    );
    assert_unique_violation(
        insert(&db, &la_row("other").text("slug", "somerset")).await,
        "local authority slug",
    );
    assert_unique_violation(
        insert(&db, &agency_row(a.la, "Avon and Somerset Police")).await,
        "agency name within a local authority",
    );
    insert(&db, &agency_row(b.la, "Somerset Police HQ"))
        .await
        .unwrap();
    insert(&db, &agency_row(a.la, "Somerset Police HQ"))
        .await
        .expect("the same agency name in another local authority");
    assert_unique_violation(
        insert(
            &db,
            &case_row(a.la, a.referral, a.child, a.meeting, a.advocate),
        )
        .await,
        "a second case for one referral",
    );
}

// ---------------------------------------------------------------------------------------------
// FOREIGN KEY

/// A valid row per table, with each reference column and what tenant B has in its place.
fn references(a: &Tenant, b: &Tenant) -> Vec<(Row, Vec<(&'static str, i32)>)> {
    vec![
        (agency_row(a.la, "Fresh agency"), vec![]),
        (
            staff_row(a.la, "new@example.org", "agency").set("agency_id", a.agency),
            vec![("agency_id", b.agency)],
        ),
        (
            child_row(a.la).set("social_worker_id", a.social_worker),
            vec![("social_worker_id", b.social_worker)],
        ),
        (
            meeting_row(a.la)
                .set("chair_id", a.isro)
                .set("social_worker_id", a.social_worker),
            vec![("chair_id", b.isro), ("social_worker_id", b.social_worker)],
        ),
        (
            meeting_child_row(a.la, a.spare_meeting, a.spare_child),
            vec![("meeting_id", b.spare_meeting), ("child_id", b.spare_child)],
        ),
        (
            meeting_agency_row(a.la, a.meeting, a.agency),
            vec![("meeting_id", b.meeting), ("agency_id", b.agency)],
        ),
        (
            referral_row(a.la, a.spare_child, a.spare_meeting, a.social_worker),
            vec![
                ("child_id", b.spare_child),
                ("meeting_id", b.spare_meeting),
                ("referrer_id", b.social_worker),
            ],
        ),
        (
            case_row(a.la, a.open_referral, a.child, a.meeting, a.advocate),
            vec![
                ("referral_id", b.open_referral),
                ("child_id", b.child),
                ("meeting_id", b.meeting),
                ("advocate_id", b.advocate),
            ],
        ),
        (
            child_access_row(a.la, a.child, "fresh-digest")
                .set("case_id", a.case)
                .set("created_by", a.coordinator),
            vec![
                ("child_id", b.child),
                ("case_id", b.case),
                ("created_by", b.coordinator),
            ],
        ),
        (
            views_row(a.la, a.spare_child, a.spare_meeting).set("case_id", a.case),
            vec![
                ("child_id", b.spare_child),
                ("meeting_id", b.spare_meeting),
                ("case_id", b.case),
            ],
        ),
        (
            views_version_row(a.la, a.views, 1),
            vec![("views_id", b.views)],
        ),
        (
            note_row(a.la, a.case, a.advocate),
            vec![("case_id", b.case), ("author_id", b.advocate)],
        ),
        (
            share_row(a.la, a.views, 1, a.isro, a.advocate),
            vec![
                ("views_id", b.views),
                ("recipient_id", b.isro),
                ("shared_by", b.advocate),
            ],
        ),
        (
            handed_row(a.la, a.views, a.advocate),
            vec![("views_id", b.views), ("recorded_by", b.advocate)],
        ),
        (
            outcome_row(a.la, a.meeting, a.agency, a.isro).set("acknowledged_by", a.coordinator),
            vec![
                ("meeting_id", b.meeting),
                ("agency_id", b.agency),
                ("sent_by", b.isro),
                ("acknowledged_by", b.coordinator),
            ],
        ),
        (
            urgent_help_row(a.la, a.child)
                .set("case_id", a.case)
                .set("acknowledged_by", a.advocate),
            vec![
                ("child_id", b.child),
                ("case_id", b.case),
                ("acknowledged_by", b.advocate),
            ],
        ),
        (
            view_answer_row(a.la, a.views, a.meeting, a.child, a.isro),
            vec![
                ("views_id", b.views),
                ("meeting_id", b.meeting),
                ("child_id", b.child),
                ("answered_by", b.isro),
            ],
        ),
        (audit_row(a.la), vec![]),
        (
            child_message_row(a.la, a.child, a.advocate).set("meeting_id", a.meeting),
            vec![
                ("child_id", b.child),
                ("from_staff_id", b.advocate),
                ("meeting_id", b.meeting),
            ],
        ),
        (
            refresh_token_row(a.la, a.advocate, "fresh-refresh-digest"),
            vec![("staff_id", b.advocate)],
        ),
        (
            password_link_row(a.la, a.advocate, "fresh-link-digest"),
            vec![("staff_id", b.advocate)],
        ),
        (
            api_key_row(a.la, "fresh-key-digest").set("created_by", a.coordinator),
            vec![("created_by", b.coordinator)],
        ),
        (notice_row(a.la, "fresh-notice"), vec![]),
        (webhook_endpoint_row(a.la), vec![]),
        (duty_contact_row(a.la, "fresh-duty@example.org"), vec![]),
        (
            import_check_row(a.la, a.advocate, "fresh-check"),
            vec![("staff_id", b.advocate)],
        ),
        (
            legal_hold_row(a.la, a.child, a.coordinator).set("lifted_by", a.advocate),
            vec![
                ("child_id", b.child),
                ("set_by", b.coordinator),
                ("lifted_by", b.advocate),
            ],
        ),
        (
            erasure_request_row(a.la, a.child, a.coordinator)
                .set("confirmed_by", a.advocate)
                .set("cancelled_by", a.isro),
            vec![
                ("child_id", b.child),
                ("requested_by", b.coordinator),
                ("confirmed_by", b.advocate),
                ("cancelled_by", b.isro),
            ],
        ),
        (
            retention_setting_row(a.la).set("updated_by", a.coordinator),
            vec![("updated_by", b.coordinator)],
        ),
        (
            Row::new("retention_run")
                .set("local_authority_id", a.la)
                .text("run_on", "2026-11-23")
                .set("started_at", AT),
            vec![],
        ),
        (
            Row::new("audit_purge")
                .set("local_authority_id", a.la)
                .set("cutoff", AT),
            vec![],
        ),
    ]
}

/// Every `(table, column)` that takes part in a foreign key, read from the database catalog.
async fn foreign_key_columns(db: &DatabaseConnection) -> BTreeSet<(String, String)> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT m.name AS t, p.\"from\" AS c FROM sqlite_master m \
             JOIN pragma_foreign_key_list(m.name) p WHERE m.type = 'table'"
        }
        _ => {
            "SELECT k.table_name AS t, k.column_name AS c \
             FROM information_schema.table_constraints tc \
             JOIN information_schema.key_column_usage k \
               ON k.constraint_name = tc.constraint_name AND k.table_schema = tc.table_schema \
             WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public'"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("list foreign key columns");
    rows.iter()
        .map(|row| (row.try_get("", "t").unwrap(), row.try_get("", "c").unwrap()))
        .collect()
}

#[tokio::test]
async fn dangling_references_are_rejected() {
    let (_test_db, db, a, b) = two_tenants().await;
    let mut covered = BTreeSet::new();
    for (row, refs) in references(&a, &b) {
        assert_valid(&db, &row).await;
        let cols = std::iter::once("local_authority_id").chain(refs.iter().map(|(col, _)| *col));
        for col in cols {
            let what = format!("{}.{col} = {MISSING}", row.table);
            assert_fk_violation(insert(&db, &row.clone().set(col, MISSING)).await, &what);
            covered.insert((row.table.to_owned(), col.to_owned()));
        }
    }
    assert_eq!(
        covered,
        foreign_key_columns(&db).await,
        "every foreign key column is covered"
    );
}

#[tokio::test]
async fn rows_cannot_point_at_another_tenants_rows() {
    let (_test_db, db, a, b) = two_tenants().await;
    for (row, refs) in references(&a, &b) {
        for (col, theirs) in refs {
            let what = format!("{}.{col} → the other local authority's row", row.table);
            assert_fk_violation(insert(&db, &row.clone().set(col, theirs)).await, &what);
        }
    }
    // Moving a row to the other tenant does not help: its references then cross instead.
    let moved = child_row(a.la)
        .set("social_worker_id", a.social_worker)
        .set("local_authority_id", b.la);
    assert_fk_violation(
        insert(&db, &moved).await,
        "child moved to B with A's social worker",
    );
}

// ---------------------------------------------------------------------------------------------
// CHECK

fn values<E: ActiveEnum<Value = String> + Iterable>() -> Vec<String> {
    E::iter().map(|v| v.to_value()).collect()
}

#[tokio::test]
async fn enum_columns_accept_exactly_the_rust_enum_values() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let referral = referral_row(a.la, a.spare_child, a.spare_meeting, a.social_worker)
        .text("decline_reason", "Sam is over 18");
    let views = views_row(a.la, a.spare_child, a.spare_meeting);
    let cases: Vec<(Row, &str, Vec<String>)> = vec![
        (agency_row(a.la, "Fresh"), "kind", values::<AgencyKind>()),
        (
            staff_row(a.la, "new@example.org", "admin"),
            "role",
            values::<StaffRole>(),
        ),
        (meeting_row(a.la), "kind", values::<MeetingKind>()),
        (meeting_row(a.la), "status", values::<MeetingStatus>()),
        (referral.clone(), "source", values::<ReferralSource>()),
        (
            referral.clone(),
            "parental_agreement",
            values::<ParentalAgreement>(),
        ),
        (referral, "status", values::<ReferralStatus>()),
        (
            case_row(a.la, a.open_referral, a.child, a.meeting, a.advocate),
            "status",
            values::<CaseStatus>(),
        ),
        (views.clone(), "feeling", values::<Feeling>()),
        (views.clone(), "attendance", values::<AttendanceChoice>()),
        (views, "status", values::<ViewsStatus>()),
        (
            views_version_row(a.la, a.views, 1),
            "status",
            values::<ViewsStatus>(),
        ),
        (
            share_row(a.la, a.views, 1, a.isro, a.advocate),
            "audience",
            values::<Audience>(),
        ),
        (audit_row(a.la), "actor_kind", values::<ActorKind>()),
        (
            retention_setting_row(a.la),
            "kind",
            values::<entity::retention_setting::RetentionKind>(),
        ),
    ];
    for (row, col, allowed) in cases {
        for value in allowed {
            assert_valid(&db, &row.clone().text(col, &value)).await;
        }
        let constraint = format!("ck_{}_{col}", row.table);
        assert_check_violation(insert(&db, &row.text(col, "not_a_kind")).await, &constraint);
    }
}

#[tokio::test]
async fn referral_needs_someone_to_contact() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let nobody = self_referral_row(a.la).set("self_referral_contact", "NULL");
    assert_check_violation(insert(&db, &nobody).await, "ck_referral_has_referrer");
    insert(&db, &nobody.set("referrer_id", a.social_worker))
        .await
        .unwrap();
}

#[tokio::test]
async fn declined_referral_needs_a_reason() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let declined = self_referral_row(a.la).text("status", "declined");
    assert_check_violation(
        insert(&db, &declined).await,
        "ck_referral_decline_has_reason",
    );
    insert(
        &db,
        &declined.text("decline_reason", "Sam already has an advocate"),
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn versions_start_at_one() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let views = views_row(a.la, a.spare_child, a.spare_meeting).set("version", 0);
    assert_check_violation(insert(&db, &views).await, "ck_views_version_at_least_one");
    let version = views_version_row(a.la, a.views, 0);
    assert_check_violation(
        insert(&db, &version).await,
        "ck_views_version_version_at_least_one",
    );
}

#[tokio::test]
async fn only_agency_users_belong_to_an_agency() {
    let (_test_db, db, a, _b) = two_tenants().await;
    let advocate = staff_row(a.la, "new@example.org", "advocate").set("agency_id", a.agency);
    assert_check_violation(
        insert(&db, &advocate).await,
        "ck_staff_user_agency_only_for_agency_role",
    );
    insert(&db, &advocate.text("role", "agency")).await.unwrap();
}

// ---------------------------------------------------------------------------------------------
// Append-only audit trail

#[tokio::test]
async fn audit_trail_is_append_only() {
    let (_test_db, db, a, _b) = two_tenants().await;
    insert(&db, &audit_row(a.la)).await.unwrap();
    let before = audit_event::Entity::find().all(&db).await.unwrap();

    for sql in [
        "UPDATE audit_event SET action = 'views.edit'",
        "DELETE FROM audit_event",
    ] {
        match db.execute_unprepared(sql).await {
            Err(e) if e.to_string().contains("audit_event is append-only") => {}
            other => panic!("{sql}: expected the append-only trigger, got {other:?}"),
        }
    }
    if db.get_database_backend() == DbBackend::Postgres {
        let truncate = db.execute_unprepared("TRUNCATE audit_event").await;
        assert!(truncate.is_err(), "TRUNCATE must fail too: {truncate:?}");
    }

    insert(&db, &audit_row(a.la))
        .await
        .expect("appending still works");
    let after = audit_event::Entity::find().all(&db).await.unwrap();
    assert_eq!(after.len(), 2);
    assert_eq!(after[0], before[0], "the first event is unchanged");
}
