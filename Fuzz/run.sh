#!/usr/bin/env bash
# Builds a fuzz target with libFuzzer and AddressSanitizer, then runs it for SECONDS.
#
#   Fuzz/run.sh TARGET SECONDS [libFuzzer options...]
#
# TARGET is a target's folder name (parse) or its product name (FuzzParse). Seeds come
# from FailCases/TARGET, ../Fixtures and ../../shared/corpus (the shared corpus beside the
# checkout, when present); the growing corpus is kept in Corpus/TARGET and crashing inputs
# in Artifacts/TARGET (both ignored by git). Copy a crash worth keeping to FailCases/TARGET:
# swift test replays that folder through the same checks.
#
# CONFIG=debug builds without optimisation (slower, same checks); the default is release.
set -euo pipefail
cd "$(dirname "$0")"

if [ $# -lt 2 ]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
target=$1
seconds=$2
shift 2
case "$target" in
  Fuzz*) product=$target; rest=${target#Fuzz}; name=${rest,} ;;
  *) name=$target; product=Fuzz${target^} ;;
esac
config=${CONFIG:-release}

# SwiftPM keeps its build plan for the main package (a path dependency here) until this
# package's manifest changes, so a file added to or removed from ../Sources goes unseen:
# drop the plan so that it is made again.
rm -f ".build/$config.yaml" .build/*/"$config"/description.json
# SwiftPM's two --sanitize flags alone leave the Swift code without libFuzzer's coverage
# instrumentation (the driver keeps only the last -sanitize=); the combined -Xswiftc flag adds it.
swift build -c "$config" --product "$product" \
  --sanitize fuzzer --sanitize address -Xswiftc -sanitize=fuzzer,address
binary=".build/$config/$product"

mkdir -p "Corpus/$name" "Artifacts/$name" "FailCases/$name"
seeds=("FailCases/$name" ../Fixtures)
[ -d ../../shared/corpus ] && seeds+=(../../shared/corpus)

# LeakSanitizer's leak check is off: Swift keeps enum case tags in the spare bits of pointers
# (an indirect case's box, a closure's context held by a once-initialised static table), which
# LeakSanitizer cannot follow, so it reports those statics as leaked (FuzzInject did, after
# 120,000 runs, on the profile tables). AddressSanitizer's memory errors are still caught.
#
# The same at exit: ASAN_OPTIONS turns off the check that runs when the process ends.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
#
# The Swift runtime's own backtracer can hang under libFuzzer; libFuzzer reports crashes itself.
export SWIFT_BACKTRACE=enable=no
exec "$binary" "Corpus/$name" "${seeds[@]}" \
  -dict=yaml.dict -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=4096 \
  -artifact_prefix="Artifacts/$name/" -print_final_stats=1 -detect_leaks=0 "$@"
