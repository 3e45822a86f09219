//! Data protection in the schema (issue 22): retention periods, legal holds, erasure on request.
//! Admin only, own authority only; resolvers parse, ask the policy, call the service, and map.
use std::collections::HashMap;

use async_graphql::{Context, Enum, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use entity::{erasure_request, legal_hold, retention_setting, staff_user};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

use super::erasure::{self, Status};
use super::removal::Removed;
use super::retention::{counted_from, default_days, periods};
use super::settings::Days;
use super::{children, holds};
use crate::auth::StaffViewer;
use crate::error::ApiResult;
use crate::graphql::ContextExt;
use crate::graphql::ids::NodeKind;
use crate::graphql::pagination::{List, Page};
use crate::policy::data_protection as policy;
use crate::text::{self, LONG, SHORT};

/// A kind of record with its own retention period.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
#[graphql(remote = "retention_setting::RetentionKind")]
pub enum RetentionKind {
    /// The child's views, every version and part (their shares and answers go with them).
    Views,
    /// Who the views were sent to and when they read them; printed statements handed over.
    SharesAndReads,
    /// The advocate's own notes on a case.
    AdvocateNotes,
    /// Answers to the child's points, messages to the child, the meeting's whiteboard and outcome.
    Outcomes,
    /// What identifies the child: name, date of birth (the year stays), references, sign-in codes,
    /// referral details. The row is anonymised so the service's counts still count.
    ChildRecord,
    /// The audit trail (events about retention, erasure and holds are never removed).
    AuditEvents,
    /// Staff sessions and set-password links.
    SignInRecords,
}

/// How long one kind of record is kept in your authority.
#[derive(SimpleObject)]
pub struct RetentionPeriod {
    /// The kind of record.
    pub kind: RetentionKind,
    /// Kept this many days.
    pub days: i32,
    /// The period myvoice uses when none is set.
    pub default_days: i32,
    /// What the days are counted from, in words.
    pub counted_from: String,
}

/// A legal hold on a child's record, in place or lifted.
#[derive(SimpleObject)]
pub struct LegalHold {
    /// Why the record is held.
    pub reason: String,
    /// The admin who placed it (StaffUser ID).
    pub set_by: ID,
    /// Their name.
    pub set_by_name: String,
    /// When it was placed.
    pub set_at: DateTime<Utc>,
    /// When it was lifted; null while in place.
    pub lifted_at: Option<DateTime<Utc>>,
    /// Why it was lifted.
    pub lift_reason: Option<String>,
    /// The admin who lifted it.
    pub lifted_by_name: Option<String>,
}

/// Where an erasure request stands.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErasureStatus {
    /// Waiting for a second admin to confirm.
    Pending,
    /// Confirmed: the record was erased.
    Confirmed,
    /// Cancelled before anything was erased.
    Cancelled,
    /// Not confirmed within 7 days: nothing was erased.
    Expired,
}

impl From<Status> for ErasureStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Pending => Self::Pending,
            Status::Confirmed => Self::Confirmed,
            Status::Cancelled => Self::Cancelled,
            Status::Expired => Self::Expired,
        }
    }
}

/// A request to erase a child's record, which a different admin must confirm.
#[derive(SimpleObject)]
pub struct ErasureRequest {
    /// The request's opaque ID.
    pub id: ID,
    /// The child (Child ID).
    pub child_id: ID,
    /// Why the record should be erased.
    pub reason: String,
    /// Where it stands.
    pub status: ErasureStatus,
    /// The admin who asked (StaffUser ID): they cannot confirm it themselves.
    pub requested_by: ID,
    /// Their name.
    pub requested_by_name: String,
    /// You asked for it: another admin must confirm it.
    pub asked_by_you: bool,
    /// When they asked.
    pub requested_at: DateTime<Utc>,
    /// When it lapses if nobody confirms it.
    pub expires_at: DateTime<Utc>,
    /// The admin who confirmed it.
    pub confirmed_by_name: Option<String>,
    /// When it was confirmed (and the record erased).
    pub confirmed_at: Option<DateTime<Utc>>,
    /// When it was cancelled.
    pub cancelled_at: Option<DateTime<Utc>>,
}

/// A child as the data protection pages list them.
#[derive(SimpleObject)]
pub struct DataProtectionChild {
    /// The child's opaque ID.
    pub child_id: ID,
    /// The name the child is called by ("Removed" once anonymised).
    pub preferred_name: String,
    /// The full name, for staff.
    pub full_name: Option<String>,
    /// The case-management system's reference.
    pub reference: Option<String>,
    /// Under a legal hold now.
    pub held: bool,
    /// When the record was anonymised (by retention or erasure); null while whole.
    pub anonymised_at: Option<DateTime<Utc>>,
}

/// Everything an admin needs to decide about a child's record: holds, erasure, retention.
#[derive(SimpleObject)]
pub struct ChildDataProtection {
    /// The child's opaque ID.
    pub child_id: ID,
    /// The name the child is called by.
    pub preferred_name: String,
    /// The full name, for staff.
    pub full_name: Option<String>,
    /// The case-management system's reference.
    pub reference: Option<String>,
    /// Date of birth (1 January of the year once anonymised).
    pub date_of_birth: NaiveDate,
    /// When the record was anonymised; null while whole.
    pub anonymised_at: Option<DateTime<Utc>>,
    /// Under a legal hold now: nothing is removed.
    pub held: bool,
    /// Every hold placed, newest first.
    pub holds: Vec<LegalHold>,
    /// Every erasure request, newest first.
    pub erasure_requests: Vec<ErasureRequest>,
    /// A piece of advocacy is still open: nothing is due, and erasure waits.
    pub advocacy_open: bool,
    /// When the child's last piece of advocacy closed: retention counts from this day.
    pub last_closed_at: Option<DateTime<Utc>>,
}

/// How many rows of one kind were removed.
#[derive(SimpleObject)]
pub struct RemovedRecords {
    /// The kind of record.
    pub kind: RetentionKind,
    /// Rows deleted or anonymised.
    pub rows: i32,
}

impl From<Removed> for RemovedRecords {
    fn from(r: Removed) -> Self {
        Self {
            kind: r.kind.into(),
            rows: i32::try_from(r.rows).unwrap_or(i32::MAX),
        }
    }
}

/// A confirmed erasure: the request, and what was removed.
#[derive(SimpleObject)]
pub struct ErasureDone {
    /// The request, now confirmed.
    pub request: ErasureRequest,
    /// Rows removed, by kind.
    pub removed: Vec<RemovedRecords>,
}

async fn names(conn: &impl ConnectionTrait, ids: Vec<i32>) -> ApiResult<HashMap<i32, String>> {
    Ok(staff_user::Entity::find()
        .filter(staff_user::Column::Id.is_in(ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| (s.id, s.name))
        .collect())
}

fn name(names: &HashMap<i32, String>, id: i32) -> String {
    names.get(&id).cloned().unwrap_or_default()
}

async fn requests(
    conn: &impl ConnectionTrait,
    viewer: &StaffViewer,
    rows: Vec<erasure_request::Model>,
) -> ApiResult<Vec<ErasureRequest>> {
    let mut ids = Vec::new();
    for r in &rows {
        ids.push(r.requested_by);
        ids.extend(r.confirmed_by);
    }
    let people = names(conn, ids).await?;
    let now = Utc::now();
    Ok(rows
        .into_iter()
        .map(|r| ErasureRequest {
            id: NodeKind::ErasureRequest.id(r.id),
            child_id: NodeKind::Child.id(r.child_id),
            status: erasure::status(&r, now).into(),
            requested_by: NodeKind::StaffUser.id(r.requested_by),
            requested_by_name: name(&people, r.requested_by),
            asked_by_you: r.requested_by == viewer.id,
            confirmed_by_name: r.confirmed_by.map(|id| name(&people, id)),
            reason: r.reason,
            requested_at: r.requested_at,
            expires_at: r.expires_at,
            confirmed_at: r.confirmed_at,
            cancelled_at: r.cancelled_at,
        })
        .collect())
}

async fn hold_list(
    conn: &impl ConnectionTrait,
    rows: Vec<legal_hold::Model>,
) -> ApiResult<Vec<LegalHold>> {
    let mut ids = Vec::new();
    for h in &rows {
        ids.push(h.set_by);
        ids.extend(h.lifted_by);
    }
    let people = names(conn, ids).await?;
    Ok(rows
        .into_iter()
        .map(|h| LegalHold {
            set_by: NodeKind::StaffUser.id(h.set_by),
            set_by_name: name(&people, h.set_by),
            lifted_by_name: h.lifted_by.map(|id| name(&people, id)),
            reason: h.reason,
            set_at: h.set_at,
            lifted_at: h.lifted_at,
            lift_reason: h.lift_reason,
        })
        .collect())
}

/// The child's whole data protection picture, read within the admin's authority.
async fn record(
    conn: &impl ConnectionTrait,
    admin: &StaffViewer,
    child_id: i32,
) -> ApiResult<ChildDataProtection> {
    let child = holds::child_in(conn, admin.tenant, child_id).await?;
    let hold_rows = holds::holds_of(conn, admin.tenant, child_id).await?;
    let held = hold_rows.iter().any(|h| h.lifted_at.is_none());
    let (advocacy_open, last_closed_at) = children::advocacy(conn, admin.tenant, child_id).await?;
    let request_rows = erasure::requests_of(conn, admin.tenant, child_id).await?;
    Ok(ChildDataProtection {
        child_id: NodeKind::Child.id(child.id),
        preferred_name: child.preferred_name,
        full_name: child.full_name,
        reference: child.external_ref,
        date_of_birth: child.date_of_birth,
        anonymised_at: child.anonymised_at,
        held,
        holds: hold_list(conn, hold_rows).await?,
        erasure_requests: requests(conn, admin, request_rows).await?,
        advocacy_open,
        last_closed_at,
    })
}

#[derive(Default)]
pub struct DataProtectionQuery;

#[Object]
impl DataProtectionQuery {
    /// How long each kind of record is kept in your authority (admin only).
    async fn retention_periods(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<RetentionPeriod>> {
        let admin = policy::manage(ctx.viewer())?;
        let rows = periods(ctx.db()?, admin.tenant)
            .await
            .map_err(crate::error::ApiError::from)?;
        Ok(rows
            .into_iter()
            .map(|(kind, days)| RetentionPeriod {
                kind: kind.into(),
                days,
                default_days: default_days(kind),
                counted_from: counted_from(kind).to_owned(),
            })
            .collect())
    }

    /// Your authority's children, found by name or reference, for holds and erasure (admin only).
    async fn data_protection_children(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "Part of the child's name or reference; empty or null: every child.")]
        search: Option<String>,
        #[graphql(desc = "How many to return (1 to 100, default 20).")] first: Option<i32>,
        #[graphql(desc = "Return the children after this cursor.")] after: Option<String>,
    ) -> async_graphql::Result<List<DataProtectionChild>> {
        let admin = policy::manage(ctx.viewer())?;
        let search = text::optional("search", search.as_deref(), SHORT)?;
        let page = Page::parse(first, after)?;
        let db = ctx.db()?;
        let (rows, total) = children::find(db, admin.tenant, search.as_deref(), page)
            .await
            .map_err(crate::error::ApiError::from)?;
        let ids: Vec<i32> = rows.iter().map(|c| c.id).collect();
        let held = children::held_among(db, admin.tenant, &ids)
            .await
            .map_err(crate::error::ApiError::from)?;
        let items = rows
            .into_iter()
            .map(|c| DataProtectionChild {
                child_id: NodeKind::Child.id(c.id),
                held: held.contains(&c.id),
                preferred_name: c.preferred_name,
                full_name: c.full_name,
                reference: c.external_ref,
                anonymised_at: c.anonymised_at,
            })
            .collect();
        Ok(page.connection(items, total))
    }

    /// One child's record as data protection sees it: holds, erasure requests, advocacy (admin
    /// only; another authority's child is NOT_FOUND).
    async fn child_data_protection(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] child_id: ID,
    ) -> async_graphql::Result<ChildDataProtection> {
        let admin = policy::manage(ctx.viewer())?;
        let child_id = NodeKind::Child.parse(&child_id, "childId")?;
        Ok(record(ctx.db()?, admin, child_id).await?)
    }
}

#[derive(Default)]
pub struct DataProtectionMutation;

#[Object]
impl DataProtectionMutation {
    /// Set how long one kind of record is kept in your authority, in days (1 to 36,500; admin
    /// only). The retention job uses it from its next run.
    async fn set_retention_period(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The kind of record.")] kind: RetentionKind,
        #[graphql(desc = "Kept this many days.")] days: i32,
    ) -> async_graphql::Result<RetentionPeriod> {
        let admin = policy::manage(ctx.viewer())?;
        let days = Days::parse(days)?;
        let kind: retention_setting::RetentionKind = kind.into();
        let days = super::settings::set_period(ctx.db()?, admin, kind, days).await?;
        Ok(RetentionPeriod {
            kind: kind.into(),
            days,
            default_days: default_days(kind),
            counted_from: counted_from(kind).to_owned(),
        })
    }

    /// Put a child's record under a legal hold, with a reason (admin only): nothing about the
    /// child is removed, by the retention job or an erasure, until it is lifted. CONFLICT when a
    /// hold is already in place.
    async fn place_legal_hold(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] child_id: ID,
        #[graphql(desc = "Why, e.g. \"Court proceedings: solicitor's letter of 3 March\".")]
        reason: String,
    ) -> async_graphql::Result<ChildDataProtection> {
        let admin = policy::manage(ctx.viewer())?;
        let child_id = NodeKind::Child.parse(&child_id, "childId")?;
        let reason = text::required("reason", &reason, LONG)?;
        let db = ctx.db()?;
        holds::place(db, admin, child_id, reason).await?;
        Ok(record(db, admin, child_id).await?)
    }

    /// Lift the legal hold on a child's record, with a reason (admin only). CONFLICT when none is
    /// in place.
    async fn lift_legal_hold(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] child_id: ID,
        #[graphql(desc = "Why the hold is no longer needed.")] reason: String,
    ) -> async_graphql::Result<ChildDataProtection> {
        let admin = policy::manage(ctx.viewer())?;
        let child_id = NodeKind::Child.parse(&child_id, "childId")?;
        let reason = text::required("reason", &reason, LONG)?;
        let db = ctx.db()?;
        holds::lift(db, admin, child_id, reason).await?;
        Ok(record(db, admin, child_id).await?)
    }

    /// Ask for a child's record to be erased, with a reason (admin only). Nothing is erased until
    /// a different admin of your authority confirms within 7 days. CONFLICT when the record is
    /// held, the child's advocacy is open, it is already erased, or a request is waiting.
    async fn request_erasure(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The child.")] child_id: ID,
        #[graphql(desc = "Why, e.g. \"The young person asked on 2 March (ref DP-114)\".")]
        reason: String,
    ) -> async_graphql::Result<ErasureRequest> {
        let admin = policy::manage(ctx.viewer())?;
        let child_id = NodeKind::Child.parse(&child_id, "childId")?;
        let reason = text::required("reason", &reason, LONG)?;
        let db = ctx.db()?;
        let row = erasure::request(db, admin, child_id, reason).await?;
        Ok(requests(db, admin, vec![row]).await?.remove(0))
    }

    /// Confirm another admin's erasure request: the child's record is erased now, as the
    /// retention job would remove it (admin only; not the admin who asked: BAD_USER_INPUT).
    /// CONFLICT when the request is no longer waiting or the record is now held.
    async fn confirm_erasure(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The erasure request.")] request_id: ID,
    ) -> async_graphql::Result<ErasureDone> {
        let admin = policy::manage(ctx.viewer())?;
        let id = NodeKind::ErasureRequest.parse(&request_id, "requestId")?;
        let db = ctx.db()?;
        let (row, removed) = erasure::confirm(db, admin, id).await?;
        Ok(ErasureDone {
            request: requests(db, admin, vec![row]).await?.remove(0),
            removed: removed.into_iter().map(Into::into).collect(),
        })
    }

    /// Cancel a waiting erasure request (admin only, either admin). Nothing is erased.
    async fn cancel_erasure(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The erasure request.")] request_id: ID,
    ) -> async_graphql::Result<ErasureRequest> {
        let admin = policy::manage(ctx.viewer())?;
        let id = NodeKind::ErasureRequest.parse(&request_id, "requestId")?;
        let db = ctx.db()?;
        let row = erasure::cancel(db, admin, id).await?;
        Ok(requests(db, admin, vec![row]).await?.remove(0))
    }
}
