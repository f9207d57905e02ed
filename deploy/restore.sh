#!/bin/sh
# Restore a backup made by backup.sh into the database DATABASE_URL and the folder REVIEWER_INSTANCE.
#   sh deploy/restore.sh /var/backups/ppid-reviewer/ppid-20250301-013000 --yes
# Stop the web UI and the worker first (systemctl stop ppid-reviewer-web ppid-reviewer-worker). The
# checksums are verified before anything is touched; then the database is replaced (pg_restore --clean)
# and the instance folder's files are put back (files not in the backup are left as they are), and the
# schema is migrated to this version (`reviewer db upgrade`).
set -eu
src=${1:?"pemakaian / usage: restore.sh BACKUP_FOLDER --yes"}
[ "${2:-}" = "--yes" ] || { echo "menimpa basis data dan folder instance; ulangi dengan --yes / this overwrites the database and the instance folder; repeat with --yes" >&2; exit 2; }
. "$(dirname "$0")/db-common.sh"
REVIEWER=${REVIEWER:-reviewer}
(cd "$src" && sha256sum --quiet -c SHA256SUMS) || { echo "cadangan rusak (checksum) / backup damaged: $src" >&2; exit 1; }

case "$DATABASE_URL" in
    sqlite*)
        db_file=${DATABASE_URL#sqlite:///}
        sqlite_copy "$src/database.sqlite3" "$db_file" ;;
    *)
        pg_restore --clean --if-exists --no-owner --no-privileges --single-transaction --dbname="$libpq_url" \
            "$src/database.dump" ;;
esac
mkdir -p "$REVIEWER_INSTANCE"
tar -C "$REVIEWER_INSTANCE" -xzf "$src/instance.tar.gz"
$REVIEWER db upgrade
echo "dipulihkan dari / restored from $src; jalankan lagi / start again: systemctl start ppid-reviewer-web ppid-reviewer-worker"
