#!/bin/sh
# Bring a fresh Debian 12 / Ubuntu 22.04+ machine to a running office server (run as root, from a checkout):
#   sudo sh deploy/install-debian.sh [--staging] [--https NAME] [--admin USER]
# Installs the system packages (Python, Tesseract with Indonesian, poppler, PostgreSQL), creates the service
# user `ppid-reviewer`, copies this checkout to /opt/ppid-reviewer/app with its own venv, creates the
# PostgreSQL role and database, writes /etc/ppid-reviewer/env (random password and secret key), migrates the
# schema, installs and starts the systemd units (web UI on 127.0.0.1:8000, scan worker, nightly backup),
# log rotation, and finally runs `reviewer doctor --server`. Safe to run again: it never overwrites the env
# file, the database or the instance folder (re-running it is also how the code is upgraded, see upgrade.sh).
#   --staging      no HTTPS yet: the UI listens on 0.0.0.0:8000 and login works over plain http
#   --https NAME   install Caddy and serve https://NAME (certificate from Let's Encrypt, or `tls internal`)
#   --admin USER   create the first admin account (password asked, or read from standard input)
set -eu
APP=/opt/ppid-reviewer
ETC=/etc/ppid-reviewer
DATA=/var/lib/ppid-reviewer
SVC=ppid-reviewer
staging=0; https=""; admin=""
while [ $# -gt 0 ]; do
    case "$1" in
        --staging) staging=1 ;;
        --https) https=${2:?--https NAME}; shift ;;
        --admin) admin=${2:?--admin USER}; shift ;;
        *) echo "opsi tidak dikenal / unknown option: $1" >&2; exit 2 ;;
    esac
    shift
done
[ "$(id -u)" = 0 ] || { echo "jalankan sebagai root / run as root (sudo)" >&2; exit 2; }
command -v apt-get >/dev/null || { echo "hanya Debian/Ubuntu / Debian or Ubuntu only (apt-get)" >&2; exit 2; }
src=$(cd "$(dirname "$0")/.." && pwd)
step() { printf '\n== %s\n' "$*"; }

step "paket sistem / system packages"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq python3 python3-venv python3-dev build-essential tesseract-ocr tesseract-ocr-ind \
    tesseract-ocr-eng poppler-utils postgresql postgresql-client tzdata logrotate ca-certificates >/dev/null
[ -n "$https" ] && apt-get install -y -qq caddy >/dev/null

step "pengguna layanan / service user $SVC"
install -d -m 0750 "$DATA"
id "$SVC" >/dev/null 2>&1 || adduser --system --group --home "$DATA" --no-create-home "$SVC"
install -d -o "$SVC" -g "$SVC" -m 0750 "$DATA" "$DATA/instance" /var/cache/ppid-reviewer /var/backups/ppid-reviewer
install -d -o "$SVC" -g adm -m 0750 /var/log/ppid-reviewer
install -d -m 0755 "$APP" "$ETC"

step "kode dan venv / code and venv in $APP"
mkdir -p "$APP/app"
tar -C "$src" --exclude=./.venv --exclude=./instance --exclude=./.git --exclude='*/__pycache__' \
    --exclude=./.pytest_cache --exclude=./.ruff_cache --exclude=./.hypothesis --exclude=./out \
    --exclude='*.egg-info' -cf - . | tar -C "$APP/app" -xf -
# Debian's Python, which the service user can run: not a pyenv/conda python first on root's PATH (a venv made
# from one of those points into /root and fails with "Permission denied").
if ! su -s /bin/sh "$SVC" -c "$APP/venv/bin/python -c ''" 2>/dev/null; then
    /usr/bin/python3 -m venv --clear "$APP/venv"
fi
"$APP/venv/bin/pip" install -q --upgrade pip
"$APP/venv/bin/pip" install -q -e "$APP/app[postgres]"

step "PostgreSQL"
systemctl enable --now postgresql >/dev/null 2>&1 || pg_ctlcluster "$(ls /usr/lib/postgresql | sort -n | tail -1)" main start || true
if [ ! -f "$ETC/env" ]; then
    dbpass=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='ppid_reviewer'\"" | grep -q 1 \
        && su postgres -c "psql -qc \"alter role ppid_reviewer password '$dbpass'\"" \
        || su postgres -c "psql -qc \"create role ppid_reviewer login password '$dbpass'\""
    su postgres -c "psql -qtAc \"select 1 from pg_database where datname='ppid_reviewer'\"" | grep -q 1 \
        || su postgres -c "createdb -O ppid_reviewer ppid_reviewer"
    key=$(python3 -c 'import secrets; print(secrets.token_hex(32))')
    host=$(hostname -f 2>/dev/null || hostname)
    if [ -n "$https" ]; then url="https://$https"; secure=1; else url="http://$host:8000"; secure=$((1 - staging)); fi
    sed -e "s#GANTI_KATA_SANDI#$dbpass#" -e "s#GANTI_DENGAN_64_HEKS_ACAK#$key#" \
        -e "s#^REVIEWER_UI_URL=.*#REVIEWER_UI_URL=$url#" -e "s#^REVIEWER_SECURE_COOKIES=.*#REVIEWER_SECURE_COOKIES=$secure#" \
        "$src/deploy/env.example" > "$ETC/env"
    chown root:"$SVC" "$ETC/env"
    chmod 0640 "$ETC/env"
    echo "ditulis / written: $ETC/env"
fi
as_service() { su -s /bin/sh "$SVC" -c "set -a; . $ETC/env; set +a; cd $APP/app; $*"; }
as_service "$APP/venv/bin/reviewer db upgrade"

step "systemd, logrotate"
for unit in "$src"/deploy/systemd/*; do install -m 0644 "$unit" /etc/systemd/system/; done
if [ "$staging" = 1 ]; then  # no proxy in front: listen on the office network directly
    install -d /etc/systemd/system/ppid-reviewer-web.service.d
    printf '[Service]\nExecStart=\nExecStart=%s/venv/bin/reviewer serve --no-worker --host 0.0.0.0 --port 8000 --threads 8\n' \
        "$APP" > /etc/systemd/system/ppid-reviewer-web.service.d/staging.conf
fi
install -m 0644 "$src/deploy/logrotate-ppid-reviewer" /etc/logrotate.d/ppid-reviewer
install -d /etc/systemd/journald.conf.d
install -m 0644 "$src/deploy/journald-ppid-reviewer.conf" /etc/systemd/journald.conf.d/ppid-reviewer.conf
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now ppid-reviewer-web ppid-reviewer-worker ppid-reviewer-backup.timer
    systemctl restart ppid-reviewer-web ppid-reviewer-worker
else
    # the same commands as the units (and the staging drop-in); no nightly backup without systemd: use cron
    if [ "$staging" = 1 ]; then listen="--host 0.0.0.0"; else listen="--host 127.0.0.1 --proxy 127.0.0.1"; fi
    echo "systemd tidak berjalan (kontainer/WSL lama): jalankan sendiri / systemd not running, start by hand:"
    echo "  su -s /bin/sh $SVC -c 'set -a; . $ETC/env; cd $APP/app; $APP/venv/bin/reviewer serve --no-worker $listen --port 8000 --threads 8' &"
    echo "  su -s /bin/sh $SVC -c 'set -a; . $ETC/env; cd $APP/app; $APP/venv/bin/reviewer worker' &"
    echo "  cadangan malam / nightly backup (cron): 30 1 * * * su -s /bin/sh $SVC -c 'set -a; . $ETC/env; sh $APP/app/deploy/backup.sh'"
fi

if [ -n "$https" ]; then
    step "Caddy (HTTPS) untuk / for $https"
    sed "s#ppid.contoh.go.id#$https#" "$src/deploy/Caddyfile" > /etc/caddy/Caddyfile
    systemctl reload caddy 2>/dev/null || systemctl restart caddy 2>/dev/null || true
fi

if [ -n "$admin" ]; then
    step "akun admin / admin account $admin"
    as_service "$APP/venv/bin/reviewer user add $admin --role admin" || true
fi

step "reviewer doctor --server"
sleep 2
as_service "$APP/venv/bin/reviewer doctor --server"
