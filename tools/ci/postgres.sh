#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the workflow store tests.
#   tools/ci/postgres.sh start   creates a cluster in a temporary folder, starts it on a free port of 127.0.0.1 only,
#                                creates a database, and prints its connection string (the only line on stdout).
#   tools/ci/postgres.sh stop    stops that cluster and removes its folder.
# The state (folder, port) is kept in $KTXH_PG_STATE (default: /tmp/ktxh-postgres-<uid>.state).
# PostgreSQL refuses to run as root: when run as root, the cluster runs as the system user ktxhpg (created if missing).
# When no PostgreSQL binaries are found and we are root, Debian's postgresql package is installed.
set -euo pipefail
state=${KTXH_PG_STATE:-/tmp/ktxh-postgres-$(id -u).state}
log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  local d
  for d in ${KTXH_PG_BIN:-} /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    if [ -n "$d" ] && [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
  done
  return 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u ktxhpg -- "$@")   # from / so the cluster's user never needs the caller's folder
  else
    "$@"
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
  local bin dir port password
  if ! bin=$(find_bin); then
    if [ "$(id -u)" -ne 0 ]; then log "PostgreSQL binaries not found and not root: cannot install them."; exit 1; fi
    log "installing PostgreSQL (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update >&2 && apt-get install -y --no-install-recommends postgresql >&2
    bin=$(find_bin) || { log "PostgreSQL binaries still not found after installing."; exit 1; }
  fi
  if [ -f "$state" ]; then log "a cluster is already recorded in $state; stopping it first"; stop || true; fi
  if [ "$(id -u)" -eq 0 ] && ! id ktxhpg >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin ktxhpg
  fi
  dir=$(mktemp -d /tmp/ktxh-pg.XXXXXX)
  chmod 700 "$dir"
  [ "$(id -u)" -eq 0 ] && chown ktxhpg "$dir"
  password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
  printf '%s\n' "$password" > "$dir/pw"
  [ "$(id -u)" -eq 0 ] && chown ktxhpg "$dir/pw"
  as_owner "$bin/initdb" -D "$dir/data" -U ktxh --pwfile="$dir/pw" --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  rm -f "$dir/pw"
  for attempt in 1 2 3 4 5; do
    port=$(free_port)
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100" start >&2; then
      break
    fi
    log "start on port $port failed (attempt $attempt)"; port=""
  done
  [ -n "$port" ] || { cat "$dir/server.log" >&2; exit 1; }
  printf 'dir=%s\nport=%s\nbin=%s\n' "$dir" "$port" "$bin" > "$state"
  as_owner "$bin/createdb" -h "$dir" -p "$port" -U ktxh ktxh_test >&2
  echo "Host=127.0.0.1;Port=$port;Database=ktxh_test;Username=ktxh;Password=$password;Pooling=true"
}

stop() {
  [ -f "$state" ] || { log "no cluster recorded in $state"; return 0; }
  local dir port bin
  dir=$(sed -n 's/^dir=//p' "$state"); port=$(sed -n 's/^port=//p' "$state"); bin=$(sed -n 's/^bin=//p' "$state")
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || log "pg_ctl stop failed (port $port)"
  fi
  case "$dir" in /tmp/ktxh-pg.*) rm -rf "$dir" ;; esac
  rm -f "$state"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
