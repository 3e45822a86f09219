//! Proof that the caseload costs the same number of SQL statements for 5 cases as for 50: the page
//! reads what it shows in its own statement, and the referral details in one batch per table. Runs
//! the real schema in-process on SQLite and counts statements with sea-orm's metric callback.
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{Duration, NaiveDate, Utc};
use entity::enums::{
    CaseStatus, MeetingKind, MeetingStatus, ParentalAgreement, ReferralSource, ReferralStatus,
    StaffRole, ViewsStatus,
};
use entity::{
    ViewItems, advocacy_case, child, meeting, meeting_child, referral, staff_user, urgent_help,
    views,
};
use migration::{Migrator, MigratorTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectOptions, Database, DatabaseConnection, EntityTrait,
    QueryFilter, Set,
};

use crate::auth::{StaffViewer, TenantId, TokenIssuer, Viewer};
use crate::config::JwtSecret;
use crate::events::EventBus;
use crate::graphql::{build_schema, loaders::per_request};

const CASELOAD: &str = "{ myCaseload(first: 100) { totalCount edges { node {
    id status child { preferredName age lookedAfter communicationNeeds }
    meeting { kind scheduledAt place }
    referral { reason completeness { score missing { item } } leadTime { workingDays } allocation { advocateName } }
    viewsStatus urgentHelpOpen meetingSoon } } } }";

/// The caseload page as the advocate's list shows it: no referral details.
const LEAN_CASELOAD: &str = "{ myCaseload(first: 100) { totalCount edges { node {
    id status viewsStatus urgentHelpOpen meetingSoon
    child { id preferredName age lookedAfter } meeting { id kind scheduledAt place } } } } }";

async fn connect(url: &str) -> DatabaseConnection {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false).max_connections(2);
    Database::connect(options).await.expect("connect")
}

/// Give the demo advocate `n` cases in all (the demo has 2), some with views and urgent help.
async fn grow_caseload(db: &DatabaseConnection, advocate: &staff_user::Model, n: usize) {
    let la = advocate.local_authority_id;
    let now = Utc::now();
    for i in 2..n {
        let child = child::ActiveModel {
            local_authority_id: Set(la),
            preferred_name: Set(format!("Child {i}")),
            date_of_birth: Set(NaiveDate::from_ymd_opt(2015, 1, 1).expect("date")),
            looked_after: Set(i % 2 == 0),
            language: Set("en".into()),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("child");
        let meeting = meeting::ActiveModel {
            local_authority_id: Set(la),
            kind: Set(MeetingKind::CoreGroupMeeting),
            scheduled_at: Set(Some(now + Duration::days(i as i64))),
            status: Set(MeetingStatus::Scheduled),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("meeting");
        meeting_child::ActiveModel {
            local_authority_id: Set(la),
            meeting_id: Set(meeting.id),
            child_id: Set(child.id),
            created_at: Set(now),
        }
        .insert(db)
        .await
        .expect("link");
        let referral = referral::ActiveModel {
            local_authority_id: Set(la),
            child_id: Set(Some(child.id)),
            meeting_id: Set(Some(meeting.id)),
            source: Set(ReferralSource::SocialWorker),
            self_referral_contact: Set(Some("test".into())),
            parental_agreement: Set(ParentalAgreement::Given),
            status: Set(ReferralStatus::Accepted),
            received_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("referral");
        let case = advocacy_case::ActiveModel {
            local_authority_id: Set(la),
            referral_id: Set(referral.id),
            child_id: Set(child.id),
            meeting_id: Set(meeting.id),
            advocate_id: Set(advocate.id),
            status: Set(CaseStatus::Allocated),
            allocated_at: Set(now),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(db)
        .await
        .expect("case");
        if i % 3 == 0 {
            views::ActiveModel {
                local_authority_id: Set(la),
                child_id: Set(child.id),
                meeting_id: Set(meeting.id),
                case_id: Set(Some(case.id)),
                worries: Set(ViewItems(vec![])),
                going_well: Set(ViewItems(vec![])),
                want_to_happen: Set(ViewItems(vec![])),
                status: Set(ViewsStatus::Draft),
                version: Set(1),
                updated_at: Set(now),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("views");
        }
        if i % 4 == 0 {
            urgent_help::ActiveModel {
                local_authority_id: Set(la),
                child_id: Set(child.id),
                raised_at: Set(now),
                created_at: Set(now),
                ..Default::default()
            }
            .insert(db)
            .await
            .expect("urgent help");
        }
    }
}

/// Statements one caseload request (`query`) runs for an advocate with `n` cases.
async fn statements_for(n: usize, query: &str) -> usize {
    let dir = std::env::temp_dir().join(format!(
        "myvoice-caseload-{}-{n}-{}",
        std::process::id(),
        Utc::now().timestamp_nanos_opt().unwrap_or_default()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let url = format!("sqlite://{}?mode=rwc", dir.join("db.sqlite").display());
    let db = connect(&url).await;
    Migrator::up(&db, None).await.expect("migrations");
    crate::demo::seed(&db).await.expect("demo data");
    let advocate = staff_user::Entity::find()
        .filter(staff_user::Column::Role.eq(StaffRole::Advocate))
        .one(&db)
        .await
        .expect("query")
        .expect("demo advocate");
    grow_caseload(&db, &advocate, n).await;

    let mut counted = connect(&url).await;
    let count = Arc::new(AtomicUsize::new(0));
    let counter = count.clone();
    counted.set_metric_callback(move |_| {
        counter.fetch_add(1, Ordering::SeqCst);
    });
    let secret = JwtSecret::parse("statement-count-secret-of-at-least-32-bytes").expect("secret");
    let schema = build_schema(
        counted.clone(),
        TokenIssuer::new(&secret),
        EventBus::default(),
    );
    let viewer = Viewer::Staff(StaffViewer {
        id: advocate.id,
        tenant: TenantId(advocate.local_authority_id),
        role: StaffRole::Advocate,
    });
    let request = async_graphql::Request::new(query)
        .data(viewer)
        .data(per_request(counted.clone()));
    let response = schema.execute(request).await;
    assert!(response.errors.is_empty(), "{:?}", response.errors);
    let json = response.data.into_json().expect("json");
    let edges = json["myCaseload"]["edges"].as_array().expect("edges").len();
    assert_eq!(edges, n);
    let _ = std::fs::remove_dir_all(&dir);
    count.load(Ordering::SeqCst)
}

#[tokio::test]
async fn the_caseload_costs_the_same_statements_for_5_or_50_cases() {
    let five = statements_for(5, CASELOAD).await;
    let fifty = statements_for(50, CASELOAD).await;
    assert_eq!(five, fifty, "statements for 5 cases vs 50");
    // The page (with children, meetings, views status, urgent flag and the count), then one each
    // for the referrals, the children and meetings they name, and the staff.
    assert_eq!(fifty, 5, "{fifty} statements");
    println!("caseload: {fifty} SQL statements for 5 or 50 cases");
}

#[tokio::test]
async fn a_caseload_without_referral_details_does_not_fetch_referrals() {
    let five = statements_for(5, LEAN_CASELOAD).await;
    let fifty = statements_for(50, LEAN_CASELOAD).await;
    assert_eq!(five, fifty, "statements for 5 cases vs 50");
    // The page, with everything it shows, in one statement.
    assert_eq!(fifty, 1, "{fifty} statements");
}
