//! What removing one kind of record means, for a set of children of one authority: shared by the
//! retention job and erasure so both remove exactly the same rows. Each function returns how many
//! rows it removed or anonymised and is safe to run again (the second time finds nothing).
//!
//! Deleted: views with every version and part, shares and reads, printed statements handed over,
//! answers to the child's points, messages to the child, advocate notes, sign-in codes. Anonymised
//! instead: the child row, the referral's details and the meeting's words, because referrals, cases
//! and meetings are what oversight counts (percentages would shift if they vanished), and nothing
//! left in them says who the child is.
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use entity::retention_setting::RetentionKind;
use entity::{
    advocacy_case, advocate_note, child, child_access, child_message, erasure_request, meeting,
    meeting_child, referral, urgent_help, view_answer, views, views_handed, views_share,
    views_version,
};
use sea_orm::sea_query::{Expr, Query, SelectStatement};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter,
    QuerySelect, Set,
};

use crate::auth::TenantId;

/// How many rows one kind's removal deleted or anonymised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Removed {
    pub kind: RetentionKind,
    pub rows: u64,
}

/// The kinds about one child (the others are counted by when they happened, not by child).
pub const CHILD_KINDS: [RetentionKind; 5] = [
    RetentionKind::SharesAndReads,
    RetentionKind::Outcomes,
    RetentionKind::AdvocateNotes,
    RetentionKind::Views,
    RetentionKind::ChildRecord,
];

/// Remove one kind of record of these children (all of the tenant; none held: the caller checks).
pub async fn remove(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    kind: RetentionKind,
    children: &[i32],
    now: DateTime<Utc>,
) -> Result<Removed, DbErr> {
    let rows = if children.is_empty() {
        0
    } else {
        match kind {
            RetentionKind::Views => views_of(conn, tenant, children).await?,
            RetentionKind::SharesAndReads => shares_of(conn, tenant, children).await?,
            RetentionKind::AdvocateNotes => notes_of(conn, tenant, children).await?,
            RetentionKind::Outcomes => outcomes_of(conn, tenant, children).await?,
            RetentionKind::ChildRecord => anonymise(conn, tenant, children, now).await?,
            // Not about one child: see `retention::remove_by_age`.
            RetentionKind::AuditEvents | RetentionKind::SignInRecords => 0,
        }
    };
    Ok(Removed { kind, rows })
}

/// `SELECT id FROM views WHERE local_authority_id = t AND child_id IN (…)`.
fn views_select(tenant: TenantId, children: &[i32]) -> SelectStatement {
    Query::select()
        .column(views::Column::Id)
        .from(views::Entity)
        .and_where(views::Column::LocalAuthorityId.eq(tenant.0))
        .and_where(views::Column::ChildId.is_in(children.iter().copied()))
        .to_owned()
}

async fn views_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    children: &[i32],
) -> Result<u64, DbErr> {
    // Everything that points at the views goes first (they cannot outlive them).
    let mut rows = shares_of(conn, tenant, children).await?;
    rows += view_answer::Entity::delete_many()
        .filter(view_answer::Column::LocalAuthorityId.eq(tenant.0))
        .filter(view_answer::Column::ViewsId.in_subquery(views_select(tenant, children)))
        .exec(conn)
        .await?
        .rows_affected;
    rows += views_version::Entity::delete_many()
        .filter(views_version::Column::LocalAuthorityId.eq(tenant.0))
        .filter(views_version::Column::ViewsId.in_subquery(views_select(tenant, children)))
        .exec(conn)
        .await?
        .rows_affected;
    rows += views::Entity::delete_many()
        .filter(views::Column::LocalAuthorityId.eq(tenant.0))
        .filter(views::Column::ChildId.is_in(children.iter().copied()))
        .exec(conn)
        .await?
        .rows_affected;
    Ok(rows)
}

async fn shares_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    children: &[i32],
) -> Result<u64, DbErr> {
    let shares = views_share::Entity::delete_many()
        .filter(views_share::Column::LocalAuthorityId.eq(tenant.0))
        .filter(views_share::Column::ViewsId.in_subquery(views_select(tenant, children)))
        .exec(conn)
        .await?;
    let handed = views_handed::Entity::delete_many()
        .filter(views_handed::Column::LocalAuthorityId.eq(tenant.0))
        .filter(views_handed::Column::ViewsId.in_subquery(views_select(tenant, children)))
        .exec(conn)
        .await?;
    Ok(shares.rows_affected + handed.rows_affected)
}

async fn notes_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    children: &[i32],
) -> Result<u64, DbErr> {
    let cases = Query::select()
        .column(advocacy_case::Column::Id)
        .from(advocacy_case::Entity)
        .and_where(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .and_where(advocacy_case::Column::ChildId.is_in(children.iter().copied()))
        .to_owned();
    let done = advocate_note::Entity::delete_many()
        .filter(advocate_note::Column::LocalAuthorityId.eq(tenant.0))
        .filter(advocate_note::Column::CaseId.in_subquery(cases))
        .exec(conn)
        .await?;
    Ok(done.rows_affected)
}

/// Answers and messages to the child are deleted. A meeting's whiteboard and outcome words are
/// cleared only when every child of the meeting is among these children or already anonymised:
/// a brother's or sister's meeting record stays while theirs does.
async fn outcomes_of(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    children: &[i32],
) -> Result<u64, DbErr> {
    let mut rows = view_answer::Entity::delete_many()
        .filter(view_answer::Column::LocalAuthorityId.eq(tenant.0))
        .filter(view_answer::Column::ChildId.is_in(children.iter().copied()))
        .exec(conn)
        .await?
        .rows_affected;
    rows += child_message::Entity::delete_many()
        .filter(child_message::Column::LocalAuthorityId.eq(tenant.0))
        .filter(child_message::Column::ChildId.is_in(children.iter().copied()))
        .exec(conn)
        .await?
        .rows_affected;
    let meetings: Vec<i32> = meeting_child::Entity::find()
        .select_only()
        .column(meeting_child::Column::MeetingId)
        .filter(meeting_child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting_child::Column::ChildId.is_in(children.iter().copied()))
        .into_tuple()
        .all(conn)
        .await?;
    if meetings.is_empty() {
        return Ok(rows);
    }
    // Meetings that also have a child outside this set whose record is still whole.
    let shared: Vec<i32> = meeting_child::Entity::find()
        .select_only()
        .column(meeting_child::Column::MeetingId)
        .filter(meeting_child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting_child::Column::MeetingId.is_in(meetings.iter().copied()))
        .filter(meeting_child::Column::ChildId.is_not_in(children.iter().copied()))
        .filter(
            meeting_child::Column::ChildId.in_subquery(
                Query::select()
                    .column(child::Column::Id)
                    .from(child::Entity)
                    .and_where(child::Column::LocalAuthorityId.eq(tenant.0))
                    .and_where(child::Column::AnonymisedAt.is_null())
                    .to_owned(),
            ),
        )
        .into_tuple()
        .all(conn)
        .await?;
    let clear: Vec<i32> = meetings
        .into_iter()
        .filter(|m| !shared.contains(m))
        .collect();
    if clear.is_empty() {
        return Ok(rows);
    }
    let words = [
        meeting::Column::WorriedAboutNow,
        meeting::Column::ComplicatingFactors,
        meeting::Column::GoingWell,
        meeting::Column::SignsOfSafety,
        meeting::Column::Plan,
        meeting::Column::OutcomeStaffWords,
        meeting::Column::OutcomeChildWords,
    ];
    let any_words = words
        .iter()
        .fold(Condition::any(), |c, col| c.add(col.is_not_null()));
    let mut update = meeting::Entity::update_many();
    for col in words {
        update = update.col_expr(col, Expr::value(Option::<String>::None));
    }
    rows += update
        .filter(meeting::Column::LocalAuthorityId.eq(tenant.0))
        .filter(meeting::Column::Id.is_in(clear))
        .filter(any_words)
        .exec(conn)
        .await?
        .rows_affected;
    Ok(rows)
}

/// The name every anonymised child row carries, so staff pages still make sense.
pub const ANONYMISED_NAME: &str = "Removed";

/// The child row keeps only what counting needs (authority, looked after, year of birth); sign-in
/// codes are deleted and every session of the child ends; free text about the child in referrals,
/// cases, requests for help and requests for erasure is cleared.
async fn anonymise(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    children: &[i32],
    now: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let ids = || children.iter().copied();
    let mut rows = child_access::Entity::delete_many()
        .filter(child_access::Column::LocalAuthorityId.eq(tenant.0))
        .filter(child_access::Column::ChildId.is_in(ids()))
        .exec(conn)
        .await?
        .rows_affected;
    let none = || Expr::value(Option::<String>::None);
    // A self-referral must keep some contact (a CHECK): it keeps the placeholder instead.
    rows += referral::Entity::update_many()
        .col_expr(
            referral::Column::SelfReferralContact,
            Expr::value(ANONYMISED_NAME),
        )
        .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
        .filter(referral::Column::ChildId.is_in(ids()))
        .filter(referral::Column::SelfReferralContact.is_not_null())
        .filter(referral::Column::SelfReferralContact.ne(ANONYMISED_NAME))
        .exec(conn)
        .await?
        .rows_affected;
    rows += referral::Entity::update_many()
        .col_expr(referral::Column::Reason, none())
        .col_expr(referral::Column::HowToContactChild, none())
        .col_expr(referral::Column::LivesWith, none())
        .col_expr(referral::Column::VisitRisks, none())
        .col_expr(referral::Column::CommunicationNeeds, none())
        .col_expr(referral::Column::OtherInformation, none())
        .col_expr(referral::Column::DeclineReason, none())
        .col_expr(referral::Column::WithdrawalReason, none())
        .filter(referral::Column::LocalAuthorityId.eq(tenant.0))
        .filter(referral::Column::ChildId.is_in(ids()))
        .filter(
            Condition::any()
                .add(referral::Column::Reason.is_not_null())
                .add(referral::Column::HowToContactChild.is_not_null())
                .add(referral::Column::LivesWith.is_not_null())
                .add(referral::Column::VisitRisks.is_not_null())
                .add(referral::Column::CommunicationNeeds.is_not_null())
                .add(referral::Column::OtherInformation.is_not_null())
                .add(referral::Column::DeclineReason.is_not_null())
                .add(referral::Column::WithdrawalReason.is_not_null()),
        )
        .exec(conn)
        .await?
        .rows_affected;
    rows += advocacy_case::Entity::update_many()
        .col_expr(advocacy_case::Column::CloseReason, none())
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .filter(advocacy_case::Column::ChildId.is_in(ids()))
        .filter(advocacy_case::Column::CloseReason.is_not_null())
        .exec(conn)
        .await?
        .rows_affected;
    rows += urgent_help::Entity::update_many()
        .col_expr(urgent_help::Column::Message, none())
        .filter(urgent_help::Column::LocalAuthorityId.eq(tenant.0))
        .filter(urgent_help::Column::ChildId.is_in(ids()))
        .filter(urgent_help::Column::Message.is_not_null())
        .exec(conn)
        .await?
        .rows_affected;
    // An admin's reason for asking to erase may name the child or their family.
    rows += erasure_request::Entity::update_many()
        .col_expr(
            erasure_request::Column::Reason,
            Expr::value(ANONYMISED_NAME),
        )
        .filter(erasure_request::Column::LocalAuthorityId.eq(tenant.0))
        .filter(erasure_request::Column::ChildId.is_in(ids()))
        .filter(erasure_request::Column::Reason.ne(ANONYMISED_NAME))
        .exec(conn)
        .await?
        .rows_affected;
    let whole = child::Entity::find()
        .filter(child::Column::LocalAuthorityId.eq(tenant.0))
        .filter(child::Column::Id.is_in(ids()))
        .filter(child::Column::AnonymisedAt.is_null())
        .all(conn)
        .await?;
    for row in whole {
        // The year of birth stays: age bands still count; the day and month would help identify.
        let born =
            NaiveDate::from_ymd_opt(row.date_of_birth.year(), 1, 1).unwrap_or(row.date_of_birth);
        child::ActiveModel {
            id: Set(row.id),
            preferred_name: Set(ANONYMISED_NAME.to_owned()),
            date_of_birth: Set(born),
            communication_needs: Set(None),
            lives_with: Set(None),
            social_worker_id: Set(None),
            external_ref: Set(None),
            full_name: Set(None),
            parental_responsibility: Set(None),
            meeting_name: Set(None),
            worries_name: Set(None),
            going_well_name: Set(None),
            want_to_happen_name: Set(None),
            // Any token the child still holds stops working at once.
            session_epoch: Set(row.session_epoch + 1),
            anonymised_at: Set(Some(now)),
            ..Default::default()
        }
        .update(conn)
        .await?;
        rows += 1;
    }
    Ok(rows)
}
