//! A schema-driven fuzz of every query and mutation as each role (issue 17). Schemathesis (PyPI,
//! installed by scripts/test.sh into ~/.cache/myvoice-venv) reads the schema from the running
//! server with the standard introspection query, then sends generated operations: arguments valid
//! and odd, IDs it saw in earlier answers mixed with made-up ones, dates far outside any calendar
//! (tests/fuzz/hooks.py). Each role gets a fresh demo server of its own, so an admin revoking keys
//! or a child saving views changes nothing for the others. No answer may be an HTTP 5xx or an
//! INTERNAL_SERVER_ERROR, and every GraphQL error must carry `extensions.code`. Bounded:
//! `FUZZ_EXAMPLES` cases per operation and role, and a deadline per role. Subscriptions are
//! not fuzzed here (schemathesis sends queries and mutations); matrix.rs covers them for every
//! role.
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::json;
use tests::app::{TestApp, child_token, integrator_key, repo_root, spawn_demo_app, staff_token};

/// Generated cases per operation and role: 57 operations × 9 roles × 6 ≈ 3,000 requests, under a
/// minute per engine on a quiet two-core machine (one role at a time: schemathesis itself needs a
/// core). `MYVOICE_FUZZ_EXAMPLES=100` fuzzes deeper, locally.
const FUZZ_EXAMPLES: u32 = 6;
/// A role's fuzz that has not finished in this long per case of each operation is stopped and
/// fails: the server hangs somewhere (6 cases: 3 minutes).
const FUZZ_DEADLINE_PER_EXAMPLE: Duration = Duration::from_secs(30);

/// The schemathesis command, from the venv scripts/lib.sh makes.
fn schemathesis() -> PathBuf {
    let venv = std::env::var_os("MYVOICE_FUZZ_VENV")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").expect("HOME")).join(".cache/myvoice-venv")
        });
    let st = venv.join("bin/st");
    assert!(
        st.exists(),
        "{} is missing: run scripts/test.sh, which installs schemathesis from PyPI",
        st.display()
    );
    st
}

#[derive(Clone, Copy, Debug)]
enum Role {
    Anonymous,
    Child,
    Staff(&'static str),
    Integrator,
}

const ROLES: [Role; 9] = [
    Role::Anonymous,
    Role::Child,
    Role::Staff("advocate@demo.myvoice"),
    Role::Staff("social.worker@demo.myvoice"),
    Role::Staff("isro@demo.myvoice"),
    Role::Staff("coordinator@demo.myvoice"),
    Role::Staff("agency@demo.myvoice"),
    Role::Staff("admin@demo.myvoice"),
    Role::Integrator,
];

/// The header that makes a request this role's, if any.
async fn header(app: &TestApp, role: Role) -> Option<String> {
    match role {
        Role::Anonymous => None,
        Role::Child => Some(format!(
            "Authorization: Bearer {}",
            child_token(&app.db, "Mia").await
        )),
        Role::Staff(email) => Some(format!(
            "Authorization: Bearer {}",
            staff_token(&app.db, email).await
        )),
        Role::Integrator => {
            let scopes = "[READ_MEETINGS, READ_OUTCOMES, WRITE_REFERRALS, READ_REFERRALS, READ_OVERSIGHT, WRITE_RECORDS]";
            Some(format!("X-Api-Key: {}", integrator_key(app, scopes).await))
        }
    }
}

/// How many queries and mutations the live schema has.
async fn operations(app: &TestApp) -> usize {
    let body = app
        .graphql(
            "{ __schema { queryType { fields { name } } mutationType { fields { name } } } }",
            json!({}),
        )
        .await;
    let count = |root: &str| {
        body["data"]["__schema"][root]["fields"]
            .as_array()
            .map_or(0, Vec::len)
    };
    count("queryType") + count("mutationType")
}

fn examples() -> u32 {
    std::env::var("MYVOICE_FUZZ_EXAMPLES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(FUZZ_EXAMPLES)
}

struct Run {
    role: Role,
    passed: bool,
    /// Operations sent at least once, from the summary's `Tested: 57`.
    tested: Option<usize>,
    /// From the summary's `456 generated, 456 passed`.
    cases: Option<usize>,
    output: String,
}

/// One role's fuzz against its own server; blocking (schemathesis runs as a child process, its
/// output in a file so a full pipe never stalls it).
fn fuzz(role: Role, url: &str, header: Option<&str>, dir: &Path) -> Run {
    let log = dir.join("schemathesis.log");
    let file = std::fs::File::create(&log).expect("log file");
    let mut command = Command::new(schemathesis());
    command
        .current_dir(dir)
        .env(
            "SCHEMATHESIS_HOOKS",
            repo_root().join("tests/fuzz/hooks.py"),
        )
        .args(["run", url, "--phases", "fuzzing"])
        .args(["--checks", "no_server_error,every_error_has_a_code"])
        .args(["--max-examples", &examples().to_string()])
        .args(["--request-timeout", "30", "--generation-database", "none"])
        .args(["--no-color", "--output-truncate", "false"])
        .stdin(Stdio::null())
        .stdout(file.try_clone().expect("log file"))
        .stderr(file);
    if let Some(header) = header {
        command.args(["--header", header]);
    }
    let mut child = command.spawn().expect("schemathesis starts");
    let started = Instant::now();
    let deadline = FUZZ_DEADLINE_PER_EXAMPLE * examples();
    let status = loop {
        if let Some(status) = child.try_wait().expect("schemathesis runs") {
            break Some(status);
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut output = std::fs::read_to_string(&log).unwrap_or_default();
    if status.is_none() {
        output.push_str(&format!("\n(stopped after {deadline:?})"));
    }
    let summary = |prefix: &str| {
        output
            .lines()
            .find_map(|line| line.trim().strip_prefix(prefix))
            .and_then(|rest| rest.split([' ', ',']).next())
            .and_then(|n| n.parse().ok())
    };
    Run {
        role,
        passed: status.is_some_and(|s| s.success()),
        tested: summary("Tested: "),
        cases: output
            .lines()
            .find(|line| line.contains(" generated"))
            .and_then(|line| line.split_whitespace().next())
            .and_then(|n| n.parse().ok()),
        output,
    }
}

// Several threads: each server answers while the test waits on its fuzzer.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_schema_driven_fuzz_of_every_operation_as_each_role_finds_no_server_error_or_uncoded_error()
 {
    schemathesis();
    let work = std::env::temp_dir().join(format!("myvoice-fuzz-{}", std::process::id()));
    let mut runs = Vec::new();
    let mut expected = None;
    for (i, role) in ROLES.into_iter().enumerate() {
        let app = spawn_demo_app().await;
        expected.get_or_insert(operations(&app).await);
        let header = header(&app, role).await;
        let url = app.url("/graphql");
        let dir = work.join(i.to_string());
        std::fs::create_dir_all(&dir).expect("run dir");
        let run = tokio::task::spawn_blocking(move || fuzz(role, &url, header.as_deref(), &dir))
            .await
            .expect("fuzz run");
        eprintln!(
            "fuzz {:?}: {:?} operations, {:?} cases, {}",
            run.role,
            run.tested,
            run.cases,
            if run.passed {
                "no problems"
            } else {
                "problems"
            }
        );
        runs.push(run);
    }
    let _ = std::fs::remove_dir_all(&work);
    let expected = expected.expect("operations");
    assert!(expected > 50, "the schema has {expected} operations");
    let mut problems = Vec::new();
    for run in &runs {
        if !run.passed {
            problems.push(format!(
                "{:?}: schemathesis found problems\n{}",
                run.role, run.output
            ));
        } else if run.tested != Some(expected) || run.cases < Some(expected) {
            problems.push(format!(
                "{:?}: {:?} of {expected} operations tested\n{}",
                run.role, run.tested, run.output
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}
