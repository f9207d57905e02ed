# Shared by backup.sh and restore.sh (sourced, not run): the environment they need and the two ways a
# database is copied. Reads DATABASE_URL and REVIEWER_INSTANCE; sets PYTHON and libpq_url.
: "${DATABASE_URL:?DATABASE_URL tidak diatur / not set}"
: "${REVIEWER_INSTANCE:?REVIEWER_INSTANCE tidak diatur / not set}"
PYTHON=${PYTHON:-python3}
# pg_dump and pg_restore want a libpq URL: drop SQLAlchemy's "+driver" part.
libpq_url=$(printf '%s' "$DATABASE_URL" | sed -e 's#^postgres\(ql\)\{0,1\}+[a-z0-9]*://#postgresql://#' -e 's#^postgres://#postgresql://#')

# sqlite_copy FROM TO: an online copy with SQLite's backup API (safe while the web UI is running).
sqlite_copy() {
    "$PYTHON" -c 'import sqlite3, sys; src = sqlite3.connect(sys.argv[1]); dst = sqlite3.connect(sys.argv[2]); src.backup(dst); dst.close()' \
        "$1" "$2"
}
