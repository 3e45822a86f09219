//! Command line: `myvoice serve [--demo] [--bind ADDR] [pool flags]`, `myvoice migrate`,
//! `myvoice authority create|list`, `myvoice export-schema`, `myvoice import`,
//! `myvoice retention run [--dry-run]`, `myvoice make-audio`.
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
    /// Set up local authorities: create one with its first admin, or list them.
    #[command(subcommand)]
    Authority(AuthorityCommand),
    /// Print the GraphQL schema (SDL) to standard output.
    ExportSchema,
    /// Load an authority's staff, children and meetings from CSV files (see the README for the
    /// columns). Every bad row is listed; nothing is written while there is one. Safe to run again.
    Import(crate::import::cli::ImportArgs),
    /// Remove what each authority's retention periods say is due (the server does this daily).
    #[command(subcommand)]
    Retention(crate::data_protection::cli::RetentionCommand),
    /// Make the read-aloud clips of the child's and family's pages (every fixed text, every
    /// language) with espeak-ng and opusenc; clips already made are reused.
    #[cfg(feature = "pages")]
    MakeAudio(crate::read_aloud::MakeAudioArgs),
}

#[derive(Debug, Subcommand)]
pub enum AuthorityCommand {
    /// Bring the database up to date, create a local authority and its first admin, and print a
    /// one-time link (valid 72 hours) for the admin to set their password.
    Create(CreateAuthorityArgs),
    /// List every local authority: name, short name and how many active admins it has.
    List(DatabaseArgs),
}

#[derive(Debug, Args)]
pub struct CreateAuthorityArgs {
    #[command(flatten)]
    pub database: DatabaseArgs,
    /// The local authority's name, e.g. "Somerset Council". Its short name is made from it.
    #[arg(long)]
    pub name: String,
    /// The first admin's e-mail address: they sign in with it.
    #[arg(long)]
    pub admin_email: String,
    /// The first admin's full name.
    #[arg(long, default_value = "Administrator")]
    pub admin_name: String,
    /// The address people type to reach myvoice; the link starts with it.
    #[arg(
        long,
        env = "MYVOICE_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,
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
    #[command(flatten)]
    pub notify: crate::notify::settings::NotifyArgs,
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
    /// A refusal the operator can act on (a duplicate name, a bad e-mail address).
    #[error("{0}")]
    Refused(String),
    #[cfg(feature = "pages")]
    #[error(transparent)]
    Audio(#[from] crate::read_aloud::AudioError),
}

impl From<crate::error::ApiError> for CliError {
    fn from(error: crate::error::ApiError) -> Self {
        match error {
            // The operator's own terminal: the detail helps and reaches nobody else.
            crate::error::ApiError::Internal(detail) => Self::Refused(detail),
            other => Self::Refused(other.message()),
        }
    }
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
            let notify = args
                .notify
                .settings(args.demo)
                .map_err(ConfigError::Notify)?;
            let settings = Settings {
                database_url,
                bind: args.bind,
                jwt_secret,
                demo: args.demo,
                site_dir: args.site_dir,
                public_url,
                metrics_token,
                notify,
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
        Command::Authority(command) => authority(command).await?,
        Command::ExportSchema => print!("{}", crate::graphql::build_schema_sdl()),
        Command::Import(args) => crate::import::cli::run(args).await?,
        Command::Retention(command) => crate::data_protection::cli::run(command).await?,
        #[cfg(feature = "pages")]
        Command::MakeAudio(args) => tokio::task::spawn_blocking(|| crate::read_aloud::run(args))
            .await
            .map_err(|_| crate::read_aloud::AudioError::Stopped)??,
    }
    Ok(())
}

async fn authority(command: AuthorityCommand) -> Result<(), CliError> {
    use crate::authorities::{self, AuthorityName};
    match command {
        AuthorityCommand::Create(args) => {
            // Checked before the database is touched, so a typo creates nothing.
            let public_url = PublicUrl::parse(&args.public_url)?;
            let name = AuthorityName::parse(&args.name)?;
            let email = crate::admin::staff::Email::parse(&args.admin_email)?;
            let admin_name =
                crate::text::required("adminName", &args.admin_name, crate::text::SHORT)?;
            let db = migrated(&args.database).await?;
            let created = authorities::create(&db, name, admin_name, email).await?;
            println!(
                "Created {} (short name: {}) with its first admin, {}.",
                created.authority.name, created.authority.slug, created.admin.email
            );
            println!(
                "Send this link to {} only. It works once, until {} (UTC), to set their password:",
                created.admin.email,
                created.link.expires_at.format("%Y-%m-%d %H:%M")
            );
            println!("{}", created.link.url(public_url.origin()));
        }
        AuthorityCommand::List(args) => {
            let db = migrated(&args).await?;
            let all = authorities::list(&db).await?;
            if all.is_empty() {
                println!("No local authorities yet. Create one with `myvoice authority create`.");
            }
            for a in all {
                println!(
                    "{}\t{}\t{} active admin(s)",
                    a.name, a.slug, a.active_admins
                );
            }
        }
    }
    Ok(())
}

/// Open the database and bring it up to date, as `myvoice migrate` does.
pub(crate) async fn migrated(args: &DatabaseArgs) -> Result<sea_orm::DatabaseConnection, CliError> {
    let database_url = DatabaseUrl::resolve(args.database_url.as_deref())?;
    let db = crate::db::connect(&database_url).await?;
    crate::db::migrate(&db).await?;
    Ok(db)
}
