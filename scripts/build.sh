#!/usr/bin/env bash
# Configures and builds one flavour of castgraph into build/<flavour>.
#   release: optimised, warnings on (the tool you run)
#   asan:    AddressSanitizer + UndefinedBehaviorSanitizer (the tests run here too)
# Extra arguments are passed to `cmake --build` (e.g. --target castgraph).
set -euo pipefail
cd "$(dirname "$0")/.."
flavour=${1:?usage: scripts/build.sh release|asan [cmake --build args...]}
shift
case "$flavour" in
  release) flags=(-DCMAKE_BUILD_TYPE=Release) ;;
  asan) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASTGRAPH_SANITIZE=ON -DCASTGRAPH_BENCH=OFF) ;;
  *) echo "scripts/build.sh: unknown flavour '$flavour' (release or asan)" >&2; exit 2 ;;
esac
cmake -S . -B "build/$flavour" "${flags[@]}" >/dev/null
cmake --build "build/$flavour" -j"$(nproc)" "$@"
