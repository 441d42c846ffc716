# Sourced by the benchmark scripts: starting the release server on a fresh SQLite database
# with the demo loaded, as a deployment runs it, and stopping it.
#
# Needs: $bin (the server binary), $work (a temporary folder the caller removes).
# Sets:  $server_pid, $port.

log() { printf '%s\n' "$*" >&2; }

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_server NAME [VAR=VALUE...]: a server logging to $work/NAME.log, with the variables
# given added to its environment; returns once it answers its health check.
start_server() {
  local name=$1
  shift
  port=$(free_port)
  log "==> Starting $bin on 127.0.0.1:$port ($name${*:+: $*})"
  env MOTCUA_DEMO_DIR=demo MOTCUA_FILINGS_PER_HOUR=100000000 LEPTOS_SITE_ADDR="127.0.0.1:$port" \
    "$@" "$bin" serve >"$work/$name.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    if curl -fs "http://127.0.0.1:$port/suc-khoe" >/dev/null 2>&1; then
      return 0
    fi
    if ! kill -0 "$server_pid" 2>/dev/null; then
      tail -n 20 "$work/$name.log" >&2
      log "the server stopped"
      exit 1
    fi
    sleep 0.5
  done
  log "the server did not answer"
  exit 1
}

stop_server() {
  if [ -n "${server_pid:-}" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
