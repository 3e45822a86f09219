//! `myvoice retention run [--dry-run] [--database-url …]`: the retention job by hand, for every
//! authority, now. Prints per authority and kind what is (or, dry, would be) removed. A real run
//! writes its audit events like the scheduled one; a dry run writes nothing.
use clap::{Args, Subcommand};
use entity::retention_setting::RetentionKind;

use crate::cli::{CliError, DatabaseArgs};

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// Remove what is due today in every local authority (see the README, "Data protection").
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Say what would be removed, and remove nothing.
    #[arg(long)]
    pub dry_run: bool,
}

fn label(kind: RetentionKind) -> &'static str {
    match kind {
        RetentionKind::Views => "views and their versions",
        RetentionKind::SharesAndReads => "shares and reads",
        RetentionKind::AdvocateNotes => "advocate notes",
        RetentionKind::Outcomes => "outcomes and messages",
        RetentionKind::ChildRecord => "children's details",
        RetentionKind::AuditEvents => "audit events",
        RetentionKind::SignInRecords => "sign-in records",
    }
}

pub async fn run(command: RetentionCommand) -> Result<(), CliError> {
    let RetentionCommand::Run(args) = command;
    let db = crate::cli::migrated(&args.database).await?;
    let reports = super::job::run_now(&db, chrono::Utc::now(), args.dry_run)
        .await
        .map_err(|e| CliError::Refused(format!("the retention run failed: {e}")))?;
    let verb = if args.dry_run {
        "would remove"
    } else {
        "removed"
    };
    if reports.is_empty() {
        println!("No local authorities yet: nothing to do.");
    }
    for report in reports {
        println!("{}:", report.authority);
        for removed in &report.removed {
            println!("  {verb} {} rows of {}", removed.rows, label(removed.kind));
        }
        println!(
            "  left alone: {} child record(s) under a legal hold",
            report.held
        );
    }
    if args.dry_run {
        println!("Dry run: nothing was changed.");
    }
    Ok(())
}
