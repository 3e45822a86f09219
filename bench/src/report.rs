//! The results: a table on the terminal, one JSON and one Markdown file per run, and a summary
//! (`docs/benchmarks.md`) rebuilt from every run's JSON, with the machine, the date and the targets.
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::{Deserialize, Serialize};

/// One scenario on one server.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Measurement {
    pub scenario: String,
    /// `myvoice` or `baseline`.
    pub server: String,
    pub seconds: f64,
    pub requests: u64,
    pub errors: u64,
    pub per_second: f64,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub p99_ms: f64,
    pub statements_per_request: Option<f64>,
    pub rss_mib: Option<f64>,
    /// Anything the reader must know: the first error, a pool that ran dry.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Machine {
    pub cpus: usize,
    pub cpu_model: String,
    pub memory_gib: f64,
    pub kernel: String,
}

/// The 1, 5 and 15 minute load averages.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Machine {
    pub fn this_one() -> Self {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let field = |text: &str, name: &str| {
            text.lines()
                .find(|l| l.starts_with(name))
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_owned())
        };
        let memory_kib: f64 = field(&read("/proc/meminfo"), "MemTotal")
            .and_then(|v| v.split_whitespace().next().and_then(|n| n.parse().ok()))
            .unwrap_or(0.0);
        Self {
            cpus: std::thread::available_parallelism().map_or(1, usize::from),
            cpu_model: field(&read("/proc/cpuinfo"), "model name")
                .unwrap_or_else(|| "unknown".into()),
            memory_gib: memory_kib / 1024.0 / 1024.0,
            kernel: read("/proc/sys/kernel/osrelease").trim().to_owned(),
        }
    }
}

/// Everything one `myvoice-bench` run measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunReport {
    /// UTC, RFC 3339.
    pub date: String,
    pub engine: String,
    pub children: usize,
    pub clients: usize,
    pub seconds_per_scenario: f64,
    /// `release` or `debug`: how the `myvoice` binary was built.
    pub server_build: String,
    pub dataset_rows: usize,
    pub dataset_seconds: f64,
    pub machine: Machine,
    /// `/proc/loadavg` (1, 5, 15 minutes) when the scenarios started: anything else running on the
    /// machine takes CPU from the server and the load generator alike.
    pub load_before: String,
    pub measurements: Vec<Measurement>,
}

impl RunReport {
    fn find(&self, scenario: &str, server: &str) -> Option<&Measurement> {
        self.measurements
            .iter()
            .find(|m| m.scenario == scenario && m.server == server)
    }

    /// GraphQL caseload throughput as a share of the hand-written baseline's.
    pub fn caseload_ratio(&self) -> Option<f64> {
        let graphql = self.find("caseload", "myvoice")?;
        let baseline = self.find("caseload", "baseline")?;
        (baseline.per_second > 0.0).then(|| graphql.per_second / baseline.per_second)
    }

    pub fn title(&self) -> String {
        format!(
            "{}, {} children, {} clients, {} s per scenario",
            engine_name(&self.engine),
            thousands(self.children),
            self.clients,
            self.seconds_per_scenario
        )
    }

    /// The table, as Markdown (it reads as well on a terminal).
    pub fn table(&self) -> String {
        let mut out = String::from(
            "| scenario | server | req/s | p50 ms | p95 ms | p99 ms | SQL/req | RSS MiB | errors |\n\
             |---|---|---:|---:|---:|---:|---:|---:|---:|\n",
        );
        for m in &self.measurements {
            let _ = writeln!(
                out,
                "| {} | {} | {:.0} | {:.2} | {:.2} | {:.2} | {} | {} | {} |",
                m.scenario,
                m.server,
                m.per_second,
                m.p50_ms,
                m.p95_ms,
                m.p99_ms,
                m.statements_per_request
                    .map_or("–".into(), |s| format!("{s:.2}")),
                m.rss_mib.map_or("–".into(), |r| format!("{r:.0}")),
                m.errors
            );
        }
        if let Some(ratio) = self.caseload_ratio() {
            let _ = writeln!(
                out,
                "\nGraphQL caseload throughput = {ratio:.2}× the hand-written SQL baseline (target ≥ 0.5×)."
            );
        }
        for m in self.measurements.iter().filter(|m| m.note.is_some()) {
            let _ = writeln!(
                out,
                "\nNote ({} on {}): {}",
                m.scenario,
                m.server,
                m.note.as_deref().unwrap_or_default()
            );
        }
        out
    }

    fn markdown(&self) -> String {
        format!(
            "### {}\n\n{} · `myvoice` {} build · dataset: {} rows in {:.0} s · load average \
             before: {}\n\n{}",
            self.title(),
            self.date,
            self.server_build,
            thousands(self.dataset_rows),
            self.dataset_seconds,
            self.load_before,
            self.table()
        )
    }

    fn file_stem(&self) -> String {
        format!("{}-{}", self.engine, self.children)
    }
}

fn engine_name(engine: &str) -> &str {
    match engine {
        "sqlite" => "SQLite",
        "postgres" => "PostgreSQL",
        other => other,
    }
}

pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Write `<out>/<engine>-<children>.json` and `.md`, then rebuild the summary `<out>.md` from every
/// run kept in `<out>`. Returns the summary's path.
pub fn write(report: &RunReport, out: &Path) -> anyhow::Result<PathBuf> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let stem = report.file_stem();
    std::fs::write(
        out.join(format!("{stem}.json")),
        serde_json::to_string_pretty(report)?,
    )?;
    std::fs::write(out.join(format!("{stem}.md")), report.markdown())?;
    summarize(out)
}

/// Rebuild the summary `<out>.md` from every run kept in `<out>` and its `NOTES.md`.
pub fn summarize(out: &Path) -> anyhow::Result<PathBuf> {
    let mut runs = Vec::new();
    for entry in std::fs::read_dir(out)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path)?;
            let run: RunReport = serde_json::from_str(&text)
                .with_context(|| format!("reading {}", path.display()))?;
            runs.push(run);
        }
    }
    runs.sort_by(|a, b| (&a.engine, a.children).cmp(&(&b.engine, b.children)));
    let notes = std::fs::read_to_string(out.join("NOTES.md")).ok();
    let summary = out.with_extension("md");
    std::fs::write(&summary, summary_markdown(&runs, notes.as_deref()))?;
    Ok(summary)
}

fn summary_markdown(runs: &[RunReport], notes: Option<&str>) -> String {
    let mut out = String::from(
        "# Benchmarks\n\n\
         The latest figures from `myvoice-bench` (see the README's *Benchmark* section for the \
         command). Each run generates a fresh dataset, starts the real `myvoice serve` binary on it \
         and drives it over HTTP; the caseload is also served by a hand-written axum + sqlx \
         handler returning the same JSON, in the same run, so the GraphQL layer's cost is a ratio. \
         The load generator runs on the same machine as the server. This file is rebuilt from \
         `docs/benchmarks/*.json` by every run; hand-written notes live in \
         `docs/benchmarks/NOTES.md` and are copied in below.\n\n",
    );
    if let Some(latest) = runs.iter().max_by(|a, b| a.date.cmp(&b.date)) {
        let m = &latest.machine;
        let _ = writeln!(
            out,
            "## Machine\n\n{} CPUs ({}), {:.1} GiB memory, Linux {}; latest run {}.\n",
            m.cpus, m.cpu_model, m.memory_gib, m.kernel, latest.date
        );
    }
    out.push_str("## Targets\n\n| target | measured | met |\n|---|---|---|\n");
    for run in runs {
        if let Some(ratio) = run.caseload_ratio() {
            let _ = writeln!(
                out,
                "| caseload ≥ 0.5× baseline throughput | {}: {ratio:.2}× | {} |",
                run.title(),
                yes(ratio >= 0.5)
            );
        }
    }
    for engine in ["sqlite", "postgres"] {
        let sized: Vec<&RunReport> = runs.iter().filter(|r| r.engine == engine).collect();
        let statements: Vec<(usize, f64)> = sized
            .iter()
            .filter_map(|r| {
                let m = r.find("caseload", "myvoice")?;
                Some((r.children, m.statements_per_request?))
            })
            .collect();
        if !statements.is_empty() {
            let listed: Vec<String> = statements
                .iter()
                .map(|(n, s)| format!("{s:.2} at {} children", thousands(*n)))
                .collect();
            let constant = statements
                .iter()
                .all(|(_, s)| (s - statements[0].1).abs() < 0.05);
            let _ = writeln!(
                out,
                "| constant SQL statements per caseload request | {}: {} | {} |",
                engine_name(engine),
                listed.join(", "),
                yes(constant)
            );
        }
        let p99 = |children: usize| {
            sized
                .iter()
                .find(|r| r.children == children)
                .and_then(|r| r.find("caseload", "myvoice"))
                .map(|m| m.p99_ms)
        };
        if let (Some(small), Some(large)) = (p99(1_000), p99(100_000)) {
            let ratio = large / small.max(1e-9);
            let _ = writeln!(
                out,
                "| caseload p99 at 100,000 children ≤ 1.5× p99 at 1,000 | {}: {large:.2} ms vs {small:.2} ms = {ratio:.2}× | {} |",
                engine_name(engine),
                yes(ratio <= 1.5)
            );
        }
    }
    for run in runs
        .iter()
        .filter(|r| r.engine == "sqlite" && r.clients == 64)
    {
        if let Some(m) = run.find("submitViews", "myvoice") {
            let _ = writeln!(
                out,
                "| submitViews ≥ 3,000/s on SQLite WAL at 64 clients | {}: {:.0}/s | {} |",
                run.title(),
                m.per_second,
                yes(m.per_second >= 3000.0)
            );
        }
    }
    out.push_str("\n## Runs\n\n");
    for run in runs {
        out.push_str(&run.markdown());
        out.push('\n');
    }
    if let Some(notes) = notes {
        out.push_str(notes.trim_end());
        out.push('\n');
    }
    out
}

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "**no**" }
}
