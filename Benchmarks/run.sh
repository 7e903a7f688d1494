#!/usr/bin/env bash
# Benchmarks inject (and lint, when the binary has it) over every parsable file of
# ../shared/corpus with a release build, against a baseline that only parses the same files
# with PyYAML's libyaml loader (yaml.CSafeLoader). Prints median wall time of RUNS runs and
# peak memory (max RSS), and the ratios to the baseline.
#
#   Benchmarks/run.sh            # RUNS=10 by default; CORPUS=../shared/corpus
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-10}
CORPUS=${CORPUS:-../shared/corpus}
[ -d "$CORPUS" ] || { echo "no corpus at $CORPUS" >&2; exit 2; }

swift build -c release --product kubectl-speedscale_istio >/dev/null
BIN=.build/release/kubectl-speedscale_istio

# The files libyaml parses (inject exits 2 on the others, by design).
mapfile -t FILES < <(python3 - "$CORPUS" <<'PY'
import os, sys, yaml
root = sys.argv[1]
for dirpath, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        if name.endswith(('.md', '.tsv')):
            continue
        path = os.path.join(dirpath, name)
        try:
            with open(path, 'rb') as handle:
                list(yaml.load_all(handle, Loader=yaml.CSafeLoader))
            print(path)
        except yaml.YAMLError:
            pass
PY
)
ARGS=()
for file in "${FILES[@]}"; do ARGS+=(-f "$file"); done
BYTES=$(cat "${FILES[@]}" | wc -c)
echo "files: ${#FILES[@]} ($BYTES bytes), runs: $RUNS"

TIMING=$(mktemp)
trap 'rm -f "$TIMING"' EXIT

# measure NAME COMMAND...: median wall seconds and max RSS (KiB) over RUNS runs.
measure() {
  local name=$1; shift
  local times=() rss=0
  for _ in $(seq "$RUNS"); do
    local started ended kb
    started=$(date +%s%N)
    /usr/bin/time -o "$TIMING" -f '%M' "$@" >/dev/null 2>&1 || true
    ended=$(date +%s%N)
    times+=("$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')")
    kb=$(tail -1 "$TIMING")
    (( kb > rss )) && rss=$kb
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-10s median %6.3f s   max RSS %7d KiB\n' "$name" "$median" "$rss"
  eval "RESULT_${name//-/_}=$median"
}

measure baseline python3 -c '
import sys, yaml
for path in sys.argv[1:]:
    with open(path, "rb") as handle:
        list(yaml.load_all(handle, Loader=yaml.CSafeLoader))
' "${FILES[@]}"
measure inject "$BIN" inject --skip-failed "${ARGS[@]}"
if "$BIN" lint --list-rules >/dev/null 2>&1; then
  measure lint "$BIN" lint --fail-on none "${ARGS[@]}"
fi

awk -v b="$RESULT_baseline" -v i="$RESULT_inject" -v l="${RESULT_lint:-}" 'BEGIN {
  if (b > 0) {
    printf "inject / baseline: %.2f\n", i / b
    if (l != "") printf "lint / baseline:   %.2f\n", l / b
  }
}'
