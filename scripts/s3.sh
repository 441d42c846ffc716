#!/usr/bin/env bash
# Starts a throwaway S3-compatible server (moto's server mode) for the tests and prints its URL.
#
# Usage:
#   scripts/s3.sh [start]      start a new server on a free port; prints http://127.0.0.1:PORT
#                              as the last line of stdout and the server's directory on stderr
#   scripts/s3.sh stop DIR     stop that server and delete DIR (add --keep to keep it, e.g.
#                              to read DIR/server.log)
#
# Example:
#   url=$(scripts/s3.sh 2>s3.err) && dir=$(tail -n 1 s3.err)
#   MOTCUA_TEST_S3=$url cargo test -p motcua-store --test blob_store; scripts/s3.sh stop "$dir"
#
# Idempotent: moto is installed only when missing, into a virtual environment of its own
# ($HOME/.cache/motcua/moto; Debian's system pip is "externally managed"), with
# python3-venv from Debian when `python3 -m venv` is not there. Every start is a new server
# holding everything in memory, listening on 127.0.0.1 only, accepting any key: for tests.
set -euo pipefail

log() { printf '%s\n' "$*" >&2; }
die() { log "s3.sh: $*"; exit 1; }

VENV=${MOTCUA_MOTO_VENV:-$HOME/.cache/motcua/moto}
# The marker that says a directory is a server this script started (and may stop).
MARKER=motcua-throwaway-s3

# The moto_server program: the one in our virtual environment, else one on PATH, else
# installed into the virtual environment now.
find_moto() {
  if [ -x "$VENV/bin/moto_server" ]; then
    echo "$VENV/bin/moto_server"
    return
  fi
  if command -v moto_server >/dev/null && moto_server --help >/dev/null 2>&1; then
    command -v moto_server
    return
  fi
  command -v python3 >/dev/null || die "python3 is needed for moto (apt-get install python3)"
  log "==> Installing moto (PyPI) into $VENV"
  if ! python3 -m venv --help >/dev/null 2>&1 || ! python3 -c 'import ensurepip' 2>/dev/null; then
    local sudo=()
    if [ "$(id -u)" -ne 0 ]; then
      command -v sudo >/dev/null || die "python3-venv is missing and installing it needs root"
      sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
  fi
  rm -rf -- "$VENV"
  python3 -m venv "$VENV" >&2
  "$VENV/bin/pip" install --quiet --disable-pip-version-check 'moto[server]>=5,<6' >&2
  [ -x "$VENV/bin/moto_server" ] || die "no $VENV/bin/moto_server after installing moto"
  echo "$VENV/bin/moto_server"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# Whether something answers HTTP on the port.
answers() {
  python3 - "$1" <<'PY' 2>/dev/null
import sys, urllib.request, urllib.error
try:
    urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1)
except urllib.error.HTTPError:
    pass  # an HTTP answer, even an error, is an answer
PY
}

start() {
  local program dir port pid attempt
  program=$(find_moto)
  dir=$(mktemp -d /tmp/motcua-s3.XXXXXX)
  touch "$dir/$MARKER"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    # setsid: the server outlives this script and is stopped by `stop` through its pid.
    setsid "$program" -H 127.0.0.1 -p "$port" >"$dir/server.log" 2>&1 </dev/null &
    pid=$!
    echo "$pid" >"$dir/server.pid"
    for _ in $(seq 1 100); do
      if ! kill -0 "$pid" 2>/dev/null; then
        break
      fi
      if answers "$port"; then
        log "$dir"
        echo "http://127.0.0.1:$port"
        return
      fi
      sleep 0.2
    done
    kill "$pid" 2>/dev/null || true
    if ! grep -q 'Address already in use' "$dir/server.log" 2>/dev/null; then
      break
    fi
    log "port $port was taken meanwhile; trying another (attempt $attempt)"
  done
  tail -n 20 "$dir/server.log" >&2 || true
  die "moto did not start; its directory is $dir"
}

stop() {
  local dir=${1:-} keep=${2:-} pid
  [ -n "$dir" ] || die "usage: $0 stop DIR [--keep]"
  if [ ! -e "$dir" ]; then
    log "$dir does not exist: nothing to stop"
    return
  fi
  [ -f "$dir/$MARKER" ] || die "$dir is not a server started by this script; not touching it"
  pid=$(cat "$dir/server.pid" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 50); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  else
    log "the server of $dir is not running"
  fi
  if [ "$keep" = "--keep" ]; then
    log "kept $dir"
  else
    rm -rf -- "$dir"
  fi
}

case "${1:-start}" in
  start) start ;;
  stop) stop "${2:-}" "${3:-}" ;;
  *) die "usage: $0 [start] | stop DIR [--keep]" ;;
esac
