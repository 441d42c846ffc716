#!/usr/bin/env bash
# Complete no-JavaScript filings per second against the release server, on SQLite or on a
# throwaway PostgreSQL cluster; prints a Markdown table (docs/performance.md has the numbers).
#
# Usage:
#   scripts/bench-filings.sh [sqlite|postgres] [SECONDS] [CLIENTS...]
#   e.g. scripts/bench-filings.sh postgres 30 1 4 16      (default: sqlite 30 1 4 16)
#
# Environment:
#   MOTCUA_BIN        the server binary (default target/release/motcua, made by
#                     scripts/setup.sh; this script never builds it)
#   LEPTOS_SITE_ROOT  the site the binary was built with (default: `site` beside the
#                     binary's profile folder, e.g. target/site for target/release/motcua)
#   CARGO_TARGET_DIR  where the client (server/examples/bench_filings.rs, dev profile) is
#                     built, as cargo uses it
#
# Each run starts a fresh server with the demo loaded on a fresh database in a temporary
# directory, as a deployment would run it: durable commits (SQLite `synchronous=FULL`;
# PostgreSQL with `fsync` on: `scripts/postgres.sh start --durable`), logging at
# the default level to a file. Then, for each CLIENTS value, the client files dossiers of
# the demo procedure 2.000635.000.00.00.H56 (two form pages and one upload) for SECONDS.
# The client runs on the same machine and takes its share of the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."

backend=${1:-sqlite}
seconds=${2:-30}
shift $(($# > 2 ? 2 : $#))
clients=("$@")
[ ${#clients[@]} -gt 0 ] || clients=(1 4 16)
bin=${MOTCUA_BIN:-target/release/motcua}
export LEPTOS_SITE_ROOT=${LEPTOS_SITE_ROOT:-$(dirname "$(dirname "$bin")")/site}

source scripts/lib/bench-server.sh
die() { log "bench-filings.sh: $*"; exit 1; }

[ -x "$bin" ] || die "no server binary at $bin: run scripts/setup.sh (or set MOTCUA_BIN)"
case "$backend" in sqlite | postgres) ;; *) die "backend must be sqlite or postgres" ;; esac

log "==> Building the client (dev profile)"
# --workspace: the features the test build unifies, so its artifacts are reused.
cargo build -q --workspace --example bench_filings
client="${CARGO_TARGET_DIR:-target}/debug/examples/bench_filings"

work=$(mktemp -d)
server_pid=""
pg_dir=""
cleanup() {
  stop_server
  if [ -n "$pg_dir" ]; then
    scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true
  fi
  rm -rf -- "$work"
}
trap cleanup EXIT

if [ "$backend" = postgres ]; then
  log "==> Starting a throwaway PostgreSQL cluster"
  pg_server=$(scripts/postgres.sh start --durable 2>"$work/pg.log")
  pg_dir=$(tail -n 1 "$work/pg.log")
  psql -q -X -v ON_ERROR_STOP=1 "$pg_server/postgres" \
    -c "CREATE DATABASE motcua TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C.UTF-8'" \
    >/dev/null
  export MOTCUA_DATABASE_URL="$pg_server/motcua"
  export MOTCUA_FILES_DIR="$work/files"
  version=$(psql -X -A -t "$pg_server/postgres" -c "SHOW server_version")
  log "    PostgreSQL $version, fsync $(psql -X -A -t "$pg_server/postgres" -c 'SHOW fsync')"
else
  export MOTCUA_DATABASE_URL="sqlite://$work/data/motcua.db"
  unset MOTCUA_FILES_DIR
fi

start_server "$backend"

log "==> Load before the run: $(cut -d' ' -f1-3 /proc/loadavg)"
rows=()
for c in "${clients[@]}"; do
  rows+=("$("$client" --base "http://127.0.0.1:$port" --clients "$c" --seconds "$seconds" --label "$backend")")
done
log "==> Load after the run: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "| backend | clients | s | filings | filings/s | filing p50 ms | filing p99 ms | request p50 ms | request p99 ms | requests per filing |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${rows[@]}"
