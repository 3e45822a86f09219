//! Opening the database and bringing its schema up to date.
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::{SqliteJournalMode, SqliteSynchronous};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbErr};

use crate::config::{DatabaseUrl, Engine};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(
        "cannot open the database {url}: {cause}. Check that it is running and that MYVOICE_DATABASE_URL is right"
    )]
    Connect { url: DatabaseUrl, cause: String },
    #[error("migrating the database failed, nothing was changed by the failing step: {0}")]
    Migrate(String),
}

/// Open a pool. SQLite runs in WAL mode with full fsync: a view a child was told is saved must survive a crash.
pub async fn connect(url: &DatabaseUrl) -> Result<DatabaseConnection, DbError> {
    let mut options = ConnectOptions::new(url.expose().to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(Duration::from_secs(5))
        .sqlx_logging(false);
    match url.engine() {
        Engine::Sqlite => {
            options.max_connections(8).map_sqlx_sqlite_opts(|o| {
                o.journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(5))
            });
        }
        Engine::Postgres => {
            options.max_connections(16);
        }
    }
    let connect_error = |e: DbErr| DbError::Connect {
        url: url.clone(),
        cause: short_cause(&e),
    };
    let db = Database::connect(options).await.map_err(connect_error)?;
    // The pool connects lazily on some engines: prove it now, not on the first request.
    db.ping().await.map_err(connect_error)?;
    Ok(db)
}

pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbError> {
    Migrator::up(db, None)
        .await
        .map_err(|e| DbError::Migrate(short_cause(&e)))
}

/// True when the database answers a trivial query.
pub async fn is_ready(db: &DatabaseConnection) -> bool {
    db.execute_unprepared("SELECT 1").await.is_ok()
}

/// The innermost cause on one line, without sea-orm's wrapper names.
fn short_cause(error: &DbErr) -> String {
    let text = error.to_string();
    let text = text
        .rsplit("error returned from database: ")
        .next()
        .unwrap_or(&text);
    text.lines().next().unwrap_or_default().trim().to_owned()
}
