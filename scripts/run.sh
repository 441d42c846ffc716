#!/usr/bin/env bash
# Sets everything up on a fresh machine (skipping what is installed), builds, and serves
# motcua at http://127.0.0.1:3000 on the embedded SQLite database with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
echo
echo "==> Serving motcua at http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000} (Ctrl-C to stop)"
MOTCUA_DEMO_DIR="${MOTCUA_DEMO_DIR-demo}" exec target/release/motcua serve
