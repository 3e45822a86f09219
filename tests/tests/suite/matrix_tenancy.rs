//! The authorization matrix's tenancy rule (issue 17): another authority's IDs answer exactly like
//! missing ones. Every query and mutation of the matrix that takes an ID runs twice for a viewer of
//! each kind in ANOTHER authority: once with the demo authority's real IDs, once with IDs of the
//! same kinds that exist nowhere. The two answers must be the same (code, message and data), so an
//! ID tells nobody outside its authority whether it exists: a wrong role is FORBIDDEN before any
//! lookup, and a right role gets NOT_FOUND.
use api::graphql::ids::NodeKind;
use chrono::Utc;
use entity::enums::{AgencyKind, StaffRole};
use entity::{agency, child};
use sea_orm::{ActiveModelTrait, Set};
use serde_json::{Value, json};
use tests::app::{TestApp, child_token, spawn_demo_app, staff_by_email, staff_token};

use crate::matrix::{
    Credentials, Fixture, Kind, MATRIX, OTHER_ADMIN, OTHER_ADVOCATE, Viewer, add_staff, operation,
    post, setup,
};

/// A row number no table reaches in a test.
const MISSING: i32 = 999_999;

/// The same kind of ID (`Kind:number`, base64url), for a row that does not exist.
fn missing(id: &str) -> String {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let text = URL_SAFE_NO_PAD
        .decode(id)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .unwrap_or_else(|| panic!("not a global ID: {id}"));
    let (kind, _) = text.split_once(':').expect("Kind:number");
    URL_SAFE_NO_PAD.encode(format!("{kind}:{MISSING}"))
}

/// The fixture with every ID replaced by a missing one of the same kind (secrets kept).
fn with_missing_ids(fx: &Fixture) -> Fixture {
    Fixture {
        mia: missing(&fx.mia),
        mia_meeting: missing(&fx.mia_meeting),
        mia_case: missing(&fx.mia_case),
        past_meeting: missing(&fx.past_meeting),
        new_meeting: missing(&fx.new_meeting),
        leo_referral: missing(&fx.leo_referral),
        jade_referral: missing(&fx.jade_referral),
        self_referral: missing(&fx.self_referral),
        link_meeting: missing(&fx.link_meeting),
        advocate: missing(&fx.advocate),
        social_worker: missing(&fx.social_worker),
        health_agency: missing(&fx.health_agency),
        views: missing(&fx.views),
        views_version: fx.views_version,
        urgent_help: missing(&fx.urgent_help),
        distribution: missing(&fx.distribution),
        spare_key: missing(&fx.spare_key),
        spare_endpoint: missing(&fx.spare_endpoint),
        duty_contact: missing(&fx.duty_contact),
        admin: missing(&fx.admin),
        message: missing(&fx.message),
        erasure_request: missing(&fx.erasure_request),
        // Not a global ID: the demo admin's own check, which nobody else may read.
        import_check: fx.import_check.clone(),
        refresh_tokens: fx.refresh_tokens.clone(),
        key_all: fx.key_all.clone(),
        key_oversight: fx.key_oversight.clone(),
    }
}

/// One viewer of each kind in the other authority (its admin and advocate come from the matrix's
/// setup), each with the demo viewer whose arguments it borrows.
async fn other_authority(app: &TestApp) -> Vec<(&'static str, Viewer, Credentials)> {
    let db = &app.db;
    let la = staff_by_email(db, OTHER_ADMIN).await.local_authority_id;
    let now = Utc::now();
    let police = agency::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Other Police".into()),
        kind: Set(AgencyKind::Police),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("agency");
    child::ActiveModel {
        local_authority_id: Set(la),
        preferred_name: Set("Ola".into()),
        date_of_birth: Set(chrono::NaiveDate::from_ymd_opt(2014, 5, 1).expect("date")),
        looked_after: Set(true),
        language: Set("en".into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("child");
    let staff = [
        ("sw@other.example", StaffRole::SocialWorker, None),
        ("isro@other.example", StaffRole::Isro, None),
        ("coordinator@other.example", StaffRole::Coordinator, None),
        ("agency@other.example", StaffRole::Agency, Some(police.id)),
    ];
    for (email, role, agency) in staff {
        add_staff(db, la, email, role, agency).await;
    }
    let admin = staff_token(db, OTHER_ADMIN).await;
    let key = app
        .graphql_as(
            Some(&admin),
            r#"mutation { createApiKey(name: "Other system", scopes: [READ_MEETINGS, READ_OUTCOMES,
                WRITE_REFERRALS, READ_REFERRALS, READ_OVERSIGHT]) { secret } }"#,
            json!({}),
        )
        .await["data"]["createApiKey"]["secret"]
        .as_str()
        .expect("other authority's key")
        .to_owned();
    let bearer = |token: String| Credentials::Bearer(token);
    vec![
        ("admin", Viewer::Admin, bearer(admin)),
        (
            "advocate",
            Viewer::Advocate,
            bearer(staff_token(db, OTHER_ADVOCATE).await),
        ),
        (
            "social worker",
            Viewer::SocialWorker,
            bearer(staff_token(db, "sw@other.example").await),
        ),
        (
            "ISRO",
            Viewer::Isro,
            bearer(staff_token(db, "isro@other.example").await),
        ),
        (
            "coordinator",
            Viewer::Coordinator,
            bearer(staff_token(db, "coordinator@other.example").await),
        ),
        (
            "agency user",
            Viewer::Agency,
            bearer(staff_token(db, "agency@other.example").await),
        ),
        ("child", Viewer::Child, bearer(child_token(db, "Ola").await)),
        ("integrator", Viewer::KeyAll, Credentials::ApiKey(key)),
    ]
}

/// What a viewer may compare: the first error's code and message, and the data.
fn answer(response: &Value) -> Value {
    let error = &response["errors"][0];
    json!({
        "code": error["extensions"]["code"],
        "message": error["message"],
        "data": response["data"],
    })
}

#[tokio::test]
async fn another_authoritys_ids_answer_exactly_like_missing_ones() {
    let app = spawn_demo_app().await;
    let real = setup(&app, 1).await;
    let absent = with_missing_ids(&real);
    let viewers = other_authority(&app).await;
    let mut problems = Vec::new();
    let mut compared = 0;
    for (kind, name, _) in MATRIX {
        if *kind == Kind::S {
            continue;
        }
        for (who, borrowed, credentials) in &viewers {
            let (document, with_real) =
                operation(name, &real, *borrowed, 0).expect("a document per operation");
            let (_, with_missing) = operation(name, &absent, *borrowed, 0).expect("document");
            if with_real == with_missing {
                continue; // takes no ID
            }
            compared += 1;
            let missing = answer(&post(&app, credentials, &document, with_missing).await);
            let other = answer(&post(&app, credentials, &document, with_real).await);
            let refused = ["FORBIDDEN", "NOT_FOUND", "UNAUTHENTICATED"]
                .contains(&other["code"].as_str().unwrap_or_default());
            if other != missing || !refused {
                problems.push(format!(
                    "{name} × another authority's {who}: the demo authority's IDs answer {other}, \
                     missing IDs {missing}"
                ));
            }
        }
    }
    println!("tenancy: {compared} answers to another authority's IDs compared with missing ones");
    assert!(compared > 100, "too few ID-taking operations: {compared}");
    assert!(
        problems.is_empty(),
        "{} problem(s):\n  {}",
        problems.len(),
        problems.join("\n  ")
    );
}

#[test]
fn missing_ids_keep_their_kind() {
    let id = NodeKind::Case.id(7).0;
    assert_eq!(missing(&id), NodeKind::Case.id(MISSING).0);
}
