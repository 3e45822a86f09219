//! Cases: pieces of advocacy allocated to an advocate. Each stands alone (one referral, one meeting).
pub mod graphql;
pub mod graphql_lifecycle;
pub mod lifecycle;
#[cfg(test)]
mod statements;

use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::MeetingKind;
use entity::enums::{CaseStatus, ViewsStatus};
use entity::{advocacy_case, child, meeting};
use sea_orm::sea_query::{Expr, ExprTrait, Order};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, FromQueryResult,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, QueryTrait,
};

use crate::auth::TenantId;
use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;

/// Where the child's views for the case's meeting are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseViews {
    NotStarted,
    Draft,
    Submitted,
    Shared,
}

impl CaseViews {
    pub fn of(status: Option<ViewsStatus>) -> Self {
        match status {
            None => Self::NotStarted,
            Some(ViewsStatus::Draft) => Self::Draft,
            Some(ViewsStatus::Submitted) => Self::Submitted,
            Some(ViewsStatus::Shared) => Self::Shared,
        }
    }
}

/// What a caseload shows of a case's child.
#[derive(Debug, Clone, FromQueryResult)]
pub struct ChildSummary {
    pub preferred_name: String,
    pub date_of_birth: NaiveDate,
    pub looked_after: bool,
    pub communication_needs: Option<String>,
    pub language: String,
    pub interpreter_needed: bool,
}

impl From<child::Model> for ChildSummary {
    fn from(c: child::Model) -> Self {
        Self {
            preferred_name: c.preferred_name,
            date_of_birth: c.date_of_birth,
            looked_after: c.looked_after,
            communication_needs: c.communication_needs,
            language: c.language,
            interpreter_needed: c.interpreter_needed,
        }
    }
}

/// What a caseload shows of a case's meeting: when and where, and the outcome once recorded.
/// Never the chair's record (the whiteboard).
#[derive(Debug, Clone, FromQueryResult)]
pub struct MeetingSummary {
    pub kind: MeetingKind,
    pub scheduled_at: Option<DateTime<Utc>>,
    pub place: Option<String>,
    pub outcome_staff_words: Option<String>,
    pub outcome_child_words: Option<String>,
    pub recorded_at: Option<DateTime<Utc>>,
}

impl From<meeting::Model> for MeetingSummary {
    fn from(m: meeting::Model) -> Self {
        Self {
            kind: m.kind,
            scheduled_at: m.scheduled_at,
            place: m.place,
            outcome_staff_words: m.outcome_staff_words,
            outcome_child_words: m.outcome_child_words,
            recorded_at: m.recorded_at,
        }
    }
}

const CHILD_COLUMNS: [child::Column; 6] = [
    child::Column::PreferredName,
    child::Column::DateOfBirth,
    child::Column::LookedAfter,
    child::Column::CommunicationNeeds,
    child::Column::Language,
    child::Column::InterpreterNeeded,
];
const MEETING_COLUMNS: [meeting::Column; 6] = [
    meeting::Column::Kind,
    meeting::Column::ScheduledAt,
    meeting::Column::Place,
    meeting::Column::OutcomeStaffWords,
    meeting::Column::OutcomeChildWords,
    meeting::Column::RecordedAt,
];
const CHILD_PREFIX: &str = "child_";
const MEETING_PREFIX: &str = "meeting_";

/// A case of a caseload page, with everything the page shows of it, read with it.
pub struct PageRow {
    pub case: advocacy_case::Model,
    pub child: ChildSummary,
    pub meeting: MeetingSummary,
    pub views: Option<ViewsStatus>,
    pub urgent_help_open: bool,
}

/// The child's views for the case's meeting (one row at most: unique per child and meeting).
const VIEWS_STATUS: &str = "(SELECT v.status FROM views v \
    WHERE v.child_id = advocacy_case.child_id AND v.meeting_id = advocacy_case.meeting_id)";
/// A `LIMIT 1` lookup rather than `EXISTS`: PostgreSQL turns `EXISTS` here into a hash of every
/// open request in the authority, which grows with its size.
const URGENT_HELP_OPEN: &str = "(SELECT 1 FROM urgent_help u WHERE u.child_id = \
    advocacy_case.child_id AND u.acknowledged_at IS NULL LIMIT 1) IS NOT NULL";

/// One page of an advocate's cases, soonest meeting first (undated pieces of advocacy last), and
/// how many match. Without a status, the open cases (not closed). One statement, reading only the
/// columns the page shows: each statement and each value read costs a hand-off to and from the
/// database driver's thread, which is most of a page's cost (docs/benchmarks/NOTES.md).
pub async fn caseload(
    db: &DatabaseConnection,
    tenant: TenantId,
    advocate_id: i32,
    status: Option<CaseStatus>,
    page: Page,
) -> ApiResult<(Vec<PageRow>, u64)> {
    let mut query = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::LocalAuthorityId.eq(tenant.0))
        .filter(advocacy_case::Column::AdvocateId.eq(advocate_id));
    query = match status {
        Some(status) => query.filter(advocacy_case::Column::Status.eq(status)),
        None => query.filter(advocacy_case::Column::Status.ne(CaseStatus::Closed)),
    };
    let scheduled_at = Expr::col((meeting::Entity, meeting::Column::ScheduledAt));
    let mut select = query
        .clone()
        .inner_join(child::Entity)
        .inner_join(meeting::Entity)
        // Both engines sort NULLs differently; put undated ones last explicitly.
        .order_by(scheduled_at.clone().is_null(), Order::Asc)
        .order_by(scheduled_at, Order::Asc)
        .order_by_asc(advocacy_case::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .into_query();
    crate::db::prefixed(&mut select, CHILD_COLUMNS, CHILD_PREFIX);
    crate::db::prefixed(&mut select, MEETING_COLUMNS, MEETING_PREFIX);
    select
        .expr_as(Expr::cust(VIEWS_STATUS), "views_status")
        .expr_as(Expr::cust(URGENT_HELP_OPEN), "urgent_help_open")
        // The count over the same rows, before the limit.
        .expr_as(Expr::cust("COUNT(*) OVER ()"), "total");
    let results = db.query_all(&select).await?;
    let total = match results.first() {
        Some(first) => u64::try_from(first.try_get::<i64>("", "total")?).unwrap_or_default(),
        // Past the last page there is no row to carry the count.
        None if page.offset > 0 => query.count(db).await?,
        None => 0,
    };
    let rows = results
        .iter()
        .map(|r| {
            Ok(PageRow {
                case: advocacy_case::Model::from_query_result(r, "")?,
                child: ChildSummary::from_query_result(r, CHILD_PREFIX)?,
                meeting: MeetingSummary::from_query_result(r, MEETING_PREFIX)?,
                views: r.try_get("", "views_status")?,
                urgent_help_open: r.try_get("", "urgent_help_open")?,
            })
        })
        .collect::<Result<_, DbErr>>()?;
    Ok((rows, total))
}

/// A case by id, in any authority: the policy decides who may see it.
pub async fn find(db: &DatabaseConnection, id: i32) -> ApiResult<advocacy_case::Model> {
    advocacy_case::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Case"))
}
