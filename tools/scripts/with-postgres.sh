#!/usr/bin/env bash
# Runs a command against a private, throw-away PostgreSQL server on loopback.
#   tools/scripts/with-postgres.sh <command...>
# The server lives in a temporary directory, listens on 127.0.0.1:$PG_TEST_PORT (default 54329)
# and is stopped and removed when the command ends. DATABASE_URL points the command at it.
set -euo pipefail

PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "with-postgres: PostgreSQL is not installed (Debian package 'postgresql'); tools/scripts/debian-packages.sh installs it." >&2
  exit 1
fi

PORT=${PG_TEST_PORT:-54329}
DIR=$(mktemp -d /tmp/olievlek-pg.XXXXXX)
RUN=()
if [ "$(id -u)" = "0" ]; then
  # initdb refuses to run as root: hand the directory to the postgres system user.
  chown postgres:postgres "$DIR"
  RUN=(runuser -u postgres --)
fi

cleanup() {
  "${RUN[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

"${RUN[@]}" "$PG_BIN/initdb" -D "$DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 ||
  { cat "$DIR/initdb.log" >&2; exit 1; }
"${RUN[@]}" "$PG_BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200" start >/dev/null ||
  { cat "$DIR/server.log" >&2; exit 1; }

export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
set +e
"$@"
status=$?
set -e
exit $status
