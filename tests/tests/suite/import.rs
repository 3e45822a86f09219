//! A first load from CSV files (issue 19, item 3): an admin checks staff, children and meetings
//! files (a dry run lists every bad row with its line, column and why, and writes nothing), puts
//! them right, imports them in one go, and importing them again changes nothing. Another
//! authority's admin neither sees nor touches them. The command line: `myvoice import`.
use entity::{audit_event, child, meeting, meeting_child, password_link, staff_user};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use serde_json::{Value, json};
use tests::app::{TestApp, add_local_authority, error_code, spawn_demo_app, staff_token};

use crate::referrals::{SOCIAL_WORKER, audit_count};

const ADMIN: &str = "admin@demo.myvoice";
const ISRO: &str = "isro@demo.myvoice";
const COUNTS: &str = "rows created updated unchanged";

fn import_query() -> String {
    format!(
        "mutation($i: ImportRecordsInput!) {{ importRecords(input: $i) {{ dryRun imported \
         staff {{ {COUNTS} }} children {{ {COUNTS} }} meetings {{ {COUNTS} }} \
         problems {{ file line column message }} newStaffLinks {{ email name passwordLinkPath }} }} }}"
    )
}

pub(crate) fn staff_csv() -> String {
    "Email,Name,Role\n\
     sam.new@demo.myvoice,Sam Patel,social_worker\n\
     iris.new@demo.myvoice,Iris Khan,isro\n\
     ade.new@demo.myvoice,Ade Okafor,Advocate\n"
        .to_owned()
}

/// 200 children, CMS-C-001…200; half of them have the social worker the staff file adds.
pub(crate) fn children_csv(bad_line: Option<usize>) -> String {
    let mut csv =
        "reference,preferred_name,date_of_birth,looked_after,language,social_worker_email\n"
            .to_owned();
    for i in 1..=200 {
        let line = i + 1;
        let born = if Some(line) == bad_line {
            "2015-13-40".to_owned()
        } else {
            format!("2014-{:02}-{:02}", i % 12 + 1, i % 28 + 1)
        };
        let sw = if i % 2 == 0 {
            SOCIAL_WORKER
        } else {
            "sam.new@demo.myvoice"
        };
        let looked_after = if i % 3 == 0 { "yes" } else { "no" };
        csv.push_str(&format!(
            "CMS-C-{i:03},Child {i},{born},{looked_after},en,{sw}\n"
        ));
    }
    csv
}

/// 200 meetings, CMS-M-001…200, each about child i (every tenth also about child i+1).
pub(crate) fn meetings_csv(
    bad_kind_line: Option<usize>,
    unknown_child_line: Option<usize>,
) -> String {
    let mut csv = "reference,kind,scheduled_at,place,chair_email,child_references\n".to_owned();
    for i in 1..=200 {
        let line = i + 1;
        let kind = if Some(line) == bad_kind_line {
            "case_conference"
        } else if i % 2 == 0 {
            "child_in_need_meeting"
        } else {
            "initial_child_protection_conference"
        };
        let mut children = format!("CMS-C-{i:03}");
        if i % 10 == 0 && i < 200 {
            children.push_str(&format!(";CMS-C-{:03}", i + 1));
        }
        if Some(line) == unknown_child_line {
            children = "CMS-C-999".to_owned();
        }
        let chair = if i % 2 == 0 {
            ISRO
        } else {
            "iris.new@demo.myvoice"
        };
        let day = i % 28 + 1;
        csv.push_str(&format!(
            "CMS-M-{i:03},{kind},2027-02-{day:02} 10:30,\"Family centre, Taunton\",{chair},{children}\n"
        ));
    }
    csv
}

async fn import(app: &TestApp, token: &str, files: [&str; 3], dry_run: bool) -> Value {
    let input = json!({ "i": {
        "staffCsv": files[0], "childrenCsv": files[1], "meetingsCsv": files[2], "dryRun": dry_run,
    } });
    app.graphql_as(Some(token), &import_query(), input).await
}

fn report(body: &Value) -> Value {
    assert!(body["errors"].is_null(), "{body}");
    body["data"]["importRecords"].clone()
}

async fn imported_rows(app: &TestApp) -> (u64, u64, u64) {
    let children = child::Entity::find()
        .filter(child::Column::ExternalRef.starts_with("CMS-C-"))
        .count(&app.db)
        .await
        .unwrap();
    let meetings = meeting::Entity::find()
        .filter(meeting::Column::ExternalRef.starts_with("CMS-M-"))
        .count(&app.db)
        .await
        .unwrap();
    let staff = staff_user::Entity::find()
        .filter(staff_user::Column::Email.ends_with(".new@demo.myvoice"))
        .count(&app.db)
        .await
        .unwrap();
    (staff, children, meetings)
}

fn counts(report: &Value, file: &str) -> [i64; 4] {
    let c = &report[file];
    ["rows", "created", "updated", "unchanged"].map(|k| c[k].as_i64().unwrap_or(-1))
}

#[tokio::test]
async fn a_dry_run_lists_exactly_the_bad_rows_then_the_import_writes_everything_once() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let staff = staff_csv();
    let (children_bad, meetings_bad) = (children_csv(Some(42)), meetings_csv(Some(101), Some(151)));
    let events_before = audit_event::Entity::find().count(&app.db).await.unwrap();

    let checked = report(&import(&app, &admin, [&staff, &children_bad, &meetings_bad], true).await);
    let found: Vec<(String, i64, String)> = checked["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["line"].as_i64().unwrap(),
                p["column"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        found,
        vec![
            ("CHILDREN".to_owned(), 42, "date_of_birth".to_owned()),
            ("MEETINGS".to_owned(), 101, "kind".to_owned()),
            ("MEETINGS".to_owned(), 151, "child_references".to_owned()),
        ],
        "{checked}"
    );
    let messages: Vec<&str> = checked["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["message"].as_str().unwrap())
        .collect();
    assert!(
        messages[0].contains("2015-13-40") && messages[0].contains("YYYY-MM-DD"),
        "{messages:?}"
    );
    assert!(
        messages[1].contains("case_conference") && messages[1].contains("child_in_need_meeting"),
        "{messages:?}"
    );
    assert!(messages[2].contains("CMS-C-999"), "{messages:?}");
    assert_eq!(checked["imported"], false);
    assert_eq!(
        checked["children"]["rows"], 200,
        "every row read, the bad one too"
    );
    assert_eq!(
        imported_rows(&app).await,
        (0, 0, 0),
        "a dry run writes nothing"
    );

    // The same bad files, not as a dry run: still nothing is written.
    let refused =
        report(&import(&app, &admin, [&staff, &children_bad, &meetings_bad], false).await);
    assert_eq!(refused["problems"].as_array().unwrap().len(), 3);
    assert_eq!(refused["imported"], false);
    assert_eq!(
        imported_rows(&app).await,
        (0, 0, 0),
        "nothing while a row is bad"
    );

    // Put right: the dry run now says what would happen, and still writes nothing.
    let (children, meetings) = (children_csv(None), meetings_csv(None, None));
    let files = [staff.as_str(), children.as_str(), meetings.as_str()];
    let would = report(&import(&app, &admin, files, true).await);
    assert_eq!(would["problems"], json!([]));
    assert_eq!(counts(&would, "staff"), [3, 3, 0, 0]);
    assert_eq!(counts(&would, "children"), [200, 200, 0, 0]);
    assert_eq!(counts(&would, "meetings"), [200, 200, 0, 0]);
    assert_eq!(would["newStaffLinks"], json!([]), "no links from a dry run");
    assert_eq!(imported_rows(&app).await, (0, 0, 0));
    assert_eq!(
        audit_event::Entity::find().count(&app.db).await.unwrap(),
        events_before
    );

    let done = report(&import(&app, &admin, files, false).await);
    assert_eq!(done["imported"], true, "{done}");
    assert_eq!(counts(&done, "children"), [200, 200, 0, 0]);
    assert_eq!(counts(&done, "meetings"), [200, 200, 0, 0]);
    assert_eq!(imported_rows(&app).await, (3, 200, 200));
    let links = done["newStaffLinks"].as_array().unwrap();
    assert_eq!(links.len(), 3);
    assert!(links.iter().all(|l| {
        l["passwordLinkPath"]
            .as_str()
            .unwrap()
            .starts_with("/set-password?token=")
    }));
    let unused_links = password_link::Entity::find()
        .filter(password_link::Column::UsedAt.is_null())
        .count(&app.db)
        .await
        .unwrap();
    assert!(unused_links >= 3);
    // The new social worker is the social worker of the odd children; child 10's meeting is
    // about children 10 and 11.
    let sam = tests::app::staff_by_email(&app.db, "sam.new@demo.myvoice").await;
    let first = child::Entity::find()
        .filter(child::Column::ExternalRef.eq("CMS-C-001"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(first.social_worker_id, Some(sam.id));
    let tenth = meeting::Entity::find()
        .filter(meeting::Column::ExternalRef.eq("CMS-M-010"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let linked = meeting_child::Entity::find()
        .filter(meeting_child::Column::MeetingId.eq(tenth.id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(linked, 2);
    assert_eq!(
        audit_count(&app.db, "records.imported").await,
        1,
        "one event per import"
    );
    assert_eq!(
        audit_count(&app.db, "child.upserted").await,
        0,
        "not one per row"
    );
    let events_after = audit_event::Entity::find().count(&app.db).await.unwrap();

    // Again: everything unchanged, nothing written, no audit noise, no new links.
    let again = report(&import(&app, &admin, files, false).await);
    assert_eq!(counts(&again, "staff"), [3, 0, 0, 3]);
    assert_eq!(counts(&again, "children"), [200, 0, 0, 200]);
    assert_eq!(counts(&again, "meetings"), [200, 0, 0, 200]);
    assert_eq!(again["newStaffLinks"], json!([]));
    assert_eq!(imported_rows(&app).await, (3, 200, 200));
    assert_eq!(
        audit_event::Entity::find().count(&app.db).await.unwrap(),
        events_after
    );
}

#[tokio::test]
async fn every_problem_of_a_row_is_listed_and_the_limits_are_clear() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let children = "reference,preferred_name,date_of_birth,looked_after,shoe_size\n\
                    C-1,,yesterday,maybe,4\n\
                    C-1,Ola,2016-04-02,no,5\n\
                    C-3,Kai,2016-04-02,no\n";
    let meetings = "reference,kind,scheduled_at,chair_email,child_references\n\
                    M-1,CHILD IN NEED MEETING,2027-03-28 01:30,nobody@demo.myvoice,C-1\n\
                    M-2,core_group_meeting,2027-02-01 10:00,social.worker@demo.myvoice,\n";
    let body = import(&app, &admin, ["", children, meetings], true).await;
    let found: Vec<(String, Option<i64>, Option<String>)> = report(&body)["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["line"].as_i64(),
                p["column"].as_str().map(str::to_owned),
            )
        })
        .collect();
    let expected = [
        ("CHILDREN", Some(1), Some("shoe_size")),
        ("CHILDREN", Some(2), Some("preferred_name")),
        ("CHILDREN", Some(2), Some("date_of_birth")),
        ("CHILDREN", Some(2), Some("looked_after")),
        ("CHILDREN", Some(3), Some("reference")),
        ("CHILDREN", Some(4), None),
        // 01:30 on the day the clocks go forward does not exist in UK time
        ("MEETINGS", Some(2), Some("scheduled_at")),
        ("MEETINGS", Some(2), Some("chair_email")),
        ("MEETINGS", Some(3), Some("child_references")),
        ("MEETINGS", Some(3), Some("chair_email")),
    ];
    let mut expected: Vec<(String, Option<i64>, Option<String>)> = expected
        .iter()
        .map(|(f, l, c)| ((*f).to_owned(), *l, c.map(str::to_owned)))
        .collect();
    let mut sorted = found.clone();
    sorted.sort();
    expected.sort();
    assert_eq!(sorted, expected, "{body}");

    let many = format!("email,name,role\n{}", "a@b.org,A,advocate\n".repeat(2_001));
    let too_many = import(&app, &admin, [&many, "", ""], true).await;
    assert_eq!(error_code(&too_many), "BAD_USER_INPUT");
    assert!(
        too_many.to_string().contains("more than 2000 rows"),
        "{too_many}"
    );
    let big = format!(
        "reference,preferred_name,date_of_birth,looked_after,lives_with\n{}",
        format!("C-1,Ola,2016-04-02,no,{}\n", "x".repeat(1_900)).repeat(110)
    );
    let too_big = import(&app, &admin, ["", &big, ""], true).await;
    assert_eq!(error_code(&too_big), "BAD_USER_INPUT");
    assert!(too_big.to_string().contains("too big"), "{too_big}");
}

#[tokio::test]
async fn another_authoritys_admin_neither_sees_nor_touches_the_imported_records() {
    let app = spawn_demo_app().await;
    let admin = staff_token(&app.db, ADMIN).await;
    let (staff, children, meetings) = (staff_csv(), children_csv(None), meetings_csv(None, None));
    let done = report(&import(&app, &admin, [&staff, &children, &meetings], false).await);
    assert_eq!(done["imported"], true, "{done}");

    let la = add_local_authority(&app.db, "Dorset Council", "dorset").await;
    let other = crate::import_cli::add_admin(&app.db, la, "admin@dorset.example").await;
    let other = staff_token(&app.db, &other).await;
    // Their meetings file naming our children, chaired by our ISRO: unknown to them.
    let theirs = "reference,kind,chair_email,child_references\nCMS-M-001,complaint,isro@demo.myvoice,CMS-C-001\n";
    let checked = report(&import(&app, &other, ["", "", theirs], false).await);
    let columns: Vec<&str> = checked["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["column"].as_str().unwrap())
        .collect();
    assert_eq!(columns, ["chair_email", "child_references"], "{checked}");
    assert_eq!(checked["imported"], false);
    // Our rows are as they were: same kind, no extra children, nothing in Dorset.
    let first = meeting::Entity::find()
        .filter(meeting::Column::ExternalRef.eq("CMS-M-001"))
        .all(&app.db)
        .await
        .unwrap();
    assert_eq!(first.len(), 1);
    assert_eq!(
        first[0].kind,
        entity::enums::MeetingKind::InitialChildProtectionConference
    );
    let in_dorset = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(la))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(in_dorset, 0);

    // Other roles may not import at all.
    let social_worker = staff_token(&app.db, SOCIAL_WORKER).await;
    let refused = import(&app, &social_worker, ["", &children, ""], true).await;
    assert_eq!(error_code(&refused), "FORBIDDEN");
}

/// The children file with a date that does not exist on its first `bad` rows.
fn children_with_bad_dates(bad: usize) -> String {
    children_csv(None)
        .lines()
        .enumerate()
        .map(
            |(i, line)| match line.split(',').collect::<Vec<_>>().as_mut_slice() {
                [reference, name, _, rest @ ..] if (1..=bad).contains(&i) => {
                    format!("{reference},{name},2015-02-31,{}\n", rest.join(","))
                }
                _ => format!("{line}\n"),
            },
        )
        .collect()
}

fn cells(value: &Value) -> Vec<Vec<String>> {
    value
        .as_array()
        .map(|rows| {
            rows.iter()
                .map(|row| {
                    row.as_array()
                        .into_iter()
                        .flatten()
                        .map(|c| c.as_str().unwrap_or_default().to_owned())
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn the_admin_imports_on_the_page_with_javascript_on_and_off() {
    let (on, off) = (spawn_demo_app().await, spawn_demo_app().await);
    let files = std::env::temp_dir().join(format!("myvoice-import-page-{}", std::process::id()));
    std::fs::create_dir_all(&files).unwrap();
    for (name, text) in [
        ("staff.csv", staff_csv()),
        ("children-bad.csv", children_csv(Some(42))),
        ("meetings-bad.csv", meetings_csv(Some(101), Some(151))),
        ("children-many-bad.csv", children_with_bad_dates(25)),
        ("children.csv", children_csv(None)),
        ("meetings.csv", meetings_csv(None, None)),
    ] {
        std::fs::write(files.join(name), text).unwrap();
    }
    let shots = tests::app::repo_root().join("target/screenshots/staff");
    std::fs::create_dir_all(&shots).unwrap();
    let args = vec![
        on.url(""),
        off.url(""),
        shots.display().to_string(),
        files.display().to_string(),
    ];
    let results = tokio::task::spawn_blocking(move || {
        super::browser::run_browser_script("staff-import.mjs", &args)
    })
    .await
    .expect("browser script ran");
    assert_eq!(results.len(), 2, "{results:?}");
    for (result, app) in results.iter().zip([&on, &off]) {
        let run = format!("import with JavaScript {}", result["javaScript"]);
        assert!(result.get("error").is_none(), "{run} failed: {result}");
        assert_eq!(
            result["pageProblems"],
            json!([]),
            "{run}: console errors or failed requests"
        );
        for check in result["checks"].as_array().expect("checks") {
            assert_eq!(
                check["violations"],
                json!([]),
                "{run}: axe on {}",
                check["page"]
            );
            assert_eq!(
                check["overflow"], false,
                "{run}: {} scrolls sideways",
                check["page"]
            );
        }
        assert_eq!(
            result["badHeading"], "3 rows have a problem: nothing was imported",
            "{run}"
        );
        let problems = cells(&result["problems"]);
        let places: Vec<(&str, &str, &str)> = problems
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str(), r[2].as_str()))
            .collect();
        assert_eq!(
            places,
            [
                ("children", "42", "date_of_birth"),
                ("meetings", "101", "kind"),
                ("meetings", "151", "child_references"),
            ],
            "{run}: {problems:?}"
        );
        assert!(problems[2][3].contains("CMS-C-999"), "{run}: {problems:?}");
        assert_eq!(
            result["importOffered"], 0,
            "{run}: nothing to import while a row is bad"
        );
        assert_eq!(
            result["manyHeading"], "25 rows have a problem: nothing was imported",
            "{run}"
        );
        assert_eq!(result["manyProblems"], 25, "{run}: every bad row is listed");
        assert_eq!(
            result["readyHeading"], "The files are ready to import",
            "{run}"
        );
        let would = cells(&result["wouldDo"]);
        assert_eq!(
            would[1],
            ["Children", "200", "200", "0", "0"],
            "{run}: {would:?}"
        );
        assert_eq!(result["doneHeading"], "Imported", "{run}");
        let did = cells(&result["did"]);
        assert_eq!(
            did[2],
            ["Meetings", "200", "200", "0", "0"],
            "{run}: {did:?}"
        );
        let links = result["links"].as_array().expect("links");
        assert_eq!(links.len(), 3, "{run}: {links:?}");
        assert!(
            links.iter().all(|l| l
                .as_str()
                .unwrap_or_default()
                .contains("/set-password?token=")),
            "{run}"
        );
        assert_eq!(result["linksAgain"], 0, "{run}: the links are shown once");
        assert_eq!(imported_rows(app).await, (3, 200, 200), "{run}");
    }
    let _ = std::fs::remove_dir_all(&files);
}
