#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the tests and prints its URL.
#
# Usage:
#   scripts/postgres.sh [start]      start a new cluster in a fresh temporary directory;
#                                    prints postgres://postgres@127.0.0.1:PORT as the last line
#                                    of stdout and the cluster's directory on stderr
#   scripts/postgres.sh start --durable
#                                    the same with fsync on, as real data needs: for
#                                    benchmarks that must count the cost of durable commits
#   scripts/postgres.sh stop DIR     stop that cluster and delete DIR (add --keep to keep it,
#                                    e.g. to read DIR/server.log)
#
# Example:
#   url=$(scripts/postgres.sh 2>pg.err) && dir=$(tail -n 1 pg.err)
#   MOTCUA_TEST_DATABASE=$url cargo test ...; scripts/postgres.sh stop "$dir"
#
# Idempotent: PostgreSQL is installed (Debian's `postgresql` package) only when no server
# binary is there yet; every start is a new, independent cluster on its own free port, and
# `stop` on a cluster that is already stopped or gone succeeds. The cluster trusts every local
# connection (no password) and listens on 127.0.0.1 only: for tests, never for real data.
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }
die() { log "postgres.sh: $*"; exit 1; }

# The marker that says a directory is a cluster this script made (and may delete).
MARKER=motcua-throwaway-cluster

# Runs a PostgreSQL program as the owner of the cluster: the server refuses to run as root,
# so as root it runs as the `postgres` user (from `/`, which that user can read).
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# The directory of the newest installed server's programs (initdb, pg_ctl, postgres).
pg_bindir() {
  local postgres
  postgres=$(ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sort -V | tail -n 1 || true)
  [ -n "$postgres" ] && dirname "$postgres"
}

install_postgres() {
  if [ -n "$(pg_bindir || true)" ]; then
    return
  fi
  log "==> Installing PostgreSQL (Debian package)"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "PostgreSQL is not installed and installing it needs root"
    sudo=(sudo)
  fi
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  [ -n "$(pg_bindir || true)" ] || die "no /usr/lib/postgresql/*/bin/postgres after installing"
}

# A TCP port on 127.0.0.1 that nothing listens on right now (the kernel's pick when Python
# is there, else a random one that refuses a connection). Another program may still take it
# before the server binds it; start() then retries with another.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
    return
  fi
  local port
  while :; do
    port=$((20000 + RANDOM % 40000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

start() {
  local durable=${1:-}
  install_postgres
  local bindir version dir port attempt fsync=off
  bindir=$(pg_bindir)
  version=$("$bindir/postgres" --version)
  case "$version" in
    *" "1[5-9].* | *" "[2-9][0-9].*) ;;
    *) log "warning: $version is older than PostgreSQL 15, which motcua supports" ;;
  esac
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    die "running as root needs a 'postgres' user to own the cluster (Debian's package creates it)"
  fi

  # A fresh directory under /tmp (short: the server's Unix socket lives in it too), owned by
  # the user the server runs as.
  dir=$(mktemp -d /tmp/motcua-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres:postgres "$dir"
  fi

  # C collation and UTF-8: text order must be byte order, as in SQLite, because the store
  # compares and sorts moments, dates and codes as text. `trust`: no passwords, test only.
  # --no-sync: like fsync=off below, skips flushing a cluster nobody needs after a crash.
  as_owner "$bindir/initdb" -D "$dir" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync >&2 \
    || die "initdb failed in $dir"
  as_owner touch "$dir/$MARKER"

  # fsync=off: a crash of the machine may corrupt this cluster, which is fine for a throwaway
  # test cluster and makes the tests much faster. Never use it for real data.
  if [ "$durable" = "--durable" ]; then
    fsync=on
  fi
  # max_connections=300: tests run in parallel, each with its own pool.
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bindir/pg_ctl" -D "$dir" -l "$dir/server.log" \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=$fsync -c max_connections=300" \
      -w start >&2; then
      log "$dir"
      echo "postgres://postgres@127.0.0.1:$port"
      return
    fi
    if ! grep -q 'could not bind\|Address already in use' "$dir/server.log" 2>/dev/null; then
      break
    fi
    log "port $port was taken meanwhile; trying another (attempt $attempt)"
  done
  tail -n 20 "$dir/server.log" >&2 || true
  die "the server did not start; its directory is $dir"
}

stop() {
  local dir=${1:-} keep=${2:-}
  [ -n "$dir" ] || die "usage: $0 stop DIR [--keep]"
  if [ ! -e "$dir" ]; then
    log "$dir does not exist: nothing to stop"
    return
  fi
  [ -f "$dir/$MARKER" ] || die "$dir is not a cluster started by this script; not touching it"
  local bindir
  bindir=$(pg_bindir) || die "PostgreSQL is not installed"
  if as_owner "$bindir/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    as_owner "$bindir/pg_ctl" -D "$dir" -m fast -w stop >&2
  else
    log "the cluster in $dir is not running"
  fi
  if [ "$keep" = "--keep" ]; then
    log "kept $dir"
  else
    rm -rf -- "$dir"
  fi
}

case "${1:-start}" in
  start) start "${2:-}" ;;
  stop) stop "${2:-}" "${3:-}" ;;
  *) die "usage: $0 [start [--durable]] | stop DIR [--keep]" ;;
esac
