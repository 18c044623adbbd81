#!/usr/bin/env bash
# A throwaway PostgreSQL for the integration tests: Debian's postgresql package, a cluster initdb'd into a
# temporary folder as the postgres user, trust authentication, 127.0.0.1 on a free port.
#   eval "$(.ci/postgres.sh start)"   # prints: export CONTENTPIPELINE_TEST_POSTGRES=... CONTENTPIPELINE_TEST_PGDATA=...
#   .ci/postgres.sh stop              # stops the cluster and removes its folder
set -euo pipefail

bin() {
  local initdb
  initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$initdb" ]; then
    echo "postgres.sh: installing Debian's postgresql package" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2 || {
      apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2; }
    initdb=$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)
  fi
  dirname "$initdb"
}

# initdb refuses to run as root: as root, the cluster belongs to the postgres user; otherwise to whoever runs this.
as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

case "${1:-}" in
  start)
    dir=$(bin)
    data=$(mktemp -d /tmp/contentpipeline-pg-XXXXXX)
    if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$data"; fi
    as_postgres "$dir/initdb" -D "$data/db" -U postgres --auth=trust -E UTF8 --no-sync >&2
    port=$(free_port)
    as_postgres "$dir/pg_ctl" -D "$data/db" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -k /tmp -c max_connections=300 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      -l "$data/postgres.log" start >&2
    echo "export CONTENTPIPELINE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres'"
    echo "export CONTENTPIPELINE_TEST_PGDATA='$data'"
    ;;
  stop)
    data=${2:-${CONTENTPIPELINE_TEST_PGDATA:-}}
    [ -n "$data" ] && [ -d "$data" ] || exit 0
    dir=$(bin)
    as_postgres "$dir/pg_ctl" -D "$data/db" -m immediate -w stop >&2 || true
    rm -rf "$data"
    ;;
  *)
    echo "usage: $0 start | stop [DIR]" >&2
    exit 2
    ;;
esac
