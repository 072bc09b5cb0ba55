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
failed=()
for target in "${targets[@]}"; do
  corpus=build/fuzz/corpus/$target
  mkdir -p "$corpus"
  echo "== fuzzing $target for ${seconds}s ==" >&2
  # -max_len: big enough for a whole small dataset or snapshot; huge inputs are the
  # bad-input suite's job. -timeout: any one input slower than 10 s is a hang.
  if ! build/fuzz/fuzz/$target "$corpus" "tests/fuzz_corpus/$target" \
      -max_total_time="$seconds" -max_len=16384 -rss_limit_mb=2048 -timeout=10 \
      -artifact_prefix=build/fuzz/crashes/"$target"- -print_final_stats=1 \
      2>build/fuzz/"$target".log; then
    failed+=("$target")
    tail -n 40 build/fuzz/"$target".log >&2
  fi
  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" build/fuzz/"$target".log >&2 || true
done
if ((${#failed[@]})); then
  echo "fuzz: ${failed[*]} failed; reproducers in build/fuzz/crashes" >&2
  exit 1
fi
echo "fuzz: no crash in ${#targets[@]} targets x ${seconds}s" >&2
