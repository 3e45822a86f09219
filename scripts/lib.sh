# Shared by scripts/demo.sh and scripts/test.sh: install what the build needs from the package
# registries only (rustup, crates.io, npm, Debian), then build the browser bundle.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
SITE_DIR="$ROOT/target/site"
BROWSER_DIR="$ROOT/tests/browser"

say() { printf '\n==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_toolchain() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32 target"
    rustup target add wasm32-unknown-unknown
  fi
  # The CLI must match the wasm-bindgen crate in Cargo.lock exactly.
  local want
  want="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$want" ]; then
    say "installing wasm-bindgen-cli $want from crates.io (a few minutes, once)"
    cargo install wasm-bindgen-cli --version "$want"
  fi
}

ensure_node_packages() {
  if ! command -v npm >/dev/null; then
    say "installing Node.js and npm from Debian"
    as_root apt-get update -qq && as_root apt-get install -y -qq nodejs npm
  fi
  if [ ! -d "$BROWSER_DIR/node_modules" ] || [ "$BROWSER_DIR/package-lock.json" -nt "$BROWSER_DIR/node_modules" ]; then
    say "installing browser-test and wasm-opt packages from npm"
    (cd "$BROWSER_DIR" && npm ci --no-audit --no-fund --loglevel=error && touch node_modules)
  fi
}

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ] || [ ! -d /usr/share/fonts/truetype/noto ]; then
    say "installing Chromium and an emoji font from Debian (for browser tests and screenshots)"
    as_root apt-get update -qq && as_root apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji
  fi
}

# pdftotext from Debian's poppler-utils: the statement test reads the PDF Chromium made back as text.
ensure_pdf_reader() {
  if ! command -v pdftotext >/dev/null; then
    say "installing poppler-utils from Debian (reads the statement PDF back in a test)"
    as_root apt-get update -qq && as_root apt-get install -y -qq poppler-utils
  fi
}

# Read-aloud clips are made with Debian's espeak-ng (speech) and opus-tools (opusenc: small files).
ensure_speech() {
  if ! command -v espeak-ng >/dev/null || ! command -v opusenc >/dev/null; then
    say "installing espeak-ng and opus-tools from Debian (the read-aloud clips)"
    as_root apt-get update -qq && as_root apt-get install -y -qq espeak-ng opus-tools
  fi
}

# Every fixed child and family text in every language, spoken into target/site/audio by the built
# server binary (`myvoice make-audio`); clips already made are kept in a cache outside the clone.
make_audio() {
  ensure_speech
  say "making the read-aloud clips"
  "$TARGET_DIR/debug/myvoice" make-audio --site-dir "$SITE_DIR" \
    --cache-dir "${MYVOICE_AUDIO_CACHE:-$HOME/.cache/myvoice-audio}"
}

# A real SMTP server for the notice tests (tests/src/mail.rs): aiosmtpd from Debian, run with Debian's
# python3 (not any other python3 on the PATH).
ensure_smtp_server() {
  if ! /usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null; then
    say "installing aiosmtpd from Debian (the SMTP server the notice tests send to)"
    as_root apt-get update -qq && as_root apt-get install -y -qq python3-aiosmtpd
  fi
}

# schemathesis from PyPI, for the GraphQL fuzz (tests/tests/suite/fuzz.rs), in a venv of its own.
FUZZ_VENV="${MYVOICE_FUZZ_VENV:-$HOME/.cache/myvoice-venv}"
SCHEMATHESIS_VERSION="4.32.5"

ensure_fuzzer() {
  if [ "$("$FUZZ_VENV/bin/st" --version 2>/dev/null | awk '{print $3}')" = "$SCHEMATHESIS_VERSION" ]; then
    return
  fi
  if ! python3 -m venv --help >/dev/null 2>&1; then
    say "installing Python and venv from Debian"
    as_root apt-get update -qq && as_root apt-get install -y -qq python3 python3-venv python3-pip
  fi
  say "installing schemathesis $SCHEMATHESIS_VERSION from PyPI into $FUZZ_VENV (once)"
  rm -rf "$FUZZ_VENV"
  python3 -m venv "$FUZZ_VENV"
  "$FUZZ_VENV/bin/pip" install --quiet --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
}

# Build the hydration bundle into target/site/pkg: wasm, its JS glue, the stylesheet, gzip copies.
build_site() {
  ensure_wasm_toolchain
  ensure_node_packages
  # MYVOICE_WASM_PROFILE=wasm-dev builds a bigger bundle much faster, for working on pages.
  local profile="${MYVOICE_WASM_PROFILE:-wasm-release}"
  local pkg="$SITE_DIR/pkg"
  rm -rf "$pkg" && mkdir -p "$pkg"
  # One bundle per audience, holding only that audience's islands (frontend/src/lib.rs).
  local bundle
  for bundle in child staff; do
    say "building the $bundle bundle ($profile)"
    cargo build -p frontend --lib --target wasm32-unknown-unknown --no-default-features \
      --features "$bundle-bundle" --profile "$profile"
    wasm-bindgen --target web --no-typescript --out-name "$bundle" --out-dir "$pkg" \
      "$TARGET_DIR/wasm32-unknown-unknown/$profile/frontend.wasm"
    # binaryen from npm runs on the machine's Node: nothing downloaded from outside the registries.
    if [ "$profile" = wasm-release ]; then
      node "$BROWSER_DIR/node_modules/binaryen/bin/wasm-opt" -Oz --enable-bulk-memory \
        --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals --enable-reference-types \
        "$pkg/${bundle}_bg.wasm" -o "$pkg/${bundle}_bg.wasm"
    fi
  done
  cp "$ROOT/frontend/style/myvoice.css" "$pkg/myvoice.css"
  # GraphiQL (GET /graphql) from the exact versions in tests/browser/package.json, served by myvoice
  # itself: nothing is loaded from a CDN (api/src/web/graphiql.rs).
  local modules="$BROWSER_DIR/node_modules"
  mkdir -p "$pkg/graphiql"
  cp "$modules/react/umd/react.production.min.js" "$modules/react-dom/umd/react-dom.production.min.js" \
    "$modules/graphiql/graphiql.min.js" "$modules/graphiql/graphiql.min.css" "$pkg/graphiql/"
  for f in "$pkg"/*.wasm "$pkg"/*.js "$pkg"/*.css "$pkg"/graphiql/*; do gzip -9 -k -f "$f"; done
  for bundle in child staff; do
    printf '%s bundle: wasm %s bytes (gzip %s), js %s bytes (gzip %s)\n' "$bundle" \
      "$(stat -c %s "$pkg/${bundle}_bg.wasm")" "$(stat -c %s "$pkg/${bundle}_bg.wasm.gz")" \
      "$(stat -c %s "$pkg/$bundle.js")" "$(stat -c %s "$pkg/$bundle.js.gz")"
  done
}
