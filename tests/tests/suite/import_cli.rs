//! `myvoice import` as an operator meets it: a dry run that lists the bad rows and fails, then one
//! that says what would happen, then the import, whose set-password links go to the terminal only;
//! a second run changes nothing.
use chrono::Utc;
use entity::{child, meeting};
use sea_orm::{ActiveModelTrait, DatabaseConnection, EntityTrait, PaginatorTrait, Set};
use tests::db::TestDb;

use crate::authority::{create, myvoice, stdout};
use crate::import::{children_csv, meetings_csv, staff_csv};

/// An admin of authority `la` (for tests of another authority).
pub(crate) async fn add_admin(db: &DatabaseConnection, la: i32, email: &str) -> String {
    entity::staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Dana Admin".into()),
        email: Set(email.into()),
        role: Set(entity::enums::StaffRole::Admin),
        password_hash: Set("not-a-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("other admin");
    email.to_owned()
}

/// The demo files with the people the staff file adds in place of the demo's own.
fn own_people(csv: &str) -> String {
    csv.replace("social.worker@demo.myvoice", "sam.new@demo.myvoice")
        .replace("isro@demo.myvoice", "iris.new@demo.myvoice")
}

#[tokio::test]
async fn the_command_line_checks_imports_and_prints_the_links_only_to_the_terminal() {
    let test_db = TestDb::fresh().await;
    let url = test_db.url.clone();
    create(&url, "Exmoor Council", "admin@exmoor.example");
    let dir = std::env::temp_dir().join(format!("myvoice-import-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, text: String| {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        path.display().to_string()
    };
    let staff = write("staff.csv", staff_csv());
    let bad_children = write("bad-children.csv", own_people(&children_csv(Some(42))));
    let children = write("children.csv", own_people(&children_csv(None)));
    let meetings = write("meetings.csv", own_people(&meetings_csv(None, None)));
    let run = |children: &str, extra: &[&str]| {
        let mut args = vec![
            "import",
            "--authority",
            "Exmoor Council",
            "--staff",
            &staff,
            "--children",
            children,
            "--meetings",
            &meetings,
        ];
        args.extend_from_slice(extra);
        myvoice(&url, &args)
    };

    let bad = run(&bad_children, &["--dry-run"]);
    assert!(!bad.status.success());
    let printed = stdout(&bad);
    assert!(
        printed.contains("children file line 42, date_of_birth: \"2015-13-40\" is not a date"),
        "{printed}"
    );
    assert_eq!(printed.matches(" file line ").count(), 1, "{printed}");
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(
        stderr.contains("1 row problem(s): nothing was imported"),
        "{stderr}"
    );

    let dry = run(&children, &["--dry-run"]);
    let printed = stdout(&dry);
    assert!(
        dry.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&dry.stderr)
    );
    assert!(
        printed.contains("children: 200 rows: 200 new, 0 changed, 0 unchanged"),
        "{printed}"
    );
    assert!(!printed.contains("token="), "{printed}");
    let db = test_db.connect().await;
    assert_eq!(
        child::Entity::find().count(&db).await.unwrap(),
        0,
        "a dry run writes nothing"
    );

    let done = run(&children, &[]);
    let printed = stdout(&done);
    assert!(
        done.status.success(),
        "{printed}{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let links: Vec<&str> = printed
        .lines()
        .filter(|l| l.contains("/set-password?token="))
        .collect();
    assert_eq!(links.len(), 3, "{printed}");
    assert!(
        links.iter().any(|l| l.contains(
            "Sam Patel <sam.new@demo.myvoice>: http://127.0.0.1:3000/set-password?token="
        )),
        "{printed}"
    );
    assert!(
        !String::from_utf8_lossy(&done.stderr).contains("token="),
        "no link in the log"
    );
    assert_eq!(child::Entity::find().count(&db).await.unwrap(), 200);
    assert_eq!(meeting::Entity::find().count(&db).await.unwrap(), 200);

    let again = run(&children, &[]);
    let printed = stdout(&again);
    assert!(again.status.success(), "{printed}");
    assert!(
        printed.contains("staff: 3 rows: 0 new, 0 changed, 3 unchanged"),
        "{printed}"
    );
    assert!(
        printed.contains("meetings: 200 rows: 0 new, 0 changed, 200 unchanged"),
        "{printed}"
    );
    assert!(!printed.contains("token="), "{printed}");

    let nowhere = myvoice(
        &url,
        &["import", "--authority", "Atlantis", "--staff", &staff],
    );
    assert!(!nowhere.status.success());
    assert!(
        String::from_utf8_lossy(&nowhere.stderr)
            .contains("no local authority is called \"Atlantis\"")
    );
    let _ = std::fs::remove_dir_all(&dir);
}
