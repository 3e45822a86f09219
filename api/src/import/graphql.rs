//! `importRecords`: an admin's first load from CSV files. The resolver asks the policy, then
//! hands the files to the import.
use async_graphql::{Context, Enum, InputObject, Object, SimpleObject};
use chrono::{DateTime, Utc};

use super::{Counts, FileKind, Report, Upload, checks};
use crate::audit::actor;
use crate::error::ApiError;
use crate::graphql::ContextExt;
use crate::policy::admin as policy;

/// CSV files exported from your case-management system. Each starts with a header line naming its
/// columns (any order; case and spaces do not matter); columns marked * must be there and filled
/// in on every row. At most 2,000 rows per file and 200 KB per upload.
#[derive(InputObject)]
pub struct ImportRecordsInput {
    /// Staff: `email`*, `name`*, `role`* (advocate, social_worker, isro, coordinator or admin).
    /// Someone already here with that e-mail keeps their account (their name is updated); new
    /// people get a one-time link to choose their password.
    pub staff_csv: Option<String>,
    /// Children: `reference`* (your system's reference), `preferred_name`*, `date_of_birth`*
    /// (YYYY-MM-DD), `looked_after`* (yes or no), `language` (default en),
    /// `communication_needs`, `lives_with`, `social_worker_email` (a social worker here or in the
    /// staff file).
    pub children_csv: Option<String>,
    /// Meetings: `reference`*, `kind`* (e.g. initial_child_protection_conference,
    /// child_in_need_meeting, children_looked_after_review), `scheduled_at` (YYYY-MM-DD HH:MM in UK
    /// time), `place`, `chair_email` (an ISRO), `social_worker_email`, `child_references`* (the
    /// children's references, separated by `;`, here already or in the children file).
    pub meetings_csv: Option<String>,
    /// Check the files and say what would happen, writing nothing.
    pub dry_run: bool,
    /// Instead of the files: the `checkId` of an earlier dry run, to import (or check again)
    /// exactly the files it checked. Leave the three files out when you give it.
    pub check_id: Option<String>,
}

/// One of the three files.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportFile {
    /// `staffCsv`.
    Staff,
    /// `childrenCsv`.
    Children,
    /// `meetingsCsv`.
    Meetings,
}

impl From<FileKind> for ImportFile {
    fn from(kind: FileKind) -> Self {
        match kind {
            FileKind::Staff => Self::Staff,
            FileKind::Children => Self::Children,
            FileKind::Meetings => Self::Meetings,
        }
    }
}

/// Something wrong with a row (or a whole file).
#[derive(SimpleObject)]
pub struct ImportProblem {
    /// The file the row is in.
    pub file: ImportFile,
    /// The line in the file, the header being line 1; null for the whole file.
    pub line: Option<i32>,
    /// The column, as named in the header; null for the whole row.
    pub column: Option<String>,
    /// What is wrong and how to put it right.
    pub message: String,
}

/// What happened, or would happen, to one file's rows. Created, updated and unchanged are worked
/// out only when no row of the upload has a problem.
#[derive(SimpleObject)]
pub struct ImportCounts {
    /// Rows read (blank lines aside).
    pub rows: i32,
    /// New records for references (or e-mails) not here before.
    pub created: i32,
    /// Records whose details were changed to the file's.
    pub updated: i32,
    /// Records that were already exactly as the file says: nothing written.
    pub unchanged: i32,
}

impl From<Counts> for ImportCounts {
    fn from(c: Counts) -> Self {
        let n = |v: usize| i32::try_from(v).unwrap_or(i32::MAX);
        Self {
            rows: n(c.rows),
            created: n(c.created),
            updated: n(c.updated),
            unchanged: n(c.unchanged),
        }
    }
}

/// A member of staff the import added, with the link they use to choose a password.
#[derive(SimpleObject)]
pub struct ImportedStaffLink {
    /// Their e-mail address: they sign in with it.
    pub email: String,
    /// Their full name.
    pub name: String,
    /// `/set-password?token=…` (put the address people use to reach myvoice in front). It works
    /// once, for 72 hours, and is shown only here: send it to this person only.
    pub password_link_path: String,
    /// When the link stops working.
    pub password_link_expires_at: DateTime<Utc>,
}

/// What an import found and did.
#[derive(SimpleObject)]
pub struct ImportReport {
    /// Whether this was only a check.
    pub dry_run: bool,
    /// True when the rows were written: never on a dry run, never while a row has a problem.
    pub imported: bool,
    /// The staff file's rows.
    pub staff: ImportCounts,
    /// The children file's rows.
    pub children: ImportCounts,
    /// The meetings file's rows.
    pub meetings: ImportCounts,
    /// Every problem of every file, by file and line. Nothing is imported while there is one.
    pub problems: Vec<ImportProblem>,
    /// New staff and their one-time links (empty on a dry run).
    pub new_staff_links: Vec<ImportedStaffLink>,
    /// A dry run's id: read this report again with `importCheck(id:)`, or import the same files
    /// with `importRecords(input: { checkId, dryRun: false })`. Kept for 24 hours, for you only.
    pub check_id: Option<String>,
}

impl From<Report> for ImportReport {
    fn from(r: Report) -> Self {
        Self {
            dry_run: r.dry_run,
            imported: r.imported,
            staff: r.staff.into(),
            children: r.children.into(),
            meetings: r.meetings.into(),
            problems: r
                .problems
                .into_iter()
                .map(|p| ImportProblem {
                    file: p.file.into(),
                    line: p.line.map(|l| i32::try_from(l).unwrap_or(i32::MAX)),
                    column: p.column,
                    message: p.message,
                })
                .collect(),
            new_staff_links: r
                .new_staff_links
                .into_iter()
                .map(|l| ImportedStaffLink {
                    password_link_path: l.link.path(),
                    password_link_expires_at: l.link.expires_at,
                    email: l.email,
                    name: l.name,
                })
                .collect(),
            check_id: None,
        }
    }
}

#[derive(Default)]
pub struct ImportMutation;

#[Object]
impl ImportMutation {
    /// Load your authority's staff, children and meetings from CSV files (admin only). Check with
    /// `dryRun: true` first: every bad row is listed with its line, column and why. Nothing is
    /// written while any row has a problem; otherwise everything is written at once, staff first,
    /// then children, then meetings. Importing the same files again changes nothing. A dry run's
    /// `checkId` imports the files it checked without sending them again.
    async fn import_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The files, and whether only to check them.")] input: ImportRecordsInput,
    ) -> async_graphql::Result<ImportReport> {
        let admin = policy::import_records(ctx.viewer())?;
        let db = ctx.db()?;
        let now = Utc::now();
        let (upload, check) = match input.check_id {
            None => (
                Upload {
                    staff: input.staff_csv,
                    children: input.children_csv,
                    meetings: input.meetings_csv,
                },
                None,
            ),
            Some(_)
                if [&input.staff_csv, &input.children_csv, &input.meetings_csv]
                    .iter()
                    .any(|f| f.as_deref().is_some_and(|t| !t.trim().is_empty())) =>
            {
                return Err(ApiError::bad_input(
                    "checkId",
                    "Send either the files or the id of a check of them, not both.",
                )
                .into());
            }
            Some(id) => {
                let check = checks::find(db, admin, &id, now).await?;
                let id = check.id;
                (checks::upload_of(check), Some(id))
            }
        };
        let kept = input.dry_run.then(|| upload.clone());
        let report = super::run(
            db,
            admin.tenant,
            actor(ctx.viewer()),
            upload,
            input.dry_run,
            now,
        )
        .await?;
        let check_id = match kept {
            Some(files) => Some(checks::keep(db, admin, files, &report, now).await?),
            None => None,
        };
        if let (true, Some(id)) = (report.imported, check) {
            checks::forget(db, id).await?;
        }
        Ok(ImportReport {
            check_id,
            ..report.into()
        })
    }
}

#[derive(Default)]
pub struct ImportQuery;

#[Object]
impl ImportQuery {
    /// An earlier dry run of yours, as it was reported (admin only): every problem, by file and
    /// line. NOT_FOUND after 24 hours, once its files were imported, or if it is not yours.
    async fn import_check(
        &self,
        ctx: &Context<'_>,
        #[graphql(desc = "The `checkId` the dry run answered with.")] id: String,
    ) -> async_graphql::Result<ImportReport> {
        let admin = policy::import_records(ctx.viewer())?;
        let check = checks::find(ctx.db()?, admin, &id, Utc::now()).await?;
        Ok(ImportReport {
            check_id: Some(check.token.clone()),
            ..checks::report_of(&check)?.into()
        })
    }
}
