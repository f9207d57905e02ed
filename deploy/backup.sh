#!/bin/sh
# Back up the reviewer: the database (pg_dump, custom format) and the instance folder (originals, secret key;
# the page-image cache is left out, it is rebuilt). Each run writes BACKUP_DIR/ppid-YYYYmmdd-HHMMSS/ with
#   database.dump   instance.tar.gz   SHA256SUMS
# and removes runs older than BACKUP_KEEP_DAYS. Reads DATABASE_URL, REVIEWER_INSTANCE, BACKUP_DIR from the
# environment (the systemd unit loads /etc/ppid-reviewer/env). SQLite databases are copied with Python's
# online backup instead of pg_dump. Exit code non-zero when anything failed; a failed run is deleted.
set -eu
. "$(dirname "$0")/db-common.sh"
BACKUP_DIR=${BACKUP_DIR:-/var/backups/ppid-reviewer}
BACKUP_KEEP_DAYS=${BACKUP_KEEP_DAYS:-14}
stamp=$(date +%Y%m%d-%H%M%S)
out="$BACKUP_DIR/ppid-$stamp"
mkdir -p "$out"
chmod 0750 "$BACKUP_DIR" "$out"
trap 'rm -rf "$out"; echo "cadangan GAGAL / backup FAILED: $out" >&2' EXIT

case "$DATABASE_URL" in
    sqlite*)
        db_file=${DATABASE_URL#sqlite:///}
        sqlite_copy "$db_file" "$out/database.sqlite3" ;;
    *)
        pg_dump --format=custom --no-owner --no-privileges --file="$out/database.dump" "$libpq_url" ;;
esac

tar -C "$REVIEWER_INSTANCE" --exclude=./cache --exclude='./*.sqlite3*' -czf "$out/instance.tar.gz" .
(cd "$out" && sha256sum database.* instance.tar.gz > SHA256SUMS)
trap - EXIT
find "$BACKUP_DIR" -maxdepth 1 -type d -name 'ppid-*' -mtime +"$BACKUP_KEEP_DAYS" -exec rm -rf {} +
echo "cadangan / backup: $out ($(du -sh "$out" | cut -f1))"
