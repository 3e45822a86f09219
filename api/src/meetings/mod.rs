//! Meetings: finding the ones a viewer may see, and the facts the policy needs about one. The record
//! of a meeting (whiteboard and outcome) is written in `record`.
pub mod current;
pub mod graphql;
pub mod graphql_schedule;
pub mod kinds;
pub mod record;
pub mod schedule;
pub mod types;

use chrono::{DateTime, NaiveDate, Utc};
use entity::enums::CaseStatus;
use entity::{advocacy_case, child, meeting, meeting_child, staff_user};
use sea_orm::sea_query::{NullOrdering, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, Order, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Select,
};

use crate::error::{ApiError, ApiResult};
use crate::graphql::pagination::Page;
use crate::policy::meetings::MeetingFacts;

/// Meetings from one day to another, both included; either end may be open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// Both ends within the days we keep (`dates`), in order.
    pub fn parse(from: Option<NaiveDate>, to: Option<NaiveDate>) -> ApiResult<Self> {
        let from = from.map(|d| crate::dates::day("from", d)).transpose()?;
        let to = to.map(|d| crate::dates::day("to", d)).transpose()?;
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            return Err(ApiError::bad_input("to", "to must be on or after from."));
        }
        Ok(Self { from, to })
    }

    /// The first instant of `from`, and the first instant after `to`.
    pub fn bounds(self) -> (Option<DateTime<Utc>>, Option<DateTime<Utc>>) {
        let start = |d: NaiveDate| d.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
        (
            self.from.and_then(start),
            self.to.and_then(|d| d.succ_opt()).and_then(start),
        )
    }

    fn apply(self, mut query: Select<meeting::Entity>) -> Select<meeting::Entity> {
        let (start, end) = self.bounds();
        if let Some(start) = start {
            query = query.filter(meeting::Column::ScheduledAt.gte(start));
        }
        if let Some(end) = end {
            query = query.filter(meeting::Column::ScheduledAt.lt(end));
        }
        query
    }
}

/// One meeting by id; absent is NOT_FOUND (the policy then hides other authorities' meetings too).
pub async fn find(db: &impl ConnectionTrait, id: i32) -> ApiResult<meeting::Model> {
    meeting::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(ApiError::NotFound("Meeting"))
}

/// What the policy needs to decide on one meeting.
pub async fn facts(db: &impl ConnectionTrait, meeting: &meeting::Model) -> ApiResult<MeetingFacts> {
    let children_social_workers = child::Entity::find()
        .filter(child::Column::Id.in_subquery(children_of(meeting.id)))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.social_worker_id)
        .collect();
    Ok(MeetingFacts {
        tenant: meeting.local_authority_id,
        chair_id: meeting.chair_id,
        social_worker_id: meeting.social_worker_id,
        children_social_workers,
    })
}

/// The meetings one ISRO chairs, soonest first.
pub async fn chaired_by(
    db: &impl ConnectionTrait,
    chair_id: i32,
    range: DateRange,
    page: Page,
) -> ApiResult<(Vec<meeting::Model>, u64)> {
    let query = range.apply(meeting::Entity::find().filter(meeting::Column::ChairId.eq(chair_id)));
    paged(db, query, page).await
}

/// All meetings of one authority, soonest first (integrators).
pub async fn of_tenant(
    db: &impl ConnectionTrait,
    tenant: i32,
    range: DateRange,
    page: Page,
) -> ApiResult<(Vec<meeting::Model>, u64)> {
    let query =
        range.apply(meeting::Entity::find().filter(meeting::Column::LocalAuthorityId.eq(tenant)));
    paged(db, query, page).await
}

/// The meetings one child is linked to, soonest first.
pub async fn of_child(
    db: &impl ConnectionTrait,
    child_id: i32,
    page: Page,
) -> ApiResult<(Vec<meeting::Model>, u64)> {
    let query = meeting::Entity::find().filter(
        meeting::Column::Id.in_subquery(
            Query::select()
                .column(meeting_child::Column::MeetingId)
                .from(meeting_child::Entity)
                .and_where(meeting_child::Column::ChildId.eq(child_id))
                .to_owned(),
        ),
    );
    paged(db, query, page).await
}

/// The children allocated to one social worker, by name.
pub async fn allocated_to(
    db: &impl ConnectionTrait,
    social_worker_id: i32,
    page: Page,
) -> ApiResult<(Vec<child::Model>, u64)> {
    let query = child::Entity::find()
        .filter(child::Column::SocialWorkerId.eq(social_worker_id))
        .order_by_asc(child::Column::PreferredName)
        .order_by_asc(child::Column::Id);
    let total = query.clone().count(db).await?;
    let items = query.offset(page.offset).limit(page.limit).all(db).await?;
    Ok((items, total))
}

/// The advocate of the child's open piece of advocacy (the latest allocated, if more than one).
pub async fn open_advocate(
    db: &impl ConnectionTrait,
    child_id: i32,
) -> ApiResult<Option<staff_user::Model>> {
    let Some(case) = advocacy_case::Entity::find()
        .filter(advocacy_case::Column::ChildId.eq(child_id))
        .filter(advocacy_case::Column::Status.ne(CaseStatus::Closed))
        .order_by_desc(advocacy_case::Column::AllocatedAt)
        .order_by_desc(advocacy_case::Column::Id)
        .one(db)
        .await?
    else {
        return Ok(None);
    };
    Ok(staff_user::Entity::find_by_id(case.advocate_id)
        .one(db)
        .await?)
}

fn children_of(meeting_id: i32) -> sea_orm::sea_query::SelectStatement {
    Query::select()
        .column(meeting_child::Column::ChildId)
        .from(meeting_child::Entity)
        .and_where(meeting_child::Column::MeetingId.eq(meeting_id))
        .to_owned()
}

/// Soonest first; meetings without a time (advice, complaints) at the end.
async fn paged(
    db: &impl ConnectionTrait,
    query: Select<meeting::Entity>,
    page: Page,
) -> ApiResult<(Vec<meeting::Model>, u64)> {
    let total = query.clone().count(db).await?;
    let items = query
        .order_by_with_nulls(meeting::Column::ScheduledAt, Order::Asc, NullOrdering::Last)
        .order_by_asc(meeting::Column::Id)
        .offset(page.offset)
        .limit(page.limit)
        .all(db)
        .await?;
    Ok((items, total))
}

/// The first word of a name: children and staff are told who is who by first name.
pub fn first_name(name: &str) -> String {
    name.split_whitespace().next().unwrap_or(name).to_owned()
}

/// Whole years between a birthday and a day.
pub fn age_on(date_of_birth: NaiveDate, day: NaiveDate) -> i32 {
    day.years_since(date_of_birth).map_or(0, |y| y as i32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_whole_days_and_in_order() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let range = DateRange::parse(Some(d("2026-01-01")), Some(d("2026-01-31"))).unwrap();
        let (start, end) = range.bounds();
        assert_eq!(start.unwrap().to_rfc3339(), "2026-01-01T00:00:00+00:00");
        assert_eq!(end.unwrap().to_rfc3339(), "2026-02-01T00:00:00+00:00");
        assert!(DateRange::parse(Some(d("2026-02-01")), Some(d("2026-01-31"))).is_err());
        // chrono's last day has no next day: refused at the edge, never added to.
        assert!(DateRange::parse(None, Some(d("+262142-12-31"))).is_err());
        assert!(DateRange::parse(Some(d("-262143-01-01")), None).is_err());
        let open = DateRange {
            from: None,
            to: Some(NaiveDate::MAX),
        };
        assert_eq!(open.bounds(), (None, None));
    }

    #[test]
    fn first_names_and_ages() {
        assert_eq!(first_name("Helen Carter"), "Helen");
        assert_eq!(first_name("Mia"), "Mia");
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(age_on(d("2015-06-01"), d("2026-05-31")), 10);
        assert_eq!(age_on(d("2015-06-01"), d("2026-06-01")), 11);
    }
}
