//! One benchmark run, start to end: a fresh database, the real migrations, the dataset, the two
//! servers, the scenarios in order (reads first, then the writes with their pools), the report.
use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context, ensure};
use api::auth::TokenIssuer;
use api::config::JwtSecret;
use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};
use serde_json::Value;

use crate::dataset::{self, Dataset, Layout};
use crate::load::{Outcome, Plan, drive, http_client};
use crate::report::{Machine, Measurement, RunReport};
use crate::server::{self, Target};
use crate::{pools, scenarios};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Options {
    pub engine: Engine,
    pub children: usize,
    pub clients: usize,
    pub seconds: f64,
    pub warmup: f64,
    pub out: Option<PathBuf>,
    /// PostgreSQL server to create the benchmark database on (its database name is replaced).
    pub pg_url: String,
    /// Where the SQLite file goes.
    pub work_dir: PathBuf,
    /// Keep the database afterwards.
    pub keep: bool,
    /// The write scenarios get this many pieces of work per second of running, so they never run dry
    /// below this rate.
    pub max_write_rate: usize,
    pub myvoice: Option<PathBuf>,
    /// Which scenarios to run (all when empty).
    pub scenarios: Vec<Scenario>,
}

/// What a run can measure; the caseload always runs on both servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scenario {
    Caseload,
    SubmitViews,
    CreateReferral,
}

impl Options {
    fn runs(&self, scenario: Scenario) -> bool {
        self.scenarios.is_empty() || self.scenarios.contains(&scenario)
    }
}

/// How many children sign in through `childSignIn` (the rest get tokens minted with the key).
const SIGNED_IN_CHILDREN: usize = 10;

pub async fn run(o: Options) -> anyhow::Result<RunReport> {
    ensure!(
        (o.clients..=1_000_000).contains(&o.children),
        "--children must be between --clients ({}) and 1,000,000",
        o.clients
    );
    ensure!(
        o.clients > 0 && o.seconds > 0.0,
        "--clients and --seconds must be above 0"
    );
    let bin = match &o.myvoice {
        Some(bin) => bin.clone(),
        None => server::myvoice_next_to_me()?,
    };
    let secret: String = rand::random::<[u8; 32]>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let tokens = TokenIssuer::new(&JwtSecret::parse(&secret)?);
    let (url, drop_after) = fresh_database(&o).await?;
    eprintln!("database: {url}");
    let db = connect_for_loading(&url).await?;
    Migrator::up(&db, None)
        .await
        .context("running the migrations")?;
    eprintln!("generating {} children", o.children);
    let data = dataset::generate(&db, o.children).await?;
    eprintln!("dataset: {} rows in {:.1} s", data.rows, data.seconds);
    if o.engine == Engine::Postgres {
        // What autovacuum would have done by the time a real database held this much.
        db.execute_unprepared("ANALYZE").await?;
    }

    let http = http_client(o.clients + 4);
    std::fs::create_dir_all(&o.work_dir)?;
    let log = |name: &str| {
        o.work_dir
            .join(format!("{name}-{}-{}.log", o.engine.as_str(), o.children))
    };
    let myvoice = server::start_myvoice(&bin, &url, &secret, &http, &log("myvoice")).await?;
    let baseline = server::start_baseline(&url, &secret, &http, &log("baseline")).await?;
    eprintln!("server logs: {}", log("*").display());
    let load_before = crate::report::load_average();
    eprintln!("load average: {load_before}");
    let result = scenarios_in_order(
        &o,
        &db,
        &data,
        &tokens,
        &http,
        &myvoice.target(),
        &baseline.target(),
    )
    .await;
    myvoice.stop().await;
    baseline.stop().await;
    let _ = db.close().await;
    if !o.keep {
        drop_after.remove().await;
    }
    let measurements = result?;
    let report = RunReport {
        date: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        engine: o.engine.as_str().into(),
        children: o.children,
        clients: o.clients,
        seconds_per_scenario: o.seconds,
        server_build: server::profile_of(&bin),
        dataset_rows: data.rows,
        dataset_seconds: data.seconds,
        machine: Machine::this_one(),
        load_before,
        measurements,
    };
    if let Some(out) = &o.out {
        let summary = crate::report::write(&report, out)?;
        eprintln!("wrote {} and {}", out.display(), summary.display());
    }
    Ok(report)
}

async fn scenarios_in_order(
    o: &Options,
    db: &DatabaseConnection,
    data: &Dataset,
    tokens: &TokenIssuer,
    http: &reqwest::Client,
    myvoice: &Target,
    baseline: &Target,
) -> anyhow::Result<Vec<Measurement>> {
    let l = &data.layout;
    let (seconds, warmup) = (secs(o.seconds), secs(o.warmup));
    same_caseload(http, tokens, l, myvoice, baseline).await?;
    let mut out = Vec::new();

    if o.runs(Scenario::Caseload) {
        let plan = scenarios::caseload(tokens, l, o.clients)?;
        for target in [myvoice, baseline] {
            eprintln!("caseload on {} ({} clients)", target.name, o.clients);
            out.push(measure("caseload", target, http, &plan, warmup, seconds).await?);
        }
    }

    let per_client =
        (o.max_write_rate as f64 * (o.seconds + o.warmup) / o.clients as f64).ceil() as usize + 1;
    if o.runs(Scenario::SubmitViews) {
        out.push(submit_views(o, db, l, tokens, http, myvoice, per_client).await?);
    }
    if o.runs(Scenario::CreateReferral) {
        eprintln!("adding {} meetings to refer", per_client * o.clients);
        let pool = pools::referrable(db, l, o.clients, per_client).await?;
        let plan = scenarios::referrals(tokens, l, &pool)?;
        eprintln!("createReferral on myvoice");
        out.push(measure("createReferral", myvoice, http, &plan, warmup, seconds).await?);
    }
    Ok(out)
}

async fn submit_views(
    o: &Options,
    db: &DatabaseConnection,
    l: &Layout,
    tokens: &TokenIssuer,
    http: &reqwest::Client,
    myvoice: &Target,
    per_client: usize,
) -> anyhow::Result<Measurement> {
    eprintln!("adding {} drafts to submit", per_client * o.clients);
    let pool = pools::drafts(db, l, o.clients, per_client).await?;
    let first_children: Vec<usize> = pool
        .iter()
        .take(SIGNED_IN_CHILDREN)
        .filter_map(|items| items.first().map(|it| it.child))
        .collect();
    let graphql = format!("{}/graphql", myvoice.base);
    let signed_in = scenarios::sign_in_children(db, http, &graphql, l, &first_children).await?;
    let plan = scenarios::submit(tokens, l, &pool, &signed_in)?;
    eprintln!("submitViews on myvoice");
    let (seconds, warmup) = (secs(o.seconds), secs(o.warmup));
    measure("submitViews", myvoice, http, &plan, warmup, seconds).await
}

fn secs(s: f64) -> Duration {
    Duration::from_secs_f64(s.max(0.0))
}

/// Warm up, then drive `plan` for `seconds` and read the statement counter and memory around it.
pub async fn measure(
    scenario: &str,
    target: &Target,
    http: &reqwest::Client,
    plan: &Plan,
    warmup: Duration,
    seconds: Duration,
) -> anyhow::Result<Measurement> {
    let url = format!("{}/graphql", target.base);
    let mut notes = Vec::new();
    if !warmup.is_zero() {
        let warm = drive(http, &url, plan, warmup).await;
        if let Some(error) = warm.first_error {
            notes.push(format!("{} errors while warming up", warm.errors));
            eprintln!("  warming up: {} errors, the first: {error}", warm.errors);
        }
    }
    let before = server::statements(http, target).await?;
    let outcome = drive(http, &url, plan, seconds).await;
    let after = server::statements(http, target).await?;
    let statements = after.saturating_sub(before);
    Ok(measurement(scenario, target, &outcome, statements, notes))
}

fn measurement(
    scenario: &str,
    target: &Target,
    outcome: &Outcome,
    statements: u64,
    mut notes: Vec<String>,
) -> Measurement {
    if outcome.ran_dry {
        notes.push(
            "a client used up its prepared work before the time was up (raise --max-write-rate)"
                .to_owned(),
        );
    }
    if let Some(error) = &outcome.first_error {
        notes.push(format!("first error: {error}"));
    }
    Measurement {
        scenario: scenario.into(),
        server: target.name.into(),
        seconds: outcome.elapsed.as_secs_f64(),
        requests: outcome.requests,
        errors: outcome.errors,
        per_second: outcome.per_second(),
        p50_ms: outcome.percentile_ms(0.50),
        p95_ms: outcome.percentile_ms(0.95),
        p99_ms: outcome.percentile_ms(0.99),
        statements_per_request: (outcome.requests > 0)
            .then(|| statements as f64 / outcome.requests as f64),
        rss_mib: target.rss_mib(),
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// The baseline must answer exactly what GraphQL answers, or the ratio means nothing.
pub async fn same_caseload(
    http: &reqwest::Client,
    tokens: &TokenIssuer,
    l: &Layout,
    myvoice: &Target,
    baseline: &Target,
) -> anyhow::Result<Value> {
    let token = scenarios::advocate_token(tokens, l, 0)?;
    let mut answers = Vec::new();
    for target in [myvoice, baseline] {
        let answer: Value = http
            .post(format!("{}/graphql", target.base))
            .bearer_auth(&token)
            .header("content-type", "application/json")
            .body(scenarios::caseload_body())
            .send()
            .await?
            .json()
            .await?;
        answers.push(answer);
    }
    let edges = answers[0]["data"]["myCaseload"]["edges"]
        .as_array()
        .map_or(0, Vec::len);
    ensure!(
        edges > 0 && answers[0] == answers[1],
        "the baseline's caseload differs from GraphQL's:\n{}\n{}",
        answers[0],
        answers[1]
    );
    Ok(answers.swap_remove(0))
}

/// A database to remove at the end.
enum Fresh {
    File(PathBuf),
    Postgres { admin: String, name: String },
}

impl Fresh {
    async fn remove(self) {
        match self {
            Self::File(path) => {
                for suffix in ["", "-wal", "-shm"] {
                    let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
                }
            }
            Self::Postgres { admin, name } => {
                if let Ok(db) = Database::connect(quiet(&admin)).await {
                    let _ = db
                        .execute_unprepared(&format!(
                            "DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"
                        ))
                        .await;
                    let _ = db.close().await;
                }
            }
        }
    }
}

fn quiet(url: &str) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false).max_connections(2);
    options
}

async fn fresh_database(o: &Options) -> anyhow::Result<(String, Fresh)> {
    match o.engine {
        Engine::Sqlite => {
            std::fs::create_dir_all(&o.work_dir)?;
            let path = o.work_dir.join(format!("bench-{}.db", o.children));
            Fresh::File(path.clone()).remove().await;
            Ok((
                format!("sqlite://{}?mode=rwc", path.display()),
                Fresh::File(path),
            ))
        }
        Engine::Postgres => {
            let name = format!("myvoice_bench_{}", o.children);
            let admin = Database::connect(quiet(&o.pg_url))
                .await
                .with_context(|| format!("cannot reach PostgreSQL at {}", o.pg_url))?;
            admin
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .await?;
            admin
                .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                .await?;
            let _ = admin.close().await;
            let fresh = Fresh::Postgres {
                admin: o.pg_url.clone(),
                name: name.clone(),
            };
            Ok((with_database(&o.pg_url, &name), fresh))
        }
    }
}

/// The loader's own connection. SQLite: WAL like the server, but without waiting for the disk on
/// every commit (a failed load is simply run again).
pub async fn connect_for_loading(url: &str) -> anyhow::Result<DatabaseConnection> {
    let mut options = quiet(url);
    options.map_sqlx_sqlite_opts(|o| {
        o.journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Off)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(30))
    });
    Ok(Database::connect(options).await?)
}

/// `postgres://u@h:5432/postgres?x=y` → `postgres://u@h:5432/<name>?x=y`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let authority = base.find("://").map_or(0, |i| i + 3);
    let path = base[authority..]
        .find('/')
        .map_or(base.len(), |i| authority + i);
    let mut out = format!("{}/{name}", &base[..path]);
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}
