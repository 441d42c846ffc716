#!/usr/bin/env bash
# Runs the browser tests and the page-weight check against a fresh server.
#
#   end2end/run.sh                 # everything
#   end2end/run.sh -g lookup       # extra arguments go to `playwright test`
#
# Needs the release build (`cargo leptos build --release`): target/release/motcua and
# target/site. Starts the server on a free port with a new database in a temporary folder
# (the demo catalogue is loaded into it), waits for /suc-khoe, runs `npx playwright test`
# and `node page-weight.mjs`, and stops the server whatever happens. The exit status is
# non-zero if either failed.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/.." && pwd)"
cd "$root"

if [[ ! -x target/release/motcua || ! -d target/site ]]; then
    echo "run.sh: the release build is missing (target/release/motcua and target/site)." >&2
    echo "        Build it first: cargo leptos build --release" >&2
    exit 2
fi
if [[ ! -d "$here/node_modules/@playwright/test" ]]; then
    echo "run.sh: installing the test dependencies (npm ci)" >&2
    (cd "$here" && npm ci --no-audit --no-fund) || exit 2
fi

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/motcua-e2e.XXXXXX")"
log="$tmp/server.log"
url="http://127.0.0.1:$port"
server=""
# A second server on the same database whose workflow clock runs 30 days ahead: the
# overdue-dossier test files on the first and sees the dossier late on the second.
late_port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
late_url="http://127.0.0.1:$late_port"
late=""

stop() {
    local pid="$1"
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill "$pid" 2>/dev/null
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
}

cleanup() {
    stop "$late"
    stop "$server"
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "run.sh: starting motcua on $url (database in $tmp)"
MOTCUA_DATABASE_URL="sqlite://$tmp/motcua.db" \
MOTCUA_DEMO_DIR=demo \
LEPTOS_SITE_ADDR="127.0.0.1:$port" \
LEPTOS_SITE_ROOT="target/site" \
RUST_LOG="${RUST_LOG:-info}" \
    target/release/motcua serve >"$log" 2>&1 &
server=$!

ready=""
for _ in $(seq 1 120); do
    if ! kill -0 "$server" 2>/dev/null; then
        break
    fi
    if [[ "$(curl -fsS --max-time 2 "$url/suc-khoe" 2>/dev/null)" == "ok" ]]; then
        ready=1
        break
    fi
    sleep 0.5
done
if [[ -z "$ready" ]]; then
    echo "run.sh: the server did not answer ok on $url/suc-khoe within 60 s. Its log:" >&2
    cat "$log" >&2
    exit 1
fi

MOTCUA_DATABASE_URL="sqlite://$tmp/motcua.db" \
LEPTOS_SITE_ADDR="127.0.0.1:$late_port" \
LEPTOS_SITE_ROOT="target/site" \
MOTCUA_TEST_CLOCK_OFFSET_DAYS=30 \
    target/release/motcua serve >"$tmp/late.log" 2>&1 &
late=$!
for _ in $(seq 1 120); do
    [[ "$(curl -fsS --max-time 2 "$late_url/suc-khoe" 2>/dev/null)" == "ok" ]] && break
    sleep 0.5
done

status=0
echo "run.sh: browser tests"
(cd "$here" && MOTCUA_URL="$url" MOTCUA_LATE_URL="$late_url" npx --no-install playwright test "$@") || status=1

echo "run.sh: page weight"
(cd "$here" && MOTCUA_URL="$url" node page-weight.mjs) || status=1

if [[ $status -ne 0 ]]; then
    echo "run.sh: FAILED. Last lines of the server log:" >&2
    tail -n 40 "$log" >&2
else
    echo "run.sh: all passed"
fi
exit $status
