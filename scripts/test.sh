#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds the release and the sanitizer
# flavours, runs every Catch2 test case through CTest in both (two at a time: each case
# is a process of its own), then fuzzes each libFuzzer
# target for a short while (FUZZ_SECONDS per target, 60 by default; 0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
echo "== format ==" >&2
scripts/format.sh --check
for flavour in release asan; do
  echo "== $flavour build ==" >&2
  scripts/build.sh "$flavour"
  echo "== $flavour tests ==" >&2
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "build/$flavour" --output-on-failure --timeout 900 -j2
done
if (( ${FUZZ_SECONDS:-60} > 0 )); then
  echo "== fuzz ==" >&2
  scripts/fuzz.sh "${FUZZ_SECONDS:-60}"
fi
