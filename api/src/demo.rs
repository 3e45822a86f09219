//! Demo data: one local authority with a member of staff in each role, four children (Sam not yet
//! referred), meetings in the coming weeks and referrals in different states. Fixed credentials so the README and tests can use them.
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::ViewItems;
use entity::enums::{
    AgencyKind, AttendanceChoice, CaseStatus, MeetingKind, MeetingStatus, ParentalAgreement,
    ReferralSource, ReferralStatus, StaffRole, ViewsStatus,
};
use entity::{
    advocacy_case, agency, child, child_access, local_authority, meeting, meeting_child, referral,
    staff_user, views,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DbErr, EntityTrait, QueryFilter, Set,
    TransactionTrait,
};

use crate::auth::{AccessCode, hash_secret};

pub const DEMO_SLUG: &str = "demo";
pub const DEMO_PASSWORD: &str = "demo-password";
pub const DEMO_ACCESS_CODE: &str = "DEMO-0001";
pub const DEMO_PIN: &str = "2468";

pub const SIGN_IN_HELP: &str = "\
Demo data is loaded. Sign in with:
  staff (password demo-password):
    advocate@demo.myvoice        social.worker@demo.myvoice   isro@demo.myvoice
    coordinator@demo.myvoice     agency@demo.myvoice          admin@demo.myvoice
  child (Mia, 11, looked after): access code DEMO-0001, PIN 2468";

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(transparent)]
    Database(#[from] DbErr),
    #[error(transparent)]
    Hash(#[from] crate::auth::PasswordError),
}

#[derive(Debug, PartialEq, Eq)]
pub enum SeedOutcome {
    Created,
    AlreadyPresent,
}

/// Seed once; a second run finds the demo authority and changes nothing.
pub async fn seed(db: &DatabaseConnection) -> Result<SeedOutcome, DemoError> {
    let present = local_authority::Entity::find()
        .filter(local_authority::Column::Slug.eq(DEMO_SLUG))
        .one(db)
        .await?
        .is_some();
    if present {
        return Ok(SeedOutcome::AlreadyPresent);
    }
    // Hashing is slow on purpose; do it before the transaction so the write lock is held briefly.
    let password_hash = hash_secret(DEMO_PASSWORD)?;
    let pin_hash = hash_secret(DEMO_PIN)?;
    let now = Utc::now();
    let txn = db.begin().await?;
    let la = local_authority::ActiveModel {
        name: Set("Demo County Council".into()),
        slug: Set(DEMO_SLUG.into()),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?
    .id;

    let mut agencies = Vec::new();
    for (name, kind) in [
        ("Demo Constabulary", AgencyKind::Police),
        ("Demo NHS Foundation Trust", AgencyKind::Health),
        ("Riverside Primary School", AgencyKind::Education),
        ("Hill Street GP Surgery", AgencyKind::Gp),
    ] {
        let id = agency::ActiveModel {
            local_authority_id: Set(la),
            name: Set(name.into()),
            kind: Set(kind),
            contact_email: Set(None),
            created_at: Set(now),
            ..Default::default()
        }
        .insert(&txn)
        .await?
        .id;
        agencies.push(id);
    }

    let staff =
        |name: &'static str, email: &'static str, role: StaffRole, agency_id: Option<i32>| {
            staff_user::ActiveModel {
                local_authority_id: Set(la),
                name: Set(name.into()),
                email: Set(email.into()),
                role: Set(role),
                password_hash: Set(password_hash.clone()),
                active: Set(true),
                agency_id: Set(agency_id),
                created_at: Set(now),
                ..Default::default()
            }
        };
    let advocate = staff(
        "Priya Shah",
        "advocate@demo.myvoice",
        StaffRole::Advocate,
        None,
    )
    .insert(&txn)
    .await?
    .id;
    let social_worker = staff(
        "Tom Reed",
        "social.worker@demo.myvoice",
        StaffRole::SocialWorker,
        None,
    )
    .insert(&txn)
    .await?
    .id;
    let isro = staff("Helen Carter", "isro@demo.myvoice", StaffRole::Isro, None)
        .insert(&txn)
        .await?
        .id;
    staff(
        "Jo Bennett",
        "coordinator@demo.myvoice",
        StaffRole::Coordinator,
        None,
    )
    .insert(&txn)
    .await?;
    staff(
        "PC Alex Morgan",
        "agency@demo.myvoice",
        StaffRole::Agency,
        Some(agencies[0]),
    )
    .insert(&txn)
    .await?;
    staff("Chris Admin", "admin@demo.myvoice", StaffRole::Admin, None)
        .insert(&txn)
        .await?;

    let today = now.date_naive();
    let add_child = |name: &'static str,
                     age: i32,
                     looked_after: bool,
                     needs: Option<&'static str>,
                     lives: &'static str| {
        child::ActiveModel {
            local_authority_id: Set(la),
            preferred_name: Set(name.into()),
            date_of_birth: Set(birthday(today, age)),
            looked_after: Set(looked_after),
            communication_needs: Set(needs.map(Into::into)),
            language: Set("en".into()),
            lives_with: Set(Some(lives.into())),
            social_worker_id: Set(Some(social_worker)),
            created_at: Set(now),
            ..Default::default()
        }
    };
    let mia = add_child("Mia", 11, true, None, "Foster carers, Mr and Mrs Patel")
        .insert(&txn)
        .await?
        .id;
    let leo = add_child(
        "Leo",
        5,
        false,
        Some("Likes pictures; short sessions"),
        "Mum and baby sister",
    )
    .insert(&txn)
    .await?
    .id;
    let jade = add_child("Jade", 15, false, None, "Dad")
        .insert(&txn)
        .await?
        .id;
    // No referral yet: the social worker can request an advocate for Sam from the demo.
    let sam = add_child("Sam", 9, false, None, "Mum and Gran")
        .insert(&txn)
        .await?
        .id;

    let add_meeting = |kind: MeetingKind, days: i64, place: &'static str| meeting::ActiveModel {
        local_authority_id: Set(la),
        kind: Set(kind),
        scheduled_at: Set(Some(at_ten(now + Duration::days(days)))),
        place: Set(Some(place.into())),
        chair_id: Set(Some(isro)),
        social_worker_id: Set(Some(social_worker)),
        status: Set(MeetingStatus::Scheduled),
        created_at: Set(now),
        ..Default::default()
    };
    let mia_review = add_meeting(
        MeetingKind::ChildrenLookedAfterReview,
        14,
        "Mia's school, small meeting room",
    )
    .insert(&txn)
    .await?
    .id;
    let leo_icpc = add_meeting(
        MeetingKind::InitialChildProtectionConference,
        10,
        "County Hall, room 2",
    )
    .insert(&txn)
    .await?
    .id;
    let jade_cin = add_meeting(MeetingKind::ChildInNeedMeeting, 21, "Family centre")
        .insert(&txn)
        .await?
        .id;
    let jade_fgc = add_meeting(MeetingKind::FamilyGroupConference, 28, "Community hall")
        .insert(&txn)
        .await?
        .id;
    let sam_review = add_meeting(
        MeetingKind::ChildProtectionReview,
        12,
        "County Hall, room 4",
    )
    .insert(&txn)
    .await?
    .id;
    for (meeting_id, child_id) in [
        (mia_review, mia),
        (leo_icpc, leo),
        (jade_cin, jade),
        (jade_fgc, jade),
        (sam_review, sam),
    ] {
        meeting_child::ActiveModel {
            local_authority_id: Set(la),
            meeting_id: Set(meeting_id),
            child_id: Set(child_id),
            created_at: Set(now),
        }
        .insert(&txn)
        .await?;
    }

    let add_referral =
        |child_id: i32, meeting_id: i32, agreement: ParentalAgreement, status: ReferralStatus| {
            referral::ActiveModel {
                local_authority_id: Set(la),
                child_id: Set(Some(child_id)),
                meeting_id: Set(Some(meeting_id)),
                source: Set(ReferralSource::SocialWorker),
                referrer_id: Set(Some(social_worker)),
                reason: Set(Some(
                    "The child has a meeting coming up and would like help to share their views."
                        .into(),
                )),
                how_to_contact_child: Set(Some("Through the social worker".into())),
                visit_risks: Set(Some("None known".into())),
                parental_agreement: Set(agreement),
                status: Set(status),
                received_at: Set(now - Duration::days(2)),
                ..Default::default()
            }
        };
    let mia_referral = add_referral(
        mia,
        mia_review,
        ParentalAgreement::NotRequiredLookedAfter,
        ReferralStatus::Accepted,
    )
    .insert(&txn)
    .await?
    .id;
    add_referral(
        leo,
        leo_icpc,
        ParentalAgreement::Given,
        ReferralStatus::Received,
    )
    .insert(&txn)
    .await?;
    add_referral(
        jade,
        jade_cin,
        ParentalAgreement::Pending,
        ReferralStatus::PendingConsent,
    )
    .insert(&txn)
    .await?;
    let jade_referral = add_referral(
        jade,
        jade_fgc,
        ParentalAgreement::Given,
        ReferralStatus::Accepted,
    )
    .insert(&txn)
    .await?
    .id;

    let add_case = |referral_id: i32, child_id: i32, meeting_id: i32, status: CaseStatus| {
        advocacy_case::ActiveModel {
            local_authority_id: Set(la),
            referral_id: Set(referral_id),
            child_id: Set(child_id),
            meeting_id: Set(meeting_id),
            advocate_id: Set(advocate),
            status: Set(status),
            allocated_at: Set(now - Duration::days(1)),
            ..Default::default()
        }
    };
    let mia_case = add_case(mia_referral, mia, mia_review, CaseStatus::InProgress)
        .insert(&txn)
        .await?
        .id;
    add_case(jade_referral, jade, jade_fgc, CaseStatus::Allocated)
        .insert(&txn)
        .await?;

    let code = AccessCode::parse(DEMO_ACCESS_CODE).map_err(|e| DbErr::Custom(e.to_string()))?;
    child_access::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(mia),
        case_id: Set(Some(mia_case)),
        code_digest: Set(code.digest()),
        pin_hash: Set(pin_hash),
        expires_at: Set(now + Duration::days(365)),
        created_by: Set(Some(advocate)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    views::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(mia),
        meeting_id: Set(mia_review),
        case_id: Set(Some(mia_case)),
        worries: Set(ViewItems(vec![
            "I don't know if I can still see my brother.".into(),
        ])),
        going_well: Set(ViewItems(vec![
            "I like my foster carers' dog, Biscuit.".into(),
        ])),
        want_to_happen: Set(ViewItems(vec![])),
        attendance: Set(Some(AttendanceChoice::AttendWithAdvocate)),
        status: Set(ViewsStatus::Draft),
        version: Set(1),
        updated_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;

    txn.commit().await?;
    Ok(SeedOutcome::Created)
}

/// A date of birth that makes the child `age` today (a few months past the birthday).
fn birthday(today: NaiveDate, age: i32) -> NaiveDate {
    let date = today - Duration::days(95);
    NaiveDate::from_ymd_opt(date.year() - age, date.month(), date.day().min(28)).unwrap_or(date)
}

/// Meetings start at 10:00 UTC on their day.
fn at_ten(day: DateTime<Utc>) -> DateTime<Utc> {
    day.date_naive()
        .and_hms_opt(10, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(day)
}
