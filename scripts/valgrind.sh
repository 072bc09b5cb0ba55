#!/usr/bin/env bash
# Runs the release test executables under valgrind's memcheck (a developer's check, not
# part of CI: it takes several minutes). Usage: scripts/valgrind.sh [test_name ...]
# (default: graph loaders algorithms cli viz). Exits non-zero on any memory error or
# definite leak. The castgraph binary the CLI tests start is not traced (only the test
# process); forked Graphviz children are, each in build/release/valgrind/NAME.PID.log,
# with Graphviz's and its font libraries' own never-freed memory suppressed
# (tests/viz/valgrind.supp).
set -euo pipefail
cd "$(dirname "$0")/.."
tests=("$@")
((${#tests[@]})) || tests=(graph loaders algorithms cli viz)
scripts/build.sh release >/dev/null
root=$PWD
logs=$root/build/release/valgrind
rm -rf "$logs" && mkdir -p "$logs"
status=0
for name in "${tests[@]}"; do
  echo "== valgrind test_$name ==" >&2
  # %p: forked children (Graphviz renders in them) are traced too, each in its own log.
  (cd build/release/tests && valgrind --tool=memcheck --error-exitcode=1 --leak-check=full \
      --errors-for-leak-kinds=definite --show-leak-kinds=definite --num-callers=30 \
      --suppressions="$root/tests/viz/valgrind.supp" \
      --log-file="$logs/$name.%p.log" ./"test_$name" --order lex >/dev/null) || status=1
  grep -h "ERROR SUMMARY" "$logs/$name".*.log | sort | uniq -c >&2
done
exit $status
