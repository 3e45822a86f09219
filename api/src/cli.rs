//! Command line: `myvoice serve [--demo] [--bind ADDR] [pool flags]`, `myvoice migrate`,
//! `myvoice export-schema`.
use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Parser, Subcommand};

use crate::config::{ConfigError, DatabaseUrl, JwtSecret, MetricsToken, Mode, PublicUrl, Settings};
use crate::db::PoolSettings;
use crate::startup::{Application, StartupError};

#[derive(Debug, Parser)]
#[command(
    name = "myvoice",
    version,
    about = "Children's views, heard before the meetings about their lives"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run migrations, then serve the API and the pages.
    Serve(ServeArgs),
    /// Bring the database schema up to date, then exit.
    Migrate(DatabaseArgs),
    /// Print the GraphQL schema (SDL) to standard output.
    ExportSchema,
}

#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// Database URL: `sqlite://path/to/file.db` or `postgres://user@host/db`.
    /// Default: an embedded SQLite file under ./data/.
    #[arg(long, env = "MYVOICE_DATABASE_URL")]
    pub database_url: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// Address to listen on.
    #[arg(long, env = "MYVOICE_BIND", default_value = "127.0.0.1:3000")]
    pub bind: SocketAddr,
    /// Seed demo data (idempotent) and run in development mode.
    #[arg(long)]
    pub demo: bool,
    /// Development mode without demo data: a JWT secret is generated under ./data/ when none is set.
    #[arg(long)]
    pub dev: bool,
    /// Secret for signing tokens (at least 32 bytes). Required unless --demo or --dev.
    #[arg(long, env = "MYVOICE_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<String>,
    /// Folder with the built browser bundle (`pkg/`).
    #[arg(long, env = "MYVOICE_SITE_DIR", default_value = "target/site")]
    pub site_dir: std::path::PathBuf,
    /// The address people type to reach myvoice, e.g. `https://myvoice.example.gov.uk` behind a
    /// TLS proxy: with https, every cookie is Secure; its origin is accepted on form posts.
    #[arg(long, env = "MYVOICE_PUBLIC_URL")]
    pub public_url: Option<String>,
    /// Bearer token `GET /metrics` asks for (at least 32 bytes). Unset: /metrics is not served.
    #[arg(long, env = "MYVOICE_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<String>,
    #[command(flatten)]
    pub pool: PoolArgs,
}

#[derive(Debug, Args)]
pub struct PoolArgs {
    /// Database connections this instance keeps open. Default: 8 on SQLite, 16 on PostgreSQL.
    /// With several instances, keep instances × (this + 2) under PostgreSQL's max_connections.
    #[arg(
        long,
        env = "MYVOICE_DB_POOL_SIZE",
        value_parser = clap::value_parser!(u32).range(1..)
    )]
    pub db_pool_size: Option<u32>,
    /// How long a request waits for a free database connection, in milliseconds, before the
    /// server answers 503 with Retry-After.
    #[arg(
        long,
        env = "MYVOICE_DB_ACQUIRE_TIMEOUT_MS",
        default_value_t = 5000,
        value_parser = clap::value_parser!(u64).range(1..)
    )]
    pub db_acquire_timeout_ms: u64,
}

impl PoolArgs {
    pub fn settings(&self) -> PoolSettings {
        PoolSettings {
            max_connections: self.db_pool_size,
            acquire_timeout: Duration::from_millis(self.db_acquire_timeout_ms),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(transparent)]
    Startup(#[from] StartupError),
    #[error(transparent)]
    Database(#[from] crate::db::DbError),
}

pub async fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Serve(args) => {
            let mode = if args.demo || args.dev {
                Mode::Development
            } else {
                Mode::Production
            };
            // Settings that cannot create anything are checked first, so a typo stops the start
            // before a database file or a development secret is made.
            let public_url = args
                .public_url
                .as_deref()
                .filter(|raw| !raw.trim().is_empty())
                .map(PublicUrl::parse)
                .transpose()?;
            let metrics_token = MetricsToken::resolve(args.metrics_token.as_deref())?;
            let database_url = DatabaseUrl::resolve(args.database.database_url.as_deref())?;
            let jwt_secret = JwtSecret::resolve(args.jwt_secret.as_deref(), mode, &database_url)?;
            let settings = Settings {
                database_url,
                bind: args.bind,
                jwt_secret,
                demo: args.demo,
                site_dir: args.site_dir,
                public_url,
                metrics_token,
            };
            let app = Application::build_with_pool(settings, args.pool.settings()).await?;
            app.announce();
            app.run_until_stopped().await?;
        }
        Command::Migrate(args) => {
            let database_url = DatabaseUrl::resolve(args.database_url.as_deref())?;
            let db = crate::db::connect(&database_url).await?;
            crate::db::migrate(&db).await?;
            println!("Database is up to date.");
        }
        Command::ExportSchema => print!("{}", crate::graphql::build_schema_sdl()),
    }
    Ok(())
}
