//! Subject access (issue 22 item 3): an admin exports everything held about one child as one zip.
//! The export is read back: every row the database holds about the child is in it (checked with
//! the same mapping the export uses AND independently for the key tables), nothing about another
//! child of the authority or of another authority, the child's words exactly as written, the
//! download works once and only for the admin who asked, and it is audited.
use std::collections::{BTreeMap, BTreeSet};
use std::io::{Cursor, Read};

use api::auth::TenantId;
use api::data_protection::held::{self, HELD, NOT_HELD};
use api::graphql::ids::NodeKind;
use chrono::{Duration, Utc};
use entity::enums::{ActorKind, StaffRole};
use entity::{
    audit_event, child, child_message, form_draft, legal_hold, meeting_child, staff_user,
};
use entity::{views, views_share, views_version};
use myvoice_bench::history;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait,
    QueryFilter, Set, Statement,
};
use serde_json::{Value, json};
use tests::app::{TestApp, error_code, spawn_demo_app, spawn_demo_app_with, staff_token};
use tests::db::TestDb;

use crate::plain_browser::PlainBrowser;
use crate::referrals::child_named;
use crate::views::{ADVOCATE, kid, mia_submits, other_tenant};

const EXPORT: &str =
    "mutation($c: ID!) { exportChildRecord(childId: $c) { childId url path expiresAt } }";
const ADMIN: &str = "admin@demo.myvoice";
const OTHER_ADMIN: &str = "admin@other.myvoice";
/// Mia's words, with what HTML must escape: the statement shows them exactly, never as markup.
const MIA_WORDS: &str = "I want to see my brother <b>\"every\"</b> Saturday & Sunday.";
const JADE_WORDS: &str = "Jade's own words: never in Mia's export.";
const ZOE_WORDS: &str = "Zoe's words, in another authority.";

/// Every table of the database (without sea-orm's own).
async fn tables(db: &DatabaseConnection) -> BTreeSet<String> {
    let sql = match db.get_database_backend() {
        DbBackend::Sqlite => {
            "SELECT name AS t FROM sqlite_master WHERE type = 'table' \
             AND name NOT LIKE 'sqlite_%' AND name <> 'seaql_migrations'"
        }
        _ => {
            "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' \
             AND tablename <> 'seaql_migrations'"
        }
    };
    db.query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("list tables")
        .iter()
        .map(|row| row.try_get::<String>("", "t").expect("table name"))
        .collect()
}

#[tokio::test]
async fn every_table_is_classified_as_held_about_a_child_or_not() {
    let (_test_db, db) = TestDb::migrated().await;
    let classified: BTreeSet<String> = HELD
        .iter()
        .map(|(t, _, _)| t.to_string())
        .chain(NOT_HELD.iter().map(|(t, _)| t.to_string()))
        .collect();
    let in_database = tables(&db).await;
    let unclassified: Vec<_> = in_database.difference(&classified).collect();
    assert!(
        unclassified.is_empty(),
        "tables not classified in api/src/data_protection/held.rs (HELD or NOT_HELD): {unclassified:?}"
    );
    let gone: Vec<_> = classified.difference(&in_database).collect();
    assert!(
        gone.is_empty(),
        "classified tables the database does not have: {gone:?}"
    );
}

/// The files of a zip, as text.
fn unzip(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip");
    let mut files = BTreeMap::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("a file in the zip");
        let mut text = String::new();
        file.read_to_string(&mut text).expect("UTF-8 file");
        let name = file.name().expect("a file name").into_owned();
        files.insert(name, text);
    }
    files
}

fn rows(files: &BTreeMap<String, String>, table: &str) -> Vec<Value> {
    let text = files
        .get(&format!("data/{table}.json"))
        .unwrap_or_else(|| panic!("no data/{table}.json"));
    serde_json::from_str::<Vec<Value>>(text).expect("rows as JSON")
}

/// The exported ids of a table (`meeting_id` for the two join tables).
fn exported_ids(files: &BTreeMap<String, String>, table: &str) -> BTreeSet<i64> {
    let key = match table {
        "meeting_child" | "meeting_agency" => "meeting_id",
        _ => "id",
    };
    rows(files, table)
        .iter()
        .map(|r| r[key].as_i64().expect("an id"))
        .collect()
}

async fn add_admin(db: &DatabaseConnection, la: i32, email: &str) -> String {
    staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Other Admin".into()),
        email: Set(email.into()),
        role: Set(StaffRole::Admin),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .unwrap();
    staff_token(db, email).await
}

/// Mia and Jade (one authority) and Zoe (another), each with a history in every kind of row;
/// Mia also sends views through the API, so real audit events are there too.
async fn three_children(app: &TestApp) -> (child::Model, child::Model, child::Model) {
    let mia = child_named(&app.db, "Mia").await;
    let jade = child_named(&app.db, "Jade").await;
    // Through the API first, while Mia's demo case is her only one.
    let mia_kid = kid(&app.db, "Mia").await;
    let token = tests::app::child_token(&app.db, "Mia").await;
    mia_submits(app, &mia_kid, &token).await;
    let people = history::people(&app.db, mia.local_authority_id)
        .await
        .unwrap();
    history::seed(&app.db, people, mia.id, 3, 30, MIA_WORDS)
        .await
        .unwrap();
    history::seed(&app.db, people, jade.id, 3, 30, JADE_WORDS)
        .await
        .unwrap();
    other_tenant(&app.db).await;
    let zoe = child_named(&app.db, "Zoe").await;
    let others = history::people(&app.db, zoe.local_authority_id)
        .await
        .unwrap();
    history::seed(&app.db, others, zoe.id, 2, 30, ZOE_WORDS)
        .await
        .unwrap();
    (mia, jade, zoe)
}

async fn ask(app: &TestApp, token: &str, child_id: i32) -> Value {
    app.graphql_as(
        Some(token),
        EXPORT,
        json!({ "c": NodeKind::Child.id(child_id).0 }),
    )
    .await
}

async fn link(app: &TestApp, token: &str, child_id: i32) -> String {
    let answer = ask(app, token, child_id).await;
    assert!(answer.get("errors").is_none(), "{answer}");
    answer["data"]["exportChildRecord"]["path"]
        .as_str()
        .expect("a path")
        .to_owned()
}

async fn download(app: &TestApp, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url(path));
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.expect("GET the export")
}

#[tokio::test]
async fn the_export_holds_every_row_about_the_child_and_none_about_another() {
    let app = spawn_demo_app().await;
    let (mia, jade, zoe) = three_children(&app).await;
    let la = mia.local_authority_id;
    let admin = staff_token(&app.db, ADMIN).await;
    let path = link(&app, &admin, mia.id).await;

    let response = download(&app, &path, Some(&admin)).await;
    assert_eq!(response.status(), 200);
    let header = |name: &str| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header("content-type"), "application/zip");
    assert!(
        header("content-disposition").starts_with("attachment;"),
        "{}",
        header("content-disposition")
    );
    assert_eq!(header("cache-control"), "no-store");
    let files = unzip(&response.bytes().await.unwrap());
    assert!(files["README.txt"].contains("not kept on the server"));

    // The same mapping, read from the database now: every held row is exported, in every kind.
    let now_held = held::load(&app.db, TenantId(la), mia.id)
        .await
        .unwrap()
        .unwrap();
    for (table, _, _) in HELD {
        let expected: BTreeSet<i64> = held::held_ids(&now_held, table)
            .into_iter()
            .map(i64::from)
            .collect();
        let mut got = exported_ids(&files, table);
        if *table == "audit_event" {
            // Made after the archive: the export's own event.
            let exported: BTreeSet<i64> = expected.difference(&got).copied().collect();
            assert_eq!(
                exported.len(),
                1,
                "only the export's own event is new: {exported:?}"
            );
            got.extend(exported);
        }
        assert_eq!(got, expected, "{table}");
        assert!(
            !got.is_empty(),
            "the test seeds every kind of row: none in {table}"
        );
    }

    // Independently, for the key tables: straight from the database by the child's id.
    let mia_views: BTreeSet<i32> = views::Entity::find()
        .filter(views::Column::ChildId.eq(mia.id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    let as_i64 = |ids: &BTreeSet<i32>| ids.iter().map(|i| i64::from(*i)).collect::<BTreeSet<_>>();
    assert_eq!(exported_ids(&files, "views"), as_i64(&mia_views));
    let versions: BTreeSet<i32> = views_version::Entity::find()
        .filter(views_version::Column::ViewsId.is_in(mia_views.iter().copied()))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|v| v.id)
        .collect();
    assert!(
        versions.len() > mia_views.len(),
        "every version, not only the newest"
    );
    assert_eq!(exported_ids(&files, "views_version"), as_i64(&versions));
    let shares: Vec<views_share::Model> = views_share::Entity::find()
        .filter(views_share::Column::ViewsId.is_in(mia_views.iter().copied()))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(
        exported_ids(&files, "views_share"),
        shares.iter().map(|s| i64::from(s.id)).collect()
    );
    assert!(
        rows(&files, "views_share")
            .iter()
            .any(|s| s["read_at"].is_string()),
        "reads are there"
    );
    let messages: BTreeSet<i32> = child_message::Entity::find()
        .filter(child_message::Column::ChildId.eq(mia.id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|m| m.id)
        .collect();
    assert_eq!(exported_ids(&files, "child_message"), as_i64(&messages));
    let holds: BTreeSet<i32> = legal_hold::Entity::find()
        .filter(legal_hold::Column::ChildId.eq(mia.id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(exported_ids(&files, "legal_hold"), as_i64(&holds));
    let meetings: BTreeSet<i32> = meeting_child::Entity::find()
        .filter(meeting_child::Column::ChildId.eq(mia.id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|m| m.meeting_id)
        .collect();
    assert_eq!(exported_ids(&files, "meeting"), as_i64(&meetings));
    let about_views_or_by_mia = audit_event::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(
                    sea_orm::Condition::all()
                        .add(audit_event::Column::SubjectType.eq("views"))
                        .add(audit_event::Column::SubjectId.is_in(mia_views.iter().copied())),
                )
                .add(
                    sea_orm::Condition::all()
                        .add(audit_event::Column::ActorKind.eq(ActorKind::Child))
                        .add(audit_event::Column::ActorId.eq(mia.id)),
                ),
        )
        .all(&app.db)
        .await
        .unwrap();
    let audit = exported_ids(&files, "audit_event");
    assert!(
        about_views_or_by_mia
            .iter()
            .any(|e| e.action == "views.submitted")
    );
    for event in &about_views_or_by_mia {
        assert!(
            audit.contains(&i64::from(event.id)),
            "{} {}",
            event.action,
            event.id
        );
    }

    // Nothing about another child: no row names another child or authority, no other child's
    // views or events, and their words appear nowhere.
    for (table, _, _) in HELD {
        for row in rows(&files, table) {
            assert_eq!(row["local_authority_id"], la, "{table}: {row}");
            if let Some(child_id) = row.get("child_id").and_then(Value::as_i64) {
                assert_eq!(child_id, i64::from(mia.id), "{table}: {row}");
            }
            if *table == "audit_event" && row["actor_kind"] == "child" {
                assert_eq!(row["actor_id"], mia.id, "{row}");
            }
        }
    }
    let jade_views: BTreeSet<i64> = views::Entity::find()
        .filter(views::Column::ChildId.is_in([jade.id, zoe.id]))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|v| i64::from(v.id))
        .collect();
    assert!(exported_ids(&files, "views").is_disjoint(&jade_views));
    for event in rows(&files, "audit_event") {
        if event["subject_type"] == "views" {
            assert!(
                !jade_views.contains(&event["subject_id"].as_i64().unwrap()),
                "{event}"
            );
        }
    }
    for (name, text) in &files {
        for words in [JADE_WORDS, ZOE_WORDS] {
            assert!(!text.contains(words), "{name} holds another child's words");
        }
    }

    // The child's words exactly as written: in the data as stored, in the statement escaped.
    let views_rows = rows(&files, "views");
    assert!(views_rows.iter().any(|v| v["free_words"] == MIA_WORDS));
    assert!(
        views_rows.iter().all(|v| {
            let at = v["created_at"].as_str().unwrap();
            at.contains('T') && at.ends_with('Z')
        }),
        "times in ISO 8601 UTC"
    );
    let statements: Vec<&String> = files
        .iter()
        .filter(|(name, _)| name.starts_with("statements/") && name.ends_with(".html"))
        .map(|(_, html)| html)
        .collect();
    assert!(
        statements.len() >= 4,
        "one statement per views sent: {}",
        statements.len()
    );
    let escaped =
        "I want to see my brother &lt;b&gt;&quot;every&quot;&lt;/b&gt; Saturday &amp; Sunday.";
    assert!(statements.iter().any(|html| html.contains(escaped)));
    assert!(
        statements
            .iter()
            .all(|html| !html.contains("<b>\"every\"</b>"))
    );

    // Audited: who, which child; never the contents.
    let admin_id = tests::app::staff_by_email(&app.db, ADMIN).await.id;
    let exported = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("child.record_exported"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(exported.len(), 1);
    assert_eq!(exported[0].subject_type, "child");
    assert_eq!(exported[0].subject_id, Some(mia.id));
    assert_eq!(exported[0].actor_kind, ActorKind::Staff);
    assert_eq!(exported[0].actor_id, Some(admin_id));
    assert_eq!(exported[0].detail, None);
}

#[tokio::test]
async fn the_link_works_once_for_the_admin_who_asked_and_nobody_else() {
    let app = spawn_demo_app().await;
    let mia = child_named(&app.db, "Mia").await;
    let admin = staff_token(&app.db, ADMIN).await;
    let advocate = staff_token(&app.db, ADVOCATE).await;
    other_tenant(&app.db).await;
    let zoe = child_named(&app.db, "Zoe").await;
    let other_admin = add_admin(&app.db, zoe.local_authority_id, OTHER_ADMIN).await;

    // Asking: admins only, and only for their own authority's children.
    assert_eq!(error_code(&ask(&app, &advocate, mia.id).await), "FORBIDDEN");
    assert_eq!(
        error_code(&ask(&app, &other_admin, mia.id).await),
        "NOT_FOUND"
    );
    let asked = ask(&app, &admin, mia.id).await;
    let url = asked["data"]["exportChildRecord"]["url"].as_str().unwrap();
    let path = link(&app, &admin, mia.id).await;
    assert!(url.ends_with(asked["data"]["exportChildRecord"]["path"].as_str().unwrap()));

    // Nobody else can use the link, and their tries do not spend it.
    assert_eq!(download(&app, &path, None).await.status(), 401);
    assert_eq!(download(&app, &path, Some(&advocate)).await.status(), 403);
    assert_eq!(
        download(&app, &path, Some(&other_admin)).await.status(),
        404
    );
    let another_admin = add_admin(&app.db, mia.local_authority_id, "admin2@demo.myvoice").await;
    assert_eq!(
        download(&app, &path, Some(&another_admin)).await.status(),
        404
    );

    // The admin's page session (the staff cookie) downloads it, once.
    let with_cookie = |path: &str| {
        app.client
            .get(app.url(path))
            .header("cookie", format!("myvoice_staff={admin}~not-needed"))
            .send()
    };
    let first = with_cookie(&path).await.unwrap();
    assert_eq!(first.status(), 200);
    assert!(!unzip(&first.bytes().await.unwrap()).is_empty());
    let second = with_cookie(&path).await.unwrap();
    assert_eq!(second.status(), 404, "a link works once");
    assert_eq!(second.headers()["cache-control"], "no-store");

    // A link nobody used in time no longer works.
    let late = link(&app, &admin, mia.id).await;
    form_draft::Entity::update_many()
        .col_expr(
            form_draft::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .filter(form_draft::Column::Form.eq("child-record-export"))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(download(&app, &late, Some(&admin)).await.status(), 404);

    // Nothing of the export is kept: spent and expired links are gone or lapsed.
    let exported = audit_event::Entity::find()
        .filter(audit_event::Column::Action.eq("child.record_exported"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(exported.len(), 1, "only the one download is an export");
}

#[tokio::test]
async fn a_longer_history_costs_no_more_statements() {
    // The notice worker shares the pool: asleep here, so only the download's statements count.
    let app = spawn_demo_app_with(|s| s.notify.poll = std::time::Duration::from_secs(3600)).await;
    let mia = child_named(&app.db, "Mia").await;
    let jade = child_named(&app.db, "Jade").await;
    let people = history::people(&app.db, mia.local_authority_id)
        .await
        .unwrap();
    history::seed(&app.db, people, mia.id, 2, 30, MIA_WORDS)
        .await
        .unwrap();
    history::seed(&app.db, people, jade.id, 12, 30, JADE_WORDS)
        .await
        .unwrap();
    let admin = staff_token(&app.db, ADMIN).await;
    // The session is known first (its first request reads it once).
    download(&app, "/data-protection/exports/warm-up", Some(&admin)).await;
    let mut counts = Vec::new();
    for child in [mia.id, jade.id] {
        let path = link(&app, &admin, child).await;
        let (statements, response) = app
            .statements_during(download(&app, &path, Some(&admin)))
            .await;
        assert_eq!(response.status(), 200);
        counts.push(statements);
    }
    assert_eq!(
        counts[0], counts[1],
        "2 meetings vs 12: one query per table, not per row"
    );
}

#[tokio::test]
async fn the_admin_page_downloads_the_zip_with_javascript_off() {
    let app = spawn_demo_app().await;
    let mia = child_named(&app.db, "Mia").await;
    let admin = staff_token(&app.db, ADMIN).await;
    let id = NodeKind::Child.id(mia.id).0;
    let page_path = format!("/staff/admin/children/{id}/export");
    let mut browser = PlainBrowser::staff(&app, &admin);
    let page = browser.open(&page_path).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Export a child&#x27;s record")
            || page.body.contains("Export a child's record")
    );
    assert!(
        page.body
            .contains(r#"action="/api/staff/admin-export-child""#)
    );

    let answer = browser
        .post(
            &page_path,
            "/api/staff/admin-export-child",
            &[("child_id", &id)],
        )
        .await;
    assert!((300..400).contains(&answer.status), "{}", answer.status);
    let location = answer.location.expect("sent to the download");
    assert!(
        location.starts_with("/data-protection/exports/"),
        "{location}"
    );
    // The browser follows it with its session cookie and gets the zip as a download.
    let zip = app
        .client
        .get(app.url(&location))
        .header("cookie", format!("myvoice_staff={admin}~not-needed"))
        .send()
        .await
        .unwrap();
    assert_eq!(zip.status(), 200);
    assert_eq!(zip.headers()["content-type"], "application/zip");
    let files = unzip(&zip.bytes().await.unwrap());
    assert_eq!(rows(&files, "child")[0]["preferred_name"], "Mia");

    // A child the authority does not have: back to the page, which says there is no such child.
    let refused = browser
        .post(
            &page_path,
            "/api/staff/admin-export-child",
            &[("child_id", "bm8tc3VjaA")],
        )
        .await;
    let back = refused.location.expect("back to the page");
    assert!(back.contains("failed=1"), "{back}");
    assert!(
        browser
            .open(&back)
            .await
            .body
            .contains("There is no such child in your authority")
    );

    // Another role is told the page is not theirs.
    let mut advocate = PlainBrowser::staff(&app, &staff_token(&app.db, ADVOCATE).await);
    assert!(
        !advocate
            .open(&page_path)
            .await
            .body
            .contains("admin-export-child")
    );
}
