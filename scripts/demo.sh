#!/usr/bin/env bash
# Build everything (server and browser bundle) and start myvoice on embedded SQLite with demo data.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
build_site
say "building and starting the server (demo data, ./data/myvoice.db)"
exec cargo run -p api --bin myvoice -- serve --demo "$@"
