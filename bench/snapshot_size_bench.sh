#!/usr/bin/env bash
# Snapshot size, snapshot write time, `check` time and a 10-host sketch reach, on
# `castgraph generate --preset liaoning --scale S`: the figures of issue 21, "Snapshots
# sized to the data". Run it once with the build before the change and once after
# (CASTGRAPH=...), on the same generated datasets.
#
#   bench/snapshot_size_bench.sh [SCALE...]     default scales: 0.001 0.01 0.1
#
# Environment: CASTGRAPH (the binary, default build/release/cli/castgraph), RUNS (runs
# per timing, default 3; the median is printed), BENCH_DIR (where datasets and snapshots
# go, default /tmp/castgraph-bench; a dataset already there is reused), LABEL (a name for
# the binary in the table). Prints one Markdown table row per scale:
#   scale | follow rows | snapshot bytes | sketch bytes | snapshot wall s / CPU s / peak RSS
#   | check wall s / CPU s | 10-host sketch reach wall s / CPU s / peak RSS | answer
# where the ten hosts are h1..h10 and the answer is the estimate's unique_reach.
set -euo pipefail
cd "$(dirname "$0")/.."
castgraph=${CASTGRAPH:-build/release/cli/castgraph}
runs=${RUNS:-3}
label=${LABEL:-$(git rev-parse --short HEAD)}
scales=("$@")
((${#scales[@]})) || scales=(0.001 0.01 0.1)
work=${BENCH_DIR:-/tmp/castgraph-bench}
mkdir -p "$work"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# timed CMD...: runs CMD $runs times; prints the median "wall cpu peak_kb".
timed() {
  : >"$scratch/samples"
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %U %S %M" -o "$scratch/time" "$@" >"$scratch/out" 2>"$scratch/err"
    read -r wall user sys kb <"$scratch/time"
    echo "$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') $kb" \
      >>"$scratch/samples"
  done
  median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
  echo "$(cut -d' ' -f1 "$scratch/samples" | median) $(cut -d' ' -f2 "$scratch/samples" | median)" \
    "$(cut -d' ' -f3 "$scratch/samples" | median)"
}

mb() { awk -v k="$1" 'BEGIN { printf "%.0f MB", k / 1024 }'; }

echo "| binary | scale | follow rows | snapshot bytes | sketch bytes | snapshot wall / CPU / RSS |" \
  "check wall / CPU | reach --method sketch wall / CPU / RSS | unique_reach |"
echo "|---|---|---:|---:|---:|---|---|---|---:|"
for scale in "${scales[@]}"; do
  data=$work/liaoning-$scale
  [[ -f $data/follows.csv ]] ||
    "$castgraph" generate --preset liaoning --scale "$scale" -q -o "$data"
  rows=$(($(wc -l <"$data/follows.csv") - 1))
  file=$work/liaoning-$scale-$label.cgs
  read -r s_wall s_cpu s_kb < <(timed "$castgraph" snapshot "$data" -o "$file")
  bytes=$(stat -c %s "$file")
  "$castgraph" snapshot "$data" -o "$scratch/bare.cgs" --no-sketches 2>/dev/null
  sketch_bytes=$((bytes - $(stat -c %s "$scratch/bare.cgs")))
  rm -f "$scratch/bare.cgs"
  read -r c_wall c_cpu _ < <(timed "$castgraph" check "$file")
  query=(reach "$file" --hosts h1,h2,h3,h4,h5,h6,h7,h8,h9,h10 --method sketch --json)
  read -r r_wall r_cpu r_kb < <(RUNS=5 timed "$castgraph" "${query[@]}")
  answer=$("$castgraph" "${query[@]}" | awk -F': ' '/"unique_reach"/ { sub(",", "", $2); print $2 }')
  printf '| %s | %s | %s | %s | %s | %s s / %s s / %s | %s s / %s s | %s s / %s s / %s | %s |\n' \
    "$label" "$scale" "$rows" "$bytes" "$sketch_bytes" "$s_wall" "$s_cpu" "$(mb "$s_kb")" \
    "$c_wall" "$c_cpu" "$r_wall" "$r_cpu" "$(mb "$r_kb")" "$answer"
  [[ ${KEEP_SNAPSHOTS:-0} == 1 ]] || rm -f "$file"
done
