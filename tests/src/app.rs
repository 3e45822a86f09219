//! Start the real application on port 0 against a fresh database, as the binary does.
use std::net::SocketAddr;
use std::path::PathBuf;

use api::config::{DatabaseUrl, JwtSecret, Settings};
use api::startup::Application;
use sea_orm::DatabaseConnection;
use serde_json::{Value, json};

use crate::db::TestDb;

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    // Dropped last: removes the database.
    pub test_db: TestDb,
}

/// The repository root (the tests run from `tests/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

pub fn settings(test_db: &TestDb, demo: bool) -> Settings {
    Settings {
        database_url: DatabaseUrl::parse(&test_db.url).expect("test database URL"),
        bind: "127.0.0.1:0".parse().expect("loopback address"),
        jwt_secret: JwtSecret::parse("test-secret-that-is-at-least-32-bytes-long").expect("secret"),
        demo,
        site_dir: repo_root().join("target/site"),
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_with(false).await
}

pub async fn spawn_demo_app() -> TestApp {
    spawn_with(true).await
}

async fn spawn_with(demo: bool) -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        api::telemetry::init();
    }
    let test_db = TestDb::fresh().await;
    let app = Application::build(settings(&test_db, demo))
        .await
        .expect("application starts");
    let address = app.address();
    let db = app.db().clone();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: reqwest::Client::new(),
        db,
        test_db,
    }
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("GET request")
    }

    /// POST a GraphQL query and return the whole JSON response (`data` and `errors`).
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        let response = self
            .client
            .post(self.url("/graphql"))
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
            .expect("POST /graphql");
        assert!(
            response.status().is_success(),
            "GraphQL HTTP status {}",
            response.status()
        );
        response.json().await.expect("GraphQL JSON")
    }
}

/// The `myvoice` binary built by `cargo build -p api` next to this test executable.
pub fn myvoice_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("test executable path");
    // target/<profile>/deps/suite-<hash> → target/<profile>/myvoice
    let bin = exe
        .parent()
        .and_then(|deps| deps.parent())
        .map(|profile| profile.join("myvoice"))
        .expect("target directory");
    assert!(
        bin.exists(),
        "{} is missing: run `cargo build -p api --bin myvoice` first (scripts/test.sh does)",
        bin.display()
    );
    bin
}
