//! Opening the database and bringing its schema up to date.
use std::time::Duration;

use migration::{Migrator, MigratorTrait};
use sea_orm::sea_query::{Expr, SelectStatement};
use sea_orm::sqlx::sqlite::SqliteSynchronous;
use sea_orm::{
    ColumnTrait, ConnectOptions, ConnectionTrait, Database, DatabaseConnection,
    DatabaseTransaction, DbBackend, DbErr, SqliteTransactionMode, TransactionOptions,
    TransactionTrait,
};

use crate::config::{DatabaseUrl, Engine};

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error(
        "cannot open the database {url}: {cause}. Check that it is running and that MYVOICE_DATABASE_URL is right"
    )]
    Connect { url: DatabaseUrl, cause: String },
    #[error("migrating the database failed, nothing was changed: {0}")]
    Migrate(String),
}

/// How many connections an instance keeps, and how long a request waits for one before the
/// server answers 503 (see `ApiError::Unavailable`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PoolSettings {
    /// `None`: the engine's default, [`SQLITE_POOL_SIZE`] or [`POSTGRES_POOL_SIZE`].
    pub max_connections: Option<u32>,
    pub acquire_timeout: Duration,
}

pub const SQLITE_POOL_SIZE: u32 = 8;
pub const POSTGRES_POOL_SIZE: u32 = 16;
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

impl Default for PoolSettings {
    fn default() -> Self {
        Self {
            max_connections: None,
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
        }
    }
}

/// Open a pool with the default settings.
pub async fn connect(url: &DatabaseUrl) -> Result<DatabaseConnection, DbError> {
    connect_with(url, PoolSettings::default()).await
}

/// Open a pool. SQLite runs in WAL mode with full fsync on every connection: a view a child was
/// told is saved must survive a crash.
pub async fn connect_with(
    url: &DatabaseUrl,
    pool: PoolSettings,
) -> Result<DatabaseConnection, DbError> {
    if url.engine() == Engine::Sqlite {
        sqlite::ensure_wal(url).await?;
    }
    let mut options = ConnectOptions::new(url.expose().to_owned());
    options
        .connect_timeout(Duration::from_secs(5))
        .acquire_timeout(pool.acquire_timeout)
        .sqlx_logging(false);
    match url.engine() {
        Engine::Sqlite => {
            options
                .max_connections(pool.max_connections.unwrap_or(SQLITE_POOL_SIZE))
                // WAL is a property of the file, set once above: setting it on every new
                // connection needs a lock that cannot be waited for, so a second process on
                // the file (a `myvoice migrate`, another command) could fail to open it.
                .map_sqlx_sqlite_opts(|o| {
                    o.synchronous(SqliteSynchronous::Full)
                        .foreign_keys(true)
                        .busy_timeout(Duration::from_secs(5))
                });
        }
        Engine::Postgres => {
            options.max_connections(pool.max_connections.unwrap_or(POSTGRES_POOL_SIZE));
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

mod sqlite;

/// Any 64-bit number, the same in every instance: the advisory lock that serialises migrations.
const MIGRATION_LOCK: i64 = 0x6d79_766f_6963_6501;

/// Apply pending migrations in one transaction, one instance at a time: instances starting together
/// on an empty database wait for the first rather than race it, and a failure leaves no step behind.
/// PostgreSQL: a transaction-scoped advisory lock; SQLite: a write (`IMMEDIATE`) transaction, which
/// SQLite grants to one connection at a time.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbError> {
    migrate_locked(db)
        .await
        .map_err(|e| DbError::Migrate(short_cause(&e)))
}

async fn migrate_locked(db: &DatabaseConnection) -> Result<(), DbErr> {
    let txn = match db.get_database_backend() {
        DbBackend::Postgres => {
            let txn = db.begin().await?;
            txn.execute_unprepared(&format!("SELECT pg_advisory_xact_lock({MIGRATION_LOCK})"))
                .await?;
            txn
        }
        _ => begin_write(db).await?,
    };
    Migrator::up(&txn, None).await?;
    txn.commit().await
}

/// A transaction that will write. On SQLite it takes the write lock at BEGIN (`IMMEDIATE`): a
/// transaction that read first and then wants to write while another connection writes is refused
/// at once (SQLITE_BUSY, no waiting); taking the lock up front makes it wait its turn instead.
/// PostgreSQL ignores the option.
pub async fn begin_write(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
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

/// Select `columns` as `<prefix><column>`, beside a joined entity's own columns, to read them back
/// with `FromQueryResult::from_query_result(row, prefix)`.
pub fn prefixed<C: ColumnTrait>(
    select: &mut SelectStatement,
    columns: impl IntoIterator<Item = C>,
    prefix: &str,
) {
    for column in columns {
        select.expr_as(
            Expr::col((column.entity_name(), column)),
            format!("{prefix}{}", column.as_str()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The durability settings are per connection in SQLite: every connection the pool hands
    /// out, not only the first, must have them.
    #[tokio::test]
    async fn every_pooled_sqlite_connection_is_wal_with_full_sync() {
        use sea_orm::sqlx::Row;
        let dir = std::env::temp_dir().join(format!("myvoice-db-pragmas-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = DatabaseUrl::parse(&format!("sqlite://{}?mode=rwc", dir.join("x.db").display()))
            .unwrap();
        let db = connect(&url).await.unwrap();
        let pool = db.get_sqlite_connection_pool();
        // Hold every connection at once, so the pool must open all of them.
        let mut held = Vec::new();
        for _ in 0..SQLITE_POOL_SIZE {
            held.push(pool.acquire().await.unwrap());
        }
        for conn in &mut held {
            let mode: String = sea_orm::sqlx::query("PRAGMA journal_mode")
                .fetch_one(&mut **conn)
                .await
                .unwrap()
                .get(0);
            let sync: i64 = sea_orm::sqlx::query("PRAGMA synchronous")
                .fetch_one(&mut **conn)
                .await
                .unwrap()
                .get(0);
            let foreign_keys: i64 = sea_orm::sqlx::query("PRAGMA foreign_keys")
                .fetch_one(&mut **conn)
                .await
                .unwrap()
                .get(0);
            assert_eq!(mode, "wal");
            assert_eq!(sync, 2, "synchronous = FULL");
            assert_eq!(foreign_keys, 1);
        }
        drop(held);
        db.close().await.unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
