//! The real `myvoice` binary as a child process, for tests that kill it, signal it or run several.
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::app::{TEST_JWT_SECRET, myvoice_binary};

/// How long a start may take before the test gives up (migrations and demo data included).
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// `myvoice serve` on a database, with the test key, on a free port, in a scratch folder, with
/// no MYVOICE_* settings leaking in from the environment. Add flags before `Server::start`.
pub fn serve_command(database_url: &str) -> Command {
    let mut command = Command::new(myvoice_binary());
    for (key, _) in std::env::vars() {
        if key.starts_with("MYVOICE_") {
            command.env_remove(key);
        }
    }
    command
        .current_dir(std::env::temp_dir())
        .args(["serve", "--bind", "127.0.0.1:0"])
        .env("MYVOICE_DATABASE_URL", database_url)
        .env("MYVOICE_JWT_SECRET", TEST_JWT_SECRET)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    command
}

/// A running server process; killed when dropped if still running.
pub struct Server {
    child: Child,
    pub address: SocketAddr,
    pub client: reqwest::Client,
}

impl Server {
    /// Start the command and wait until it says where it listens.
    pub async fn start(command: Command) -> Server {
        tokio::task::spawn_blocking(move || Server::start_blocking(command))
            .await
            .expect("start thread")
    }

    fn start_blocking(mut command: Command) -> Server {
        let mut child = command.spawn().expect("spawn myvoice");
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let mut lines = BufReader::new(stdout).lines();
        let deadline = Instant::now() + START_TIMEOUT;
        let mut printed = String::new();
        let address = loop {
            let line = match lines.next() {
                Some(Ok(line)) => line,
                _ => {
                    let status = child.wait().ok();
                    let mut errors = String::new();
                    let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut errors);
                    panic!("myvoice stopped before serving ({status:?}): {printed}{errors}")
                }
            };
            if let Some(rest) = line.strip_prefix("myvoice is running at http://") {
                break rest.trim_end_matches('/').parse().expect("printed address");
            }
            printed.push_str(&line);
            printed.push('\n');
            assert!(
                Instant::now() < deadline,
                "myvoice did not start: {printed}"
            );
        };
        // Keep draining, so a full pipe never blocks the server; logs shown when TEST_LOG is set.
        std::thread::spawn(move || lines.for_each(drop));
        let show_logs = std::env::var_os("TEST_LOG").is_some();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if show_logs {
                    eprintln!("{line}");
                }
            }
        });
        Server {
            child,
            address,
            client: crate::app::client(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.address, path)
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// POST a GraphQL request; the whole HTTP response, whatever its status.
    pub async fn post_graphql(
        &self,
        token: Option<&str>,
        query: &str,
        variables: Value,
    ) -> reqwest::Result<reqwest::Response> {
        let mut request = self.client.post(self.url("/graphql"));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        request
            .json(&json!({ "query": query, "variables": variables }))
            .send()
            .await
    }

    /// POST a GraphQL request that must be answered with 200; its JSON.
    pub async fn graphql_as(&self, token: Option<&str>, query: &str, variables: Value) -> Value {
        let response = self
            .post_graphql(token, query, variables)
            .await
            .expect("POST /graphql");
        assert!(response.status().is_success(), "HTTP {}", response.status());
        response.json().await.expect("GraphQL JSON")
    }

    /// `kill -9`: no chance to finish anything.
    pub fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// SIGTERM, as an orchestrator stops an instance.
    pub fn terminate(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -TERM failed");
    }

    /// The exit status, or None if it is still running after `within`.
    pub async fn exit_status(&mut self, within: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().expect("child status") {
                return Some(status);
            }
            if Instant::now() >= deadline {
                return None;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            self.kill();
        }
    }
}
