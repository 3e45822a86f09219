//! A local authority with two admins, an advocate and a chair, and children whose advocacy closed
//! on a given day, each with one of every kind of record. Rows go in as raw SQL (valid rows, as
//! the schema tests write them) so the tests need no long set-up through the pages.
use chrono::{DateTime, Duration, SecondsFormat, Utc};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};

pub(crate) struct Story {
    pub(crate) la: i32,
    pub(crate) admin_email: String,
    pub(crate) second_admin_email: String,
    pub(crate) advocate: i32,
    pub(crate) isro: i32,
}

/// One child and their records.
pub(crate) struct ChildRecords {
    pub(crate) id: i32,
    pub(crate) views: i32,
    pub(crate) meeting: i32,
}

/// What the child said, to look for where it must not be (the audit).
pub(crate) const WORDS: &str = "I miss my brother";

fn at(t: DateTime<Utc>) -> String {
    format!("'{}'", t.to_rfc3339_opts(SecondsFormat::Secs, false))
}

fn q(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

async fn id(db: &DatabaseConnection, table: &str, cols: &[(&str, String)]) -> i32 {
    let names: Vec<&str> = cols.iter().map(|(c, _)| *c).collect();
    let values: Vec<&str> = cols.iter().map(|(_, v)| v.as_str()).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({}) RETURNING id",
        names.join(", "),
        values.join(", ")
    );
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            sql.clone(),
        ))
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .expect("a row");
    row.try_get("", "id").expect("id")
}

async fn exec(db: &DatabaseConnection, table: &str, cols: &[(&str, String)]) {
    let names: Vec<&str> = cols.iter().map(|(c, _)| *c).collect();
    let values: Vec<&str> = cols.iter().map(|(_, v)| v.as_str()).collect();
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({})",
        names.join(", "),
        values.join(", ")
    );
    db.execute_unprepared(&sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"));
}

async fn staff(db: &DatabaseConnection, la: i32, email: &str, role: &str) -> i32 {
    id(
        db,
        "staff_user",
        &[
            ("local_authority_id", la.to_string()),
            ("name", q(&format!("{role} {email}"))),
            ("email", q(email)),
            ("role", q(role)),
            (
                "password_hash",
                q("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"),
            ),
        ],
    )
    .await
}

pub(crate) async fn authority(db: &DatabaseConnection, tag: &str) -> Story {
    let la = id(
        db,
        "local_authority",
        &[("name", q(&format!("{tag} Council"))), ("slug", q(tag))],
    )
    .await;
    let admin_email = format!("admin@{tag}.example");
    let second_admin_email = format!("admin.two@{tag}.example");
    staff(db, la, &admin_email, "admin").await;
    staff(db, la, &second_admin_email, "admin").await;
    let advocate = staff(db, la, &format!("advocate@{tag}.example"), "advocate").await;
    let isro = staff(db, la, &format!("isro@{tag}.example"), "isro").await;
    Story {
        la,
        admin_email,
        second_admin_email,
        advocate,
        isro,
    }
}

/// A child whose one piece of advocacy closed at `closed_at`, after their meeting; with views (one
/// version), a share and a printed statement, an answer, a message, an advocate note, a sign-in
/// code, a request for help, and an audit event about their views.
pub(crate) async fn child_with_closed_work(
    db: &DatabaseConnection,
    story: &Story,
    name: &str,
    closed_at: DateTime<Utc>,
) -> ChildRecords {
    let la = story.la.to_string();
    let l = || ("local_authority_id", la.clone());
    let held_at = closed_at - Duration::days(2);
    let child = id(
        db,
        "child",
        &[
            l(),
            ("preferred_name", q(name)),
            ("full_name", q(&format!("{name} Example"))),
            ("external_ref", q(&format!("REF-{name}"))),
            ("date_of_birth", q("2015-04-01")),
            ("looked_after", "FALSE".into()),
            ("lives_with", q("Nan")),
        ],
    )
    .await;
    let meeting = id(
        db,
        "meeting",
        &[
            l(),
            ("kind", q("child_protection_review")),
            ("status", q("held")),
            ("scheduled_at", at(held_at)),
            ("chair_id", story.isro.to_string()),
            ("plan", q(&format!("{name} stays with Nan."))),
            ("outcome_child_words", q("You will stay with Nan.")),
        ],
    )
    .await;
    exec(
        db,
        "meeting_child",
        &[
            l(),
            ("meeting_id", meeting.to_string()),
            ("child_id", child.to_string()),
        ],
    )
    .await;
    let referral = id(
        db,
        "referral",
        &[
            l(),
            ("child_id", child.to_string()),
            ("meeting_id", meeting.to_string()),
            ("source", q("self_referral")),
            ("self_referral_contact", q("Nan, 07700 900123")),
            ("reason", q("Wants help to speak up.")),
            ("parental_agreement", q("given")),
            ("status", q("accepted")),
            ("received_at", at(held_at - Duration::days(10))),
        ],
    )
    .await;
    let case = id(
        db,
        "advocacy_case",
        &[
            l(),
            ("referral_id", referral.to_string()),
            ("child_id", child.to_string()),
            ("meeting_id", meeting.to_string()),
            ("advocate_id", story.advocate.to_string()),
            ("status", q("closed")),
            ("allocated_at", at(held_at - Duration::days(9))),
            ("closed_at", at(closed_at)),
            ("close_reason", q("The meeting happened.")),
        ],
    )
    .await;
    let views = id(
        db,
        "views",
        &[
            l(),
            ("child_id", child.to_string()),
            ("meeting_id", meeting.to_string()),
            ("case_id", case.to_string()),
            ("worries", q(&format!(r#"["{WORDS}"]"#))),
            ("going_well", q(r#"["football on Saturdays"]"#)),
            ("want_to_happen", q("[]")),
            ("status", q("draft")),
        ],
    )
    .await;
    let v = || ("views_id", views.to_string());
    id(
        db,
        "views_version",
        &[
            l(),
            v(),
            ("version", "1".into()),
            ("snapshot", q(&format!(r#"{{"worries": ["{WORDS}"]}}"#))),
            ("status", q("submitted")),
        ],
    )
    .await;
    id(
        db,
        "views_share",
        &[
            l(),
            v(),
            ("version", "1".into()),
            ("recipient_id", story.isro.to_string()),
            ("audience", q("chair")),
            ("shared_by", story.advocate.to_string()),
            ("shared_at", at(held_at - Duration::days(3))),
            ("read_at", at(held_at - Duration::days(2))),
        ],
    )
    .await;
    id(
        db,
        "views_handed",
        &[
            l(),
            v(),
            ("version", "1".into()),
            ("audience", q("family")),
            ("given_on", q(&held_at.date_naive().to_string())),
            ("recorded_by", story.advocate.to_string()),
        ],
    )
    .await;
    id(
        db,
        "view_answer",
        &[
            l(),
            v(),
            ("meeting_id", meeting.to_string()),
            ("child_id", child.to_string()),
            ("part", q("worries")),
            ("item_index", "0".into()),
            ("said", q(WORDS)),
            ("kind", q("agreed")),
            ("words", q("You will see your brother every Saturday.")),
            ("answered_by", story.isro.to_string()),
            ("answered_at", at(held_at)),
        ],
    )
    .await;
    id(
        db,
        "child_message",
        &[
            l(),
            ("child_id", child.to_string()),
            ("from_staff_id", story.advocate.to_string()),
            ("words", q("Thank you, I'll share this on Tuesday.")),
            ("sent_at", at(held_at - Duration::days(1))),
        ],
    )
    .await;
    id(
        db,
        "advocate_note",
        &[
            l(),
            ("case_id", case.to_string()),
            ("author_id", story.advocate.to_string()),
            ("body", q(&format!("Met {name} at school."))),
        ],
    )
    .await;
    id(
        db,
        "child_access",
        &[
            l(),
            ("child_id", child.to_string()),
            ("code_digest", q(&format!("digest-{name}"))),
            ("pin_hash", q("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$cGlu")),
            ("expires_at", at(closed_at)),
        ],
    )
    .await;
    id(
        db,
        "urgent_help",
        &[
            l(),
            ("child_id", child.to_string()),
            ("message", q("I don't feel safe at home tonight")),
            ("raised_at", at(held_at - Duration::days(4))),
        ],
    )
    .await;
    audit(db, story.la, "views.read", "views", views, closed_at).await;
    ChildRecords {
        id: child,
        views,
        meeting,
    }
}

/// An audit event as ordinary code writes it.
pub(crate) async fn audit(
    db: &DatabaseConnection,
    la: i32,
    action: &str,
    subject_type: &str,
    subject_id: i32,
    occurred_at: DateTime<Utc>,
) {
    id(
        db,
        "audit_event",
        &[
            ("local_authority_id", la.to_string()),
            ("actor_kind", q("staff")),
            ("actor_id", "1".into()),
            ("action", q(action)),
            ("subject_type", q(subject_type)),
            ("subject_id", subject_id.to_string()),
            ("occurred_at", at(occurred_at)),
        ],
    )
    .await;
}

/// A staff session and a set-password link that stopped working at `ended`.
pub(crate) async fn sign_ins(db: &DatabaseConnection, story: &Story, ended: DateTime<Utc>) {
    let la = story.la.to_string();
    id(
        db,
        "refresh_token",
        &[
            ("local_authority_id", la.clone()),
            ("staff_id", story.advocate.to_string()),
            ("family_id", q("family-1")),
            ("token_digest", q("refresh-digest")),
            ("expires_at", at(ended)),
        ],
    )
    .await;
    id(
        db,
        "password_link",
        &[
            ("local_authority_id", la),
            ("staff_id", story.advocate.to_string()),
            ("token_digest", q("link-digest")),
            ("expires_at", at(ended)),
        ],
    )
    .await;
}

/// How many rows of each kind the child still has (the meeting's words count as one).
pub(crate) async fn left(
    db: &DatabaseConnection,
    child: &ChildRecords,
) -> Vec<(&'static str, i64)> {
    let c = child.id;
    let v = child.views;
    let m = child.meeting;
    let checks: [(&'static str, String); 8] = [
        (
            "views",
            format!(
                "SELECT (SELECT COUNT(*) FROM views WHERE id = {v}) + (SELECT COUNT(*) FROM views_version WHERE views_id = {v}) AS n"
            ),
        ),
        (
            "shares_and_reads",
            format!(
                "SELECT (SELECT COUNT(*) FROM views_share WHERE views_id = {v}) + (SELECT COUNT(*) FROM views_handed WHERE views_id = {v}) AS n"
            ),
        ),
        (
            "advocate_notes",
            format!(
                "SELECT COUNT(*) AS n FROM advocate_note WHERE case_id IN (SELECT id FROM advocacy_case WHERE child_id = {c})"
            ),
        ),
        (
            "outcomes",
            format!(
                "SELECT (SELECT COUNT(*) FROM view_answer WHERE child_id = {c}) + (SELECT COUNT(*) FROM child_message WHERE child_id = {c}) + (SELECT COUNT(*) FROM meeting WHERE id = {m} AND plan IS NOT NULL) AS n"
            ),
        ),
        (
            "child_record",
            format!(
                "SELECT (SELECT COUNT(*) FROM child WHERE id = {c} AND full_name IS NOT NULL) + (SELECT COUNT(*) FROM child_access WHERE child_id = {c}) AS n"
            ),
        ),
        (
            "referral_details",
            format!(
                "SELECT COUNT(*) AS n FROM referral WHERE child_id = {c} AND reason IS NOT NULL"
            ),
        ),
        (
            "audit_events",
            format!(
                "SELECT COUNT(*) AS n FROM audit_event WHERE subject_type = 'views' AND subject_id = {v}"
            ),
        ),
        (
            "rows_counted_by_oversight",
            format!(
                "SELECT (SELECT COUNT(*) FROM child WHERE id = {c}) + (SELECT COUNT(*) FROM advocacy_case WHERE child_id = {c}) + (SELECT COUNT(*) FROM referral WHERE child_id = {c}) AS n"
            ),
        ),
    ];
    let mut out = Vec::new();
    for (kind, sql) in checks {
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .expect("count")
            .expect("a row");
        out.push((kind, row.try_get::<i64>("", "n").expect("n")));
    }
    out
}

/// The count of one kind in `left`.
pub(crate) fn of(counts: &[(&'static str, i64)], kind: &str) -> i64 {
    counts
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, n)| *n)
        .unwrap_or_else(|| panic!("no count {kind}"))
}

/// Staff sessions and set-password links the authority still has.
pub(crate) async fn sign_ins_left(db: &DatabaseConnection, la: i32) -> i64 {
    let sql = format!(
        "SELECT (SELECT COUNT(*) FROM refresh_token WHERE local_authority_id = {la}) \
         + (SELECT COUNT(*) FROM password_link WHERE local_authority_id = {la}) AS n"
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("count")
        .expect("a row");
    row.try_get::<i64>("", "n").expect("n")
}
