//! Group commit for the writes a child is told are safe. On SQLite every commit waits for the disk
//! (`synchronous = FULL`) and only one connection writes at a time, so concurrent submissions queue
//! behind each other's fsync and SQLite's busy handler. Here they queue on a channel instead: one
//! writer runs whatever has arrived as one transaction, each piece of work in its own savepoint, and
//! answers every caller only after that transaction is on disk. One fsync then covers a whole batch,
//! and a failed piece of work is rolled back alone. PostgreSQL commits in parallel: there the work
//! runs in its own transaction straight away.
use std::future::Future;
use std::pin::Pin;

use sea_orm::{
    DatabaseConnection, DatabaseTransaction, DbBackend, DbErr, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use tokio::sync::{mpsc, oneshot};

use crate::error::{ApiError, ApiResult, BUSY_RETRY_AFTER_SECS};

/// Work that writes inside the transaction it is given and says what to answer.
pub type Work<T> = Box<
    dyn for<'t> FnOnce(
            &'t DatabaseTransaction,
        ) -> Pin<Box<dyn Future<Output = ApiResult<T>> + Send + 't>>
        + Send,
>;

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
                let answer = work(&txn).await?;
                txn.commit().await?;
                Ok(answer)
            }
            Inner::Batched(queue) => {
                let (reply, answer) = oneshot::channel();
                let job: Box<dyn Job> = Box::new(Pending {
                    work: Some(work),
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
    ) -> Pin<Box<dyn Future<Output = bool> + Send + 't>>;
    /// The batch committed (`true`) or was lost (`false`): answer the caller.
    fn answer(self: Box<Self>, committed: bool);
}

struct Pending<T> {
    work: Option<Work<T>>,
    outcome: Option<ApiResult<T>>,
    reply: oneshot::Sender<ApiResult<T>>,
}

impl<T: Send + 'static> Job for Pending<T> {
    fn run<'t>(
        &'t mut self,
        txn: &'t DatabaseTransaction,
    ) -> Pin<Box<dyn Future<Output = bool> + Send + 't>> {
        Box::pin(async move {
            let Some(work) = self.work.take() else {
                return false;
            };
            let outcome = work(txn).await;
            let ok = outcome.is_ok();
            self.outcome = Some(outcome);
            ok
        })
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

async fn run_batch(db: &DatabaseConnection, batch: &mut [Box<dyn Job>]) -> Result<(), DbErr> {
    // IMMEDIATE: the write lock is taken at BEGIN, so no statement in the batch can fail to upgrade.
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    for job in batch.iter_mut() {
        let savepoint = txn.begin().await?;
        if job.run(&savepoint).await {
            savepoint.commit().await?;
        } else {
            savepoint.rollback().await?;
        }
    }
    txn.commit().await
}
