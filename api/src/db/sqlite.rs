//! Opening a SQLite file that another process may hold for a moment: a second `myvoice serve`
//! starting at the same time, a `myvoice migrate`, an admin command run beside the server.
//!
//! Most waits are SQLite's own (`busy_timeout`), but two are not: switching a file to WAL needs an
//! exclusive lock that SQLite will not wait for, and a connection that meets another mid-recovery
//! is refused at once. Those are retried here, within a bound, and the journal mode is written
//! only when the file is not yet in WAL mode (after the first start it always is).
use std::str::FromStr;
use std::time::Duration;

use sea_orm::sqlx::sqlite::{SqliteConnectOptions, SqliteConnection};
use sea_orm::sqlx::{self, Connection};
use tokio::time::{Instant, sleep};

use super::DbError;
use crate::config::DatabaseUrl;

/// How long opening may wait for another process before it gives up and says so.
const OPEN_WAIT: Duration = Duration::from_secs(30);
const FIRST_PAUSE: Duration = Duration::from_millis(10);
const LONGEST_PAUSE: Duration = Duration::from_millis(500);

/// Put the file in WAL mode unless it already is, waiting out a busy file for up to [`OPEN_WAIT`].
pub(super) async fn ensure_wal(url: &DatabaseUrl) -> Result<(), DbError> {
    let fail = |cause: String| DbError::Connect {
        url: url.clone(),
        cause,
    };
    let options = SqliteConnectOptions::from_str(url.expose())
        .map_err(|e| fail(e.to_string()))?
        .busy_timeout(Duration::from_secs(5));
    let deadline = Instant::now() + OPEN_WAIT;
    let mut pause = FIRST_PAUSE;
    loop {
        match try_wal(&options).await {
            Ok(()) => return Ok(()),
            Err(error) if is_busy(&error) && Instant::now() + pause < deadline => {
                sleep(pause).await;
                pause = (pause * 2).min(LONGEST_PAUSE);
            }
            Err(error) => return Err(fail(error.to_string())),
        }
    }
}

async fn try_wal(options: &SqliteConnectOptions) -> Result<(), sqlx::Error> {
    let mut conn = SqliteConnection::connect_with(options).await?;
    let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
        .fetch_one(&mut conn)
        .await?;
    if !mode.eq_ignore_ascii_case("wal") {
        let now: String = sqlx::query_scalar("PRAGMA journal_mode = WAL")
            .fetch_one(&mut conn)
            .await?;
        if !now.eq_ignore_ascii_case("wal") {
            // An in-memory database answers "memory": nothing to keep, nothing to protect.
            tracing::debug!(mode = %now, "SQLite database is not in WAL mode");
        }
    }
    conn.close().await
}

/// SQLITE_BUSY or SQLITE_LOCKED, with any extended code (BUSY_RECOVERY, BUSY_SNAPSHOT…).
fn is_busy(error: &sqlx::Error) -> bool {
    let sqlx::Error::Database(db) = error else {
        return false;
    };
    db.code()
        .and_then(|code| code.parse::<i32>().ok())
        .is_some_and(|code| matches!(code & 0xff, 5 | 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> (std::path::PathBuf, DatabaseUrl) {
        let dir = std::env::temp_dir().join(format!("myvoice-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let url = DatabaseUrl::parse(&format!("sqlite://{}?mode=rwc", dir.join("x.db").display()))
            .unwrap();
        (dir, url)
    }

    /// Another process is writing the file while it is first opened: switching it to WAL needs a
    /// lock SQLite answers "database is locked" for at once (no busy wait; seen without the
    /// retry), so opening retries until the writer is done.
    #[tokio::test]
    async fn opening_waits_while_another_connection_holds_the_file() {
        let (dir, url) = scratch("busy-open");
        let options = SqliteConnectOptions::from_str(url.expose()).unwrap();
        let mut holder = SqliteConnection::connect_with(&options).await.unwrap();
        sqlx::query("CREATE TABLE t (x INTEGER)")
            .execute(&mut holder)
            .await
            .unwrap();
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut holder)
            .await
            .unwrap();
        sqlx::query("INSERT INTO t VALUES (1)")
            .execute(&mut holder)
            .await
            .unwrap();
        let release = tokio::spawn(async move {
            sleep(Duration::from_millis(300)).await;
            sqlx::query("COMMIT").execute(&mut holder).await.unwrap();
            holder
        });
        let started = Instant::now();
        ensure_wal(&url).await.expect("opens once the file is free");
        assert!(started.elapsed() >= Duration::from_millis(200), "it waited");
        release.await.unwrap().close().await.unwrap();
        let db = super::super::connect(&url).await.expect("pool opens");
        db.close().await.unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[tokio::test]
    async fn a_file_already_in_wal_mode_is_left_as_it_is() {
        let (dir, url) = scratch("wal-once");
        ensure_wal(&url).await.unwrap();
        let options = SqliteConnectOptions::from_str(url.expose()).unwrap();
        let mut reader = SqliteConnection::connect_with(&options).await.unwrap();
        // A reader mid-transaction would make a journal-mode change fail; a no-op does not care.
        sqlx::query("BEGIN").execute(&mut reader).await.unwrap();
        let _: i64 = sqlx::query_scalar("SELECT count(*) FROM sqlite_master")
            .fetch_one(&mut reader)
            .await
            .unwrap();
        ensure_wal(&url).await.expect("no change needed");
        reader.close().await.unwrap();
        std::fs::remove_dir_all(dir).unwrap();
    }
}
