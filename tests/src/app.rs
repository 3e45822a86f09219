//! Start the real application on port 0 against a fresh database, as the binary does.
use std::net::SocketAddr;
use std::path::PathBuf;

use api::auth::{ChildViewer, StaffViewer, TenantId, TokenIssuer};
use api::config::{DatabaseUrl, JwtSecret, MetricsToken, Settings};
use api::startup::Application;
use entity::{child, staff_user};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use serde_json::{Value, json};

use crate::db::TestDb;

pub struct TestApp {
    pub address: SocketAddr,
    pub client: reqwest::Client,
    pub db: DatabaseConnection,
    /// SQL statements the app has run (see `statements_during`).
    pub statements: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// GraphQL operations the app has run, for pages and integrators (see `executions_during`).
    pub executions: std::sync::Arc<std::sync::atomic::AtomicU64>,
    // Dropped last: removes the database.
    pub test_db: TestDb,
}

/// The repository root (the tests run from `tests/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The key every test app signs with (the binary gets it as MYVOICE_JWT_SECRET in `process`).
pub const TEST_JWT_SECRET: &str = "test-secret-that-is-at-least-32-bytes-long";

/// The bearer token every test app's `/metrics` asks for.
pub const TEST_METRICS_TOKEN: &str = "test-metrics-token-that-is-32-bytes-long";

pub fn settings(test_db: &TestDb, demo: bool) -> Settings {
    Settings {
        database_url: DatabaseUrl::parse(&test_db.url).expect("test database URL"),
        bind: "127.0.0.1:0".parse().expect("loopback address"),
        jwt_secret: JwtSecret::parse(TEST_JWT_SECRET).expect("secret"),
        demo,
        site_dir: repo_root().join("target/site"),
        public_url: None,
        metrics_token: Some(MetricsToken::parse(TEST_METRICS_TOKEN).expect("metrics token")),
        // Looked at often, so a test hears about a notice soon after the change that made it.
        notify: api::notify::NotifySettings {
            poll: std::time::Duration::from_millis(200),
            ..Default::default()
        },
    }
}

pub async fn spawn_app() -> TestApp {
    spawn_with(false, |_| {}).await
}

pub async fn spawn_demo_app() -> TestApp {
    spawn_with(true, |_| {}).await
}

/// The demo app with some settings changed (e.g. a public address).
pub async fn spawn_demo_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    spawn_with(true, configure).await
}

/// A fresh app whose settings `configure` changes first (e.g. no metrics token).
pub async fn spawn_with(demo: bool, configure: impl FnOnce(&mut Settings)) -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        api::telemetry::init();
    }
    let test_db = TestDb::fresh().await;
    let mut settings = settings(&test_db, demo);
    configure(&mut settings);
    let app = Application::build(settings)
        .await
        .expect("application starts");
    let address = app.address();
    let db = app.db().clone();
    let statements = app.statement_counter();
    let executions = app.execution_counter();
    tokio::spawn(app.run_until_stopped());
    TestApp {
        address,
        client: client(),
        db,
        statements,
        executions,
        test_db,
    }
}

impl TestApp {
    /// How many SQL statements the app ran while `work` ran (the test's own queries through `app.db`
    /// count too, so do none inside `work`).
    pub async fn statements_during<F: std::future::Future>(&self, work: F) -> (u64, F::Output) {
        use std::sync::atomic::Ordering;
        let before = self.statements.load(Ordering::SeqCst);
        let output = work.await;
        (self.statements.load(Ordering::SeqCst) - before, output)
    }

    /// How many GraphQL operations the app ran while `work` ran: a page's round trips.
    pub async fn executions_during<F: std::future::Future>(&self, work: F) -> (u64, F::Output) {
        use std::sync::atomic::Ordering;
        let before = self.executions.load(Ordering::SeqCst);
        let output = work.await;
        (self.executions.load(Ordering::SeqCst) - before, output)
    }

    /// How many SQL statements one query as `token` costs, its session already known to the app
    /// (a session's first request reads its epoch once: `sessions_end` counts that on its own).
    pub async fn statements_of(&self, token: &str, query: &str, variables: Value) -> (u64, Value) {
        self.graphql_as(Some(token), "{ apiVersion }", json!({}))
            .await;
        self.statements_during(self.graphql_as(Some(token), query, variables))
            .await
    }

    /// A second instance of the service on the same database, as behind a load balancer; the
    /// address it serves on. It stops when the test ends.
    pub async fn another_instance(&self) -> SocketAddr {
        self.another_instance_with(|_| {}).await
    }

    /// `another_instance`, with some settings changed first (e.g. its mail server).
    pub async fn another_instance_with(&self, configure: impl FnOnce(&mut Settings)) -> SocketAddr {
        let mut settings = settings(&self.test_db, false);
        configure(&mut settings);
        let app = Application::build(settings)
            .await
            .expect("second instance starts");
        let address = app.address();
        tokio::spawn(app.run_until_stopped());
        address
    }

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

    /// POST a GraphQL query anonymously and return the whole JSON response (`data` and `errors`).
    pub async fn graphql(&self, query: &str, variables: Value) -> Value {
        self.graphql_as(None, query, variables).await
    }

    /// POST a GraphQL query with `Authorization: Bearer <token>` when a token is given.
    pub async fn graphql_as(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let mut request = self.client.post(self.url("/graphql"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request
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

/// The demo member of staff with this e-mail address.
pub async fn staff_by_email(db: &DatabaseConnection, email: &str) -> staff_user::Model {
    staff_user::Entity::find()
        .filter(staff_user::Column::Email.eq(email))
        .one(db)
        .await
        .expect("query staff")
        .unwrap_or_else(|| panic!("no staff user {email}"))
}

/// A valid access token for a member of staff, minted with the test key. Tests of sign-in itself
/// go through `signIn`; every other test uses this to stand in a role quickly.
pub async fn staff_token(db: &DatabaseConnection, email: &str) -> String {
    let staff = staff_by_email(db, email).await;
    let viewer = StaffViewer {
        id: staff.id,
        tenant: TenantId(staff.local_authority_id),
        role: staff.role,
    };
    test_tokens()
        .issue_staff(&viewer, staff.session_epoch)
        .expect("token")
        .token
}

/// The token `staff_token` would make, but expired an hour ago (well past the 30 s leeway).
pub async fn expired_staff_token(db: &DatabaseConnection, email: &str) -> String {
    let staff = staff_by_email(db, email).await;
    let now = chrono::Utc::now().timestamp();
    let claims = json!({
        "iss": "myvoice",
        "aud": "myvoice:staff",
        "sub": format!("staff:{}", staff.id),
        "iat": now - 7200,
        "nbf": now - 7200,
        "exp": now - 3600,
        "la": staff.local_authority_id,
        "role": staff.role,
        "ep": staff.session_epoch,
    });
    jsonwebtoken::encode(
        &jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(TEST_JWT_SECRET.as_bytes()),
    )
    .expect("expired token")
}

/// A valid child token for the child with this preferred name.
pub async fn child_token(db: &DatabaseConnection, preferred_name: &str) -> String {
    let child = child::Entity::find()
        .filter(child::Column::PreferredName.eq(preferred_name))
        .one(db)
        .await
        .expect("query child")
        .unwrap_or_else(|| panic!("no child {preferred_name}"));
    let viewer = ChildViewer {
        child_id: child.id,
        tenant: TenantId(child.local_authority_id),
    };
    test_tokens()
        .issue_child(&viewer, child.session_epoch)
        .expect("token")
        .token
}

/// The meeting takes place: the named demo child's (first) meeting moves to two hours ago, so the
/// chair may record it. Returns the meeting's row id.
pub async fn hold_meeting_of(db: &DatabaseConnection, preferred_name: &str) -> i32 {
    use entity::{meeting, meeting_child};
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};

    let child = child::Entity::find()
        .filter(child::Column::PreferredName.eq(preferred_name))
        .one(db)
        .await
        .expect("query child")
        .unwrap_or_else(|| panic!("no child {preferred_name}"));
    let link = meeting_child::Entity::find()
        .filter(meeting_child::Column::ChildId.eq(child.id))
        .one(db)
        .await
        .expect("query meeting")
        .unwrap_or_else(|| panic!("{preferred_name} has no meeting"));
    let mut row = meeting::Entity::find_by_id(link.meeting_id)
        .one(db)
        .await
        .expect("query meeting")
        .expect("meeting")
        .into_active_model();
    row.scheduled_at = Set(Some(chrono::Utc::now() - chrono::Duration::hours(2)));
    row.update(db).await.expect("meeting moved into the past");
    link.meeting_id
}

pub fn test_tokens() -> TokenIssuer {
    TokenIssuer::new(&JwtSecret::parse(TEST_JWT_SECRET).expect("secret"))
}

/// The first error's `extensions.code` of a GraphQL response.
pub fn error_code(response: &Value) -> &str {
    response["errors"][0]["extensions"]["code"]
        .as_str()
        .unwrap_or_else(|| panic!("no error code in {response}"))
}

/// An HTTP client for tests: a request that never completes fails its test instead of stalling
/// the suite (no test waits this long on purpose).
pub fn client() -> reqwest::Client {
    api::startup::install_tls();
    reqwest::Client::builder()
        .timeout(std::time::Duration::from_secs(120))
        .build()
        .expect("HTTP client")
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

/// A second local authority, for tests that prove nothing crosses authorities. Returns its id.
pub async fn add_local_authority(db: &DatabaseConnection, name: &str, slug: &str) -> i32 {
    use sea_orm::{ActiveModelTrait, Set};
    entity::local_authority::ActiveModel {
        name: Set(name.into()),
        slug: Set(slug.into()),
        created_at: Set(chrono::Utc::now()),
        ..Default::default()
    }
    .insert(db)
    .await
    .expect("add local authority")
    .id
}

/// A new integrator's API key (sent as `X-Api-Key`) with these scopes, made by the demo admin.
/// `scopes` is GraphQL, e.g. `[READ_MEETINGS, READ_OUTCOMES]`.
pub async fn integrator_key(app: &TestApp, scopes: &str) -> String {
    let admin = staff_token(&app.db, "admin@demo.myvoice").await;
    let query =
        format!("mutation {{ createApiKey(name: \"integrator\", scopes: {scopes}) {{ secret }} }}");
    let body = app.graphql_as(Some(&admin), &query, json!({})).await;
    body["data"]["createApiKey"]["secret"]
        .as_str()
        .unwrap_or_else(|| panic!("no API key: {body}"))
        .to_owned()
}

/// POST a GraphQL query with `X-Api-Key`, as an integrator does.
pub async fn graphql_with_key(app: &TestApp, key: &str, query: &str, variables: Value) -> Value {
    let response = app
        .client
        .post(app.url("/graphql"))
        .header("x-api-key", key)
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
