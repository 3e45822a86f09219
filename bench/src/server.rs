//! The servers under test run as child processes, as in production: started, waited for until
//! `/readyz` answers, watched (resident memory from `/proc`), and stopped with SIGTERM.
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use tokio::process::{Child, Command};

/// A server process on a port of its own.
pub struct Server {
    pub name: &'static str,
    pub address: SocketAddr,
    /// What `/metrics` asks for (`MYVOICE_METRICS_TOKEN`), when it asks.
    metrics_token: Option<String>,
    child: Child,
}

impl Server {
    pub fn pid(&self) -> Option<u32> {
        self.child.id()
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    /// Start `command` (which must listen on `address`), its stderr into `log`, and wait until
    /// it is ready.
    async fn start(
        name: &'static str,
        mut command: Command,
        address: SocketAddr,
        http: &reqwest::Client,
        log: &Path,
    ) -> anyhow::Result<Self> {
        let log_file = std::fs::File::create(log)
            .with_context(|| format!("creating the log {}", log.display()))?;
        let child = command
            .stdout(Stdio::null())
            .stderr(log_file)
            .kill_on_drop(true)
            .spawn()
            .with_context(|| format!("starting {name}"))?;
        let mut server = Self {
            name,
            address,
            metrics_token: None,
            child,
        };
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            if let Ok(Some(status)) = server.child.try_wait() {
                bail!(
                    "{name} stopped before it was ready ({status}); see {}",
                    log.display()
                );
            }
            let ready = http.get(server.url("/readyz")).send().await;
            if ready.is_ok_and(|r| r.status().is_success()) {
                return Ok(server);
            }
            if Instant::now() > deadline {
                bail!("{name} was not ready at {address} after 120 s");
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// What the load generator needs to know about this server.
    pub fn target(&self) -> Target {
        Target {
            name: self.name,
            base: self.url(""),
            pid: self.pid(),
            metrics_token: self.metrics_token.clone(),
        }
    }

    /// SIGTERM, then wait (a graceful server finishes in-flight requests); SIGKILL after 10 s.
    pub async fn stop(mut self) {
        if let Some(pid) = self.pid() {
            let _ = Command::new("kill")
                .args(["-TERM", &pid.to_string()])
                .status()
                .await;
        }
        if tokio::time::timeout(Duration::from_secs(10), self.child.wait())
            .await
            .is_err()
        {
            let _ = self.child.kill().await;
        }
    }
}

/// A server to measure: its base URL and, when it is a process of its own, its pid.
#[derive(Debug, Clone)]
pub struct Target {
    pub name: &'static str,
    pub base: String,
    pub pid: Option<u32>,
    /// The bearer token its `/metrics` asks for, if any.
    pub metrics_token: Option<String>,
}

impl Target {
    /// Resident memory now, in MiB (`VmRSS` of `/proc/<pid>/status`).
    pub fn rss_mib(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid?)).ok()?;
        rss_from_status(&status)
    }
}

fn rss_from_status(status: &str) -> Option<f64> {
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// A port nobody is listening on right now.
pub fn free_address() -> anyhow::Result<SocketAddr> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?)
}

/// The `myvoice` binary built next to this one (`target/<profile>/myvoice`).
pub fn myvoice_next_to_me() -> anyhow::Result<PathBuf> {
    let me = std::env::current_exe()?;
    let bin = me
        .parent()
        .map(|dir| dir.join("myvoice"))
        .context("no directory for this executable")?;
    if !bin.exists() {
        bail!(
            "{} is missing: build it first with `cargo build --release -p api -p myvoice-bench`",
            bin.display()
        );
    }
    Ok(bin)
}

/// `release` or `debug`: the folder the binary was built in.
pub fn profile_of(bin: &Path) -> String {
    bin.parent()
        .and_then(|d| d.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "unknown".into())
}

/// `myvoice serve` on `database_url`, signing tokens with `secret`.
pub async fn start_myvoice(
    bin: &Path,
    database_url: &str,
    secret: &str,
    http: &reqwest::Client,
    log: &Path,
) -> anyhow::Result<Server> {
    let address = free_address()?;
    // /metrics is not public: the benchmark reads it with a token of its own.
    let metrics_token: String = rand::random::<[u8; 32]>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut command = Command::new(bin);
    command
        .arg("serve")
        .env("MYVOICE_DATABASE_URL", database_url)
        .env("MYVOICE_BIND", address.to_string())
        .env("MYVOICE_JWT_SECRET", secret)
        .env("MYVOICE_METRICS_TOKEN", &metrics_token);
    let mut server = Server::start("myvoice", command, address, http, log).await?;
    server.metrics_token = Some(metrics_token);
    Ok(server)
}

/// This program's own `serve-baseline` on `database_url`.
pub async fn start_baseline(
    database_url: &str,
    secret: &str,
    http: &reqwest::Client,
    log: &Path,
) -> anyhow::Result<Server> {
    let address = free_address()?;
    let mut command = Command::new(std::env::current_exe()?);
    command
        .args(["serve-baseline", "--bind", &address.to_string()])
        .env("MYVOICE_DATABASE_URL", database_url)
        .env("MYVOICE_JWT_SECRET", secret);
    Server::start("baseline", command, address, http, log).await
}

/// `myvoice_sql_statements_total` from a server's `/metrics`.
pub async fn statements(http: &reqwest::Client, target: &Target) -> anyhow::Result<u64> {
    let mut request = http.get(format!("{}/metrics", target.base));
    if let Some(token) = &target.metrics_token {
        request = request.bearer_auth(token);
    }
    let text = request.send().await?.error_for_status()?.text().await?;
    parse_statements(&text).context("no myvoice_sql_statements_total in /metrics")
}

pub fn parse_statements(metrics: &str) -> Option<u64> {
    metrics
        .lines()
        .find_map(|l| l.strip_prefix("myvoice_sql_statements_total "))
        .and_then(|v| v.trim().parse().ok())
}
