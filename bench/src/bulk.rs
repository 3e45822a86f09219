//! Bulk loading: multi-row INSERTs of typed entity rows, many statements per transaction, so a
//! hundred thousand children load in minutes. Values go through sea-orm like the server's own
//! writes, so timestamps, JSON and enums are stored exactly as the server stores them.
use std::time::Instant;

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DatabaseConnection, DbBackend, EntityTrait, Iterable,
    TransactionTrait,
};

/// SQLite allows 32,766 bound values per statement and PostgreSQL 65,535; stay under both.
const VALUES_PER_STATEMENT: usize = 30_000;
const ROWS_PER_STATEMENT: usize = 1_000;
const ROWS_PER_TRANSACTION: usize = 50_000;

/// Insert every row `rows` yields into `E`'s table; returns how many. Rows are built lazily, one
/// statement's worth at a time, so memory stays flat whatever the size.
pub async fn insert_all<E, I>(db: &DatabaseConnection, rows: I) -> Result<usize, sea_orm::DbErr>
where
    E: EntityTrait,
    E::ActiveModel: ActiveModelTrait<Entity = E> + Send,
    I: IntoIterator<Item = E::ActiveModel>,
{
    let started = Instant::now();
    let columns = E::Column::iter().count().max(1);
    let per_statement = (VALUES_PER_STATEMENT / columns).clamp(1, ROWS_PER_STATEMENT);
    let mut rows = rows.into_iter().peekable();
    let mut total = 0;
    while rows.peek().is_some() {
        let txn = db.begin().await?;
        let mut in_txn = 0;
        while in_txn < ROWS_PER_TRANSACTION {
            let chunk: Vec<E::ActiveModel> = rows.by_ref().take(per_statement).collect();
            if chunk.is_empty() {
                break;
            }
            in_txn += chunk.len();
            E::insert_many(chunk).exec_without_returning(&txn).await?;
        }
        txn.commit().await?;
        total += in_txn;
    }
    eprintln!(
        "  {:<22} {:>9} rows  {:>6.1} s",
        E::default().table_name(),
        total,
        started.elapsed().as_secs_f64()
    );
    Ok(total)
}

/// PostgreSQL: rows written with explicit ids leave the `serial` sequence behind; move it past the
/// largest id so the server's own inserts do not collide. SQLite needs nothing.
pub async fn advance_sequences(
    db: &DatabaseConnection,
    tables: &[&str],
) -> Result<(), sea_orm::DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for table in tables {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))
        .await?;
    }
    Ok(())
}
