//! The `myvoice-bench` binary: parse the command line, run the benchmark, print the table.
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use myvoice_bench::run::{Engine, Options, Scenario, run};

// The same allocator as `myvoice`, so the baseline (served by this binary) differs from the server
// only in its code.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Debug, Parser)]
#[command(
    name = "myvoice-bench",
    about = "Benchmark myvoice over HTTP on a generated dataset, against a hand-written SQL baseline",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Rebuild the summary `<folder>.md` from the runs kept in a folder (after editing its NOTES.md).
    Summarize {
        #[arg(long, default_value = "docs/benchmarks")]
        out: PathBuf,
    },
    /// Serve the hand-written caseload baseline (started by the benchmark itself).
    #[command(hide = true)]
    ServeBaseline {
        #[arg(long)]
        bind: SocketAddr,
        #[arg(long, env = "MYVOICE_DATABASE_URL")]
        database_url: String,
        #[arg(long, env = "MYVOICE_JWT_SECRET", hide_env_values = true)]
        jwt_secret: String,
    },
}

#[derive(Debug, Args)]
struct RunArgs {
    /// Database engine.
    #[arg(long, value_enum, default_value = "sqlite")]
    engine: Engine,
    /// Children in the generated dataset (advocates get 50 open cases each).
    #[arg(long, default_value_t = 1_000)]
    children: usize,
    /// Concurrent clients, each sending its next request when the last one is answered.
    #[arg(long, default_value_t = 64)]
    clients: usize,
    /// Seconds each scenario is measured for.
    #[arg(long, default_value_t = 10.0)]
    seconds: f64,
    /// Seconds each scenario runs first, unmeasured.
    #[arg(long, default_value_t = 2.0)]
    warmup: f64,
    /// Folder for `<engine>-<children>.json` and `.md`; the summary `<folder>.md` is rebuilt from it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// PostgreSQL server on which the database `myvoice_bench_<children>` is created afresh.
    #[arg(
        long,
        env = "MYVOICE_BENCH_PG_URL",
        default_value = "postgres://postgres@127.0.0.1:5432/postgres"
    )]
    pg_url: String,
    /// Folder for the SQLite database file.
    #[arg(long, default_value_os_t = std::env::temp_dir().join("myvoice-bench"))]
    work_dir: PathBuf,
    /// Keep the generated database afterwards.
    #[arg(long)]
    keep: bool,
    /// Pieces of prepared work per second for the write scenarios (more than the server can do).
    #[arg(long, default_value_t = 6_000)]
    max_write_rate: usize,
    /// The `myvoice` binary to measure (default: the one built next to this program).
    #[arg(long)]
    myvoice: Option<PathBuf>,
    /// Only these scenarios (comma-separated; default: all).
    #[arg(long, value_enum, value_delimiter = ',')]
    scenarios: Vec<Scenario>,
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::ServeBaseline {
            bind,
            database_url,
            jwt_secret,
        }) => serve_baseline(bind, &database_url, &jwt_secret).await,
        Some(Command::Summarize { out }) => myvoice_bench::report::summarize(&out).map(|summary| {
            eprintln!("wrote {}", summary.display());
        }),
        None => bench(cli.run).await,
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("myvoice-bench: {error:#}");
            ExitCode::FAILURE
        }
    }
}

async fn serve_baseline(bind: SocketAddr, url: &str, secret: &str) -> anyhow::Result<()> {
    let tokens = api::auth::TokenIssuer::new(&api::config::JwtSecret::parse(secret)?);
    myvoice_bench::baseline::serve(url, tokens, bind).await
}

async fn bench(a: RunArgs) -> anyhow::Result<()> {
    let report = run(Options {
        engine: a.engine,
        children: a.children,
        clients: a.clients,
        seconds: a.seconds,
        warmup: a.warmup,
        out: a.out,
        pg_url: a.pg_url,
        work_dir: a.work_dir,
        keep: a.keep,
        max_write_rate: a.max_write_rate,
        myvoice: a.myvoice,
        scenarios: a.scenarios,
    })
    .await?;
    println!("\n{}\n\n{}", report.title(), report.table());
    Ok(())
}
