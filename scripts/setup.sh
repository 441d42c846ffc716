#!/usr/bin/env bash
# Installs everything motcua needs to build, then builds the release: idempotent, each step
# is skipped when what it installs is already there at the right version.
# Usage: scripts/setup.sh [--with-browser]   (--with-browser also installs what the tests need:
#   Chromium, nginx as the reverse proxy of server/tests/cluster.rs, and clamd for the
#   malware-scanner test in server/tests/filing.rs)
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_LEPTOS_VERSION=0.3.10
BINARYEN_VERSION=132
export PATH="$HOME/.cargo/bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(cargo leptos --version 2>/dev/null || true)" != "cargo-leptos $CARGO_LEPTOS_VERSION" ]; then
  step "Installing cargo-leptos $CARGO_LEPTOS_VERSION (about 15 minutes)"
  cargo install cargo-leptos --version "$CARGO_LEPTOS_VERSION" --locked --features no_downloads
fi

# The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $WBG_VERSION" ]; then
  step "Installing wasm-bindgen-cli $WBG_VERSION (about 4 minutes)"
  cargo install wasm-bindgen-cli --version "$WBG_VERSION" --force
fi

# wasm-opt from npm's binaryen: Debian's is too old for current Rust output.
if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
  step "Installing wasm-opt (binaryen $BINARYEN_VERSION) from npm"
  npm install --global --no-fund --no-audit "binaryen@$BINARYEN_VERSION"
fi

if [ "${1:-}" = "--with-browser" ]; then
  if [ ! -x /usr/bin/chromium ]; then
    step "Installing Chromium (Debian package) for the browser tests"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
  if [ ! -x /usr/sbin/nginx ]; then
    step "Installing nginx (Debian package) for the two-server test behind a reverse proxy"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx
  fi
  if [ ! -x /usr/sbin/clamd ]; then
    step "Installing ClamAV's daemon (Debian package) for the malware-scanner test"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq clamav-daemon
  fi
  if [ ! -d end2end/node_modules/playwright-core ]; then
    step "Installing the browser-test packages"
    (cd end2end && npm ci --no-fund --no-audit)
  fi
fi

step "Building the release (server binary and WebAssembly islands)"
cargo leptos build --release --precompress
