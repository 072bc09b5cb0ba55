#!/usr/bin/env bash
# Builds the libFuzzer targets (build/fuzz) and runs each for N seconds, starting from
# its seed corpus in tests/fuzz_corpus/<target>. Usage: scripts/fuzz.sh [seconds-per-target]
# (default 60). New interesting inputs go to build/fuzz/corpus/<target> (kept between
# runs); a crash, leak, hang or out-of-memory input goes to build/fuzz/crashes and makes
# the script fail. fuzz/README.md explains how to run longer and how to replay a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
targets=(fuzz_csv_reader fuzz_dataset_loader fuzz_snapshot_reader fuzz_escape)

scripts/build.sh fuzz >/dev/null
mkdir -p build/fuzz/crashes
# One fuzzer per core at a time (each is single-threaded), so the whole run takes
# targets / cores × seconds of wall time and every target still gets its full seconds.
fuzz_one() {
  local target=$1 corpus=build/fuzz/corpus/$1
  mkdir -p "$corpus"
  # -max_len: big enough for a whole small dataset or snapshot; huge inputs are the
  # bad-input suite's job. -timeout: any one input slower than 10 s is a hang.
  build/fuzz/fuzz/$target "$corpus" "tests/fuzz_corpus/$target" \
    -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix=build/fuzz/crashes/"$target"- -print_final_stats=1 \
    2>build/fuzz/"$target".log
}
jobs_at_once=$(nproc)
declare -A running=()
failed=()
collect() {  # waits for the oldest running fuzzer and records its outcome
  local target=$1
  if ! wait "${running[$target]}"; then
    failed+=("$target")
    tail -n 40 build/fuzz/"$target".log >&2
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz/"$target".log \
    | sed "s/^/$target: /" >&2 || true
  unset "running[$target]"
}
order=()
for target in "${targets[@]}"; do
  if ((${#running[@]} >= jobs_at_once)); then
    collect "${order[0]}"
    order=("${order[@]:1}")
  fi
  echo "== fuzzing $target for ${seconds}s ==" >&2
  fuzz_one "$target" &
  running[$target]=$!
  order+=("$target")
done
for target in "${order[@]}"; do collect "$target"; done
if ((${#failed[@]})); then
  echo "fuzz: ${failed[*]} failed; reproducers in build/fuzz/crashes" >&2
  exit 1
fi
echo "fuzz: no crash in ${#targets[@]} targets x ${seconds}s" >&2
