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
# In parallel, as cargo runs them. Each HTTP test runs the real server on its own Tokio
# runtime; the test clients use no pooled connections and a 60 s timeout, so a request that
# ever waited for ever again fails fast with its name instead of eating the CI budget.
cargo test --workspace

echo; echo "==> Browser tests (Chromium, Playwright)"
end2end/run.sh
