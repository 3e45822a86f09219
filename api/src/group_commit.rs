//! Group commit for the writes a child is told are safe. On SQLite every commit waits for the disk
//! (`synchronous = FULL`) and only one connection writes at a time, so concurrent submissions queue
//! behind each other's fsync and SQLite's busy handler. Here they queue on a channel instead: one
//! writer runs whatever has arrived as one transaction and answers every caller only after that
//! transaction is on disk. One fsync then covers a whole batch. A failed piece of work must leave
//! nothing behind: when one fails, the batch is rolled back and run again with each piece in its own
//! savepoint, so only the failed one is undone. Savepoints are not used up front because each is two
//! more round trips to SQLite's thread per piece, and failures are rare. Rows a piece only adds
//! (snapshots, audit events) are collected as [`Appends`] and written for the whole batch with one
//! statement per table, for the same reason. PostgreSQL commits in parallel: there the work runs in
//! its own transaction straight away.
use std::any::Any;
use std::future::Future;
use std::pin::Pin;

use sea_orm::{
    ActiveModelTrait, DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    TransactionTrait,
};
use tokio::sync::{mpsc, oneshot};

use crate::error::{ApiError, ApiResult, BUSY_RETRY_AFTER_SECS};

/// Work that writes inside the transaction it is given and says what to answer. It may be run a
/// second time, after its first run was rolled back.
pub type Work<T> = Box<
    dyn for<'t> Fn(
            &'t DatabaseTransaction,
            &'t mut Appends,
        ) -> Pin<Box<dyn Future<Output = ApiResult<T>> + Send + 't>>
        + Send,
>;

/// Rows a piece of work adds and never reads back. They are written after the work, in the same
/// transaction, together with the rest of the batch's rows of the same table.
#[derive(Default)]
pub struct Appends(Vec<Box<dyn Rows>>);

impl Appends {
    pub fn add<A: ActiveModelTrait + Send + 'static>(&mut self, row: A) {
        for rows in &mut self.0 {
            if let Some(same) = rows.as_any_mut().downcast_mut::<Vec<A>>() {
                same.push(row);
                return;
            }
        }
        self.0.push(Box::new(vec![row]));
    }

    async fn write(self, txn: &DatabaseTransaction) -> Result<(), DbErr> {
        for rows in self.0 {
            rows.insert(txn).await?;
        }
        Ok(())
    }
}

/// One table's rows: a `Vec` of one kind of active model, inserted with one statement.
trait Rows: Send {
    fn as_any_mut(&mut self) -> &mut dyn Any;
    fn insert<'t>(
        self: Box<Self>,
        txn: &'t DatabaseTransaction,
    ) -> Pin<Box<dyn Future<Output = Result<(), DbErr>> + Send + 't>>;
}

impl<A: ActiveModelTrait + Send + 'static> Rows for Vec<A> {
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }

    fn insert<'t>(
        self: Box<Self>,
        txn: &'t DatabaseTransaction,
    ) -> Pin<Box<dyn Future<Output = Result<(), DbErr>> + Send + 't>> {
        Box::pin(async move {
            A::Entity::insert_many(*self)
                .exec_without_returning(txn)
                .await
                .map(|_| ())
        })
    }
}

/// The most pieces of work in one transaction: bounds how long the write lock is held.
const MAX_BATCH: usize = 128;
/// Pieces of work waiting for the writer; beyond this, callers wait to queue.
const QUEUE: usize = 1024;

#[derive(Clone)]
pub struct GroupCommit {
    inner: Inner,
}

#[derive(Clone)]
enum Inner {
    Direct(DatabaseConnection),
    Batched(mpsc::Sender<Box<dyn Job>>),
}

impl GroupCommit {
    /// On SQLite this starts the writer task, so it must be called inside the Tokio runtime.
    pub fn new(db: DatabaseConnection) -> Self {
        let inner = match db.get_database_backend() {
            DbBackend::Sqlite => {
                let (queue, work) = mpsc::channel(QUEUE);
                tokio::spawn(writer(db, work));
                Inner::Batched(queue)
            }
            _ => Inner::Direct(db),
        };
        Self { inner }
    }

    /// Run `work` in a transaction and answer once it is committed. Work that fails is rolled back
    /// and its error answered; nothing it wrote stays.
    pub async fn run<T: Send + 'static>(&self, work: Work<T>) -> ApiResult<T> {
        match &self.inner {
            Inner::Direct(db) => {
                let txn = db.begin().await?;
                let mut appends = Appends::default();
                let answer = work(&txn, &mut appends).await?;
                appends.write(&txn).await?;
                txn.commit().await?;
                Ok(answer)
            }
            Inner::Batched(queue) => {
                let (reply, answer) = oneshot::channel();
                let job: Box<dyn Job> = Box::new(Pending {
                    work,
                    outcome: None,
                    reply,
                });
                queue
                    .send(job)
                    .await
                    .map_err(|_| ApiError::Internal("the writer has stopped".into()))?;
                answer
                    .await
                    .map_err(|_| ApiError::Internal("the writer dropped a submission".into()))?
            }
        }
    }
}

/// One caller's work, type-erased so one queue carries every kind.
trait Job: Send {
    /// Run the work; true when it succeeded and its writes should stay.
    fn run<'t>(
        &'t mut self,
        txn: &'t DatabaseTransaction,
        appends: &'t mut Appends,
    ) -> Pin<Box<dyn Future<Output = bool> + Send + 't>>;
    /// The work succeeded but its appends could not be written: it failed after all.
    fn failed(&mut self, error: DbErr);
    /// The batch committed (`true`) or was lost (`false`): answer the caller.
    fn answer(self: Box<Self>, committed: bool);
}

struct Pending<T> {
    work: Work<T>,
    outcome: Option<ApiResult<T>>,
    reply: oneshot::Sender<ApiResult<T>>,
}

impl<T: Send + 'static> Job for Pending<T> {
    fn run<'t>(
        &'t mut self,
        txn: &'t DatabaseTransaction,
        appends: &'t mut Appends,
    ) -> Pin<Box<dyn Future<Output = bool> + Send + 't>> {
        Box::pin(async move {
            let outcome = (self.work)(txn, appends).await;
            let ok = outcome.is_ok();
            self.outcome = Some(outcome);
            ok
        })
    }

    fn failed(&mut self, error: DbErr) {
        self.outcome = Some(Err(error.into()));
    }

    fn answer(self: Box<Self>, committed: bool) {
        let answer = match self.outcome {
            // Rolled back on its own: its error is the answer, whatever happened to the batch.
            Some(Err(error)) => Err(error),
            Some(Ok(value)) if committed => Ok(value),
            // Its writes were lost with the batch: nothing was saved, so the caller may retry.
            _ => Err(ApiError::Unavailable {
                retry_after_secs: BUSY_RETRY_AFTER_SECS,
            }),
        };
        // The caller may have gone (request cancelled); the work stands either way.
        let _ = self.reply.send(answer);
    }
}

async fn writer(db: DatabaseConnection, mut work: mpsc::Receiver<Box<dyn Job>>) {
    while let Some(first) = work.recv().await {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match work.try_recv() {
                Ok(job) => batch.push(job),
                Err(_) => break,
            }
        }
        let committed = match run_batch(&db, &mut batch).await {
            Ok(()) => true,
            Err(error) => {
                tracing::error!(%error, jobs = batch.len(), "a batch of writes failed to commit");
                false
            }
        };
        for job in batch {
            job.answer(committed);
        }
    }
}

/// Every piece in one transaction, then every piece's appends; if anything fails, again with each
/// piece and its appends in a savepoint.
async fn run_batch(db: &DatabaseConnection, batch: &mut [Box<dyn Job>]) -> Result<(), DbErr> {
    let txn = crate::db::begin_write(db).await?;
    let mut appends = Appends::default();
    let mut all_ok = true;
    for job in batch.iter_mut() {
        if !job.run(&txn, &mut appends).await {
            all_ok = false;
            break;
        }
    }
    if all_ok {
        match appends.write(&txn).await {
            Ok(()) => return txn.commit().await,
            Err(error) => {
                tracing::warn!(%error, "a batch's appends failed: running it piece by piece")
            }
        }
    }
    txn.rollback().await?;
    let txn = crate::db::begin_write(db).await?;
    for job in batch.iter_mut() {
        let savepoint = txn.begin().await?;
        let mut appends = Appends::default();
        if !job.run(&savepoint, &mut appends).await {
            savepoint.rollback().await?;
            continue;
        }
        match appends.write(&savepoint).await {
            Ok(()) => savepoint.commit().await?,
            Err(error) => {
                job.failed(error);
                savepoint.rollback().await?;
            }
        }
    }
    txn.commit().await
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, Set, Statement};

    use super::*;
    use crate::config::DatabaseUrl;

    /// A table written only through appends, as the audit is.
    mod logged {
        use sea_orm::entity::prelude::*;

        #[sea_orm::model]
        #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
        #[sea_orm(table_name = "logged")]
        pub struct Model {
            #[sea_orm(primary_key, auto_increment = false)]
            pub n: i32,
        }

        impl ActiveModelBehavior for ActiveModel {}
    }

    /// Work that writes `n`, appends `logged` (a clash when it is already there) and then fails
    /// when `fail` is set: nothing of a failed piece may stay.
    fn insert(n: i32, logged: i32, fail: bool) -> Work<i32> {
        Box::new(move |txn, appends| {
            Box::pin(async move {
                let sql = format!("INSERT INTO t (n) VALUES ({n})");
                txn.execute_raw(Statement::from_string(txn.get_database_backend(), sql))
                    .await?;
                appends.add(logged::ActiveModel { n: Set(logged) });
                if fail {
                    return Err(ApiError::bad_input("n", "refused after writing"));
                }
                Ok(n)
            })
        })
    }

    async fn database(name: &str) -> (DatabaseConnection, std::path::PathBuf) {
        let dir = std::env::temp_dir().join(format!("myvoice-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.db");
        let _ = std::fs::remove_file(&path);
        let url = DatabaseUrl::parse(&format!("sqlite://{}?mode=rwc", path.display())).unwrap();
        let db = crate::db::connect(&url).await.unwrap();
        db.execute_unprepared("CREATE TABLE t (n INTEGER NOT NULL)")
            .await
            .unwrap();
        db.execute_unprepared("CREATE TABLE logged (n INTEGER PRIMARY KEY)")
            .await
            .unwrap();
        (db, dir)
    }

    async fn column(db: &DatabaseConnection, table: &str) -> Vec<i32> {
        let sql = format!("SELECT n FROM {table} ORDER BY n");
        let rows = db
            .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .unwrap();
        rows.iter().map(|r| r.try_get("", "n").unwrap()).collect()
    }

    fn succeeded(answers: &[ApiResult<i32>]) -> Vec<i32> {
        answers
            .iter()
            .filter_map(|a| a.as_ref().ok().copied())
            .collect()
    }

    #[tokio::test]
    async fn a_failed_piece_of_a_batch_leaves_nothing_and_the_others_are_saved() {
        let (db, dir) = database("group-commit-failed").await;
        let writes = GroupCommit::new(db.clone());

        // Queued together before the writer runs, so they share one batch.
        let answers = tokio::join!(
            writes.run(insert(1, 1, false)),
            writes.run(insert(2, 2, true)),
            writes.run(insert(3, 3, false)),
            writes.run(insert(4, 4, true)),
            writes.run(insert(5, 5, false)),
        );
        let answers = [answers.0, answers.1, answers.2, answers.3, answers.4];

        assert_eq!(succeeded(&answers), [1, 3, 5]);
        for failed in [&answers[1], &answers[3]] {
            assert!(
                matches!(failed, Err(ApiError::BadUserInput { .. })),
                "{failed:?}"
            );
        }
        assert_eq!(column(&db, "t").await, [1, 3, 5], "nothing of the failed");
        assert_eq!(column(&db, "logged").await, [1, 3, 5], "appends too");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[tokio::test]
    async fn a_piece_whose_appends_cannot_be_written_fails_alone() {
        let (db, dir) = database("group-commit-appends").await;
        let writes = GroupCommit::new(db.clone());

        // The second appends the same key as the first: the batch's one insert fails, and only
        // the second may be undone.
        let answers = tokio::join!(
            writes.run(insert(1, 1, false)),
            writes.run(insert(2, 1, false)),
            writes.run(insert(3, 3, false)),
        );
        let answers = [answers.0, answers.1, answers.2];

        assert_eq!(succeeded(&answers), [1, 3]);
        assert!(answers[1].is_err(), "{:?}", answers[1]);
        assert_eq!(column(&db, "t").await, [1, 3], "its own write undone too");
        assert_eq!(column(&db, "logged").await, [1, 3]);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
