#!/usr/bin/env bash
# Configures and builds one flavour of castgraph into build/<flavour>.
#   release: optimised, warnings on (the tool you run)
#   asan:    AddressSanitizer + UndefinedBehaviorSanitizer at -O1 (the tests run here too), without
#            castgraph-mpi: LeakSanitizer reports Open MPI's own allocations at exit
#   fuzz:    the libFuzzer targets of fuzz/ only, built with clang (scripts/fuzz.sh runs them)
# Extra arguments are passed to `cmake --build` (e.g. --target castgraph).
set -euo pipefail
cd "$(dirname "$0")/.."
flavour=${1:?usage: scripts/build.sh release|asan [cmake --build args...]}
shift
case "$flavour" in
  release) flags=(-DCMAKE_BUILD_TYPE=Release -DCASTGRAPH_MPI=AUTO) ;;
  # -O1 -g1 (line tables only): half the compile time of -O2 -g (a test file: 42.7 s of
  # CPU against 19.6 s), and sanitizer reports still name file and line.
  asan) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -g1 -DNDEBUG"
               -DCASTGRAPH_SANITIZE=ON -DCASTGRAPH_BENCH=OFF -DCASTGRAPH_MPI=OFF) ;;
  fuzz) flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DCASTGRAPH_FUZZ=ON -DCASTGRAPH_TESTS=OFF -DCASTGRAPH_BENCH=OFF
               -DCMAKE_CXX_COMPILER=clang++) ;;
  *) echo "scripts/build.sh: unknown flavour '$flavour' (release, asan or fuzz)" >&2; exit 2 ;;
esac
# Unity batches: the CLI and the tests spend most of their compile time instantiating and
# generating the same CLI11, nlohmann/json, fmt and Catch2 templates in every file. Nine
# CLI files compiled as one took 24.5 s of CPU against 99.7 s apart (bench/RESULTS.md,
# "Build time"). A plain `cmake -S . -B build` still builds file by file, which keeps every
# file compiling on its own.
flags+=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=8)
# A developer's machine with ccache rebuilds clones and flavours from its cache; CI builds
# from scratch, so that its time is what a fresh machine takes.
if [[ -z ${CI:-} ]] && command -v ccache >/dev/null; then
  flags+=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=$PWD
fi
cmake -S . -B "build/$flavour" "${flags[@]}" >/dev/null
cmake --build "build/$flavour" -j"$(nproc)" "$@"
