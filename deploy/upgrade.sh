#!/bin/sh
# Upgrade an office server installed by install-debian.sh to the code of this checkout (run as root):
#   git pull (or unpack the new release), then  sudo sh deploy/upgrade.sh
# Backs up first, stops the services, copies the code, reinstalls the pinned packages, migrates the schema,
# starts the services again and runs `reviewer doctor --server`. To go back: restore the backup it printed
# (deploy/restore.sh) with the previous release's code.
set -eu
[ "$(id -u)" = 0 ] || { echo "jalankan sebagai root / run as root (sudo)" >&2; exit 2; }
APP=/opt/ppid-reviewer
ETC=/etc/ppid-reviewer
SVC=ppid-reviewer
src=$(cd "$(dirname "$0")/.." && pwd)
su -s /bin/sh "$SVC" -c "set -a; . $ETC/env; set +a; PYTHON=$APP/venv/bin/python sh $src/deploy/backup.sh"
systemctl stop ppid-reviewer-web ppid-reviewer-worker
tar -C "$src" --exclude=./.venv --exclude=./instance --exclude=./.git --exclude='*/__pycache__' -cf - . \
    | tar -C "$APP/app" -xf -
"$APP/venv/bin/pip" install -q -e "$APP/app[postgres]"
su -s /bin/sh "$SVC" -c "set -a; . $ETC/env; set +a; cd $APP/app; $APP/venv/bin/reviewer db upgrade"
for unit in "$src"/deploy/systemd/*; do install -m 0644 "$unit" /etc/systemd/system/; done
systemctl daemon-reload
systemctl start ppid-reviewer-web ppid-reviewer-worker
sleep 2
su -s /bin/sh "$SVC" -c "set -a; . $ETC/env; set +a; cd $APP/app; $APP/venv/bin/reviewer doctor --server"
