//! A first load from a case-management system's CSV exports (issue 19, item 3): the authority's
//! staff, children and meetings, from a page (`importRecords`) or the command line
//! (`myvoice import`).
//!
//! Every row of every file is checked before anything is written, and every problem is reported
//! with its file, line and column: people fix a whole export at once, not one row per attempt.
//! While any row has a problem nothing is written. A clean upload is written in ONE transaction,
//! staff, then children, then meetings, so one upload may name a child or a social worker it
//! creates itself. A dry run does exactly the same work and rolls it back, so its counts are the
//! real ones. Children and meetings go through the same upserts as `upsertChild`/`upsertMeeting`
//! (keyed by the system's reference), staff are keyed by e-mail: importing the same files again
//! changes nothing and writes no audit event. A changing import writes one audit event with counts,
//! never the rows' contents. New staff get a one-time link to choose a password, never a password.
pub mod apply;
pub mod check;
pub mod checks;
pub mod cli;
pub mod graphql;
pub mod parse;

use chrono::{DateTime, Utc};
use entity::enums::ActorKind;
use sea_orm::DatabaseConnection;
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::audit::{self, AuditAction, Subject};
use crate::auth::TenantId;
use crate::authorities::IssuedLink;
use crate::error::{ApiError, ApiResult};

/// The most rows one file may have. A first load of a large authority is split into several
/// uploads (children first, then their meetings): each upload is one transaction.
pub const MAX_ROWS: usize = 2_000;
/// The most bytes of one upload, all files together: the server takes requests of up to 256 KB.
pub const MAX_BYTES: usize = 200 * 1024;

/// Which file a row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum FileKind {
    Staff,
    Children,
    Meetings,
}

impl FileKind {
    pub fn name(self) -> &'static str {
        match self {
            Self::Staff => "staff",
            Self::Children => "children",
            Self::Meetings => "meetings",
        }
    }

    /// The GraphQL input field that carries the file.
    pub fn field(self) -> &'static str {
        match self {
            Self::Staff => "staffCsv",
            Self::Children => "childrenCsv",
            Self::Meetings => "meetingsCsv",
        }
    }
}

/// One thing wrong with one row (or with a whole file when `line` is `None`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    pub file: FileKind,
    /// The line in the file, counting the header as line 1.
    pub line: Option<u64>,
    pub column: Option<String>,
    pub message: String,
}

/// What happened (or would happen) to one file's rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
}

impl Counts {
    fn changed(&self) -> bool {
        self.created + self.updated > 0
    }
}

/// The files of one upload, as text; a file left out is `None`.
#[derive(Clone, Debug, Default)]
pub struct Upload {
    pub staff: Option<String>,
    pub children: Option<String>,
    pub meetings: Option<String>,
}

/// A member of staff the import created, with their one-time link (shown once).
pub struct NewStaffLink {
    pub email: String,
    pub name: String,
    pub link: IssuedLink,
}

pub struct Report {
    pub dry_run: bool,
    /// True when the rows were written (never on a dry run or with problems).
    pub imported: bool,
    pub staff: Counts,
    pub children: Counts,
    pub meetings: Counts,
    pub problems: Vec<Problem>,
    pub new_staff_links: Vec<NewStaffLink>,
}

/// Check an upload and, unless it is a dry run or a row has a problem, write it.
pub async fn run(
    db: &DatabaseConnection,
    tenant: TenantId,
    actor: (ActorKind, Option<i32>),
    upload: Upload,
    dry_run: bool,
    now: DateTime<Utc>,
) -> ApiResult<Report> {
    // A file input left empty arrives as empty text: the same as no file.
    let given = |f: Option<String>| f.filter(|t| !t.trim().is_empty());
    let upload = Upload {
        staff: given(upload.staff),
        children: given(upload.children),
        meetings: given(upload.meetings),
    };
    let files = [&upload.staff, &upload.children, &upload.meetings];
    if files.iter().all(|f| f.is_none()) {
        return Err(ApiError::bad_input(
            "staffCsv",
            "Choose at least one file: staff, children or meetings.",
        ));
    }
    let bytes: usize = files.iter().map(|f| f.as_deref().map_or(0, str::len)).sum();
    if bytes > MAX_BYTES {
        return Err(ApiError::bad_input(
            "staffCsv",
            format!(
                "These files are too big for one upload ({} KB; at most {} KB). Import children first, then their meetings, or split the files.",
                bytes.div_ceil(1024),
                MAX_BYTES / 1024
            ),
        ));
    }
    let mut problems = Vec::new();
    let parsed = parse::parse(&upload, now, &mut problems)?;
    let mut report = Report {
        dry_run,
        imported: false,
        staff: Counts {
            rows: parsed.rows_read[0],
            ..Counts::default()
        },
        children: Counts {
            rows: parsed.rows_read[1],
            ..Counts::default()
        },
        meetings: Counts {
            rows: parsed.rows_read[2],
            ..Counts::default()
        },
        problems: Vec::new(),
        new_staff_links: Vec::new(),
    };
    let new_staff = check::check(db, tenant, &parsed, &mut problems).await?;
    if !problems.is_empty() {
        problems.sort_by(|a, b| (a.file, a.line).cmp(&(b.file, b.line)));
        report.problems = problems;
        return Ok(report);
    }
    // Nobody knows this secret: the new staff choose their own password through their link.
    let password_hash = if new_staff > 0 {
        let unusable = crate::auth::secrets::random_token(32);
        let hash = tokio::task::spawn_blocking(move || crate::auth::hash_secret(&unusable))
            .await
            .map_err(|e| ApiError::Internal(e.to_string()))?
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        Some(hash)
    } else {
        None
    };
    let txn = crate::db::begin_write(db).await?;
    let applied = apply::apply(&txn, tenant, parsed, password_hash, now).await?;
    report.staff = applied.staff;
    report.children = applied.children;
    report.meetings = applied.meetings;
    if dry_run {
        txn.rollback().await?;
        return Ok(report);
    }
    let changed = report.staff.changed() || report.children.changed() || report.meetings.changed();
    if changed {
        let count = |c: &Counts| json!({ "created": c.created, "updated": c.updated, "unchanged": c.unchanged });
        let detail = json!({
            "staff": count(&report.staff),
            "children": count(&report.children),
            "meetings": count(&report.meetings),
            "passwordLinks": applied.links.len(),
        });
        let subject = Subject::new("local_authority", tenant.0);
        let action = AuditAction::RecordsImported;
        audit::record(&txn, tenant, actor, action, subject, Some(detail)).await?;
    }
    txn.commit().await?;
    report.imported = true;
    report.new_staff_links = applied.links;
    Ok(report)
}
