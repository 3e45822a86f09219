//! A fresh, uniquely named database per test, on the engine `MYVOICE_TEST_ENGINE` picks, removed
//! again when the test ends.
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use migration::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, ConnectionTrait, Database, DatabaseConnection};

const DEFAULT_PG_URL: &str = "postgres://postgres@127.0.0.1:5432/postgres";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Sqlite,
    Postgres,
}

impl Engine {
    /// `MYVOICE_TEST_ENGINE` = `sqlite` (the default) | `postgres`.
    pub fn from_env() -> Engine {
        match std::env::var("MYVOICE_TEST_ENGINE")
            .unwrap_or_default()
            .trim()
        {
            "" | "sqlite" => Engine::Sqlite,
            "postgres" | "postgresql" => Engine::Postgres,
            other => panic!("MYVOICE_TEST_ENGINE must be sqlite or postgres, not {other:?}"),
        }
    }
}

/// What to remove when the test is over.
enum Place {
    Dir(PathBuf),
    Database { admin_url: String, name: String },
}

pub struct TestDb {
    pub url: String,
    pub engine: Engine,
    place: Place,
}

impl TestDb {
    /// Fresh, empty database for one test; engine from env MYVOICE_TEST_ENGINE = sqlite (default) | postgres.
    /// SQLite: a new file in a unique temp dir (`sqlite://…?mode=rwc`). PostgreSQL: `CREATE DATABASE
    /// myvoice_test_<unique>` on MYVOICE_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/postgres),
    /// url points at it.
    pub async fn fresh() -> TestDb {
        let engine = Engine::from_env();
        match engine {
            Engine::Sqlite => {
                let dir = std::env::temp_dir().join(format!("myvoice-test-{}", unique_suffix()));
                std::fs::create_dir_all(&dir).expect("create the test database directory");
                let url = format!("sqlite://{}?mode=rwc", dir.join("myvoice.db").display());
                TestDb {
                    url,
                    engine,
                    place: Place::Dir(dir),
                }
            }
            Engine::Postgres => {
                let admin_url = std::env::var("MYVOICE_TEST_PG_URL")
                    .ok()
                    .filter(|url| !url.trim().is_empty())
                    .unwrap_or_else(|| DEFAULT_PG_URL.to_owned());
                let name = format!("myvoice_test_{}", unique_suffix());
                let admin = connect_quietly(&admin_url)
                    .await
                    .unwrap_or_else(|e| panic!("cannot reach PostgreSQL at {admin_url}: {e}"));
                admin
                    .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
                    .await
                    .unwrap_or_else(|e| panic!("CREATE DATABASE {name}: {e}"));
                let _ = admin.close().await;
                let url = with_database(&admin_url, &name);
                TestDb {
                    url,
                    engine,
                    place: Place::Database { admin_url, name },
                }
            }
        }
    }

    pub async fn connect(&self) -> DatabaseConnection {
        connect_quietly(&self.url)
            .await
            .unwrap_or_else(|e| panic!("connect to the test database {}: {e}", self.url))
    }

    /// fresh() + all migrations applied, returns the connection too.
    pub async fn migrated() -> (TestDb, DatabaseConnection) {
        let test_db = TestDb::fresh().await;
        let db = test_db.connect().await;
        Migrator::up(&db, None)
            .await
            .expect("migrations apply to a fresh database");
        (test_db, db)
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        match &self.place {
            Place::Dir(dir) => {
                let _ = std::fs::remove_dir_all(dir);
            }
            Place::Database { admin_url, name } => {
                let (admin_url, name) = (admin_url.clone(), name.clone());
                // Drop usually runs inside the test's runtime, where blocking on a runtime panics:
                // a plain thread with its own small runtime may block.
                let dropper = std::thread::spawn(move || {
                    let Ok(runtime) = tokio::runtime::Builder::new_current_thread()
                        .enable_all()
                        .build()
                    else {
                        return;
                    };
                    runtime.block_on(async move {
                        if let Ok(admin) = connect_quietly(&admin_url).await {
                            let sql = format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                            let _ = admin.execute_unprepared(&sql).await;
                            let _ = admin.close().await;
                        }
                    });
                });
                let _ = dropper.join();
            }
        }
    }
}

/// Statement logging off: a failing test should show its assertion, not every query. sea-orm
/// gives SQLite a single-connection pool unless told otherwise; the app runs several, and so do
/// the tests, so per-connection settings (foreign keys) are exercised as they are in production.
async fn connect_quietly(url: &str) -> Result<DatabaseConnection, sea_orm::DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false).max_connections(4);
    Database::connect(options).await
}

/// Unique across parallel tests (counter), test binaries (pid) and reruns (clock).
fn unique_suffix() -> String {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or_default();
    format!("{}_{n}_{nanos}", std::process::id())
}

/// The same server URL with another database name: `postgres://u@h:5432/postgres?x=y` →
/// `postgres://u@h:5432/<name>?x=y`.
fn with_database(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((base, query)) => (base, Some(query)),
        None => (url, None),
    };
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

#[cfg(test)]
mod unit {
    use super::with_database;

    #[test]
    fn with_database_replaces_only_the_database_name() {
        assert_eq!(
            with_database("postgres://postgres@127.0.0.1:5432/postgres", "t1"),
            "postgres://postgres@127.0.0.1:5432/t1"
        );
        assert_eq!(with_database("postgres://h", "t1"), "postgres://h/t1");
        assert_eq!(
            with_database("postgres://u:p@h/db?sslmode=disable", "t1"),
            "postgres://u:p@h/t1?sslmode=disable"
        );
    }
}
