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

echo; echo "==> Rust tests (domain, store, HTTP)"
# One test at a time: each HTTP test runs the real server on its own Tokio runtime, and with
# two runtimes alive in one process a request now and then waits for ever (seen again on
# 02/12/2026: a sign-in in the back-office tests, after nine clean parallel runs; never in
# sequence). The cause is still open (see the architecture notes). The test clients' 60 s
# timeout makes such a hang fail fast with its test's name. On 2 cores running them in
# sequence costs little.
cargo test --workspace -- --test-threads=1

echo; echo "==> Browser tests (Chromium, Playwright)"
end2end/run.sh
