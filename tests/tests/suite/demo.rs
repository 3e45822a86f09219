//! The demo data a newcomer signs in with.
use api::auth::{AccessCode, verify_secret};
use api::demo::{DEMO_ACCESS_CODE, DEMO_PASSWORD, DEMO_PIN, SeedOutcome, seed};
use entity::enums::{MeetingKind, ReferralStatus, StaffRole};
use entity::{
    advocacy_case, child, child_access, local_authority, meeting, referral, staff_user, views,
};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use tests::app::spawn_demo_app;

async fn row_counts(db: &DatabaseConnection) -> Vec<u64> {
    vec![
        local_authority::Entity::find().count(db).await.unwrap(),
        staff_user::Entity::find().count(db).await.unwrap(),
        child::Entity::find().count(db).await.unwrap(),
        meeting::Entity::find().count(db).await.unwrap(),
        referral::Entity::find().count(db).await.unwrap(),
        advocacy_case::Entity::find().count(db).await.unwrap(),
        child_access::Entity::find().count(db).await.unwrap(),
        views::Entity::find().count(db).await.unwrap(),
    ]
}

#[tokio::test]
async fn seeding_twice_changes_nothing() {
    let app = spawn_demo_app().await;
    let before = row_counts(&app.db).await;
    assert_eq!(seed(&app.db).await.unwrap(), SeedOutcome::AlreadyPresent);
    assert_eq!(row_counts(&app.db).await, before);
}

#[tokio::test]
async fn every_staff_role_can_sign_in_with_the_documented_password() {
    let app = spawn_demo_app().await;
    let staff = staff_user::Entity::find().all(&app.db).await.unwrap();
    for (email, role) in [
        ("advocate@demo.myvoice", StaffRole::Advocate),
        ("social.worker@demo.myvoice", StaffRole::SocialWorker),
        ("isro@demo.myvoice", StaffRole::Isro),
        ("coordinator@demo.myvoice", StaffRole::Coordinator),
        ("agency@demo.myvoice", StaffRole::Agency),
        ("admin@demo.myvoice", StaffRole::Admin),
    ] {
        let user = staff
            .iter()
            .find(|s| s.email == email)
            .unwrap_or_else(|| panic!("{email} missing"));
        assert_eq!(user.role, role, "{email}");
        assert!(user.active, "{email}");
        assert!(verify_secret(DEMO_PASSWORD, &user.password_hash), "{email}");
    }
    let agency_user = staff.iter().find(|s| s.role == StaffRole::Agency).unwrap();
    assert!(
        agency_user.agency_id.is_some(),
        "the agency user belongs to an agency"
    );
}

#[tokio::test]
async fn demo_children_cover_looked_after_young_and_teenage() {
    let app = spawn_demo_app().await;
    let today = chrono::Utc::now().date_naive();
    let children = child::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(children.len(), 4);
    let ages: Vec<i32> = children
        .iter()
        .map(|c| today.years_since(c.date_of_birth).unwrap() as i32)
        .collect();
    assert!(
        children.iter().any(|c| c.looked_after),
        "one looked-after child"
    );
    assert!(ages.contains(&5), "a five-year-old: {ages:?}");
    assert!(
        ages.iter().any(|a| (13..=17).contains(a)),
        "a teenager: {ages:?}"
    );
}

#[tokio::test]
async fn demo_meetings_are_upcoming_and_of_several_kinds_with_referrals_in_several_states() {
    let app = spawn_demo_app().await;
    let now = chrono::Utc::now();
    let meetings = meeting::Entity::find().all(&app.db).await.unwrap();
    assert!(
        meetings
            .iter()
            .all(|m| m.scheduled_at.is_some_and(|at| at > now)),
        "all in the coming weeks"
    );
    let kinds: std::collections::HashSet<MeetingKind> = meetings.iter().map(|m| m.kind).collect();
    assert!(kinds.len() >= 3, "{kinds:?}");
    let states: std::collections::HashSet<ReferralStatus> = referral::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|r| r.status)
        .collect();
    assert!(states.len() >= 3, "{states:?}");
}

#[tokio::test]
async fn the_demo_child_code_and_pin_are_stored_hashed_and_match() {
    let app = spawn_demo_app().await;
    let digest = AccessCode::parse(DEMO_ACCESS_CODE).unwrap().digest();
    let access = child_access::Entity::find()
        .filter(child_access::Column::CodeDigest.eq(digest))
        .one(&app.db)
        .await
        .unwrap()
        .expect("DEMO-0001 exists");
    assert!(
        !access.pin_hash.contains(DEMO_PIN),
        "PIN is not stored in clear"
    );
    assert!(verify_secret(DEMO_PIN, &access.pin_hash));
    assert!(access.expires_at > chrono::Utc::now());
    let mia = child::Entity::find_by_id(access.child_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(mia.looked_after);
}
