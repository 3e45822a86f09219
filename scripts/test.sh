#!/usr/bin/env bash
# Run every test: unit, integration and browser tests, on SQLite and then on PostgreSQL.
# MYVOICE_TEST_ENGINES="sqlite" limits the engines; MYVOICE_TEST_PG_URL points at another PostgreSQL server.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
engines="${MYVOICE_TEST_ENGINES:-sqlite postgres}"
export MYVOICE_TEST_PG_URL="${MYVOICE_TEST_PG_URL:-postgres://postgres@127.0.0.1:5432/postgres}"

ensure_postgres() {
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then return; fi
  if command -v pg_ctlcluster >/dev/null; then
    say "starting PostgreSQL"
    as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  fi
  pg_isready -q -h 127.0.0.1 -p 5432 -t 20 || { echo "PostgreSQL is not reachable at 127.0.0.1:5432" >&2; exit 1; }
}

ensure_chromium
ensure_pdf_reader
ensure_smtp_server
ensure_fuzzer
build_site
say "checking formatting"
cargo fmt --all -- --check
say "building the server binary and the tests"
cargo build -p api --bin myvoice --quiet
make_audio
# The domain, policy and GraphQL crate builds and passes its unit tests without the pages (no Leptos,
# no frontend), so it stays usable and quick to test on its own; only api's own tests, so it is cheap.
cargo test -p api --no-default-features --quiet
cargo test --workspace --no-run --quiet
for engine in $engines; do
  [ "$engine" = postgres ] && ensure_postgres
  say "running all tests on $engine"
  MYVOICE_TEST_ENGINE="$engine" cargo test --workspace --quiet
done
say "all tests passed on: $engines"
