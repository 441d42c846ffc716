#!/usr/bin/env bash
# Sets everything up (as run.sh, plus Chromium), then runs every test: formatting and lints,
# the Rust unit and HTTP tests, and the Chromium tests against the release server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-browser

echo; echo "==> cargo fmt --check"
cargo fmt --all -- --check
echo; echo "==> cargo clippy (server and WebAssembly builds)"
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy -p app --lib --target wasm32-unknown-unknown --no-default-features --features hydrate -- -D warnings

# The crash test (server/tests/crash.rs) kills the release server that setup.sh just built,
# as a deployment runs it; 10 cycles here, MOTCUA_CRASH_CYCLES=100 or more on demand.
export MOTCUA_CRASH_BINARY="$PWD/target/release/motcua"

echo; echo "==> Rust tests on SQLite (domain, store, HTTP)"
cargo test --workspace

echo; echo "==> The storage contract and the HTTP tests again, on PostgreSQL"
# A throwaway cluster on a free local port (installed from Debian when missing); every test
# creates its own database on it (motcua_store::testing). Stopped and deleted on exit.
PG_LOG=$(mktemp)
PG_URL=$(scripts/postgres.sh 2>"$PG_LOG")
PG_DIR=$(tail -n 1 "$PG_LOG")
trap 'scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; rm -f "$PG_LOG"' EXIT
MOTCUA_TEST_DATABASE="$PG_URL" cargo test --workspace

echo; echo "==> The blob-store contract and an upload served to staff, on S3 (moto)"
# A throwaway S3 server (moto, installed into a virtual environment when missing) on a free
# local port; the S3 cases run only when MOTCUA_TEST_S3 names it, and fail if it is down.
S3_LOG=$(mktemp)
S3_URL=$(scripts/s3.sh 2>"$S3_LOG")
S3_DIR=$(tail -n 1 "$S3_LOG")
trap 'scripts/s3.sh stop "$S3_DIR" >/dev/null 2>&1 || true; rm -f "$S3_LOG"; scripts/postgres.sh stop "$PG_DIR" >/dev/null 2>&1 || true; rm -f "$PG_LOG"' EXIT
MOTCUA_TEST_S3="$S3_URL" cargo test -p motcua-store --test blob_store
MOTCUA_TEST_S3="$S3_URL" cargo test -p motcua --test files_on_s3
MOTCUA_TEST_S3="$S3_URL" MOTCUA_TEST_DATABASE="$PG_URL" cargo test -p motcua --test files_on_s3

echo; echo "==> Browser tests (Chromium, Playwright)"
end2end/run.sh
