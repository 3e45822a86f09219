//! `myvoice import --authority <name, short name or id> [--staff f] [--children f] [--meetings f]
//! [--dry-run]`: the same import as the admin page, for the operator at a terminal. The report and
//! the new staff's set-password links go to standard output only (the operator's terminal), never
//! to the log. Exits non-zero when any row has a problem.
use std::path::PathBuf;

use clap::Args;
use entity::enums::ActorKind;
use entity::local_authority;
use sea_orm::{ColumnTrait, Condition, EntityTrait, QueryFilter};

use super::{Counts, Report, Upload};
use crate::auth::TenantId;
use crate::cli::{CliError, DatabaseArgs};
use crate::config::PublicUrl;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The local authority: its name, short name or number (`myvoice authority list`).
    #[arg(long)]
    pub authority: String,
    /// Staff CSV: email, name, role.
    #[arg(long)]
    pub staff: Option<PathBuf>,
    /// Children CSV: reference, preferred_name, date_of_birth, looked_after, language,
    /// communication_needs, lives_with, social_worker_email.
    #[arg(long)]
    pub children: Option<PathBuf>,
    /// Meetings CSV: reference, kind, scheduled_at, place, chair_email, social_worker_email,
    /// child_references.
    #[arg(long)]
    pub meetings: Option<PathBuf>,
    /// Check the files and say what would happen, writing nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// The address people type to reach myvoice; new staff's links start with it.
    #[arg(
        long,
        env = "MYVOICE_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,
}

fn read(path: &Option<PathBuf>) -> Result<Option<String>, CliError> {
    let Some(path) = path else { return Ok(None) };
    std::fs::read_to_string(path)
        .map(Some)
        .map_err(|e| CliError::Refused(format!("cannot read {}: {e}", path.display())))
}

pub async fn run(args: ImportArgs) -> Result<(), CliError> {
    let public_url = PublicUrl::parse(&args.public_url)?;
    let upload = Upload {
        staff: read(&args.staff)?,
        children: read(&args.children)?,
        meetings: read(&args.meetings)?,
    };
    let db = crate::cli::migrated(&args.database).await?;
    let wanted = args.authority.trim();
    let mut by_name = Condition::any()
        .add(local_authority::Column::Name.eq(wanted))
        .add(local_authority::Column::Slug.eq(wanted.to_lowercase()));
    if let Ok(id) = wanted.parse::<i32>() {
        by_name = by_name.add(local_authority::Column::Id.eq(id));
    }
    let authority = local_authority::Entity::find()
        .filter(by_name)
        .one(&db)
        .await
        .map_err(crate::error::ApiError::from)?
        .ok_or_else(|| {
            CliError::Refused(format!(
                "no local authority is called \"{wanted}\": see `myvoice authority list`"
            ))
        })?;
    let tenant = TenantId(authority.id);
    let system = (ActorKind::System, None);
    let report = super::run(
        &db,
        tenant,
        system,
        upload,
        args.dry_run,
        chrono::Utc::now(),
    )
    .await?;
    print_report(&authority.name, &report, public_url.origin());
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(CliError::Refused(format!(
            "{} row problem(s): nothing was imported",
            report.problems.len()
        )))
    }
}

fn counts(what: &str, c: &Counts, worked_out: bool) {
    if c.rows == 0 {
        return;
    }
    if worked_out {
        println!(
            "  {what}: {} rows: {} new, {} changed, {} unchanged",
            c.rows, c.created, c.updated, c.unchanged
        );
    } else {
        println!("  {what}: {} rows", c.rows);
    }
}

fn print_report(authority: &str, report: &Report, origin: &str) {
    let clean = report.problems.is_empty();
    let head = match (clean, report.dry_run) {
        (false, _) => "Nothing was imported: put these rows right and run the import again.",
        (true, true) => "Dry run: nothing was written. Importing these files would do this:",
        (true, false) => "Imported:",
    };
    println!("{authority}. {head}");
    counts("staff", &report.staff, clean);
    counts("children", &report.children, clean);
    counts("meetings", &report.meetings, clean);
    for p in &report.problems {
        let line = p.line.map(|l| format!(" line {l}")).unwrap_or_default();
        let column = p
            .column
            .as_deref()
            .map(|c| format!(", {c}"))
            .unwrap_or_default();
        println!("{} file{line}{column}: {}", p.file.name(), p.message);
    }
    if !report.new_staff_links.is_empty() {
        println!(
            "New staff: send each their own link, to them only. Each works once, for 72 hours, to set their password:"
        );
        for l in &report.new_staff_links {
            println!("  {} <{}>: {}", l.name, l.email, l.link.url(origin));
        }
    }
}
