#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the database tests: Debian's postgresql (installed when missing, as root),
# initialised in a temporary folder, password (SCRAM) authentication, listening on 127.0.0.1 only, on a port
# of its own. `start` prints the environment the tests read (eval it); `stop DIR` stops and removes it.
#   eval "$(scripts/test-database.sh start)"; make test; scripts/test-database.sh stop "$ORGLENS_TEST_PG_DIR"
set -euo pipefail
port=${ORGLENS_TEST_PG_PORT:-55432}

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "${1:-}" in
start)
  if [ -z "$(pg_bin)" ]; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
      echo "Installing system packages: postgresql" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq && apt-get install -y -qq postgresql >/dev/null
    else
      echo "PostgreSQL is missing; install it with: sudo apt-get install -y postgresql" >&2
      exit 1
    fi
  fi
  bin=$(pg_bin)
  dir=$(mktemp -d /tmp/orglens-pg.XXXXXX)
  chmod 755 "$dir"
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" > "$dir/password"
  [ "$(id -u)" -eq 0 ] && chown -R postgres "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U orglens --auth=scram-sha-256 --pwfile="$dir/password" >"$dir/initdb.log" 2>&1 ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
    -o "-p $port -c listen_addresses=127.0.0.1 -k $dir -c fsync=off" start >/dev/null ||
    { cat "$dir/server.log" >&2; exit 1; }
  echo "export ORGLENS_TEST_PG_DIR='$dir'"
  echo "export ORGLENS_TEST_DATABASE_URL='postgresql://orglens@127.0.0.1:$port/postgres'"
  echo "export PGPASSWORD='$password'"
  ;;
stop)
  dir=${2:?usage: test-database.sh stop DIR}
  as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: scripts/test-database.sh start | stop DIR" >&2
  exit 64
  ;;
esac
