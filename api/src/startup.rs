//! Building and running the application; the binary and the tests start it the same way.
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use sea_orm::DatabaseConnection;
use tokio::net::TcpListener;

use crate::config::Settings;
use crate::db::{self, DbError, PoolSettings};
use crate::events::{EventBus, ListenError};

#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Database(#[from] DbError),
    #[error(transparent)]
    Events(#[from] ListenError),
    #[error("loading demo data failed: {0}")]
    Demo(String),
    #[error(
        "cannot listen on {addr}: {source}. Is another myvoice (or another program) using it? Choose another with --bind or MYVOICE_BIND"
    )]
    Bind {
        addr: SocketAddr,
        source: std::io::Error,
    },
    #[error("notices cannot be sent: {0}")]
    Notify(String),
    #[error("the server stopped unexpectedly: {0}")]
    Serve(std::io::Error),
}

/// reqwest is built without a TLS crypto provider of its own (rustls with ring, as for mail):
/// install it once per process, before any HTTP client is made. A second call changes nothing.
pub fn install_tls() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub struct Application {
    listener: TcpListener,
    address: SocketAddr,
    router: axum::Router,
    db: DatabaseConnection,
    demo: bool,
    statements: Arc<AtomicU64>,
    executions: Arc<AtomicU64>,
    worker: Option<crate::notify::worker::Worker>,
    retention: Option<crate::data_protection::job::RetentionJob>,
}

impl Application {
    /// Connect, migrate, seed the demo if asked, and bind. Nothing is served until `run_until_stopped`.
    pub async fn build(settings: Settings) -> Result<Self, StartupError> {
        Self::build_with_pool(settings, PoolSettings::default()).await
    }

    /// `build`, with the database pool sized and timed as given.
    pub async fn build_with_pool(
        settings: Settings,
        pool: PoolSettings,
    ) -> Result<Self, StartupError> {
        install_tls();
        let mut db = db::connect_with(&settings.database_url, pool).await?;
        db::migrate(&db).await?;
        // The notice worker's own handle, taken before counting starts: its polling in the
        // background is not a request's SQL (and would make per-request counts drift).
        let worker_db = db.clone();
        // Counted from here on, before any clone: every request's SQL shows up in one number.
        let statements = Arc::new(AtomicU64::new(0));
        let counter = statements.clone();
        db.set_metric_callback(move |_| {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        if settings.demo {
            crate::demo::seed(&db)
                .await
                .map_err(|e| StartupError::Demo(e.to_string()))?;
        }
        let tokens = crate::auth::TokenIssuer::new(&settings.jwt_secret);
        // Before the first request: unknown sign-ins must not pay for making the dummy hash.
        crate::auth::prepare();
        let events = EventBus::for_database(&db).await?;
        let schema = crate::graphql::build_schema(db.clone(), tokens.clone(), events.clone());
        let executions = schema.execution_counter();
        let state = crate::web::ApiState {
            schema,
            db: db.clone(),
            tokens,
            events,
            public_url: settings.public_url.clone(),
        };
        let operator = crate::metrics::routes(
            statements.clone(),
            executions.clone(),
            settings.metrics_token.as_ref(),
        );
        let router = crate::web::router(
            state,
            &settings.site_dir,
            settings.public_url.as_ref(),
            operator,
        );
        let listener =
            TcpListener::bind(settings.bind)
                .await
                .map_err(|source| StartupError::Bind {
                    addr: settings.bind,
                    source,
                })?;
        let address = listener.local_addr().map_err(StartupError::Serve)?;
        let base_url = settings
            .public_url
            .as_ref()
            .map_or_else(|| format!("http://{address}"), |u| u.origin().to_string());
        // On the schedules' clock, looked at as often as the notices: a test moving the clock a
        // day on sees that day's run soon after.
        let retention = crate::data_protection::job::RetentionJob {
            db: worker_db.clone(),
            clock: settings.notify.clock.clone(),
            poll: settings.notify.poll,
        };
        let worker =
            crate::notify::worker::Worker::new(worker_db, settings.notify.clone(), base_url)
                .map_err(StartupError::Notify)?;
        Ok(Self {
            listener,
            address,
            router,
            db,
            demo: settings.demo,
            statements,
            executions,
            worker: Some(worker),
            retention: Some(retention),
        })
    }

    /// The bound address (tests bind port 0 and read the real port here).
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    pub fn db(&self) -> &DatabaseConnection {
        &self.db
    }

    /// SQL statements run since start: for tests that prove a query's cost does not grow with its size,
    /// and for the benchmark.
    pub fn statement_counter(&self) -> Arc<AtomicU64> {
        self.statements.clone()
    }

    /// GraphQL operations run since start (pages and integrators): what a page costs in round trips.
    pub fn execution_counter(&self) -> Arc<AtomicU64> {
        self.executions.clone()
    }

    /// Tell the person who started the server where to go.
    pub fn announce(&self) {
        println!("myvoice is running at http://{}/", self.address);
        println!("  children:  http://{}/", self.address);
        println!("  staff:     http://{}/staff", self.address);
        println!("  GraphiQL:  http://{}/graphql", self.address);
        if self.demo {
            println!("{}", crate::demo::SIGN_IN_HELP);
        }
    }

    pub async fn run_until_stopped(mut self) -> Result<(), StartupError> {
        if let Some(worker) = self.worker.take() {
            tokio::spawn(worker.run());
        }
        if let Some(retention) = self.retention.take() {
            tokio::spawn(retention.run());
        }
        axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown_signal())
        .await
        .map_err(StartupError::Serve)
    }
}

/// Ctrl-C or SIGTERM: stop accepting, finish what is in flight.
async fn shutdown_signal() {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
