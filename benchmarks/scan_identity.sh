#!/bin/bash
# Findings of `reviewer scan --format jsonl` over samples/, tests/data and any extra folders, to diff a
# speed-up's output against a baseline's byte for byte:
#   benchmarks/scan_identity.sh TREE OUT [FOLDER...]      e.g. TREE=. FOLDER=../shared/real/putusan-dev/pdf
#   cmp base.jsonl new.jsonl
# TREE is the checkout whose `reviewer` runs (a baseline: `git archive main | tar -x -C /tmp/base`).
set -u
tree=$(cd "$1" && pwd); out=$2; shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
extra=(); for d in "$@"; do extra+=("$(realpath "$d")"); done  # absolute: the "file" field is the path given
files=$(find "$here/samples" "$here/tests/data" "${extra[@]}" -type f \( -name '*.pdf' -o -name '*.docx' -o -name '*.txt' \
        -o -name '*.csv' -o -name '*.xlsx' -o -name '*.xls' \) | sort)
# shellcheck disable=SC2086  # one argument per file
PYTHONPATH="$tree" "${PYTHON:-python}" -m reviewer scan --format jsonl $files > "$out" 2> "$out.err"
echo "exit $? (1 when some test file is unreadable on purpose), $(wc -l < "$out") findings in $out"
