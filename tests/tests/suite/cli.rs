//! The binary as an operator meets it: clear one-line errors, defaults that just work.
use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use tests::app::{myvoice_binary, repo_root};

/// A command with no MYVOICE_* settings leaking in from the environment, run in its own folder.
fn myvoice(dir: &std::path::Path) -> Command {
    let mut command = Command::new(myvoice_binary());
    command.current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("MYVOICE_") {
            command.env_remove(key);
        }
    }
    command
}

fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("myvoice-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The operator sees exactly one line, naming the problem and what to do, and no panic.
fn assert_one_clear_line(output: &Output, expected: &str) {
    assert!(!output.status.success(), "should fail");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(lines.len(), 1, "one line expected, got: {stderr}");
    assert!(lines[0].starts_with("myvoice: "), "{stderr}");
    assert!(
        lines[0].contains(expected),
        "expected {expected:?} in: {stderr}"
    );
    assert!(
        !stderr.contains("panicked") && !stderr.contains("RUST_BACKTRACE"),
        "{stderr}"
    );
}

#[test]
fn malformed_database_url_is_named_with_the_expected_forms() {
    let dir = scratch_dir("badurl");
    let output = myvoice(&dir)
        .args(["migrate"])
        .env("MYVOICE_DATABASE_URL", "mysql://root@localhost/x")
        .output()
        .unwrap();
    assert_one_clear_line(&output, "is not a database URL: use sqlite://");
}

#[test]
fn unreachable_database_says_so() {
    let dir = scratch_dir("unreachable");
    let output = myvoice(&dir)
        .args(["serve", "--dev", "--bind", "127.0.0.1:0"])
        .env(
            "MYVOICE_DATABASE_URL",
            "postgres://postgres@127.0.0.1:9/nothing_here",
        )
        .output()
        .unwrap();
    assert_one_clear_line(
        &output,
        "cannot open the database postgres://postgres@127.0.0.1:9/nothing_here",
    );
}

#[test]
fn production_start_without_a_jwt_secret_is_refused() {
    let dir = scratch_dir("nosecret");
    let output = myvoice(&dir)
        .args(["serve", "--bind", "127.0.0.1:0"])
        .output()
        .unwrap();
    assert_one_clear_line(&output, "MYVOICE_JWT_SECRET is not set");
    assert!(
        !dir.join("data/jwt-secret").exists(),
        "no secret is invented outside development"
    );
}

#[test]
fn port_in_use_is_named() {
    let dir = scratch_dir("port");
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let output = myvoice(&dir)
        .args(["serve", "--dev", "--bind", &addr])
        .output()
        .unwrap();
    assert_one_clear_line(&output, &format!("cannot listen on {addr}"));
}

#[test]
fn migrate_creates_the_embedded_database_under_data() {
    let dir = scratch_dir("migrate");
    let output = myvoice(&dir).arg("migrate").output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(dir.join("data/myvoice.db").exists());
    // Running again is a no-op, not an error.
    assert!(
        myvoice(&dir)
            .arg("migrate")
            .output()
            .unwrap()
            .status
            .success()
    );
}

#[test]
fn exported_schema_matches_the_committed_schema_graphql() {
    let dir = scratch_dir("sdl");
    let output = myvoice(&dir).arg("export-schema").output().unwrap();
    assert!(output.status.success());
    let exported = String::from_utf8(output.stdout).unwrap();
    let committed = std::fs::read_to_string(repo_root().join("schema.graphql")).unwrap();
    assert!(
        exported == committed,
        "schema.graphql is out of date: run `cargo run -p api --bin myvoice -- export-schema > schema.graphql`"
    );
}

#[test]
fn demo_server_starts_in_one_command_and_prints_how_to_sign_in() {
    let dir = scratch_dir("demo");
    let mut child = myvoice(&dir)
        .args(["serve", "--demo", "--bind", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut printed = String::new();
    let mut address = None;
    while Instant::now() < deadline {
        let Some(Ok(line)) = lines.next() else { break };
        printed.push_str(&line);
        printed.push('\n');
        if let Some(rest) = line.strip_prefix("myvoice is running at http://") {
            address = Some(rest.trim_end_matches('/').to_owned());
        }
        if line.contains("DEMO-0001") {
            break;
        }
    }
    let address = address.unwrap_or_else(|| panic!("no address printed: {printed}"));
    let ready = http_get(&address, "/readyz");
    let _ = child.kill();
    let _ = child.wait();
    assert!(
        ready.starts_with("HTTP/1.1 200") && ready.ends_with("ready"),
        "{ready}"
    );
    for expected in [
        "advocate@demo.myvoice",
        "demo-password",
        "DEMO-0001",
        "2468",
    ] {
        assert!(
            printed.contains(expected),
            "{expected} missing from: {printed}"
        );
    }
    assert!(
        dir.join("data/myvoice.db").exists(),
        "embedded database created under ./data/"
    );
    assert!(
        dir.join("data/jwt-secret").exists(),
        "development secret kept under ./data/"
    );
}

/// A bare HTTP/1.1 GET, enough to probe a server this test started.
fn http_get(address: &str, path: &str) -> String {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    response
}
