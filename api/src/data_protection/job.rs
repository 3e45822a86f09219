//! The retention job: once a day for each authority, remove what is due and write what was removed
//! to the audit trail (kinds and numbers of rows, never a child's words).
//!
//! Several instances may serve the same database; each runs this loop. A day's run for an authority
//! starts by inserting `retention_run (local_authority_id, run_on)`, unique: the instance whose
//! insert succeeds does the work in the same transaction, any other gets a unique violation and
//! does nothing. A run that fails rolls back with its claim, so the next look tries again.
use chrono::{DateTime, NaiveDate, Utc};
use entity::retention_setting::RetentionKind;
use entity::{audit_event, audit_purge, local_authority, password_link, refresh_token, views};
use entity::{enums::ActorKind, retention_run};
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, Set, SqlErr, TransactionTrait,
};
use serde_json::json;

use super::removal::{self, Removed};
use super::retention::{counting, cutoff, due, periods};
use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::notify::Clock;

/// What one run did (or, dry, would do) in one authority.
#[derive(Debug, Clone)]
pub struct AuthorityReport {
    pub tenant: TenantId,
    pub authority: String,
    pub removed: Vec<Removed>,
    /// Children left alone because their record is under a legal hold.
    pub held: usize,
}

/// Remove everything due in one authority on `now`'s day, inside `conn` (the caller's transaction).
pub async fn apply(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    now: DateTime<Utc>,
) -> Result<(Vec<Removed>, usize), DbErr> {
    let today = now.date_naive();
    let counting = counting(conn, tenant, now).await?;
    let mut removed = Vec::new();
    for (kind, days) in periods(conn, tenant).await? {
        let rows = match kind {
            RetentionKind::AuditEvents => {
                audit_by_age(conn, tenant, cutoff(today, days), &counting.held).await?
            }
            RetentionKind::SignInRecords => {
                sign_ins_by_age(conn, tenant, cutoff(today, days)).await?
            }
            _ => {
                let children = due(&counting, today, days);
                removal::remove(conn, tenant, kind, &children, now)
                    .await?
                    .rows
            }
        };
        removed.push(Removed { kind, rows });
    }
    Ok((removed, counting.held.len()))
}

/// The narrow way old audit events go: a permit for this authority and cut-off, the DELETE, and the
/// permit gone again, all in the caller's transaction (the database refuses any DELETE without
/// one, and any DELETE of retention, erasure or legal hold events with one). Events about a child
/// under a legal hold, or about their views, are kept.
async fn audit_by_age(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    cutoff: DateTime<Utc>,
    held: &[i32],
) -> Result<u64, DbErr> {
    let permit = audit_purge::ActiveModel {
        local_authority_id: Set(tenant.0),
        cutoff: Set(cutoff),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    let mut delete = audit_event::Entity::delete_many()
        .filter(audit_event::Column::LocalAuthorityId.eq(tenant.0))
        .filter(audit_event::Column::OccurredAt.lt(cutoff));
    for kept in ["retention.%", "erasure.%", "legal_hold.%"] {
        delete = delete.filter(audit_event::Column::Action.not_like(kept));
    }
    if !held.is_empty() {
        let held_views = Query::select()
            .column(views::Column::Id)
            .from(views::Entity)
            .and_where(views::Column::LocalAuthorityId.eq(tenant.0))
            .and_where(views::Column::ChildId.is_in(held.iter().copied()))
            .to_owned();
        delete = delete
            .filter(
                Condition::all()
                    .add(audit_event::Column::SubjectType.eq("child"))
                    .add(audit_event::Column::SubjectId.is_in(held.iter().copied()))
                    .not(),
            )
            .filter(
                Condition::all()
                    .add(audit_event::Column::SubjectType.eq("views"))
                    .add(audit_event::Column::SubjectId.in_subquery(held_views))
                    .not(),
            );
    }
    let rows = delete.exec(conn).await?.rows_affected;
    audit_purge::Entity::delete_by_id(permit.id)
        .exec(conn)
        .await?;
    Ok(rows)
}

/// Staff sessions (refresh tokens) and set-password links, counted from when they stopped working.
async fn sign_ins_by_age(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    cutoff: DateTime<Utc>,
) -> Result<u64, DbErr> {
    let tokens = refresh_token::Entity::delete_many()
        .filter(refresh_token::Column::LocalAuthorityId.eq(tenant.0))
        .filter(refresh_token::Column::ExpiresAt.lt(cutoff))
        .exec(conn)
        .await?;
    let links = password_link::Entity::delete_many()
        .filter(password_link::Column::LocalAuthorityId.eq(tenant.0))
        .filter(password_link::Column::ExpiresAt.lt(cutoff))
        .exec(conn)
        .await?;
    Ok(tokens.rows_affected + links.rows_affected)
}

/// The audit of one run: one event per kind that removed anything, then the run itself. A run that
/// removed nothing writes nothing (its `retention_run` row says it ran), so a quiet day adds no
/// noise to the audit log.
async fn record(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    subject: Subject,
    day: NaiveDate,
    removed: &[Removed],
    held: usize,
    by: &str,
) -> Result<(), DbErr> {
    let total: u64 = removed.iter().map(|r| r.rows).sum();
    if total == 0 {
        return Ok(());
    }
    let system = (ActorKind::System, None);
    for r in removed.iter().filter(|r| r.rows > 0) {
        let detail = json!({ "day": day, "kind": r.kind, "rows": r.rows });
        audit::record(
            conn,
            tenant,
            system,
            AuditAction::RetentionRemoved,
            subject,
            Some(detail),
        )
        .await?;
    }
    let detail = json!({ "day": day, "rows": total, "held_children": held, "by": by });
    audit::record(
        conn,
        tenant,
        system,
        AuditAction::RetentionRun,
        subject,
        Some(detail),
    )
    .await
}

/// Take today's run for the authority; None when another instance already has it.
async fn claim(
    conn: &impl ConnectionTrait,
    tenant: TenantId,
    now: DateTime<Utc>,
) -> Result<Option<retention_run::Model>, DbErr> {
    let inserted = retention_run::ActiveModel {
        local_authority_id: Set(tenant.0),
        run_on: Set(now.date_naive()),
        started_at: Set(now),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(conn)
    .await;
    match inserted {
        Ok(run) => Ok(Some(run)),
        Err(e) if matches!(e.sql_err(), Some(SqlErr::UniqueConstraintViolation(_))) => Ok(None),
        Err(e) => Err(e),
    }
}

/// The scheduled run for `now`'s day: every authority whose day is not yet taken.
pub async fn run_scheduled(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
) -> Result<Vec<AuthorityReport>, DbErr> {
    let mut reports = Vec::new();
    for authority in local_authority::Entity::find().all(db).await? {
        let tenant = TenantId(authority.id);
        let txn = db.begin().await?;
        let Some(run) = claim(&txn, tenant, now).await? else {
            txn.rollback().await?;
            continue;
        };
        let (removed, held) = apply(&txn, tenant, now).await?;
        let subject = Subject::new("retention_run", run.id);
        record(
            &txn, tenant, subject, run.run_on, &removed, held, "schedule",
        )
        .await?;
        retention_run::ActiveModel {
            id: Set(run.id),
            finished_at: Set(Some(Utc::now())),
            ..Default::default()
        }
        .update(&txn)
        .await?;
        txn.commit().await?;
        reports.push(AuthorityReport {
            tenant,
            authority: authority.name,
            removed,
            held,
        });
    }
    Ok(reports)
}

/// `myvoice retention run`: every authority now, whether or not today's scheduled run happened.
/// A dry run does the same work in a transaction it rolls back, so its numbers are exactly what a
/// real run would remove, and it writes nothing.
pub async fn run_now(
    db: &DatabaseConnection,
    now: DateTime<Utc>,
    dry_run: bool,
) -> Result<Vec<AuthorityReport>, DbErr> {
    let mut reports = Vec::new();
    for authority in local_authority::Entity::find().all(db).await? {
        let tenant = TenantId(authority.id);
        let txn = db.begin().await?;
        let (removed, held) = apply(&txn, tenant, now).await?;
        if dry_run {
            txn.rollback().await?;
        } else {
            let subject = Subject::new("local_authority", tenant.0);
            let day = now.date_naive();
            record(&txn, tenant, subject, day, &removed, held, "command line").await?;
            txn.commit().await?;
        }
        reports.push(AuthorityReport {
            tenant,
            authority: authority.name,
            removed,
            held,
        });
    }
    Ok(reports)
}

/// Runs inside `myvoice serve`: looks once a poll whether the day (on the schedules' clock, which
/// tests move) has changed, and runs the day's retention once it has.
pub struct RetentionJob {
    pub db: DatabaseConnection,
    pub clock: Clock,
    pub poll: std::time::Duration,
}

impl RetentionJob {
    pub async fn run(self) {
        let mut done: Option<NaiveDate> = None;
        loop {
            let now = self.clock.now();
            if done != Some(now.date_naive()) {
                match run_scheduled(&self.db, now).await {
                    Ok(_) => done = Some(now.date_naive()),
                    Err(e) => {
                        tracing::error!(error = %e, "retention run failed; trying again shortly")
                    }
                }
            }
            tokio::time::sleep(self.poll).await;
        }
    }
}
