#!/usr/bin/env bash
# Configures and builds one flavour of castgraph into build/<flavour>.
#   release: optimised, warnings on (the tool you run)
#   asan:    AddressSanitizer + UndefinedBehaviorSanitizer (the tests run here too)
#   fuzz:    the libFuzzer targets of fuzz/ only, built with clang (scripts/fuzz.sh runs them)
# Extra arguments are passed to `cmake --build` (e.g. --target castgraph).
set -euo pipefail
cd "$(dirname "$0")/.."
flavour=${1:?usage: scripts/build.sh release|asan [cmake --build args...]}
shift
case "$flavour" in
  release) flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASTGRAPH_SANITIZE=ON -DCASTGRAPH_BENCH=OFF) ;;
  fuzz) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASTGRAPH_FUZZ=ON -DCASTGRAPH_TESTS=OFF -DCASTGRAPH_BENCH=OFF
               -DCMAKE_CXX_COMPILER=clang++) ;;
  *) echo "scripts/build.sh: unknown flavour '$flavour' (release, asan or fuzz)" >&2; exit 2 ;;
esac
cmake -S . -B "build/$flavour" "${flags[@]}" >/dev/null
cmake --build "build/$flavour" -j"$(nproc)" "$@"
