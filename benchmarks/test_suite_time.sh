#!/bin/sh
# Wall time of the whole test suite as `make test` runs it (pytest-xdist, --dist loadfile), against the goal of
# issue 18: at most 5 minutes on the 2-core machine. Run it on an otherwise idle machine; a busy one says nothing.
#
#   sh benchmarks/test_suite_time.sh            # -n auto (what `make test` does)
#   sh benchmarks/test_suite_time.sh auto 0     # and one process, for the speed-up
#   make test-time
#
# Each run's log (with the 25 slowest tests) goes to out/test-time-<workers>.log; the summary lines go to stdout.
# TESTS="tests/test_store.py" limits the run to some files (to try the script, not to measure).
set -eu
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
GOAL=300
if [ -z "${DATABASE_URL_TEST+set}" ]; then
    DATABASE_URL_TEST=$(sh scripts/ci-postgres.sh || true)
fi
export DATABASE_URL_TEST
[ -n "$DATABASE_URL_TEST" ] || echo "warning: no PostgreSQL: the storage tests run on SQLite only" >&2
load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo 0)
echo "cores: $(nproc), load average before: $load, python: $PY"
awk -v l="$load" 'BEGIN { exit !(l > 0.5) }' && echo "warning: the machine is busy; the times below are not the suite's" >&2
mkdir -p out
for workers in ${*:-auto}; do
    if [ "$workers" = 0 ]; then args=""; else args="-n $workers --dist loadfile --no-loadscope-reorder"; fi
    log=out/test-time-$workers.log
    start=$(date +%s)
    # shellcheck disable=SC2086
    $PY -m pytest $args --durations=25 ${TESTS:-} >"$log" 2>&1 && status=ok || status="FAILED (see $log)"
    seconds=$(( $(date +%s) - start ))
    summary=$(grep -E '(passed|failed|error).* in [0-9.]+s' "$log" | tail -1 | tr -d '=' | sed 's/^ *//')
    echo "workers=$workers: ${seconds} s wall (goal ${GOAL} s, ratio $(awk -v s="$seconds" -v g="$GOAL" \
        'BEGIN { printf "%.2f", s / g }')); $summary; $status"
done
