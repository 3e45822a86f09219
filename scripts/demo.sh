#!/usr/bin/env bash
# Build everything (server and browser bundle) and start myvoice on embedded SQLite with demo data.
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
build_site
say "building the server"
cargo build -p api --bin myvoice
make_audio
say "starting the server (demo data, ./data/myvoice.db)"
exec "$TARGET_DIR/debug/myvoice" serve --demo "$@"
