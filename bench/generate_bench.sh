#!/bin/sh
# Throughput of `castgraph generate`: follow rows per second, measured on CPU time (one
# core) and on wall-clock time, for a preset and scale. Writes into a temporary
# directory and deletes it afterwards.
#   bench/generate_bench.sh [BINARY] [PRESET] [SCALE]
#   bench/generate_bench.sh build/cli/castgraph liaoning 0.1
set -eu
binary=${1:-build/cli/castgraph}
preset=${2:-liaoning}
scale=${3:-0.1}
out=$(mktemp -d "${TMPDIR:-/tmp}/castgraph-generate-bench.XXXXXX")
trap 'rm -rf "$out"' EXIT
/usr/bin/time -f "%U %S %e %M" -o "$out.time" "$binary" generate --preset "$preset" \
  --scale "$scale" --seed 1 --force -q -o "$out"
rows=$(($(wc -l < "$out/follows.csv") - 1))
read -r user sys wall rss < "$out.time"
rm -f "$out.time"
awk -v rows="$rows" -v user="$user" -v sys="$sys" -v wall="$wall" -v rss="$rss" \
  -v preset="$preset" -v scale="$scale" -v bytes="$(du -sb "$out" | cut -f1)" 'BEGIN {
  printf "generate --preset %s --scale %s: %d follow rows, %.0f MB written\n", preset, scale, rows, bytes / 1e6
  printf "  user %.2f s  sys %.2f s  wall %.2f s  peak memory %.0f MB\n", user, sys, wall, rss / 1024
  printf "  %.2f million rows/s of CPU time (user+sys), %.2f million rows/s wall\n",
         rows / (user + sys) / 1e6, rows / wall / 1e6
}'
