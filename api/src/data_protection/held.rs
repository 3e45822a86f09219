//! Everything held about one child: the ONE place that says how each table's rows relate to a
//! child. The subject access export reads by it, and an erasure must remove by it, so a new table
//! must be classified here (`HELD` or `NOT_HELD`); the suite's `subject_access` test compares both
//! lists with the database's tables and fails on a table in neither.
//!
//! Loading is one query per table (ids gathered first, then `IN` lists), never one per row: a
//! child with ten years of meetings is read in the same twenty-odd statements as a child with one.
use std::collections::BTreeSet;

use entity::enums::{ActorKind, NoticeTopic};
use entity::{
    advocacy_case, advocate_note, audit_event, child, child_access, child_message, erasure_request,
    legal_hold, meeting, meeting_agency, meeting_child, notice, outcome_distribution, referral,
    urgent_help, view_answer, views, views_handed, views_share, views_version,
};
use sea_orm::Condition;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
};

use crate::auth::TenantId;

/// How a table's rows are about a child.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// About this child alone: an erasure removes them.
    Own,
    /// About this child and possibly others (a meeting with brothers and sisters, its outcome):
    /// exported whole; an erasure keeps them while another child is in them.
    Shared,
}

/// Every table that holds something about a child, how, and in words (the archive's README).
pub const HELD: &[(&str, Reach, &str)] = &[
    (
        "child",
        Reach::Own,
        "the child's record: names, date of birth, needs, who they live with",
    ),
    (
        "child_access",
        Reach::Own,
        "the ways in given to the child (codes kept only as digests)",
    ),
    (
        "referral",
        Reach::Own,
        "referrals for an advocate naming the child",
    ),
    (
        "advocacy_case",
        Reach::Own,
        "each piece of advocacy for the child",
    ),
    (
        "advocate_note",
        Reach::Own,
        "the advocate's own notes on the child's cases",
    ),
    (
        "meeting_child",
        Reach::Own,
        "which meetings the child is in",
    ),
    (
        "meeting",
        Reach::Shared,
        "the meetings the child is in, with what was recorded there",
    ),
    (
        "meeting_agency",
        Reach::Shared,
        "the agencies invited to those meetings",
    ),
    (
        "outcome_distribution",
        Reach::Shared,
        "who each meeting's outcome was sent to, and when they acknowledged it",
    ),
    (
        "views",
        Reach::Own,
        "the child's views for each meeting, as they are now",
    ),
    (
        "views_version",
        Reach::Own,
        "every version of the child's views, exactly as saved or sent",
    ),
    (
        "views_share",
        Reach::Own,
        "who the views were shared with, when, and when they first read them",
    ),
    (
        "views_handed",
        Reach::Own,
        "when the printed statement was handed to the family or the meeting",
    ),
    (
        "view_answer",
        Reach::Own,
        "the answers given to what the child said",
    ),
    (
        "child_message",
        Reach::Own,
        "messages sent to the child, and the child's replies",
    ),
    (
        "urgent_help",
        Reach::Own,
        "each time the child asked for help now",
    ),
    (
        "legal_hold",
        Reach::Own,
        "legal holds on the child's record",
    ),
    (
        "erasure_request",
        Reach::Own,
        "requests to erase the child's record: who asked and why, who confirmed or cancelled",
    ),
    (
        "notice",
        Reach::Shared,
        "notices (e-mails, webhooks) sent about any of these rows",
    ),
    (
        "audit_event",
        Reach::Shared,
        "the audit trail about any of these rows, and of what the child did",
    ),
];

/// Tables that hold nothing that can be tied to one child, and why.
pub const NOT_HELD: &[(&str, &str)] = &[
    ("local_authority", "the authority itself"),
    (
        "retention_setting",
        "how long the authority keeps each kind of record",
    ),
    (
        "retention_run",
        "which days the retention job has run, per authority",
    ),
    (
        "audit_purge",
        "the retention job's short-lived permit to delete old audit events",
    ),
    ("staff_user", "staff accounts"),
    ("agency", "partner agencies"),
    ("api_key", "other systems' keys"),
    ("webhook_endpoint", "where signed notices go"),
    (
        "duty_contact",
        "who hears about urgent help nobody picked up",
    ),
    ("refresh_token", "staff sessions"),
    ("password_link", "staff set-password links"),
    (
        "sign_in_try",
        "failed sign-in counters, keyed by a digest, never by a child's id",
    ),
    (
        "form_draft",
        "a form a browser sent back to be put right, or a one-time download link: kept minutes, keyed by a digest",
    ),
    (
        "import_check",
        "an admin's dry run of a CSV import, kept minutes and not linked to any child's id",
    ),
];

/// Every row held about one child, table by table, in id order.
#[derive(Debug, Clone)]
pub struct Held {
    pub child: child::Model,
    pub child_access: Vec<child_access::Model>,
    pub referrals: Vec<referral::Model>,
    pub cases: Vec<advocacy_case::Model>,
    pub advocate_notes: Vec<advocate_note::Model>,
    pub meeting_child: Vec<meeting_child::Model>,
    pub meetings: Vec<meeting::Model>,
    pub meeting_agencies: Vec<meeting_agency::Model>,
    pub outcome_distributions: Vec<outcome_distribution::Model>,
    pub views: Vec<views::Model>,
    pub views_versions: Vec<views_version::Model>,
    pub views_shares: Vec<views_share::Model>,
    pub views_handed: Vec<views_handed::Model>,
    pub view_answers: Vec<view_answer::Model>,
    pub child_messages: Vec<child_message::Model>,
    pub urgent_help: Vec<urgent_help::Model>,
    pub legal_holds: Vec<legal_hold::Model>,
    pub erasure_requests: Vec<erasure_request::Model>,
    pub notices: Vec<notice::Model>,
    pub audit_events: Vec<audit_event::Model>,
}

fn ids<T>(rows: &[T], id: impl Fn(&T) -> i32) -> Vec<i32> {
    rows.iter()
        .map(id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// Everything held about the child; `None` when the authority has no such child.
pub async fn load(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    child_id: i32,
) -> Result<Option<Held>, DbErr> {
    let Some(child) = child::Entity::find_by_id(child_id)
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    // Every query below also keeps to the child's authority: rows cannot cross it (foreign keys
    // carry the tenant), and this says so where it is read.
    let la = tenant.0;
    macro_rules! by_child {
        ($m:ident) => {
            $m::Entity::find()
                .filter($m::Column::LocalAuthorityId.eq(la))
                .filter($m::Column::ChildId.eq(child_id))
                .order_by_asc($m::Column::Id)
                .all(conn)
                .await?
        };
    }
    macro_rules! by_ids {
        ($m:ident, $col:ident, $ids:expr) => {
            $m::Entity::find()
                .filter($m::Column::LocalAuthorityId.eq(la))
                .filter($m::Column::$col.is_in($ids.iter().copied()))
                .order_by_asc($m::Column::Id)
                .all(conn)
                .await?
        };
    }
    let child_access = by_child!(child_access);
    let referrals = by_child!(referral);
    let cases = by_child!(advocacy_case);
    let views = by_child!(views);
    let view_answers = by_child!(view_answer);
    let child_messages = by_child!(child_message);
    let urgent_help = by_child!(urgent_help);
    let legal_holds = by_child!(legal_hold);
    let erasure_requests = by_child!(erasure_request);
    let meeting_child = meeting_child::Entity::find()
        .filter(meeting_child::Column::LocalAuthorityId.eq(la))
        .filter(meeting_child::Column::ChildId.eq(child_id))
        .order_by_asc(meeting_child::Column::MeetingId)
        .all(conn)
        .await?;

    // The child's meetings: those they are in, and any a row of theirs still names (a referral
    // or views for a meeting they were later taken out of).
    let mut meeting_ids: BTreeSet<i32> = meeting_child.iter().map(|m| m.meeting_id).collect();
    meeting_ids.extend(referrals.iter().filter_map(|r| r.meeting_id));
    meeting_ids.extend(cases.iter().map(|c| c.meeting_id));
    meeting_ids.extend(views.iter().map(|v| v.meeting_id));
    meeting_ids.extend(view_answers.iter().map(|a| a.meeting_id));
    meeting_ids.extend(child_messages.iter().filter_map(|m| m.meeting_id));
    let meetings = by_ids!(meeting, Id, meeting_ids);
    let meeting_agencies = meeting_agency::Entity::find()
        .filter(meeting_agency::Column::LocalAuthorityId.eq(la))
        .filter(meeting_agency::Column::MeetingId.is_in(meeting_ids.iter().copied()))
        .order_by_asc(meeting_agency::Column::MeetingId)
        .order_by_asc(meeting_agency::Column::AgencyId)
        .all(conn)
        .await?;
    let outcome_distributions = by_ids!(outcome_distribution, MeetingId, meeting_ids);

    let case_ids = ids(&cases, |c| c.id);
    let advocate_notes = by_ids!(advocate_note, CaseId, case_ids);
    let views_ids = ids(&views, |v| v.id);
    let views_versions = by_ids!(views_version, ViewsId, views_ids);
    let views_shares = by_ids!(views_share, ViewsId, views_ids);
    let views_handed = by_ids!(views_handed, ViewsId, views_ids);

    let mut held = Held {
        child,
        child_access,
        referrals,
        cases,
        advocate_notes,
        meeting_child,
        meetings,
        meeting_agencies,
        outcome_distributions,
        views,
        views_versions,
        views_shares,
        views_handed,
        view_answers,
        child_messages,
        urgent_help,
        legal_holds,
        erasure_requests,
        notices: Vec::new(),
        audit_events: Vec::new(),
    };
    held.notices = notices(conn, tenant, &held).await?;
    held.audit_events = audit_events(conn, tenant, &held).await?;
    Ok(Some(held))
}

impl Held {
    /// The rows an audit event or a notice may be about, as `(table, ids)`.
    pub fn subjects(&self) -> Vec<(&'static str, Vec<i32>)> {
        vec![
            ("child", vec![self.child.id]),
            ("child_access", ids(&self.child_access, |r| r.id)),
            ("referral", ids(&self.referrals, |r| r.id)),
            ("advocacy_case", ids(&self.cases, |r| r.id)),
            ("advocate_note", ids(&self.advocate_notes, |r| r.id)),
            ("meeting", ids(&self.meetings, |r| r.id)),
            (
                "outcome_distribution",
                ids(&self.outcome_distributions, |r| r.id),
            ),
            ("views", ids(&self.views, |r| r.id)),
            ("views_version", ids(&self.views_versions, |r| r.id)),
            ("views_share", ids(&self.views_shares, |r| r.id)),
            ("views_handed", ids(&self.views_handed, |r| r.id)),
            ("view_answer", ids(&self.view_answers, |r| r.id)),
            ("child_message", ids(&self.child_messages, |r| r.id)),
            ("urgent_help", ids(&self.urgent_help, |r| r.id)),
            ("legal_hold", ids(&self.legal_holds, |r| r.id)),
            ("erasure_request", ids(&self.erasure_requests, |r| r.id)),
        ]
    }

    fn ids_of(&self, table: &str) -> Vec<i32> {
        self.subjects()
            .into_iter()
            .find(|(t, _)| *t == table)
            .map(|(_, ids)| ids)
            .unwrap_or_default()
    }
}

/// The table a notice's subject is in (`notify::Notice::subject`).
fn notice_subject(topic: NoticeTopic) -> &'static str {
    match topic {
        NoticeTopic::ReferralReceived => "referral",
        NoticeTopic::CaseAllocated => "advocacy_case",
        NoticeTopic::UrgentHelpRaised | NoticeTopic::UrgentHelpEscalated => "urgent_help",
        NoticeTopic::ViewsShared => "views_share",
        NoticeTopic::OutcomeSent | NoticeTopic::OutcomeChase => "outcome_distribution",
        NoticeTopic::MeetingMoved | NoticeTopic::MeetingCancelled => "meeting",
        NoticeTopic::ChildQuestion => "child_message",
    }
}

/// Notices about any held row. A notice names its subject only in its key (`event:id…`), so the
/// keys are read first (three short columns), then the notices that match, in one query each.
async fn notices(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    held: &Held,
) -> Result<Vec<notice::Model>, DbErr> {
    let keys: Vec<(i32, NoticeTopic, String)> = notice::Entity::find()
        .select_only()
        .column(notice::Column::Id)
        .column(notice::Column::Topic)
        .column(notice::Column::DedupeKey)
        .filter(notice::Column::LocalAuthorityId.eq(tenant.0))
        .into_tuple()
        .all(conn)
        .await?;
    let subjects = held.subjects();
    let about: Vec<i32> = keys
        .into_iter()
        .filter(|(_, topic, key)| {
            let table = notice_subject(*topic);
            let raw = key.split(':').nth(1).and_then(|id| id.parse::<i32>().ok());
            raw.is_some_and(|raw| {
                subjects
                    .iter()
                    .any(|(t, ids)| *t == table && ids.binary_search(&raw).is_ok())
            })
        })
        .map(|(id, _, _)| id)
        .collect();
    notice::Entity::find()
        .filter(notice::Column::LocalAuthorityId.eq(tenant.0))
        .filter(notice::Column::Id.is_in(about))
        .order_by_asc(notice::Column::Id)
        .all(conn)
        .await
}

/// Audit events whose subject is a held row, or whose actor is the child: one query.
async fn audit_events(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    held: &Held,
) -> Result<Vec<audit_event::Model>, DbErr> {
    let mut about = Condition::any().add(
        Condition::all()
            .add(audit_event::Column::ActorKind.eq(ActorKind::Child))
            .add(audit_event::Column::ActorId.eq(held.child.id)),
    );
    for (table, ids) in held.subjects() {
        if !ids.is_empty() {
            about = about.add(
                Condition::all()
                    .add(audit_event::Column::SubjectType.eq(table))
                    .add(audit_event::Column::SubjectId.is_in(ids)),
            );
        }
    }
    audit_event::Entity::find()
        .filter(audit_event::Column::LocalAuthorityId.eq(tenant.0))
        .filter(about)
        .order_by_asc(audit_event::Column::Id)
        .all(conn)
        .await
}

/// Ids of the held rows of `table` (for an erasure, and for tests that check the export).
pub fn held_ids(held: &Held, table: &str) -> Vec<i32> {
    match table {
        "meeting_child" => ids(&held.meeting_child, |r| r.meeting_id),
        "meeting_agency" => ids(&held.meeting_agencies, |r| r.meeting_id),
        "notice" => ids(&held.notices, |r| r.id),
        "audit_event" => ids(&held.audit_events, |r| r.id),
        other => held.ids_of(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_table_is_both_held_and_not_held() {
        let held: BTreeSet<&str> = HELD.iter().map(|(t, _, _)| *t).collect();
        let not: BTreeSet<&str> = NOT_HELD.iter().map(|(t, _)| *t).collect();
        assert_eq!(held.len(), HELD.len(), "a table twice in HELD");
        assert_eq!(not.len(), NOT_HELD.len(), "a table twice in NOT_HELD");
        assert!(held.is_disjoint(&not), "{:?}", held.intersection(&not));
    }

    #[test]
    fn every_topic_names_a_held_table() {
        for topic in [
            NoticeTopic::ReferralReceived,
            NoticeTopic::CaseAllocated,
            NoticeTopic::UrgentHelpRaised,
            NoticeTopic::UrgentHelpEscalated,
            NoticeTopic::ViewsShared,
            NoticeTopic::OutcomeSent,
            NoticeTopic::OutcomeChase,
            NoticeTopic::MeetingMoved,
            NoticeTopic::MeetingCancelled,
            NoticeTopic::ChildQuestion,
        ] {
            let table = notice_subject(topic);
            assert!(HELD.iter().any(|(t, _, _)| *t == table), "{table}");
        }
    }
}
