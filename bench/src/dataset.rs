//! A synthetic local authority of a chosen number of children, shaped like a real one: advocates
//! with about 50 open cases each, social workers with about 25 children, ISROs chairing, and per
//! child a past meeting (held, advocacy closed, views shared) and one to come (advocacy open, views
//! in every state), with the versions and shares each has: about ten views rows per child.
//!
//! Ids are written explicitly and follow from the child's index (`Layout`), so every reference
//! (composite tenancy keys included) is known without reading anything back.
use std::ops::Range;
use std::time::Instant;

use api::audit::AuditAction;
use api::views::{Content, Snapshot};
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use entity::enums::{
    ActorKind, AgencyKind, AttendanceChoice, Audience, CaseStatus, Feeling, MeetingKind,
    MeetingStatus, ParentalAgreement, ReferralSource, ReferralStatus, StaffRole, ViewsStatus,
};
use entity::{
    ViewItems, advocacy_case, agency, audit_event, child, local_authority, meeting, meeting_child,
    referral, staff_user, urgent_help, views, views_share, views_version,
};
use sea_orm::{DatabaseConnection, DbErr, Set};

use crate::bulk::{advance_sequences, insert_all};

/// The one local authority of the dataset.
pub const LA: i32 = 1;
pub const OPEN_CASES_PER_ADVOCATE: usize = 50;
pub const CHILDREN_PER_SOCIAL_WORKER: usize = 25;
pub const CHILDREN_PER_ISRO: usize = 100;
/// Every member of staff signs in with this (one argon2 hash, computed once).
pub const STAFF_PASSWORD: &str = "bench-password";

const AGENCIES: [(AgencyKind, &str); 7] = [
    (AgencyKind::Police, "Bench Police"),
    (AgencyKind::Health, "Bench Health Trust"),
    (AgencyKind::Education, "Bench Schools"),
    (AgencyKind::Gp, "Bench GP Practice"),
    (AgencyKind::Housing, "Bench Housing"),
    (AgencyKind::Probation, "Bench Probation"),
    (AgencyKind::Other, "Bench Youth Service"),
];
const NAMES: [&str; 20] = [
    "Mia", "Jade", "Leo", "Amir", "Zara", "Noah", "Ruby", "Kai", "Isla", "Theo", "Ava", "Finley",
    "Maya", "Oscar", "Lily", "Ezra", "Poppy", "Jayden", "Aisha", "Harley",
];
const PLACES: [&str; 5] = [
    "School, small meeting room",
    "Family centre",
    "County Hall, room 2",
    "Foster carer's home",
    "Online (Teams)",
];
const NOT_LOOKED_AFTER_KINDS: [MeetingKind; 5] = [
    MeetingKind::ChildProtectionReview,
    MeetingKind::ChildInNeedMeeting,
    MeetingKind::CoreGroupMeeting,
    MeetingKind::InitialChildProtectionConference,
    MeetingKind::FamilyGroupConference,
];

/// Where the child's views for their next meeting are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upcoming {
    NotStarted,
    Draft,
    Submitted,
    Shared,
}

/// Who and what exists, and every id, as a function of the number of children.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub children: usize,
    pub advocates: usize,
    pub social_workers: usize,
    pub isros: usize,
    pub coordinators: usize,
}

impl Layout {
    pub fn new(children: usize) -> Self {
        Self {
            children,
            advocates: children.div_ceil(OPEN_CASES_PER_ADVOCATE),
            social_workers: children.div_ceil(CHILDREN_PER_SOCIAL_WORKER),
            isros: children.div_ceil(CHILDREN_PER_ISRO),
            coordinators: 1 + children / 20_000,
        }
    }

    fn staff_count(&self) -> usize {
        1 + self.coordinators + self.advocates + self.social_workers + self.isros + AGENCIES.len()
    }

    fn coordinator_id(&self, k: usize) -> i32 {
        id(2 + k)
    }
    pub fn advocate_id(&self, a: usize) -> i32 {
        id(2 + self.coordinators + a)
    }
    pub fn social_worker_id(&self, w: usize) -> i32 {
        self.advocate_id(self.advocates) + id(w)
    }
    fn isro_id(&self, r: usize) -> i32 {
        self.social_worker_id(self.social_workers) + id(r)
    }
    fn agency_user_id(&self, k: usize) -> i32 {
        self.isro_id(self.isros) + id(k)
    }

    pub fn child_id(&self, i: usize) -> i32 {
        id(i + 1)
    }
    /// The past meeting, its referral, case and views share this id.
    pub fn past(&self, i: usize) -> i32 {
        id(2 * i + 1)
    }
    /// The meeting to come, its referral, case and views share this id.
    pub fn upcoming(&self, i: usize) -> i32 {
        id(2 * i + 2)
    }
    pub fn advocate_of(&self, i: usize) -> i32 {
        self.advocate_id(i / OPEN_CASES_PER_ADVOCATE)
    }
    pub fn social_worker_of(&self, i: usize) -> i32 {
        self.social_worker_id(i / CHILDREN_PER_SOCIAL_WORKER)
    }
    pub fn isro_of(&self, i: usize) -> i32 {
        self.isro_id(i / CHILDREN_PER_ISRO)
    }
    /// The children (by index) social worker `w` is allocated to.
    pub fn children_of_social_worker(&self, w: usize) -> Range<usize> {
        let start = w * CHILDREN_PER_SOCIAL_WORKER;
        start.min(self.children)..(start + CHILDREN_PER_SOCIAL_WORKER).min(self.children)
    }
    pub fn looked_after(&self, i: usize) -> bool {
        i.is_multiple_of(3)
    }
    pub fn upcoming_views(&self, i: usize) -> Upcoming {
        match i % 10 {
            0 | 1 => Upcoming::NotStarted,
            2..=5 => Upcoming::Draft,
            6 | 7 => Upcoming::Submitted,
            _ => Upcoming::Shared,
        }
    }
    /// The version the views for the meeting to come are at (1 to 4).
    pub fn upcoming_version(&self, i: usize) -> i32 {
        id(1 + i % 4)
    }
}

/// Every id in the dataset fits an `INTEGER` column.
fn id(n: usize) -> i32 {
    i32::try_from(n).expect("the dataset is sized to fit 32-bit ids")
}

/// Everything a scenario needs to know about the generated data.
#[derive(Debug, Clone)]
pub struct Dataset {
    pub layout: Layout,
    /// Rows written, all tables together.
    pub rows: usize,
    pub seconds: f64,
    /// The moment the data is dated from: meetings "to come" are after it.
    pub now: DateTime<Utc>,
}

/// Fill a freshly migrated, empty database with `children` children and everything around them.
pub async fn generate(db: &DatabaseConnection, children: usize) -> Result<Dataset, DbErr> {
    let started = Instant::now();
    let layout = Layout::new(children);
    let now = Utc::now();
    let pin_or_password_hash = api::auth::hash_secret(STAFF_PASSWORD)
        .map_err(|e| DbErr::Custom(format!("hashing the staff password: {e}")))?;
    let l = layout;
    let mut rows = 0;

    rows += insert_all::<local_authority::Entity, _>(
        db,
        [local_authority::ActiveModel {
            id: Set(LA),
            name: Set("Benchshire County Council".into()),
            slug: Set("bench".into()),
            created_at: Set(now),
        }],
    )
    .await?;
    rows += insert_all::<agency::Entity, _>(
        db,
        AGENCIES
            .iter()
            .enumerate()
            .map(|(k, (kind, name))| agency::ActiveModel {
                id: Set(id(k + 1)),
                local_authority_id: Set(LA),
                name: Set((*name).into()),
                kind: Set(*kind),
                contact_email: Set(Some(format!("agency{k}@bench.myvoice"))),
                created_at: Set(now),
            }),
    )
    .await?;
    rows += insert_all::<staff_user::Entity, _>(db, staff(&l, &pin_or_password_hash, now)).await?;
    rows +=
        insert_all::<child::Entity, _>(db, (0..children).map(|i| child_row(&l, i, now))).await?;
    rows += insert_all::<meeting::Entity, _>(
        db,
        (0..children).flat_map(|i| [past_meeting(&l, i, now), upcoming_meeting(&l, i, now)]),
    )
    .await?;
    rows += insert_all::<meeting_child::Entity, _>(
        db,
        (0..children).flat_map(|i| [l.past(i), l.upcoming(i)].map(|m| link(m, l.child_id(i), now))),
    )
    .await?;
    rows += insert_all::<referral::Entity, _>(
        db,
        (0..children).flat_map(|i| {
            [
                referral_row(
                    &l,
                    i,
                    l.past(i),
                    now - past_offset(i) - Duration::days(21),
                    now,
                ),
                referral_row(
                    &l,
                    i,
                    l.upcoming(i),
                    now - Duration::days(id(i % 10).into()),
                    now,
                ),
            ]
        }),
    )
    .await?;
    rows += insert_all::<advocacy_case::Entity, _>(
        db,
        (0..children).flat_map(|i| [past_case(&l, i, now), upcoming_case(&l, i, now)]),
    )
    .await?;
    rows += insert_all::<views::Entity, _>(
        db,
        (0..children).flat_map(|i| {
            let upcoming =
                (l.upcoming_views(i) != Upcoming::NotStarted).then(|| upcoming_views(&l, i, now));
            std::iter::once(past_views(&l, i, now)).chain(upcoming)
        }),
    )
    .await?;
    rows += insert_all::<views_version::Entity, _>(
        db,
        (0..children).flat_map(|i| versions(&l, i, now)),
    )
    .await?;
    rows +=
        insert_all::<views_share::Entity, _>(db, (0..children).flat_map(|i| shares(&l, i, now)))
            .await?;
    rows +=
        insert_all::<urgent_help::Entity, _>(db, (0..children).filter_map(|i| urgent(&l, i, now)))
            .await?;
    rows += insert_all::<audit_event::Entity, _>(
        db,
        (0..children).flat_map(|i| audit_trail(&l, i, now)),
    )
    .await?;
    advance_sequences(
        db,
        &[
            "local_authority",
            "agency",
            "staff_user",
            "child",
            "meeting",
            "referral",
            "advocacy_case",
            "views",
        ],
    )
    .await?;
    Ok(Dataset {
        layout,
        rows,
        seconds: started.elapsed().as_secs_f64(),
        now,
    })
}

/// How many of a role, the word their e-mail starts with, the role, and the id of the k-th.
type StaffGroup = (usize, &'static str, StaffRole, fn(&Layout, usize) -> i32);

fn staff(l: &Layout, hash: &str, now: DateTime<Utc>) -> Vec<staff_user::ActiveModel> {
    let person =
        |staff_id: i32, name: String, email: String, role, agency_id| staff_user::ActiveModel {
            id: Set(staff_id),
            local_authority_id: Set(LA),
            name: Set(name),
            email: Set(email),
            role: Set(role),
            password_hash: Set(hash.to_owned()),
            active: Set(true),
            agency_id: Set(agency_id),
            created_at: Set(now),
            session_epoch: Set(0),
        };
    let mut out = Vec::with_capacity(l.staff_count());
    out.push(person(
        1,
        "Bench Admin".into(),
        "admin@bench.myvoice".into(),
        StaffRole::Admin,
        None,
    ));
    let groups: [StaffGroup; 4] = [
        (
            l.coordinators,
            "coordinator",
            StaffRole::Coordinator,
            Layout::coordinator_id,
        ),
        (
            l.advocates,
            "advocate",
            StaffRole::Advocate,
            Layout::advocate_id,
        ),
        (
            l.social_workers,
            "social.worker",
            StaffRole::SocialWorker,
            Layout::social_worker_id,
        ),
        (l.isros, "isro", StaffRole::Isro, Layout::isro_id),
    ];
    for (count, word, role, staff_id) in groups {
        for k in 0..count {
            out.push(person(
                staff_id(l, k),
                format!("{} {k}", capitalised(word)),
                format!("{word}{k}@bench.myvoice"),
                role,
                None,
            ));
        }
    }
    for (k, (_, name)) in AGENCIES.iter().enumerate() {
        out.push(person(
            l.agency_user_id(k),
            format!("{name} contact"),
            format!("agency{k}@bench.myvoice"),
            StaffRole::Agency,
            Some(id(k + 1)),
        ));
    }
    out
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

fn child_row(l: &Layout, i: usize, now: DateTime<Utc>) -> child::ActiveModel {
    let today = now.date_naive();
    let years = id(5 + i % 13);
    let born = NaiveDate::from_ymd_opt(today.year() - years, 1, 1)
        .unwrap_or(today)
        .checked_add_days(chrono::Days::new((i * 37 % 365) as u64))
        .unwrap_or(today);
    child::ActiveModel {
        id: Set(l.child_id(i)),
        local_authority_id: Set(LA),
        preferred_name: Set(NAMES[i % NAMES.len()].into()),
        date_of_birth: Set(born),
        looked_after: Set(l.looked_after(i)),
        communication_needs: Set(i.is_multiple_of(7).then(|| "Uses Makaton signs".into())),
        language: Set(if i.is_multiple_of(11) { "pl" } else { "en" }.into()),
        lives_with: Set(Some(
            if l.looked_after(i) {
                "Foster carers"
            } else {
                "Mum"
            }
            .into(),
        )),
        social_worker_id: Set(Some(l.social_worker_of(i))),
        created_at: Set(now - Duration::days(400)),
        younger_mode: Set(false),
        session_epoch: Set(0),
        external_ref: Set(None),
        full_name: Set(None),
        anonymised_at: Set(None),
        interpreter_needed: Set(false),
        parental_responsibility: Set(None),
        agreed_to_advocacy: Set(false),
        meeting_name: Set(None),
        worries_name: Set(None),
        going_well_name: Set(None),
        want_to_happen_name: Set(None),
        agreed_to_advocacy_on: Set(None),
    }
}

fn kind(l: &Layout, i: usize) -> MeetingKind {
    if l.looked_after(i) {
        MeetingKind::ChildrenLookedAfterReview
    } else {
        NOT_LOOKED_AFTER_KINDS[i % NOT_LOOKED_AFTER_KINDS.len()]
    }
}

fn past_offset(i: usize) -> Duration {
    Duration::days(id(30 + i % 300).into())
}

/// When the meeting to come is: 1 to 60 days ahead, so some are "soon".
pub fn upcoming_at(i: usize, now: DateTime<Utc>) -> DateTime<Utc> {
    now + Duration::days(id(1 + (i * 7) % 60).into()) + Duration::hours(id(i % 8).into())
}

fn meeting_row(l: &Layout, i: usize, meeting_id: i32, now: DateTime<Utc>) -> meeting::ActiveModel {
    meeting::ActiveModel {
        id: Set(meeting_id),
        local_authority_id: Set(LA),
        kind: Set(kind(l, i)),
        scheduled_at: Set(None),
        place: Set(Some(PLACES[i % PLACES.len()].into())),
        chair_id: Set(Some(l.isro_of(i))),
        social_worker_id: Set(Some(l.social_worker_of(i))),
        status: Set(MeetingStatus::Scheduled),
        worried_about_now: Set(None),
        complicating_factors: Set(None),
        going_well: Set(None),
        signs_of_safety: Set(None),
        plan: Set(None),
        outcome_staff_words: Set(None),
        outcome_child_words: Set(None),
        recorded_at: Set(None),
        created_at: Set(now - Duration::days(60)),
        external_ref: Set(None),
        moved_at: Set(None),
        move_reason: Set(None),
        cancelled_at: Set(None),
        cancel_reason: Set(None),
        follow_up_of_id: Set(None),
    }
}

fn past_meeting(l: &Layout, i: usize, now: DateTime<Utc>) -> meeting::ActiveModel {
    let at = now - past_offset(i);
    meeting::ActiveModel {
        scheduled_at: Set(Some(at)),
        status: Set(MeetingStatus::Held),
        worried_about_now: Set(Some("School attendance has dropped this term.".into())),
        complicating_factors: Set(Some("Mum's health has been poor.".into())),
        going_well: Set(Some("A settled routine at home most days.".into())),
        signs_of_safety: Set(Some("Grandma visits every weekend.".into())),
        plan: Set(Some(
            "Core group to meet monthly; school to report attendance weekly.".into(),
        )),
        outcome_staff_words: Set(Some("The plan continues for three months.".into())),
        outcome_child_words: Set(Some(
            "You said you want to see Grandma more. The meeting agreed to that.".into(),
        )),
        recorded_at: Set(Some(at + Duration::hours(3))),
        ..meeting_row(l, i, l.past(i), now)
    }
}

fn upcoming_meeting(l: &Layout, i: usize, now: DateTime<Utc>) -> meeting::ActiveModel {
    meeting::ActiveModel {
        scheduled_at: Set(Some(upcoming_at(i, now))),
        ..meeting_row(l, i, l.upcoming(i), now)
    }
}

pub fn link(meeting_id: i32, child_id: i32, now: DateTime<Utc>) -> meeting_child::ActiveModel {
    meeting_child::ActiveModel {
        meeting_id: Set(meeting_id),
        child_id: Set(child_id),
        local_authority_id: Set(LA),
        created_at: Set(now),
    }
}

fn referral_row(
    l: &Layout,
    i: usize,
    meeting_id: i32,
    received: DateTime<Utc>,
    now: DateTime<Utc>,
) -> referral::ActiveModel {
    referral::ActiveModel {
        id: Set(meeting_id),
        local_authority_id: Set(LA),
        child_id: Set(Some(l.child_id(i))),
        meeting_id: Set(Some(meeting_id)),
        source: Set(ReferralSource::SocialWorker),
        referrer_id: Set(Some(l.social_worker_of(i))),
        self_referral_contact: Set(None),
        reason: Set(Some("Wants help to say how things are at home.".into())),
        how_to_contact_child: Set(Some("Through the carer, after school".into())),
        lives_with: Set(Some("Mum and two younger brothers".into())),
        visit_risks: Set(Some("None known".into())),
        communication_needs: Set(Some("None".into())),
        other_information: Set(None),
        parental_agreement: Set(if l.looked_after(i) {
            ParentalAgreement::NotRequiredLookedAfter
        } else {
            ParentalAgreement::Given
        }),
        status: Set(ReferralStatus::Accepted),
        decline_reason: Set(None),
        withdrawal_reason: Set(None),
        received_at: Set(received),
        created_at: Set(now),
    }
}

fn case_row(l: &Layout, i: usize, case_id: i32, now: DateTime<Utc>) -> advocacy_case::ActiveModel {
    advocacy_case::ActiveModel {
        id: Set(case_id),
        local_authority_id: Set(LA),
        referral_id: Set(case_id),
        child_id: Set(l.child_id(i)),
        meeting_id: Set(case_id),
        advocate_id: Set(l.advocate_of(i)),
        status: Set(CaseStatus::Allocated),
        allocated_at: Set(now - Duration::days(5)),
        closed_at: Set(None),
        close_reason: Set(None),
        created_at: Set(now),
    }
}

fn past_case(l: &Layout, i: usize, now: DateTime<Utc>) -> advocacy_case::ActiveModel {
    advocacy_case::ActiveModel {
        status: Set(CaseStatus::Closed),
        allocated_at: Set(now - past_offset(i) - Duration::days(14)),
        closed_at: Set(Some(now - past_offset(i) + Duration::days(2))),
        close_reason: Set(Some("The meeting has happened.".into())),
        ..case_row(l, i, l.past(i), now)
    }
}

fn upcoming_case(l: &Layout, i: usize, now: DateTime<Utc>) -> advocacy_case::ActiveModel {
    let status = match l.upcoming_views(i) {
        Upcoming::NotStarted => CaseStatus::Allocated,
        Upcoming::Draft | Upcoming::Submitted => CaseStatus::InProgress,
        Upcoming::Shared => CaseStatus::ViewsShared,
    };
    advocacy_case::ActiveModel {
        status: Set(status),
        ..case_row(l, i, l.upcoming(i), now)
    }
}

/// What a child wrote, varied a little by child.
pub fn content(i: usize) -> Content {
    const FEELINGS: [Feeling; 7] = [
        Feeling::VeryHappy,
        Feeling::Happy,
        Feeling::Okay,
        Feeling::Sad,
        Feeling::VerySad,
        Feeling::Worried,
        Feeling::Angry,
    ];
    const ATTENDANCE: [AttendanceChoice; 5] = [
        AttendanceChoice::Attend,
        AttendanceChoice::AttendWithAdvocate,
        AttendanceChoice::AdvocateSpeaksForMe,
        AttendanceChoice::WrittenViewsOnly,
        AttendanceChoice::NotTakingPart,
    ];
    Content {
        worries: vec![
            "I worry when mum and dad shout at each other".into(),
            "I don't like it when I have to change school".into(),
        ],
        going_well: vec![
            "I like my football club".into(),
            "My teacher Miss Clarke helps me".into(),
            "I see Grandma on Sundays".into(),
        ],
        want_to_happen: vec!["I want to stay at my school".into()],
        feeling: Some(FEELINGS[i % FEELINGS.len()]),
        free_words: i
            .is_multiple_of(4)
            .then(|| "Please listen to me properly this time.".into()),
        attendance: Some(ATTENDANCE[i % ATTENDANCE.len()]),
        share_with_social_worker: true,
        share_with_chair: true,
        share_with_family: i.is_multiple_of(2),
        share_with_meeting: i.is_multiple_of(3),
    }
}

/// A views row with the child's content; status, version and dates are set by the caller.
pub fn views_row(
    child_id: i32,
    meeting_id: i32,
    case_id: Option<i32>,
    content: Content,
    now: DateTime<Utc>,
) -> views::ActiveModel {
    views::ActiveModel {
        id: Set(meeting_id),
        local_authority_id: Set(LA),
        child_id: Set(child_id),
        meeting_id: Set(meeting_id),
        case_id: Set(case_id),
        worries: Set(ViewItems(content.worries)),
        going_well: Set(ViewItems(content.going_well)),
        want_to_happen: Set(ViewItems(content.want_to_happen)),
        feeling: Set(content.feeling),
        free_words: Set(content.free_words),
        attendance: Set(content.attendance),
        share_with_social_worker: Set(content.share_with_social_worker),
        share_with_chair: Set(content.share_with_chair),
        share_with_family: Set(content.share_with_family),
        share_with_meeting: Set(content.share_with_meeting),
        status: Set(ViewsStatus::Draft),
        version: Set(1),
        submitted_at: Set(None),
        idempotency_key: Set(None),
        save_key: Set(None),
        updated_at: Set(now),
        created_at: Set(now),
        // Parts not tracked: a part save from an older version is a conflict, as for old rows.
        part_versions: Set(None),
        written_by: Set(entity::enums::ViewsAuthor::Child),
        confirmed_at: Set(None),
        confirmed_how: Set(None),
        confirmed_on: Set(None),
    }
}

const PAST_VERSIONS: i32 = 5;

fn key(views_id: i32, version: i32) -> String {
    format!("bench-{views_id}-{version}")
}

fn past_views(l: &Layout, i: usize, now: DateTime<Utc>) -> views::ActiveModel {
    let at = now - past_offset(i) - Duration::days(3);
    views::ActiveModel {
        status: Set(ViewsStatus::Shared),
        version: Set(PAST_VERSIONS),
        submitted_at: Set(Some(at)),
        idempotency_key: Set(Some(key(l.past(i), PAST_VERSIONS))),
        updated_at: Set(at),
        ..views_row(l.child_id(i), l.past(i), Some(l.past(i)), content(i), at)
    }
}

fn upcoming_views(l: &Layout, i: usize, now: DateTime<Utc>) -> views::ActiveModel {
    let version = l.upcoming_version(i);
    let (status, sent) = match l.upcoming_views(i) {
        Upcoming::Draft => (ViewsStatus::Draft, version - 1),
        Upcoming::Submitted => (ViewsStatus::Submitted, version),
        _ => (ViewsStatus::Shared, version),
    };
    let at = now - Duration::days(1);
    views::ActiveModel {
        status: Set(status),
        version: Set(version),
        submitted_at: Set((sent > 0).then_some(at)),
        idempotency_key: Set((sent > 0).then(|| key(l.upcoming(i), sent))),
        ..views_row(
            l.child_id(i),
            l.upcoming(i),
            Some(l.upcoming(i)),
            content(i),
            now,
        )
    }
}

/// The frozen copy of each submitted version, as the server writes them.
fn versions(l: &Layout, i: usize, now: DateTime<Utc>) -> Vec<views_version::ActiveModel> {
    let frozen = |views_id: i32, version: i32, last: i32, shared: bool| {
        let snapshot = Snapshot {
            content: content(i),
            idempotency_key: Some(key(views_id, version)),
        };
        let status = if shared && version == last {
            ViewsStatus::Shared
        } else {
            ViewsStatus::Submitted
        };
        views_version::ActiveModel {
            local_authority_id: Set(LA),
            views_id: Set(views_id),
            version: Set(version),
            snapshot: Set(serde_json::to_value(snapshot).unwrap_or_default()),
            status: Set(status),
            submitted_at: Set(Some(now - Duration::days(1))),
            created_at: Set(now - Duration::days(1)),
            ..Default::default()
        }
    };
    let mut out: Vec<_> = (1..=PAST_VERSIONS)
        .map(|v| frozen(l.past(i), v, PAST_VERSIONS, true))
        .collect();
    let version = l.upcoming_version(i);
    let (sent, shared) = match l.upcoming_views(i) {
        Upcoming::NotStarted => (0, false),
        Upcoming::Draft => (version - 1, false),
        Upcoming::Submitted => (version, false),
        Upcoming::Shared => (version, true),
    };
    out.extend((1..=sent).map(|v| frozen(l.upcoming(i), v, sent, shared)));
    out
}

fn shares(l: &Layout, i: usize, now: DateTime<Utc>) -> Vec<views_share::ActiveModel> {
    let share =
        |views_id: i32, version: i32, recipient: i32, audience, read| views_share::ActiveModel {
            local_authority_id: Set(LA),
            views_id: Set(views_id),
            version: Set(version),
            recipient_id: Set(recipient),
            audience: Set(audience),
            shared_by: Set(l.advocate_of(i)),
            shared_at: Set(now - Duration::days(1)),
            read_at: Set(read),
            created_at: Set(now - Duration::days(1)),
            ..Default::default()
        };
    let read = Some(now - Duration::hours(20));
    let mut out = vec![
        share(
            l.past(i),
            PAST_VERSIONS,
            l.social_worker_of(i),
            Audience::SocialWorker,
            read,
        ),
        share(
            l.past(i),
            PAST_VERSIONS,
            l.isro_of(i),
            Audience::Chair,
            read,
        ),
    ];
    if l.upcoming_views(i) == Upcoming::Shared {
        let v = l.upcoming_version(i);
        out.push(share(
            l.upcoming(i),
            v,
            l.social_worker_of(i),
            Audience::SocialWorker,
            None,
        ));
        out.push(share(l.upcoming(i), v, l.isro_of(i), Audience::Chair, None));
    }
    out
}

/// One child in twenty has asked for help now and nobody has seen it yet; as many more were seen.
fn urgent(l: &Layout, i: usize, now: DateTime<Utc>) -> Option<urgent_help::ActiveModel> {
    let acknowledged = match i % 20 {
        0 => false,
        10 => true,
        _ => return None,
    };
    Some(urgent_help::ActiveModel {
        local_authority_id: Set(LA),
        child_id: Set(l.child_id(i)),
        case_id: Set(Some(l.upcoming(i))),
        message: Set(Some("I don't feel safe at home tonight".into())),
        raised_at: Set(now - Duration::hours(2)),
        acknowledged_at: Set(acknowledged.then(|| now - Duration::hours(1))),
        acknowledged_by: Set(acknowledged.then(|| l.advocate_of(i))),
        created_at: Set(now - Duration::hours(2)),
        ..Default::default()
    })
}

/// The trail the past work left: referrals made, advocates allocated, views shared.
fn audit_trail(l: &Layout, i: usize, now: DateTime<Utc>) -> Vec<audit_event::ActiveModel> {
    let event = |actor: i32, action: AuditAction, subject: &str, subject_id: i32| {
        audit_event::ActiveModel {
            local_authority_id: Set(LA),
            actor_kind: Set(ActorKind::Staff),
            actor_id: Set(Some(actor)),
            action: Set(action.as_str().into()),
            subject_type: Set(subject.into()),
            subject_id: Set(Some(subject_id)),
            detail: Set(None),
            occurred_at: Set(now - Duration::days(7)),
            created_at: Set(now - Duration::days(7)),
            ..Default::default()
        }
    };
    let (sw, advocate) = (l.social_worker_of(i), l.advocate_of(i));
    let coordinator = l.coordinator_id(0);
    vec![
        event(sw, AuditAction::ReferralCreated, "referral", l.past(i)),
        event(coordinator, AuditAction::CaseAllocated, "case", l.past(i)),
        event(advocate, AuditAction::ViewsShared, "views", l.past(i)),
        event(sw, AuditAction::ReferralCreated, "referral", l.upcoming(i)),
        event(
            coordinator,
            AuditAction::CaseAllocated,
            "case",
            l.upcoming(i),
        ),
    ]
}
