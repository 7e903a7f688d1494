#!/usr/bin/env bash
# Benchmarks the release build of kubectl-speedscale_istio on synthetic manifests, side by side
# with a baseline that runs only libyaml's event parser over the same bytes (Benchmarks/, built
# with the same compiler and -c release), and prints markdown tables on stdout:
#
#   1. throughput of inject, uninject (on inject's output) and lint over PAIRS Deployment+Service
#      pairs in one stream, in MiB/s and as a ratio to the baseline (each command's runs take
#      turns with the baseline's over the same bytes), and to the baseline on all cores (the
#      same bytes cut at `---` lines and parsed on one thread per core: what the cores give
#      together, which on some machines is little more than one core running alone);
#   2. time per document at DOCS documents in one stream, for each subcommand;
#   3. peak RSS (GNU time's %M) against input size;
#   4. a directory of FILES small files, with --jobs 1 against the default (when the tool has --jobs);
#   5. deep nesting (a block list and unclosed flow brackets), with each run's exit status;
#   6. --version and --help wall time.
#
# Every figure is the median of RUNS runs of the whole process (wall clock); a run longer than
# LONG seconds is not repeated, and one longer than TIMEOUT seconds is stopped and shown as "> T s".
# Progress goes to stderr. Not part of the tests: nothing here asserts a time.
#
#   Benchmarks/run.sh                         # RUNS=5 TIMEOUT=120 LONG=20
#   RUNS=3 DOCS="1000 10000" Benchmarks/run.sh
#
# Environment: RUNS, TIMEOUT, LONG (seconds), PAIRS (default 10000), DOCS (default
# "1000 10000 100000"), FILES (default 2000), DEPTHS (default "1000 10000 100000"),
# KEEP=DIRECTORY to keep the generated inputs there.
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
TIMEOUT=${TIMEOUT:-120}
LONG=${LONG:-20}
PAIRS=${PAIRS:-10000}
DOCS=${DOCS:-"1000 10000 100000"}
FILES=${FILES:-2000}
DEPTHS=${DEPTHS:-"1000 10000 100000"}

for tool in timeout awk cmp; do
  command -v "$tool" >/dev/null || { echo "Benchmarks/run.sh needs $tool" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "Benchmarks/run.sh needs GNU time at /usr/bin/time (apt-get install time)" >&2; exit 2; }

progress() { printf '%s\n' "$*" >&2; }

progress "building release binaries"
swift build -c release --product kubectl-speedscale_istio >&2
swift build -c release --package-path Benchmarks >&2
BIN=$PWD/.build/release/kubectl-speedscale_istio
BASELINE=$PWD/Benchmarks/.build/release/libyaml-parse
GENERATE=$PWD/Benchmarks/.build/release/generate-manifests

if [ -n "${KEEP:-}" ]; then
  WORK=$KEEP
  mkdir -p "$WORK"
else
  WORK=$(mktemp -d)
  trap 'rm -rf "$WORK"' EXIT
fi

# --- measuring ---------------------------------------------------------------------------------

# measure OK_EXITS COMMAND...: runs COMMAND up to RUNS times, standard output to $OUT (default
# /dev/null). Sets MEDIAN (seconds; empty when a run failed or was stopped), RSS (largest peak
# RSS of the runs, KiB), EXIT (the last run's exit status) and NOTE (why there is no MEDIAN).
measure() {
  local ok=" $1 "; shift
  local times=() start end status elapsed kb
  MEDIAN='' RSS=0 NOTE=''
  for ((run = 0; run < RUNS; run++)); do
    start=$EPOCHREALTIME
    set +e
    timeout "$TIMEOUT" /usr/bin/time -f '%M' -o "$WORK/.rss" "$@" >"${OUT:-/dev/null}" 2>"$WORK/.stderr"
    status=$?
    EXIT=$status
    set -e
    end=$EPOCHREALTIME
    elapsed=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')
    if (( status == 124 )); then
      NOTE="> $TIMEOUT s"
      return
    fi
    if [[ $ok != *" $status "* ]]; then
      NOTE="exit $status"
      (( status > 128 )) && NOTE="killed by signal $((status - 128))"
      return
    fi
    kb=$(tail -n 1 "$WORK/.rss")
    (( kb > RSS )) && RSS=$kb
    times+=("$elapsed")
    awk -v e="$elapsed" -v l="$LONG" 'BEGIN { exit !(e > l) }' && break
  done
  MEDIAN=$(median_of "${times[@]}")
}

# median_of TIMES...: the median of the times given.
median_of() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Formatting helpers: mib BYTES, rate BYTES SECONDS (MiB/s), per SECONDS COUNT (µs each), ratio A B.
mib() { awk -v b="$1" 'BEGIN { printf "%.2f", b / 1048576 }'; }
rate() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.2f", b / 1048576 / s }'; }
per() { awk -v s="$1" -v n="$2" 'BEGIN { printf "%.1f", s * 1e6 / n }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
seconds() { awk -v s="$1" 'BEGIN { printf "%.3f s", s }'; }
size() { wc -c <"$1" | tr -d ' '; }

# The time of the last measure, or why there is none.
shown_time() { if [ -n "$MEDIAN" ]; then seconds "$MEDIAN"; else printf '%s' "$NOTE"; fi; }

# --- inputs ------------------------------------------------------------------------------------

# pairs_file PAIRS: the stream of PAIRS pairs (generated once).
pairs_file() {
  local file=$WORK/pairs-$1.yaml
  [ -s "$file" ] || "$GENERATE" pairs "$1" >"$file"
  printf '%s' "$file"
}

# injected_file PAIRS: inject's output for that stream, made 1,000 pairs at a time (documents are
# injected independently, so the pieces joined are the output of one run over the whole stream;
# the throughput section checks this when inject finishes the whole stream in time).
# bound BYTES: the issue's memory bound for an input of BYTES bytes, 3 × input + 64 MiB, in MiB.
bound() { awk -v b="$1" 'BEGIN { printf "%.1f", 3 * b / 1048576 + 64 }'; }

injected_file() {
  local file=$WORK/injected-$1.yaml
  if [ ! -s "$file" ]; then
    local first=0 count
    : >"$file"
    while (( first < $1 )); do
      count=$(( $1 - first < 1000 ? $1 - first : 1000 ))
      "$GENERATE" pairs "$count" "$first" | "$BIN" inject -q >>"$file"
      first=$(( first + count ))
    done
  fi
  printf '%s' "$file"
}

# --- 1. throughput -----------------------------------------------------------------------------

STREAM=$(pairs_file "$PAIRS")
progress "making inject's output for the $PAIRS-pair stream"
INJECTED=$(injected_file "$PAIRS")

echo "# kubectl-speedscale_istio benchmark"
echo
echo "$(swift --version 2>/dev/null | head -n 1); $(nproc) cores; $(uname -sm); commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "Command: \`RUNS=$RUNS TIMEOUT=$TIMEOUT LONG=$LONG Benchmarks/run.sh\` (median of up to $RUNS runs of the whole process, wall clock)."
echo
echo "## Throughput: $PAIRS Deployment + Service pairs in one stream"
echo
CORES=$(nproc)
echo "| run | input | MiB | time | MiB/s | libyaml MiB/s, same bytes | ratio to libyaml | libyaml on $CORES threads, MiB/s | ratio to it |"
echo "|---|---|---|---|---|---|---|---|---|"

# throughput_row NAME FILE OK_EXITS COMMAND...: sets ROW (the table row of COMMAND over FILE),
# BASE_TIME (libyaml's median time over FILE) and CORES_TIME (libyaml's on CORES threads).
# libyaml, libyaml on every core and COMMAND take turns (libyaml, libyaml on every core,
# COMMAND, libyaml, ...), so that a machine that speeds up or slows down during the benchmark
# weighs on all alike; each figure is the median of its own runs, and each ratio is of two.
throughput_row() {
  local name=$1 file=$2 ok=$3; shift 3
  local bytes base_rate cores_rate round base_times=() cores_times=() times=() note=''
  bytes=$(size "$file")
  for ((round = 0; round < RUNS; round++)); do
    progress "throughput: libyaml over $(basename "$file") on 1 and $CORES threads, then $name (round $((round + 1)) of $RUNS)"
    RUNS=1 OUT=/dev/null measure 0 "$BASELINE" "$file"
    [ -n "$MEDIAN" ] || { echo "the libyaml baseline failed over $file ($NOTE)" >&2; exit 2; }
    base_times+=("$MEDIAN")
    RUNS=1 OUT=/dev/null measure 0 "$BASELINE" --threads "$CORES" "$file"
    [ -n "$MEDIAN" ] || { echo "the libyaml baseline on $CORES threads failed over $file ($NOTE)" >&2; exit 2; }
    cores_times+=("$MEDIAN")
    RUNS=1 measure "$ok" "$@"
    if [ -z "$MEDIAN" ]; then note=$NOTE; break; fi
    times+=("$MEDIAN")
    awk -v e="$MEDIAN" -v l="$LONG" 'BEGIN { exit !(e > l) }' && break
  done
  BASE_TIME=$(median_of "${base_times[@]}")
  CORES_TIME=$(median_of "${cores_times[@]}")
  base_rate=$(rate "$bytes" "$BASE_TIME")
  cores_rate=$(rate "$bytes" "$CORES_TIME")
  if [ -z "$note" ]; then
    MEDIAN=$(median_of "${times[@]}")
    local own_rate
    own_rate=$(rate "$bytes" "$MEDIAN")
    ROW="| $name | $(basename "$file") | $(mib "$bytes") | $(shown_time) | $own_rate | $base_rate | $(ratio "$own_rate" "$base_rate") | $cores_rate | $(ratio "$own_rate" "$cores_rate") |"
  else
    MEDIAN=''
    ROW="| $name | $(basename "$file") | $(mib "$bytes") | $note | - | $base_rate | - | $cores_rate | - |"
  fi
}

OUT=$WORK/inject-output.yaml throughput_row inject "$STREAM" 0 "$BIN" inject -q -f "$STREAM"
INJECT_FINISHED=$MEDIAN
INJECT_ROW=$ROW
STREAM_BYTES=$(size "$STREAM")
echo "| libyaml event parse (baseline, runs beside inject's) | $(basename "$STREAM") | $(mib "$STREAM_BYTES") | $(seconds "$BASE_TIME") | $(rate "$STREAM_BYTES" "$BASE_TIME") | $(rate "$STREAM_BYTES" "$BASE_TIME") | 1.000 | $(rate "$STREAM_BYTES" "$CORES_TIME") | $(ratio "$(rate "$STREAM_BYTES" "$BASE_TIME")" "$(rate "$STREAM_BYTES" "$CORES_TIME")") |"
echo "| libyaml event parse on $CORES threads (runs beside inject's) | $(basename "$STREAM") | $(mib "$STREAM_BYTES") | $(seconds "$CORES_TIME") | $(rate "$STREAM_BYTES" "$CORES_TIME") | $(rate "$STREAM_BYTES" "$BASE_TIME") | $(ratio "$(rate "$STREAM_BYTES" "$CORES_TIME")" "$(rate "$STREAM_BYTES" "$BASE_TIME")") | $(rate "$STREAM_BYTES" "$CORES_TIME") | 1.000 |"
echo "$INJECT_ROW"
throughput_row uninject "$INJECTED" 0 "$BIN" uninject -q -f "$INJECTED"
echo "$ROW"
throughput_row lint "$STREAM" "0 1" "$BIN" lint --fail-on none -f "$STREAM"
echo "$ROW"
echo
if [ -n "$INJECT_FINISHED" ]; then
  if cmp -s "$WORK/inject-output.yaml" "$INJECTED"; then
    echo "uninject's input is inject's output over the whole stream (checked byte for byte)."
  else
    echo "**uninject's input, made 1,000 pairs at a time, differs from inject's output over the whole stream.**"
  fi
else
  echo "uninject's input is inject's output made 1,000 pairs at a time (inject did not finish the whole stream)."
fi
echo

# --- 2 and 3. time per document and peak RSS --------------------------------------------------

echo "## Time per document (µs) in one stream"
echo
echo "| documents | MiB | libyaml | inject | uninject | lint |"
echo "|---|---|---|---|---|---|"
RSS_ROWS=()
declare -A PER_DOC=()
for docs in $DOCS; do
  pairs=$(( docs / 2 ))
  file=$(pairs_file "$pairs")
  progress "per document: making inject's output for $docs documents"
  injected=$(injected_file "$pairs")
  bytes=$(size "$file")
  row="| $docs | $(mib "$bytes")"
  injected_bytes=$(size "$injected")
  declare -A RSS_OF=()
  for name in libyaml inject uninject lint; do
    progress "per document: $name over $docs documents"
    case $name in
      libyaml) measure 0 "$BASELINE" "$file" ;;
      inject) measure 0 "$BIN" inject -q -f "$file" ;;
      uninject) measure 0 "$BIN" uninject -q -f "$injected" ;;
      lint) measure "0 1" "$BIN" lint --fail-on none -f "$file" ;;
    esac
    if [ -n "$MEDIAN" ]; then
      PER_DOC[$name,$docs]=$(per "$MEDIAN" "$docs")
      row+=" | ${PER_DOC[$name,$docs]}"
    else
      row+=" | $NOTE"
    fi
    if [ "$name" != libyaml ]; then
      if (( RSS > 0 )); then RSS_OF[$name]=$(awk -v k="$RSS" 'BEGIN { printf "%.1f", k / 1024 }'); else RSS_OF[$name]=$NOTE; fi
    fi
  done
  echo "$row |"
  # Each run against the bound for its own input: uninject reads inject's output, which is larger.
  RSS_ROWS+=("| $docs documents | inject | $(mib "$bytes") | ${RSS_OF[inject]} | $(bound "$bytes") |")
  RSS_ROWS+=("| $docs documents | lint | $(mib "$bytes") | ${RSS_OF[lint]} | $(bound "$bytes") |")
  RSS_ROWS+=("| $docs documents, injected | uninject | $(mib "$injected_bytes") | ${RSS_OF[uninject]} | $(bound "$injected_bytes") |")
done
set -- $DOCS
first=$1
last=${*: -1}
if [ "$first" != "$last" ]; then
  row="| $last ÷ $first | "
  for name in libyaml inject uninject lint; do
    if [ -n "${PER_DOC[$name,$first]:-}" ] && [ -n "${PER_DOC[$name,$last]:-}" ]; then
      row+=" | $(awk -v a="${PER_DOC[$name,$last]}" -v b="${PER_DOC[$name,$first]}" 'BEGIN { printf "%.2f ×", a / b }')"
    else
      row+=" | -"
    fi
  done
  echo "$row |"
fi
echo
echo "## Peak RSS (MiB) against input size"
echo
echo "| input | run | input MiB | peak RSS MiB | 3 × input + 64 MiB |"
echo "|---|---|---|---|---|"
printf '%s\n' "${RSS_ROWS[@]}"
echo

# --- 4. a directory of small files ------------------------------------------------------------

DIRECTORY=$WORK/files-$FILES
[ -d "$DIRECTORY" ] || "$GENERATE" files "$FILES" "$DIRECTORY"
echo "## A directory of $FILES files ($(mib "$(cat "$DIRECTORY"/*.yaml | wc -c)") MiB), inject"
echo
echo "| run | time | speedup | output identical to --jobs 1 |"
echo "|---|---|---|---|"
# The two runs take turns (default, --jobs 1, default, ...), so that a machine that speeds up or
# slows down during the benchmark weighs on both alike.
inject_help=$("$BIN" inject --help 2>/dev/null || true)
# (The help is read whole first: `grep -q` on a pipe would stop the writer early, and with
# pipefail that reads as "no --jobs".)
has_jobs=no
[[ $inject_help == *--jobs* ]] && has_jobs=yes
default_times=() single_times=() default_note='' single_note=''
for ((round = 0; round < RUNS; round++)); do
  progress "directory: inject with the default workers, then --jobs 1 (round $((round + 1)) of $RUNS)"
  RUNS=1 OUT=$WORK/jobs-default.yaml measure 0 "$BIN" inject -q -f "$DIRECTORY"
  if [ -z "$MEDIAN" ]; then default_note=$NOTE; break; fi
  default_times+=("$MEDIAN")
  [ "$has_jobs" = yes ] || continue
  RUNS=1 OUT=$WORK/jobs-1.yaml measure 0 "$BIN" inject -q --jobs 1 -f "$DIRECTORY"
  if [ -z "$MEDIAN" ]; then single_note=$NOTE; break; fi
  single_times+=("$MEDIAN")
done
default_time=''
if [ -z "$default_note" ]; then
  default_time=$(median_of "${default_times[@]}")
  echo "| default | $(seconds "$default_time") | | |"
else
  echo "| default | $default_note | | |"
fi
if [ "$has_jobs" = no ]; then
  echo "| --jobs 1 | not available (this build has no --jobs) | - | - |"
elif [ -n "$default_time" ] && [ -z "$single_note" ]; then
  single_time=$(median_of "${single_times[@]}")
  same=no
  cmp -s "$WORK/jobs-1.yaml" "$WORK/jobs-default.yaml" && same=yes
  echo "| --jobs 1 | $(seconds "$single_time") | $(awk -v a="$single_time" -v b="$default_time" 'BEGIN { printf "%.2f ×", a / b }') | $same |"
else
  echo "| --jobs 1 | ${single_note:--} | - | - |"
fi
echo

# --- 5. deep nesting ---------------------------------------------------------------------------

echo "## Deep nesting"
echo
echo "| input | depth | libyaml | inject | lint |"
echo "|---|---|---|---|---|"
for kind in deep brackets; do
  for depth in $DEPTHS; do
    file=$WORK/$kind-$depth.yaml
    if [ "$kind" = deep ]; then
      "$GENERATE" deep "$depth" >"$file"
      label="block list in a container's args"
    else
      { printf 'kind: ConfigMap\ndata: '; head -c "$depth" /dev/zero | tr '\0' '['; printf '\n'; } >"$file"
      label="unclosed ["
    fi
    row="| $label | $depth"
    for name in libyaml inject lint; do
      progress "nesting: $name over $kind $depth"
      case $name in
        libyaml) measure "0 2" "$BASELINE" "$file" ;;
        inject) measure "0 1 2" "$BIN" inject -q -f "$file" ;;
        lint) measure "0 1 2" "$BIN" lint --fail-on none -f "$file" ;;
      esac
      if [ -n "$MEDIAN" ]; then
        row+=" | $(shown_time), exit $EXIT"
      else
        row+=" | $NOTE"
      fi
    done
    echo "$row |"
  done
done
echo

# --- 6. --version and --help -------------------------------------------------------------------

# The executables `make install` and `make dist` build on Linux are linked statically (the
# Swift runtime, and libyaml and the C library when libyaml.a is installed: `make
# static-flags` prints the flags), which spares the dynamic loader its work at start-up.
STATIC_BIN=''
STATIC_LABEL='make install'
if [ "$(uname -s)" = Linux ] && command -v make >/dev/null; then
  read -r -a static_flags <<<"$(make -s static-flags)"
  STATIC_LABEL="make install (${static_flags[*]})"
  progress "start-up: building the release executable with ${static_flags[*]} (as make install does)"
  if swift build -c release "${static_flags[@]}" --product kubectl-speedscale_istio --scratch-path .build/static >&2; then
    STATIC_BIN=$PWD/.build/static/release/kubectl-speedscale_istio
  fi
fi

echo "## Start-up"
echo
echo "| command | swift build -c release | $STATIC_LABEL |"
echo "|---|---|---|"
# startup_median BINARY ARGUMENTS: the median wall time of 20 runs, in ms.
startup_median() {
  local binary=$1 arguments=$2 times=() start end
  for ((run = 0; run < 20; run++)); do
    start=$EPOCHREALTIME
    # shellcheck disable=SC2086
    "$binary" $arguments >/dev/null 2>&1 || true
    end=$EPOCHREALTIME
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.6f", b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ a[NR] = $1 } END { printf "%.1f ms", (a[10] + a[11]) / 2 * 1000 }'
}
for arguments in "--version" "--help" "inject --help"; do
  progress "start-up: $arguments"
  row="| \`$arguments\` | $(startup_median "$BIN" "$arguments")"
  if [ -n "$STATIC_BIN" ]; then row+=" | $(startup_median "$STATIC_BIN" "$arguments")"; else row+=" | -"; fi
  echo "$row |"
done
