#!/usr/bin/env bash
# Formats every C++ file of the repository with .clang-format (clang-format 14).
#   scripts/format.sh          rewrite the files in place
#   scripts/format.sh --check  change nothing; list the files that differ and exit 1 if any
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cpp' '*.hpp')
if [[ ${1:-} == --check ]]; then
  differ=()
  for file in "${files[@]}"; do
    clang-format "$file" | cmp -s - "$file" || differ+=("$file")
  done
  if ((${#differ[@]})); then
    echo "format: ${#differ[@]} file(s) differ from .clang-format; run scripts/format.sh:" >&2
    printf '  %s\n' "${differ[@]}" >&2
    exit 1
  fi
  echo "format: ${#files[@]} files match .clang-format" >&2
else
  clang-format -i "${files[@]}"
fi
