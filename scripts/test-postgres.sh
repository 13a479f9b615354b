#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on loopback for the store tests and
# prints the URL to export as HRSS_TEST_POSTGRES_URL. Installs PostgreSQL from
# Debian's packages when it is missing. Needs root (CI and the dev machines are).
#   eval "$(scripts/test-postgres.sh)"    # then: cargo test
set -euo pipefail
PORT="${HRSS_TEST_PG_PORT:-54329}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PGDATA=/tmp/hrss-test-pg-$PORT
if runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null 2>&1; then
  echo "export HRSS_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PORT/hrss_test"
  exit 0
fi
rm -rf "$PGDATA"
mkdir -p "$PGDATA"
chown postgres:postgres "$PGDATA"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
  -o "-p $PORT -k $PGDATA -c listen_addresses=127.0.0.1 -c max_connections=300" start >&2
runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" hrss_test
echo "export HRSS_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PORT/hrss_test"
