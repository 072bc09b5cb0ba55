#!/usr/bin/env bash
# What the table outputs cost: `rank --by fans --top 0` on samples/liaoning (12,000 rows)
# printed as text, as CSV, and written as an Excel workbook. Five runs each; prints each
# run's wall seconds and peak RSS (KB) from /usr/bin/time -v, and the output sizes.
# Usage: bench/table_output_bench.sh [path/to/castgraph]
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-build/release/cli/castgraph}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
run() {
  local label=$1
  shift
  for _ in 1 2 3 4 5; do
    /usr/bin/time -v "$@" >"$scratch/out" 2>"$scratch/time"
    awk -v label="$label" '/Elapsed \(wall clock\)/ {wall = $NF} /Maximum resident/ {rss = $NF}
      END {print label, wall, rss}' "$scratch/time"
  done
}
run text "$binary" rank samples/liaoning --by fans --top 0
run csv "$binary" rank samples/liaoning --by fans --top 0 --csv
run xlsx "$binary" rank samples/liaoning --by fans --top 0 -o "$scratch/rank.xlsx"
"$binary" rank samples/liaoning --by fans --top 0 >"$scratch/rank.txt"
"$binary" rank samples/liaoning --by fans --top 0 --csv >"$scratch/rank.csv"
wc -c "$scratch/rank.txt" "$scratch/rank.csv" "$scratch/rank.xlsx" | sed "s|$scratch/||"
