//! `myvoice-export-bench`: how long a subject access export takes for a child with years of
//! meetings. Seeds one child (and a second, whose rows the export must skip) with `--meetings`
//! meetings (default 260: ten years of fortnightly core groups, each with views in three versions,
//! shares, reads, answers, notes, messages, outcomes, notices and audit events), then builds the
//! export `--runs` times exactly as the download does (`export::build`: load, zip, audit) and prints
//! the times. Measures; asserts nothing.
//!
//! `cargo run --release -p myvoice-bench --bin myvoice-export-bench -- [--meetings N] [--runs N]
//! [--database-url URL]` (default: a new SQLite file in the temp folder; a PostgreSQL URL must
//! name an empty database).
use std::time::Instant;

use api::auth::{StaffViewer, TenantId};
use api::data_protection::export;
use chrono::Utc;
use clap::Parser;
use entity::enums::StaffRole;
use migration::{Migrator, MigratorTrait};
use myvoice_bench::history;
use sea_orm::{ActiveModelTrait, ConnectOptions, Database, Set};

#[derive(Debug, Parser)]
struct Cli {
    /// Meetings in the child's history.
    #[arg(long, default_value_t = 260)]
    meetings: usize,
    /// Exports to time.
    #[arg(long, default_value_t = 5)]
    runs: usize,
    #[arg(long)]
    database_url: Option<String>,
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let url = match cli.database_url {
        Some(url) => url,
        None => {
            let path = std::env::temp_dir()
                .join(format!("myvoice-export-bench-{}.db", std::process::id()));
            format!("sqlite://{}?mode=rwc", path.display())
        }
    };
    let mut options = ConnectOptions::new(url.clone());
    options.sqlx_logging(false).max_connections(4);
    let db = Database::connect(options).await?;
    Migrator::up(&db, None).await?;
    let la = entity::local_authority::ActiveModel {
        name: Set("Bench Council".into()),
        slug: Set(format!("bench-{}", Utc::now().timestamp_millis())),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&db)
    .await?
    .id;
    let people = history::people(&db, la).await?;
    let admin = entity::staff_user::ActiveModel {
        local_authority_id: Set(la),
        name: Set("Bench Admin".into()),
        email: Set("admin@bench.example".into()),
        role: Set(StaffRole::Admin),
        password_hash: Set("not-a-real-hash".into()),
        active: Set(true),
        created_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(&db)
    .await?;
    let admin = StaffViewer {
        id: admin.id,
        tenant: TenantId(la),
        role: StaffRole::Admin,
    };
    let child = history::new_child(&db, la, "Mia").await?;
    let other = history::new_child(&db, la, "Jade").await?;
    let started = Instant::now();
    let rows = history::seed(
        &db,
        people,
        child,
        cli.meetings,
        14,
        "I want to see my brother.",
    )
    .await?
        + history::seed(
            &db,
            people,
            other,
            cli.meetings,
            14,
            "Another child's words.",
        )
        .await?;
    println!(
        "seeded {rows} rows ({} meetings per child, two children) in {:.1?}",
        cli.meetings,
        started.elapsed()
    );
    let mut times = Vec::new();
    let mut size = 0;
    for _ in 0..cli.runs {
        let started = Instant::now();
        let made = export::build(&db, &admin, child, Utc::now())
            .await
            .map_err(|e| anyhow::anyhow!("export failed: {}", e.code()))?;
        times.push(started.elapsed());
        size = made.bytes.len();
    }
    times.sort();
    let engine = if url.starts_with("sqlite") {
        "SQLite"
    } else {
        "PostgreSQL"
    };
    println!(
        "{engine}: export of one child with {} meetings: {size} bytes zipped; {} runs: min {:.1?}, median {:.1?}, max {:.1?}",
        cli.meetings,
        times.len(),
        times.first().copied().unwrap_or_default(),
        times.get(times.len() / 2).copied().unwrap_or_default(),
        times.last().copied().unwrap_or_default(),
    );
    Ok(())
}
