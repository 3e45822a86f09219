//! A child's history of meetings, written straight into the tables (every constraint checked): for
//! the subject access export's benchmark (`myvoice-export-bench`) and its test, which seeds two
//! children the same way and checks the export holds one child's rows and none of the other's.
//!
//! Each meeting gets a referral, a case with notes, views with three versions (a draft and two
//! sent), two shares (one read), a printed statement handed over, answers, a message, outcomes sent
//! to an agency, notices and audit events; every fourth meeting a request for help.
use chrono::{DateTime, Duration, Utc};
use entity::enums::*;
use entity::{
    ViewItems, advocacy_case, advocate_note, agency, audit_event, child, child_access,
    child_message, erasure_request, legal_hold, meeting, meeting_agency, meeting_child, notice,
    outcome_distribution, referral, staff_user, urgent_help, view_answer, views, views_handed,
    views_share, views_version,
};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter, Set, TransactionTrait,
};
use serde_json::json;

/// The staff and agency the history names, in one authority.
#[derive(Debug, Clone, Copy)]
pub struct People {
    pub la: i32,
    pub advocate: i32,
    pub social_worker: i32,
    pub isro: i32,
    pub agency: i32,
}

async fn staff(
    db: &impl ConnectionTrait,
    la: i32,
    role: StaffRole,
    tag: &str,
) -> Result<i32, DbErr> {
    let found = staff_user::Entity::find()
        .filter(staff_user::Column::LocalAuthorityId.eq(la))
        .filter(staff_user::Column::Role.eq(role))
        .one(db)
        .await?;
    if let Some(found) = found {
        return Ok(found.id);
    }
    Ok(staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set(format!("{role:?} {tag}")),
        email: Set(format!("{role:?}.{tag}@history.example").to_lowercase()),
        role: Set(role),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id)
}

/// The authority's advocate, social worker, ISRO and first agency (made when missing).
pub async fn people(db: &impl ConnectionTrait, la: i32) -> Result<People, DbErr> {
    let agency = match agency::Entity::find()
        .filter(agency::Column::LocalAuthorityId.eq(la))
        .one(db)
        .await?
    {
        Some(a) => a.id,
        None => {
            agency::ActiveModel {
                local_authority_id: Set(la),
                name: Set(format!("Police {la}")),
                kind: Set(AgencyKind::Police),
                created_at: Set(Utc::now()),
                ..Default::default()
            }
            .insert(db)
            .await?
            .id
        }
    };
    Ok(People {
        la,
        advocate: staff(db, la, StaffRole::Advocate, "a").await?,
        social_worker: staff(db, la, StaffRole::SocialWorker, "s").await?,
        isro: staff(db, la, StaffRole::Isro, "i").await?,
        agency,
    })
}

/// A new child of the authority.
pub async fn new_child(db: &impl ConnectionTrait, la: i32, name: &str) -> Result<i32, DbErr> {
    Ok(child::ActiveModel {
        local_authority_id: Set(la),
        preferred_name: Set(name.into()),
        date_of_birth: Set((Utc::now() - Duration::days(365 * 12)).date_naive()),
        looked_after: Set(true),
        language: Set("en".into()),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await?
    .id)
}

fn audit(
    la: i32,
    actor: (ActorKind, Option<i32>),
    action: &str,
    subject: (&str, i32),
    at: DateTime<Utc>,
) -> audit_event::ActiveModel {
    audit_event::ActiveModel {
        local_authority_id: Set(la),
        actor_kind: Set(actor.0),
        actor_id: Set(actor.1),
        action: Set(action.into()),
        subject_type: Set(subject.0.into()),
        subject_id: Set(Some(subject.1)),
        occurred_at: Set(at),
        ..Default::default()
    }
}

fn notice_row(la: i32, topic: NoticeTopic, key: String, at: DateTime<Utc>) -> notice::ActiveModel {
    notice::ActiveModel {
        local_authority_id: Set(la),
        topic: Set(topic),
        channel: Set(NoticeChannel::Email),
        recipient: Set("someone@history.example".into()),
        dedupe_key: Set(key),
        link: Set("/staff".into()),
        payload: Set("{}".into()),
        due_at: Set(at),
        attempts: Set(1),
        delivered_at: Set(Some(at)),
        created_at: Set(at),
        ..Default::default()
    }
}

/// `meetings` meetings for the child, one every `days_apart` days back from today, and a legal
/// hold and a way in. `words` goes into every item of the child's views (to find it again).
/// Returns how many rows were written.
pub async fn seed(
    db: &DatabaseConnection,
    p: People,
    child_id: i32,
    meetings: usize,
    days_apart: i64,
    words: &str,
) -> Result<u64, DbErr> {
    let txn = db.begin().await?;
    let la = p.la;
    let now = Utc::now();
    let mut rows = 0u64;
    legal_hold::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(child_id),
        reason: Set("Court proceedings".into()),
        set_by: Set(p.social_worker),
        set_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    // A request to erase the record, asked and then cancelled: a row about the child that stays.
    erasure_request::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(child_id),
        reason: Set("Asked by the young person".into()),
        requested_by: Set(p.social_worker),
        requested_at: Set(now),
        expires_at: Set(now + Duration::days(7)),
        cancelled_by: Set(Some(p.social_worker)),
        cancelled_at: Set(Some(now)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let access = child_access::ActiveModel {
        local_authority_id: Set(la),
        child_id: Set(child_id),
        code_digest: Set(format!(
            "history-{child_id}-{}",
            now.timestamp_nanos_opt().unwrap_or(0)
        )),
        pin_hash: Set("not-a-real-hash".into()),
        expires_at: Set(now + Duration::days(30)),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit(
        la,
        (ActorKind::Anonymous, None),
        "child.sign_in_failed",
        ("child_access", access.id),
        now,
    )
    .insert(&txn)
    .await?;
    rows += 4;
    for n in 0..meetings {
        let at = now - Duration::days(days_apart * (meetings - n) as i64);
        let m = meeting::ActiveModel {
            local_authority_id: Set(la),
            kind: Set(MeetingKind::CoreGroupMeeting),
            scheduled_at: Set(Some(at)),
            place: Set(Some("Family centre".into())),
            chair_id: Set(Some(p.isro)),
            social_worker_id: Set(Some(p.social_worker)),
            status: Set(MeetingStatus::Scheduled),
            outcome_staff_words: Set(Some("The plan continues.".into())),
            recorded_at: Set(Some(at)),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        meeting_child::ActiveModel {
            local_authority_id: Set(la),
            meeting_id: Set(m.id),
            child_id: Set(child_id),
            created_at: Set(at),
        }
        .insert(&txn)
        .await?;
        meeting_agency::ActiveModel {
            local_authority_id: Set(la),
            meeting_id: Set(m.id),
            agency_id: Set(p.agency),
            created_at: Set(at),
        }
        .insert(&txn)
        .await?;
        let outcome = outcome_distribution::ActiveModel {
            local_authority_id: Set(la),
            meeting_id: Set(m.id),
            agency_id: Set(p.agency),
            sent_by: Set(p.isro),
            sent_at: Set(at),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let r = referral::ActiveModel {
            local_authority_id: Set(la),
            child_id: Set(Some(child_id)),
            meeting_id: Set(Some(m.id)),
            source: Set(ReferralSource::SocialWorker),
            referrer_id: Set(Some(p.social_worker)),
            reason: Set(Some("Core group".into())),
            parental_agreement: Set(ParentalAgreement::Given),
            status: Set(ReferralStatus::Accepted),
            received_at: Set(at - Duration::days(7)),
            created_at: Set(at - Duration::days(7)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        let case = advocacy_case::ActiveModel {
            local_authority_id: Set(la),
            referral_id: Set(r.id),
            child_id: Set(child_id),
            meeting_id: Set(m.id),
            advocate_id: Set(p.advocate),
            status: Set(CaseStatus::InProgress),
            allocated_at: Set(at - Duration::days(6)),
            created_at: Set(at - Duration::days(6)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for body in ["Met at school.", "Wants me to speak for them."] {
            advocate_note::ActiveModel {
                local_authority_id: Set(la),
                case_id: Set(case.id),
                author_id: Set(p.advocate),
                body: Set(body.into()),
                created_at: Set(at - Duration::days(5)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let items = ViewItems(vec![words.to_owned()]);
        let content = json!({
            "worries": [words], "goingWell": [words], "wantToHappen": [words],
            "freeWords": words, "attendance": "attend_with_advocate",
            "shareWithSocialWorker": true, "shareWithChair": true,
            "shareWithFamily": true, "shareWithMeeting": false,
        });
        let v = views::ActiveModel {
            local_authority_id: Set(la),
            child_id: Set(child_id),
            meeting_id: Set(m.id),
            case_id: Set(Some(case.id)),
            worries: Set(items.clone()),
            going_well: Set(items.clone()),
            want_to_happen: Set(items),
            free_words: Set(Some(words.to_owned())),
            attendance: Set(Some(AttendanceChoice::AttendWithAdvocate)),
            share_with_social_worker: Set(true),
            share_with_chair: Set(true),
            share_with_family: Set(true),
            share_with_meeting: Set(false),
            status: Set(ViewsStatus::Submitted),
            version: Set(3),
            submitted_at: Set(Some(at - Duration::days(2))),
            written_by: Set(ViewsAuthor::Child),
            updated_at: Set(at - Duration::days(2)),
            created_at: Set(at - Duration::days(4)),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (version, status) in [
            (1, ViewsStatus::Draft),
            (2, ViewsStatus::Submitted),
            (3, ViewsStatus::Submitted),
        ] {
            views_version::ActiveModel {
                local_authority_id: Set(la),
                views_id: Set(v.id),
                version: Set(version),
                snapshot: Set(content.clone()),
                status: Set(status),
                submitted_at: Set((status != ViewsStatus::Draft).then_some(at - Duration::days(2))),
                created_at: Set(at - Duration::days(4 - version as i64)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let mut shares = Vec::new();
        for (recipient, audience, read) in [
            (p.social_worker, Audience::SocialWorker, true),
            (p.isro, Audience::Chair, false),
        ] {
            let share = views_share::ActiveModel {
                local_authority_id: Set(la),
                views_id: Set(v.id),
                version: Set(3),
                recipient_id: Set(recipient),
                audience: Set(audience),
                shared_by: Set(p.advocate),
                shared_at: Set(at - Duration::days(1)),
                read_at: Set(read.then_some(at - Duration::hours(20))),
                created_at: Set(at - Duration::days(1)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            shares.push(share.id);
        }
        views_handed::ActiveModel {
            local_authority_id: Set(la),
            views_id: Set(v.id),
            version: Set(3),
            audience: Set(Audience::Family),
            given_on: Set(at.date_naive()),
            recorded_by: Set(p.advocate),
            created_at: Set(at),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        for (part, kind) in [
            (ViewPart::Worries, AnswerKind::Agreed),
            (ViewPart::WantToHappen, AnswerKind::NotThisTime),
        ] {
            view_answer::ActiveModel {
                local_authority_id: Set(la),
                views_id: Set(v.id),
                meeting_id: Set(m.id),
                child_id: Set(child_id),
                part: Set(part),
                item_index: Set(0),
                said: Set(words.to_owned()),
                kind: Set(kind),
                words: Set(Some("The meeting talked about this.".into())),
                answered_by: Set(p.isro),
                answered_at: Set(at),
                created_at: Set(at),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
        }
        let message = child_message::ActiveModel {
            local_authority_id: Set(la),
            child_id: Set(child_id),
            meeting_id: Set(Some(m.id)),
            from_staff_id: Set(p.advocate),
            words: Set("I shared your views.".into()),
            sent_at: Set(at),
            seen_at: Set(Some(at + Duration::hours(3))),
            ..Default::default()
        }
        .insert(&txn)
        .await?;
        rows += 17;
        if n % 4 == 0 {
            let help = urgent_help::ActiveModel {
                local_authority_id: Set(la),
                child_id: Set(child_id),
                case_id: Set(Some(case.id)),
                message: Set(Some(words.to_owned())),
                raised_at: Set(at - Duration::days(3)),
                created_at: Set(at - Duration::days(3)),
                ..Default::default()
            }
            .insert(&txn)
            .await?;
            audit(
                la,
                (ActorKind::Child, Some(child_id)),
                "urgent_help.raised",
                ("urgent_help", help.id),
                at,
            )
            .insert(&txn)
            .await?;
            rows += 2;
        }
        notice_row(
            la,
            NoticeTopic::MeetingMoved,
            format!("meeting.moved:{}:1:email:x", m.id),
            at,
        )
        .insert(&txn)
        .await?;
        notice_row(
            la,
            NoticeTopic::ViewsShared,
            format!("views.shared:{}:email:x", shares[0]),
            at,
        )
        .insert(&txn)
        .await?;
        notice_row(
            la,
            NoticeTopic::OutcomeSent,
            format!("outcome.sent:{}:email:x", outcome.id),
            at,
        )
        .insert(&txn)
        .await?;
        for event in [
            audit(
                la,
                (ActorKind::Staff, Some(p.social_worker)),
                "referral.created",
                ("referral", r.id),
                at,
            ),
            audit(
                la,
                (ActorKind::Staff, Some(p.advocate)),
                "case.allocated",
                ("advocacy_case", case.id),
                at,
            ),
            audit(
                la,
                (ActorKind::Child, Some(child_id)),
                "views.submitted",
                ("views", v.id),
                at,
            ),
            audit(
                la,
                (ActorKind::Staff, Some(p.social_worker)),
                "views.read",
                ("views", v.id),
                at,
            ),
            audit(
                la,
                (ActorKind::Staff, Some(p.isro)),
                "views.read",
                ("views", v.id),
                at,
            ),
            audit(
                la,
                (ActorKind::Staff, Some(p.isro)),
                "meeting.recorded",
                ("meeting", m.id),
                at,
            ),
            audit(
                la,
                (ActorKind::Child, Some(child_id)),
                "child_message.seen",
                ("child_message", message.id),
                at,
            ),
        ] {
            event.insert(&txn).await?;
        }
        rows += 10;
    }
    txn.commit().await?;
    Ok(rows)
}
