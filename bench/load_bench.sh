#!/usr/bin/env bash
# Loading, snapshots and a 10-host reach query on `generate --preset liaoning`, side by
# side with python-igraph, graph-tool and NetworkX doing the same work on the same file.
#
#   bench/load_bench.sh [SCALE...]        default scales: 0.01 0.1
#
# Needs a release build (scripts/build.sh release) and, for the peers,
# apt-get install python3-igraph python3-graph-tool python3-networkx.
# Each figure is the median of RUNS runs (default 3); memory is the peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
castgraph=${CASTGRAPH:-build/release/cli/castgraph}
runs=${RUNS:-3}
scales=("$@")
((${#scales[@]})) || scales=(0.01 0.1)
work=${BENCH_DIR:-/tmp/castgraph-bench}
mkdir -p "$work"

# median_of CMD...: runs CMD $runs times under /usr/bin/time; prints "seconds peak_kb".
median_of() {
  local i
  for ((i = 0; i < runs; i++)); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
    cat "$work/time"
  done | sort -n | awk -v n="$runs" 'NR == int((n + 1) / 2) { print }'
}

# The ten hosts with the most follow rows, which every tool then reaches.
top_hosts() {
  # awk reads to the end, so no stage dies of SIGPIPE under pipefail
  tail -n +2 "$1/follows.csv" | cut -d, -f2 | sort | uniq -c | sort -rn |
    awk 'NR <= 10 {print $2}' | paste -sd, -
}

printf '%-8s %-34s %10s %10s\n' scale step seconds peak_MB
for scale in "${scales[@]}"; do
  data="$work/liaoning-$scale"
  [[ -d $data ]] || "$castgraph" generate --preset liaoning --scale "$scale" --seed 1 -o "$data" >/dev/null
  rows=$(($(wc -l <"$data/follows.csv") - 1))
  hosts=$(top_hosts "$data")
  report() { printf '%-8s %-34s %10s %10d\n' "$scale" "$1" "$2" $(($3 / 1024)); }

  read -r s kb < <(median_of "$castgraph" tiers "$data"); report "castgraph load CSV ($rows rows)" "$s" "$kb"
  read -r s kb < <(median_of "$castgraph" snapshot "$data" -o "$work/liaoning-$scale.cgs"); report "castgraph load + write snapshot" "$s" "$kb"
  read -r s kb < <(median_of "$castgraph" tiers "$work/liaoning-$scale.cgs"); report "castgraph open snapshot" "$s" "$kb"
  read -r s kb < <(median_of "$castgraph" reach "$work/liaoning-$scale.cgs" --hosts "$hosts" --method exact); report "castgraph 10-host reach (snapshot)" "$s" "$kb"
  read -r s kb < <(median_of "$castgraph" reach "$data" --hosts "$hosts" --method exact); report "castgraph 10-host reach (CSV)" "$s" "$kb"
  for peer in igraph graph-tool networkx; do
    if [[ $peer == networkx && $scale != 0.01 && $scale != 0.1 ]]; then continue; fi  # too slow beyond
    /usr/bin/python3 -c "import ${peer/graph-tool/graph_tool}" 2>/dev/null || { echo "($peer not installed)"; continue; }
    read -r s kb < <(median_of /usr/bin/python3 bench/peers/load_and_reach.py "$peer" "$data" "$hosts")
    report "$peer load + 10-host reach" "$s" "$kb"
  done
done
