#!/bin/sh
# Install (if needed) and start a local PostgreSQL server for the storage tests, create a test
# database, and print the URL to use as DATABASE_URL_TEST. Prints nothing when it cannot.
# Used by .ci/run; run it by hand the same way:  export DATABASE_URL_TEST=$(sh scripts/ci-postgres.sh)
set -u
if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >/dev/null 2>&1 \
            || { echo "warning: could not install postgresql" >&2; exit 0; }
    else
        echo "warning: postgresql not installed; PostgreSQL storage tests will be skipped" >&2
        exit 0
    fi
fi
if command -v pg_lsclusters >/dev/null 2>&1; then
    version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
    cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
    if [ -z "$version" ]; then
        version=$(ls /usr/lib/postgresql | sort -n | tail -1)
        cluster=main
        pg_createcluster "$version" "$cluster" >/dev/null 2>&1
    fi
    pg_ctlcluster "$version" "$cluster" start >/dev/null 2>&1 || true
    port=$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1==v && $2==c {print $3}')
else
    echo "warning: pg_lsclusters not found (not Debian?); start PostgreSQL yourself" >&2
    exit 0
fi
for _ in 1 2 3 4 5 6 7 8 9 10; do
    su postgres -c "psql -p $port -qtAc 'select 1'" >/dev/null 2>&1 && break
    sleep 1
done
su postgres -c "psql -p $port -qtAc \"select 1 from pg_roles where rolname='reviewer_test'\"" | grep -q 1 \
    || su postgres -c "psql -p $port -qc \"create role reviewer_test login password 'reviewer_test'\"" >/dev/null
# CREATEDB: in parallel runs (pytest -n) each worker creates its own reviewer_test_gwN (tests/conftest.py)
su postgres -c "psql -p $port -qc 'alter role reviewer_test createdb'" >/dev/null
su postgres -c "psql -p $port -qtAc \"select 1 from pg_database where datname='reviewer_test'\"" | grep -q 1 \
    || su postgres -c "createdb -p $port -O reviewer_test reviewer_test" >/dev/null
echo "postgresql+psycopg://reviewer_test:reviewer_test@127.0.0.1:$port/reviewer_test"
