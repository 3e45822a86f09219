//! A dry run is kept for a day (issue 19): the admin who made it reads every problem again by its
//! id, and imports exactly the files that were checked without sending them again. Nobody else
//! can read or use it; it is gone once imported and after 24 hours.
use chrono::{Duration, Utc};
use entity::import_check;
use sea_orm::sea_query::Expr;
use sea_orm::{EntityTrait, PaginatorTrait};
use serde_json::{Value, json};
use tests::app::{TestApp, add_local_authority, error_code, spawn_demo_app, staff_token};

use crate::import::{children_csv, meetings_csv, staff_csv};

const ADMIN: &str = "admin@demo.myvoice";
const REPORT: &str = "dryRun imported checkId children { rows created } meetings { rows created } \
                      problems { file line column message }";

async fn dry_run(app: &TestApp, token: &str, children: &str, meetings: &str) -> Value {
    let query =
        format!("mutation($i: ImportRecordsInput!) {{ importRecords(input: $i) {{ {REPORT} }} }}");
    let input = json!({ "i": {
        "staffCsv": staff_csv(), "childrenCsv": children, "meetingsCsv": meetings, "dryRun": true,
    } });
    app.graphql_as(Some(token), &query, input).await
}

async fn import_checked(app: &TestApp, token: &str, check: &str) -> Value {
    let query =
        format!("mutation($i: ImportRecordsInput!) {{ importRecords(input: $i) {{ {REPORT} }} }}");
    let input = json!({ "i": { "checkId": check, "dryRun": false } });
    app.graphql_as(Some(token), &query, input).await
}

async fn read_check(app: &TestApp, token: &str, check: &str) -> Value {
    let query = format!("query($id: String!) {{ importCheck(id: $id) {{ {REPORT} }} }}");
    app.graphql_as(Some(token), &query, json!({ "id": check }))
        .await
}

fn data<'a>(body: &'a Value, field: &str) -> &'a Value {
    assert!(body["errors"].is_null(), "{body}");
    &body["data"][field]
}

#[tokio::test]
async fn a_dry_run_is_read_again_by_its_id_and_its_files_imported_without_sending_them_again() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;

    // A check with three bad rows: read again by its id, the same report, every problem.
    let (bad_children, bad_meetings) = (children_csv(Some(42)), meetings_csv(Some(101), Some(151)));
    let checked = dry_run(&app, &admin, &bad_children, &bad_meetings).await;
    let checked = data(&checked, "importRecords").clone();
    let check = checked["checkId"].as_str().expect("a dry run has an id");
    let again = read_check(&app, &admin, check).await;
    let again = data(&again, "importCheck");
    assert_eq!(again["problems"], checked["problems"]);
    assert_eq!(again["problems"].as_array().map(Vec::len), Some(3));
    assert_eq!(again["children"]["rows"], 200);
    assert_eq!(again["checkId"], check);

    // Its files still have problems: importing them writes nothing and says why again.
    let refused = import_checked(&app, &admin, check).await;
    let refused = data(&refused, "importRecords");
    assert_eq!(refused["imported"], false);
    assert_eq!(refused["problems"].as_array().map(Vec::len), Some(3));
    assert!(refused["checkId"].is_null(), "not a dry run");

    // Put right and checked again: imported from the check alone, and the check is gone.
    let clean = dry_run(&app, &admin, &children_csv(None), &meetings_csv(None, None)).await;
    let clean = data(&clean, "importRecords")["checkId"]
        .as_str()
        .expect("id")
        .to_owned();
    let done = import_checked(&app, &admin, &clean).await;
    let done = data(&done, "importRecords");
    assert_eq!(done["imported"], true, "{done}");
    assert_eq!(done["children"]["created"], 200);
    assert_eq!(done["meetings"]["created"], 200);
    assert_eq!(
        error_code(&read_check(&app, &admin, &clean).await),
        "NOT_FOUND",
        "the files are not kept once imported"
    );
    assert_eq!(
        error_code(&import_checked(&app, &admin, &clean).await),
        "NOT_FOUND"
    );

    // Files and a check together are refused, clearly.
    let both = app
        .graphql_as(
            Some(&admin),
            "mutation($i: ImportRecordsInput!) { importRecords(input: $i) { imported } }",
            json!({ "i": { "checkId": check, "childrenCsv": children_csv(None), "dryRun": false } }),
        )
        .await;
    assert_eq!(error_code(&both), "BAD_USER_INPUT", "{both}");
    assert!(
        both["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("not both")
    );
}

#[tokio::test]
async fn a_check_is_only_its_admins_and_only_for_a_day() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let checked = dry_run(&app, &admin, &children_csv(None), &meetings_csv(None, None)).await;
    let check = data(&checked, "importRecords")["checkId"]
        .as_str()
        .expect("id")
        .to_owned();

    // Another authority's admin: as if there were no such check, to read or to import.
    let la = add_local_authority(&app.db, "Dorset Council", "dorset").await;
    let other = crate::import_cli::add_admin(&app.db, la, "admin@dorset.example").await;
    let other = staff_token(&app.db, &other).await;
    assert_eq!(
        error_code(&read_check(&app, &other, &check).await),
        "NOT_FOUND"
    );
    assert_eq!(
        error_code(&import_checked(&app, &other, &check).await),
        "NOT_FOUND"
    );
    // Not an admin: refused outright.
    let coordinator = staff_token(&app.db, "coordinator@demo.myvoice").await;
    assert_eq!(
        error_code(&read_check(&app, &coordinator, &check).await),
        "FORBIDDEN"
    );

    // A day later it has gone, and the next check sweeps it (and its files) away.
    import_check::Entity::update_many()
        .col_expr(
            import_check::Column::ExpiresAt,
            Expr::value(Utc::now() - Duration::minutes(1)),
        )
        .exec(&app.db)
        .await
        .expect("a day passes");
    assert_eq!(
        error_code(&read_check(&app, &admin, &check).await),
        "NOT_FOUND"
    );
    assert_eq!(
        error_code(&import_checked(&app, &admin, &check).await),
        "NOT_FOUND"
    );
    let newer = dry_run(&app, &admin, &children_csv(None), "").await;
    data(&newer, "importRecords");
    let kept = import_check::Entity::find()
        .count(&app.db)
        .await
        .expect("count");
    assert_eq!(kept, 1, "only the newer check is kept");
}
