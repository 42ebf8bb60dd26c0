#!/usr/bin/env bash
# A PostgreSQL for the tests on this machine: installs Debian's postgresql if missing, starts its cluster,
# creates the role and database congvan_test (password congvan_test), and prints the URL to give pytest
# as CONGVAN_TEST_POSTGRES_URL. Messages go to stderr; only the URL goes to stdout.
#   export CONGVAN_TEST_POSTGRES_URL=$(bash scripts/test_postgres.sh)
set -euo pipefail
NAME=congvan_test
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else sudo -u postgres "$@"; fi; }

if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(pg_lsclusters -h 2>/dev/null)" ]; then
    echo "apt-get install postgresql" >&2
    $SUDO apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends postgresql >&2
fi
read -r version cluster port status _ < <(pg_lsclusters -h | head -n 1)
# Migration 0009 creates the extension btree_gin (trusted: the database's owner may, as the tests' role is);
# Debian ships it in postgresql-NN, some systems in postgresql-contrib.
if [ ! -f "/usr/share/postgresql/$version/extension/btree_gin.control" ]; then
    echo "apt-get install postgresql-contrib" >&2
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends postgresql-contrib >&2
fi
if [ "$status" != online ]; then
    echo "starting PostgreSQL $version/$cluster" >&2
    $SUDO pg_ctlcluster "$version" "$cluster" start >&2
fi
for _ in $(seq 30); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 1; done
if [ -z "$(as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$NAME'")" ]; then
    as_postgres psql -p "$port" -q -c "CREATE ROLE $NAME LOGIN PASSWORD '$NAME'" >&2
fi
if [ -z "$(as_postgres psql -p "$port" -tAc "SELECT 1 FROM pg_database WHERE datname = '$NAME'")" ]; then
    as_postgres createdb -p "$port" -O "$NAME" "$NAME" >&2
fi
as_postgres psql -p "$port" -q -c "ALTER DATABASE $NAME OWNER TO $NAME" >&2  # the tests create schemas and extensions in it
echo "postgresql://$NAME:$NAME@127.0.0.1:$port/$NAME"
