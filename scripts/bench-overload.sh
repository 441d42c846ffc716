#!/usr/bin/env bash
# Load shedding measured: many clients at once against the release server, once with a small
# limit on requests worked on at once (MOTCUA_MAX_REQUESTS) and once with no real limit;
# prints a Markdown table (docs/performance.md has the numbers).
#
# Usage:
#   scripts/bench-overload.sh [SECONDS] [CLIENTS] [LIMIT]      (default: 15 300 8)
#
# Environment: MOTCUA_BIN, LEPTOS_SITE_ROOT and CARGO_TARGET_DIR as for bench-filings.sh.
#
# Each run starts a fresh server (SQLite, the demo loaded); the client
# (server/examples/bench_overload.rs) has CLIENTS clients GET the catalogue /thu-tuc one
# request after another for SECONDS, each on a new connection; a refused client waits half
# a second before trying again. The client runs on the same machine.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-15}
clients=${2:-300}
limit=${3:-8}
bin=${MOTCUA_BIN:-target/release/motcua}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$(dirname "$(dirname "$bin")")/site}

source scripts/lib/bench-server.sh
[ -x "$bin" ] || { log "no server binary at $bin: run scripts/setup.sh (or set MOTCUA_BIN)"; exit 1; }

log "==> Building the client (dev profile)"
cargo build -q --workspace --example bench_overload
client="${CARGO_TARGET_DIR:-target}/debug/examples/bench_overload"

work=$(mktemp -d)
server_pid=""
trap 'stop_server; rm -rf -- "$work"' EXIT
ulimit -n 65536 2>/dev/null || true

rows=()
for max in "$limit" 1000000; do
  stop_server
  rm -rf -- "$work/data"
  export MOTCUA_DATABASE_URL="sqlite://$work/data/motcua.db"
  start_server "max-$max" MOTCUA_MAX_REQUESTS="$max"
  log "==> Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
  rows+=("$("$client" --base "http://127.0.0.1:$port" --clients "$clients" --seconds "$seconds" --label "max_requests $max")")
done

echo "| server | clients | s | requests | served/s | refused (503) | with Retry-After | failed | served p50 ms | served p99 ms | refused p50 ms | refused p99 ms |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
